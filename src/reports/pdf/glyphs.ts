// Characters the report's font cannot draw (Chinese, Japanese, Korean, most emoji) would be empty
// boxes in the PDF and vanish from its text layer; right-to-left scripts (Hebrew, Arabic, ...) would
// be drawn mirrored and unjoined, the layout neither reorders nor shapes them. Each such character
// (each user-perceived character: an emoji with its modifiers counts once) is drawn as "�" instead,
// visibly, and counted so the command can warn once.

export const REPLACEMENT = '\uFFFD';

/** Scripts written right to left, or that need joining: never drawn as they would come out. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|\ud802[\udc00-\udfff]|\ud803[\udc00-\udfff]|\ud83a[\udc00-\udfff]|\ud83b[\udc00-\udeff]/;
/** Anything outside these ranges is checked against the font (the fast path skips plain text). */
const MAYBE = /[^\u0000-\u058f\u1e00-\u1fff\u2000-\u2bff]/;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

let replaced = 0;

/** How many characters were replaced since the last call (and resets the count). */
export function takeReplacedCount(): number {
  const n = replaced;
  replaced = 0;
  return n;
}

// Made on first use: most texts never need it, and creating one costs ~1–8 ms at start.
let segmenter: Intl.Segmenter | undefined;

/** `text` with every character the font cannot draw correctly replaced by "�". */
export function drawable(text: string, hasGlyph: (codePoint: number) => boolean): string {
  // Control characters (escape sequences, bidirectional overrides) draw nothing meaningful: dropped.
  if (CONTROL.test(text)) text = text.replace(CONTROLS, '');
  if (!MAYBE.test(text)) return text;
  let out = '';
  let changed = false;
  for (const { segment } of (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text)) {
    let ok = !RTL.test(segment);
    if (ok) {
      for (const ch of segment) {
        const cp = ch.codePointAt(0)!;
        // Joiners and variation selectors are not drawn themselves.
        if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
        if (cp >= 0x20 && !hasGlyph(cp)) {
          ok = false;
          break;
        }
      }
    }
    if (ok) out += segment;
    else {
      out += REPLACEMENT;
      replaced++;
      changed = true;
    }
  }
  return changed ? out : text;
}

/** A glyph check for a pdfkit document's current font (fontkit's cmap lookup, cached per font). */
export function glyphCheckOf(doc: PDFKit.PDFDocument, cache: Map<string, Map<number, boolean>>): (cp: number) => boolean {
  const embedded = (doc as unknown as { _font?: { name?: string; font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } })._font;
  const font = embedded?.font;
  if (!font?.hasGlyphForCodePoint) return () => true;
  const name = embedded?.name ?? '';
  let known = cache.get(name);
  if (!known) cache.set(name, (known = new Map()));
  const map = known;
  return (cp) => {
    let has = map.get(cp);
    if (has === undefined) map.set(cp, (has = font.hasGlyphForCodePoint!(cp)));
    return has;
  };
}
