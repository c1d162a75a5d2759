// Breaking words too long for a line. pdfkit cuts such a word itself, but re-measures the whole rest of
// the word for each line it takes (and caches every measured rest): a 5,000-character company name took
// 600 MB, 20,000 characters 4 GB and a crash. Cutting it here first, with one measurement per distinct
// character, keeps the work and the memory linear in the length of the word.

/** Width of one character (a code point) in the current font and size. */
export type CharWidth = (ch: string) => number;

const SPACE = /(\s+)/;

/**
 * `text` with every word wider than `width` cut into pieces that fit, one per line (joined by a
 * newline); other words, and all spacing, untouched. `maxCharWidth` bounds any character's width, so
 * short words are never measured. Pieces are cut between code points, never inside a surrogate pair.
 */
export function breakLongWords(text: string, width: number, charWidth: CharWidth, maxCharWidth: number): string {
  if (text.length * maxCharWidth <= width) return text;
  const parts = text.split(SPACE);
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i]!;
    if (word.length * maxCharWidth <= width) continue;
    const pieces: string[] = [];
    let piece = '';
    let used = 0;
    for (const ch of word) {
      const w = charWidth(ch);
      if (piece !== '' && used + w > width) {
        pieces.push(piece);
        piece = '';
        used = 0;
      }
      piece += ch;
      used += w;
    }
    if (pieces.length) {
      pieces.push(piece);
      parts[i] = pieces.join('\n');
      changed = true;
    }
  }
  return changed ? parts.join('') : text;
}

/**
 * A `CharWidth` for a pdfkit document's current font and size, measuring each character once per
 * font (widths scale with the size).
 */
export function charWidthOf(doc: PDFKit.PDFDocument, cache: Map<string, Map<string, number>>): CharWidth {
  const font = (doc as unknown as { _font?: { name?: string } })._font?.name ?? '';
  const size = (doc as unknown as { _fontSize?: number })._fontSize ?? 12;
  let widths = cache.get(font);
  if (!widths) cache.set(font, (widths = new Map()));
  const unit = widths;
  return (ch) => {
    let w = unit.get(ch);
    if (w === undefined) {
      w = doc.widthOfString(ch) / size;
      unit.set(ch, w);
    }
    return w * size;
  };
}
