// Page layout for the PDF report on top of pdfkit: explicit page breaks (so nothing is cut or orphaned),
// and every piece of content placed inside a structure element (tagged PDF) in reading order.
// Decorations (bands, rules, zebra rows, page numbers) are marked as artifacts so screen readers skip them.

import { breakLongWords, charWidthOf } from './wrap.js';
import { drawable, glyphCheckOf } from './glyphs.js';
import { canReplay, drawLines, heightOfLines, wrapLines, type Line, type LineOptions } from './lines.js';
import { SharedCache } from './shared-cache.js';

export type Doc = PDFKit.PDFDocument;
export type StructElement = PDFKit.PDFStructureElement;

export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;

export const COLOR = {
  ink: '#1d2939',
  muted: '#5d6b82',
  rule: '#d0d5dd',
  shade: '#f2f4f7',
  primary: '#1f3a5f',
  primaryLight: '#dbe4f0',
  accent: '#2a7f8f',
  benchmark: '#d9822b',
  white: '#ffffff',
  good: '#2e7d4f',
  warn: '#b7791f',
  bad: '#b42318',
} as const;

/** Colour of a maturity level (1–5): red for the basics still to lay, green for the leaders. */
export function levelColor(level: number): string {
  if (level <= 2) return COLOR.bad;
  if (level === 3) return COLOR.warn;
  return COLOR.good;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right' | 'justify';
  lineGap?: number;
}

/** One block of a table cell or a rich paragraph: stacked vertically. */
export interface TextPart extends TextStyle {
  text: string;
  link?: string;
}

export interface Column {
  header: string;
  /** Share of the table width (the shares are normalised). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** Options of a structure element; pdfkit also reads `bbox` (Layout attribute) and `scope` (table headers). */
export interface StructOptions {
  alt?: string;
  lang?: string;
  bbox?: number[];
  scope?: 'Row' | 'Column' | 'Both';
}
type PdfkitStructOptions = Parameters<Doc['struct']>[1];

/**
 * Height to keep together from item i: the item itself, or the last two items together, so a list or
 * table never ends with a single item alone on a new page (a widow).
 */
function keepLastTwo(heights: number[], i: number): number {
  return i === heights.length - 2 ? heights[i]! + heights[i + 1]! : heights[i]!;
}

export const PAGE_MARGINS = { top: 62, bottom: 62, left: 56, right: 56 };

/**
 * Measured text heights and wrapped lines (per font, size and width: the scope; then per text), shared
 * by the documents of the process: kept for good once they repeat across documents (shared-cache.ts),
 * so a batch's memory does not grow with its firms' own texts (see Layout.heightOf, Layout.linesOf).
 */
const heights = new SharedCache<number>(20_000);
const wrapped = new SharedCache<Line[]>(20_000);

/** Wrapped lines by scope ("font size width"), then text. */
export type WrappedLines = [scope: string, texts: [text: string, lines: Line[]][]][];

/**
 * Lines wrapped before this process: the build renders synthetic firms and ships the wrapped lines their
 * reports had in common (shipped-lines.ts), so that a first report does not wrap them again. An entry is
 * what this process would compute for the same scope and text (same fonts, same code): the output is the same.
 */
export function keepWrappedLines(entries: WrappedLines): void {
  for (const [scope, texts] of entries) for (const [text, lines] of texts) wrapped.keep(text, lines, scope);
}

/** The build's snapshot: the wrapped lines two documents had in common since the last call, then forgotten. */
export function takeCommonWrappedLines(): WrappedLines {
  const entries = wrapped.keptEntries();
  wrapped.clear();
  heights.clear();
  return entries;
}

const CELL_PAD = 4;

export class Layout {
  private parents: StructElement[];

  constructor(
    readonly doc: Doc,
    root: StructElement,
  ) {
    this.parents = [root];
  }

  get left(): number {
    return PAGE_MARGINS.left;
  }
  get width(): number {
    return this.doc.page.width - PAGE_MARGINS.left - PAGE_MARGINS.right;
  }
  get right(): number {
    return this.left + this.width;
  }
  get bottom(): number {
    return this.doc.page.height - PAGE_MARGINS.bottom;
  }
  get y(): number {
    return this.doc.y;
  }
  set y(value: number) {
    this.doc.y = value;
  }
  /** Whether nothing has been placed on the current page yet. */
  get atPageTop(): boolean {
    return this.doc.y <= PAGE_MARGINS.top + 0.5;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = PAGE_MARGINS.top;
  }

  /** A major section: on a new page, unless the current one is still mostly empty. */
  startSection(minFreeShare = 0.45): void {
    const free = this.bottom - this.doc.y;
    if (free < minFreeShare * (this.bottom - PAGE_MARGINS.top)) this.newPage();
    else if (!this.atPageTop) this.space(24);
  }

  /** Starts a new page unless `height` still fits below the current position. */
  ensure(height: number): void {
    if (!this.atPageTop && this.doc.y + height > this.bottom) this.newPage();
  }

  space(height: number): void {
    if (this.doc.y + height <= this.bottom) this.doc.y += height;
    else this.doc.y = this.bottom;
  }

  // ---- structure ---------------------------------------------------------------------------

  private get parent(): StructElement {
    return this.parents[this.parents.length - 1]!;
  }

  /** A structure element (Sect, L, LI, Table, TR, ...) whose children are added by `body`. */
  group(type: string, body: () => void, options: StructOptions = {}): void {
    const element = this.doc.struct(type, options as PdfkitStructOptions);
    this.parent.add(element);
    this.parents.push(element);
    try {
      body();
    } finally {
      this.parents.pop();
      element.end();
    }
  }

  /** A leaf structure element (H1, P, Lbl, Figure, ...) whose content `draw` paints. */
  leaf(type: string, draw: () => void, options: StructOptions = {}): void {
    this.parent.add(this.doc.struct(type, options as PdfkitStructOptions, draw));
  }

  /** Content of the current element painted in place (inside a TD, LBody, ...). */
  content(draw: () => void): void {
    this.parent.add(draw);
  }

  /** Decoration that is not part of the reading order. */
  artifact(draw: () => void): void {
    const doc = this.doc;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.save();
    draw();
    doc.restore();
    doc.endMarkedContent();
  }

  // ---- text ----------------------------------------------------------------------------------

  style(style: TextStyle): Doc {
    return this.font(style).fillColor(style.color ?? COLOR.ink);
  }

  /** Font and size only: measuring must not write colour operators into the page. */
  font(style: TextStyle): Doc {
    return this.doc.font(style.bold ? FONT.bold : FONT.regular).fontSize(style.size ?? 10);
  }

  heightOf(text: string, width: number, style: TextStyle = {}): number {
    const doc = this.font(style);
    const lineGap = style.lineGap ?? 2;
    // The same text in the same font, size and width always wraps the same way: measure it once per
    // process (the method, aid and benchmark texts repeat from report to report).
    const scope = `${style.bold ? 'b' : 'r'} ${style.size ?? 10} ${width} ${lineGap}`;
    // What heightOfString(fitWords(text), { width, lineGap }) returns, from the lines `write` draws.
    return heights.get(this.doc, text, () => heightOfLines(doc, this.linesOf(text, width), lineGap), scope);
  }

  /**
   * The lines pdfkit makes of `fitWords(text, width)` in the current font and size. Alignment and line
   * gap do not change where pdfkit breaks (justify is drawn by pdfkit itself), so they are not in the key.
   */
  private linesOf(text: string, width: number): Line[] {
    const d = this.doc as unknown as { _font?: { name?: string }; _fontSize?: number };
    return wrapped.get(this.doc, text, () => wrapLines(this.doc, this.fitWords(text, width), width), `${d._font?.name} ${d._fontSize} ${width}`);
  }

  private readonly charWidths = new Map<string, Map<string, number>>();

  /** `text` with words too long for `width` cut to fit, in linear time (current font and size). */
  fitWords(text: string, width: number): string {
    const size = (this.doc as unknown as { _fontSize?: number })._fontSize ?? 10;
    // What the font cannot draw (CJK, right-to-left scripts) is shown as "�", never as empty boxes.
    const shown = drawable(text, glyphCheckOf(this.doc, this.glyphs));
    // No glyph of the embedded fonts is wider than 3 em: shorter words are never measured.
    return breakLongWords(shown, width, charWidthOf(this.doc, this.charWidths), 3 * size);
  }

  private readonly glyphs = new Map<string, Map<number, boolean>>();

  /** Paints text at (x, y) within `width` and returns its height; never breaks the page itself. */
  write(text: string, x: number, y: number, width: number, style: TextStyle = {}, link?: string): number {
    const align = style.align ?? 'left';
    const lineGap = style.lineGap ?? 2;
    const saved = this.doc.page.margins.bottom;
    // The layout has already made room: keep pdfkit from breaking the page on its own.
    this.doc.page.margins.bottom = 0;
    this.style(style);
    const lines = align === 'justify' || !(width > 0) ? undefined : this.linesOf(text, width);
    const opts: LineOptions = { width, lineGap, align: align === 'justify' ? 'left' : align };
    if (link) {
      opts.link = link;
      opts.underline = true;
    }
    if (lines && canReplay(this.doc, lines, y, opts)) drawLines(this.doc, lines, x, y, opts);
    else this.doc.text(this.fitWords(text, width), x, y, { ...opts, align });
    this.doc.page.margins.bottom = saved;
    return this.doc.y - y;
  }

  heading(level: 1 | 2 | 3, text: string, keepWithNext = 60): void {
    const size = level === 1 ? 17 : level === 2 ? 12.5 : 10.5;
    const color = level === 3 ? COLOR.ink : COLOR.primary;
    const before = level === 1 ? 0 : level === 2 ? 14 : 8;
    const height = this.heightOf(text, this.width, { size, bold: true });
    this.ensure(before + height + keepWithNext);
    if (!this.atPageTop) this.space(before);
    const y = this.doc.y;
    this.leaf(`H${level}`, () => this.write(text, this.left, y, this.width, { size, bold: true, color }));
    this.doc.y = y + height + (level === 1 ? 4 : 4);
    if (level === 1) {
      const ruleY = this.doc.y;
      this.artifact(() => {
        this.doc.moveTo(this.left, ruleY).lineTo(this.right, ruleY).lineWidth(1.2).strokeColor(COLOR.primary).stroke();
      });
      this.doc.y = ruleY + 10;
      this.doc.outline.addItem(text);
    }
  }

  paragraph(text: string, style: TextStyle = {}, options: { x?: number; width?: number; after?: number } = {}): void {
    const x = options.x ?? this.left;
    const width = options.width ?? this.right - x;
    const height = this.heightOf(text, width, style);
    this.ensure(height);
    const y = this.doc.y;
    this.leaf('P', () => this.write(text, x, y, width, style));
    this.doc.y = y + height + (options.after ?? 6);
  }

  /** A paragraph made of stacked parts, some of them links. */
  richParagraph(parts: TextPart[], options: { x?: number; width?: number; after?: number } = {}): void {
    const x = options.x ?? this.left;
    const width = options.width ?? this.right - x;
    const height = this.partsHeight(parts, width);
    this.ensure(height);
    const y = this.doc.y;
    this.group('P', () => this.paintParts(parts, x, y, width));
    this.doc.y = y + height + (options.after ?? 6);
  }

  partsHeight(parts: TextPart[], width: number): number {
    return parts.reduce((sum, p, i) => sum + this.heightOf(p.text, width, p) + (i ? 1 : 0), 0);
  }

  /** Paints parts inside the current element: plain parts as its content, links as Link elements. */
  paintParts(parts: TextPart[], x: number, y: number, width: number): void {
    let cursor = y;
    parts.forEach((part, i) => {
      if (i) cursor += 1;
      const top = cursor;
      let height = 0;
      const paint = () => {
        height = this.write(part.text, x, top, width, part, part.link);
      };
      if (part.link) this.leaf('Link', paint, { alt: part.link });
      else this.content(paint);
      cursor += height;
    });
  }

  /** A bulleted or numbered list; each item stays whole on one page. */
  list(items: TextPart[][], options: { numbered?: boolean; marker?: (i: number) => string; markerColor?: string; size?: number } = {}): void {
    if (!items.length) return;
    const size = options.size ?? 10;
    const indent = 16;
    const bodyX = this.left + indent;
    const bodyWidth = this.width - indent;
    this.group('L', () => {
      const sizedItems = items.map((parts) => parts.map((p) => ({ size, ...p })));
      const heights = sizedItems.map((parts) => this.partsHeight(parts, bodyWidth) + 4);
      sizedItems.forEach((sized, i) => {
        const height = heights[i]!;
        this.ensure(keepLastTwo(heights, i));
        const y = this.doc.y;
        const marker = options.marker ? options.marker(i) : options.numbered ? `${i + 1}.` : '•';
        this.group('LI', () => {
          this.leaf('Lbl', () => this.write(marker, this.left + 2, y, indent - 2, { size, bold: true, color: options.markerColor ?? COLOR.accent }));
          this.group('LBody', () => this.paintParts(sized, bodyX, y, bodyWidth));
        });
        this.doc.y = y + height;
      });
    });
    this.doc.y += 2;
  }

  /**
   * A table whose rows never split across pages; the header row is repeated (as an artifact) on each
   * new page, so a screen reader hears it once.
   */
  table(
    columns: Column[],
    rows: TextPart[][][],
    options: { size?: number; zebra?: boolean; x?: number; width?: number; heading?: { level: 2 | 3; text: string } } = {},
  ): void {
    const size = options.size ?? 8.5;
    const x0 = options.x ?? this.left;
    const tableWidth = options.width ?? this.right - x0;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * tableWidth);
    const xs = widths.map((_, i) => x0 + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const headerParts = columns.map((c) => [{ text: c.header, size, bold: true, color: COLOR.white, align: c.align }]);
    const rowHeight = (cells: TextPart[][]) =>
      Math.max(...cells.map((parts, i) => this.partsHeight(parts, widths[i]! - 2 * CELL_PAD))) + 2 * CELL_PAD;
    const headerHeight = rowHeight(headerParts);

    const paintHeaderBackground = (y: number) =>
      this.artifact(() => this.doc.rect(x0, y, tableWidth, headerHeight).fill(COLOR.primary));
    const repeatHeader = () => {
      const y = this.doc.y;
      paintHeaderBackground(y);
      this.artifact(() => {
        headerParts.forEach((parts, i) => {
          parts.forEach((p) => this.write(p.text, xs[i]! + CELL_PAD, y + CELL_PAD, widths[i]! - 2 * CELL_PAD, p));
        });
      });
      this.doc.y = y + headerHeight;
    };

    const allCells = rows.map((row) => row.map((parts, i) => parts.map((p) => ({ size, align: columns[i]!.align, ...p }))));
    const heights = allCells.map(rowHeight);
    // A short table stays whole; a longer one starts with at least its first row (two if that is all).
    const whole = heights.reduce((sum, h) => sum + h, 0);
    // A heading given with the table moves with it, so it is never left alone at the foot of a page.
    const headingHeight = options.heading ? this.heightOf(options.heading.text, this.width, { size: 12.5, bold: true }) + 18 : 0;
    const firstRows = heights.length ? keepLastTwo(heights, 0) : 0;
    const fitsOnAPage = headingHeight + headerHeight + whole <= this.bottom - PAGE_MARGINS.top;
    this.ensure(headingHeight + headerHeight + (heights.length <= 4 && fitsOnAPage ? whole : firstRows));
    if (options.heading) this.heading(options.heading.level, options.heading.text, 0);
    this.group('Table', () => {
      this.group('THead', () => {
        const y = this.doc.y;
        paintHeaderBackground(y);
        this.group('TR', () => {
          headerParts.forEach((parts, i) => {
            this.group('TH', () => this.paintParts(parts, xs[i]! + CELL_PAD, y + CELL_PAD, widths[i]! - 2 * CELL_PAD), { scope: 'Column' });
          });
        });
        this.doc.y = y + headerHeight;
      });
      this.group('TBody', () => {
        allCells.forEach((cells, r) => {
          const height = heights[r]!;
          if (this.doc.y + keepLastTwo(heights, r) > this.bottom && r > 0) {
            this.newPage();
            repeatHeader();
          }
          const y = this.doc.y;
          this.artifact(() => {
            if ((options.zebra ?? true) && r % 2 === 1) this.doc.rect(x0, y, tableWidth, height).fill(COLOR.shade);
            this.doc.moveTo(x0, y + height).lineTo(x0 + tableWidth, y + height).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
          });
          this.group('TR', () => {
            cells.forEach((parts, i) => {
              this.group('TD', () => this.paintParts(parts, xs[i]! + CELL_PAD, y + CELL_PAD, widths[i]! - 2 * CELL_PAD));
            });
          });
          this.doc.y = y + height;
        });
      });
    });
    this.doc.y += 8;
  }

  /** A vector figure with alternative text; `draw` paints inside the box (x, y, width, height). */
  figure(alt: string, height: number, draw: (x: number, y: number, width: number, height: number) => void): void {
    this.ensure(height);
    const y = this.doc.y;
    this.leaf('Figure', () => draw(this.left, y, this.width, height), { alt, bbox: [this.left, y, this.right, y + height] });
    this.doc.y = y + height + 6;
  }
}
