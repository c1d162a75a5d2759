// Wrapped text laid out once, drawn many times. pdfkit's `doc.text(s, x, y, { width })` runs its line
// breaker each time; a report measures every block first (heightOf) and the same method, aid and
// benchmark texts come back in every report of a batch. Here the breaker runs once per text, font, size
// and width, and the lines it made are drawn by pdfkit's own per-line painter (`_fragment`) with the
// options `doc.text` would hand it, so the page gets the same operators. The only two private pdfkit
// methods used are in this file (pdfkit is pinned; test/lines.test.ts compares with `doc.text`).

type Doc = PDFKit.PDFDocument;

/** One line as pdfkit's LineWrapper emits it: the text and the widths its 'line' event carries. */
export interface Line {
  text: string;
  textWidth: number;
  wordCount: number;
  lineWidth: number;
}

/** Options of `doc.text` that `drawLines` reproduces; any other makes the caller use `doc.text`. */
export interface LineOptions {
  width: number;
  lineGap: number;
  align: 'left' | 'center' | 'right';
  link?: string;
  underline?: boolean;
}

interface LineEventOptions {
  textWidth: number;
  wordCount: number;
  lineWidth: number;
}

interface PdfkitText {
  _text(text: string, x: number, y: number, options: object, line: (text: string, options: LineEventOptions) => void): unknown;
  _fragment(text: string, x: number, y: number, options: object): void;
  _wrapper?: unknown;
  _textOptions?: unknown;
  _lineGap?: number;
}

/**
 * Whether `doc.text` would draw these lines at (x, y) without breaking the page and without carrying
 * over options of an unfinished `continued` text: then `drawLines` gives the same operators.
 */
export function canReplay(doc: Doc, lines: readonly Line[], y: number, options: LineOptions): boolean {
  const d = doc as unknown as PdfkitText;
  if (d._wrapper || d._textOptions) return false;
  if (!(options.width > 0) || !(options.lineGap >= 0)) return false;
  const lh = doc.currentLineHeight(true);
  // pdfkit breaks the page when a line would pass the page's bottom margin; keep clear of it (1 pt).
  return y + (lines.length + 1) * (lh + options.lineGap) + 1 < doc.page.maxY();
}

/**
 * The lines pdfkit's line breaker makes of `text` within `width` in the current font and size, run
 * the way `heightOfString` runs it (no height limit, so no page break); the document is left as it was.
 */
export function wrapLines(doc: Doc, text: string, width: number): Line[] {
  const lines: Line[] = [];
  const { x, y } = doc;
  (doc as unknown as PdfkitText)._text(text, x, y, { width, height: Infinity }, (line, o) => {
    lines.push({ text: line, textWidth: o.textWidth, wordCount: o.wordCount, lineWidth: o.lineWidth });
  });
  doc.x = x;
  doc.y = y;
  return lines;
}

/** `heightOfString` of the text these lines came from, computed as pdfkit does from the current y. */
export function heightOfLines(doc: Doc, lines: readonly Line[], lineGap: number): number {
  const y0 = doc.y;
  const step = doc.currentLineHeight(true) + (lineGap || (doc as unknown as PdfkitText)._lineGap || 0);
  let y = y0;
  for (let i = 0; i < lines.length; i++) y += step;
  return y - y0;
}

/**
 * Draws the lines at (x, y) as `doc.text(text, x, y, options)` draws them (check `canReplay` first):
 * each line through `_fragment` with the options pdfkit's 'line' event gives, y advanced line by line
 * with the same additions, x left at `x`.
 */
export function drawLines(doc: Doc, lines: readonly Line[], x: number, y: number, options: LineOptions): void {
  const d = doc as unknown as PdfkitText;
  doc.x = x;
  doc.y = y;
  // One option object for all lines, as doc.text passes one (its _initOptions also adds columns,
  // columnGap and rotation, which _fragment does not read). A fresh copy per line made _fragment
  // several times slower in a profile.
  const o: Record<string, unknown> = { width: options.width, lineGap: options.lineGap, align: options.align };
  if (options.link !== undefined) o.link = options.link;
  if (options.underline) o.underline = true;
  o.textWidth = 0;
  o.wordCount = 0;
  o.lineWidth = 0;
  for (const line of lines) {
    o.textWidth = line.textWidth;
    o.wordCount = line.wordCount;
    o.lineWidth = line.lineWidth;
    d._fragment(line.text, doc.x, doc.y, o);
    doc.y += doc.currentLineHeight(true) + (options.lineGap || d._lineGap || 0);
  }
  doc.x = x;
}
