// The report's font: DejaVu Sans (regular and bold), embedded as a subset. It covers accents, "€",
// "≥", "✓". Parsed once per process and shared by every document. The package ships the two files
// (and their licence) in dist/fonts/, copied there by the build from the dejavu-fonts-ttf dev package.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { glyphMapOf, type FontkitGlyphs, type GlyphMap } from './cmap.js';
import { FONT } from './layout.js';
import { postHeaderOf } from './post.js';
import { SharedCache } from './shared-cache.js';
import { createSubset, type FontSubset } from './subset.js';

type PdfDocumentClass = typeof import('pdfkit');

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
/** pdfkit's glyph position (font units scaled to 1000 per em, plus the glyph's advanceWidth). */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
/** What pdfkit's EmbeddedFont.layout returns (glyphs and positions null when asked for the width only). */
interface Layout {
  glyphs: Glyph[] | null;
  positions: Position[] | null;
  advanceWidth: number;
}
type Encoded = [string[], Position[]];
/** One word's layout (fontkit's GlyphRun, or ours from withoutShaping). */
interface WordRun {
  glyphs: Glyph[];
  positions: Position[];
  advanceWidth: number;
}
interface ParsedFont extends FontkitGlyphs {
  layout(text: string, features?: unknown): unknown;
  glyphsForString(text: string): Glyph[];
  glyphForCodePoint(codePoint: number): Glyph;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

interface ReportFont {
  font: ParsedFont;
  /** The file, for our subsetter (subset.ts), which reads glyphs straight from it. */
  bytes: Uint8Array;
}

let parsed: Map<string, ReportFont> | undefined;
/**
 * Word layouts per font, shared by all documents (pure; each document keeps its own subset). About
 * 0.5 KB a word, and every firm brings new ones (names, amounts): past the limit the cache starts
 * again from the current document's words, which costs a few milliseconds once. With 50,000 words a
 * font, a worker's heap kept growing through 10,000 firms (peak 326 MiB, against 283 now), for no
 * CPU gained (bench/batch.mjs, interleaved: 0.98x with 5,000 against 8,000).
 */
const layoutCaches = new Map<string, Record<string, unknown>>();
const LAYOUT_CACHE_LIMIT = 5_000;
/**
 * Whole-line layouts per font, shared by all documents: pdfkit's own result, built once per line.
 * About 1 KB of heap a line (two arrays of pointers): only lines that repeat across documents are
 * kept for the process (shared-cache.ts), so a batch's memory does not grow with its firms' own texts.
 */
const lineLayouts = new Map<string, SharedCache<Layout>>();
const LINE_LAYOUTS_LIMIT = 2_000;
let documents = 0;

/**
 * Lays text out glyph by glyph from the font's character map, skipping OpenType shaping: Latin text
 * with precomposed accents needs none, and shaping every word (GSUB/GPOS lookups) cost more than the
 * rest of a report. The price is no kerning and no "fi" ligature. The glyphs come from our reading of
 * the file's cmap and hmtx (cmap.ts) when it reproduces fontkit's lookup, else from fontkit.
 */
function withoutShaping(font: ParsedFont, map: GlyphMap | null): ParsedFont {
  const plain = Object.create(font) as ParsedFont;
  if (map) {
    plain.glyphsForString = map.glyphsForString;
    plain.glyphForCodePoint = map.glyphForCodePoint;
    plain.hasGlyphForCodePoint = map.hasGlyphForCodePoint;
  }
  const glyphsOf = map ? map.glyphsForString : (text: string) => font.glyphsForString(text);
  plain.layout = (text: string) => {
    const glyphs = glyphsOf(text);
    const n = glyphs.length;
    // Pushed, not preallocated: pdfkit concatenates these arrays, slower when holey.
    const positions: Omit<Position, 'advanceWidth'>[] = [];
    for (let i = 0; i < n; i++) positions.push({ xAdvance: glyphs[i]!.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    // pdfkit scales the positions in place, then reads the width of the (cached) word on every use:
    // sum once, on the first read, which comes after the scaling (fontkit's own getter sums each time).
    let width: number | undefined;
    return {
      glyphs,
      positions,
      get advanceWidth() {
        if (width === undefined) {
          width = 0;
          for (let i = 0; i < n; i++) width += positions[i]!.xAdvance;
        }
        return width;
      },
    };
  };
  return plain;
}

/** A font file: dist/fonts/ beside the bundle's chunks, else (running from the sources) the dev package. */
function fontFile(name: string): string {
  const shipped = fileURLToPath(new URL(`../fonts/${name}`, import.meta.url));
  return existsSync(shipped) ? shipped : createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
}

/** The fonts parsed by pdfkit's own font loader (fontkit). */
function parseFonts(PDFDocument: PdfDocumentClass): Map<string, ReportFont> {
  const files = {
    [FONT.regular]: fontFile('DejaVuSans.ttf'),
    [FONT.bold]: fontFile('DejaVuSans-Bold.ttf'),
  };
  const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  const fonts = new Map<string, ReportFont>();
  for (const [name, file] of Object.entries(files)) {
    const bytes = readFileSync(file);
    probe.registerFont(name, bytes);
    probe.font(name);
    const font = (probe as unknown as { _font: { font: ParsedFont } })._font.font;
    const plain = withoutShaping(font, glyphMapOf(bytes, font));
    // pdfkit reads two fields of post when it embeds the font: not worth fontkit decoding every glyph name.
    const post = postHeaderOf(bytes, font as { post?: Record<string, unknown> });
    if (post) Object.defineProperty(plain, 'post', { value: post });
    fonts.set(name, { font: plain, bytes });
  }
  return fonts;
}

/** What we touch of pdfkit's EmbeddedFont (the document's `_font` after `doc.font(name)`). */
interface EmbeddedFont {
  document: object;
  subset: FontSubset;
  layoutCache?: Record<string, unknown>;
  widths: number[];
  unicode: number[][];
  scale: number;
  layout(text: string, features?: unknown, onlyWidth?: boolean): Layout;
  layoutRun(text: string, features?: unknown): WordRun;
  layoutCached(text: string): WordRun;
  font: ParsedFont;
  encode(text: string, features?: unknown): Encoded;
}

/**
 * pdfkit's `layout` splits every line into words and concatenates their cached layouts, and its
 * `encode` then formats a hex code per glyph: `_fragment` asks for both once per drawn line, and the
 * same lines come back within a report and across reports. Here a line's layout is pdfkit's own
 * result (the same glyph and position objects), kept for the process per font; a document keeps the
 * hex code per glyph, and encodes a line afresh each time it is drawn (encoded lines kept for the
 * whole document were copied into the old generation: a tenth of what a report promoted). Only the
 * first sighting of a glyph in a document calls includeGlyph and fills widths/unicode, in the order
 * pdfkit would: a later call adds nothing (the glyph is in the subset, its width and code points are
 * set). With OpenType features: pdfkit's own.
 */
function cacheLines(embedded: EmbeddedFont, name: string): void {
  const pdfkitLayout = embedded.layout;
  const pdfkitEncode = embedded.encode;
  let lines = lineLayouts.get(name);
  if (!lines) lineLayouts.set(name, (lines = new SharedCache(LINE_LAYOUTS_LIMIT)));
  const cache = lines;
  const pdfkitLayoutRun = embedded.layoutRun;
  embedded.layout = function (this: EmbeddedFont, text, features, onlyWidth) {
    if (features) return pdfkitLayout.call(this, text, features, onlyWidth);
    if (onlyWidth) return layoutLine(this, text, true);
    return cache.get(this.document, text, () => layoutLine(this, text, false));
  };
  embedded.layoutRun = function (this: EmbeddedFont, text, features) {
    if (features) return pdfkitLayoutRun.call(this, text, features);
    return scaledRun(this.font, text, this.scale);
  };
  /** Hex code in this document's subset, by font glyph id (a Map: half the time of a sparse array in a profile). */
  const hex = new Map<number, string>();
  embedded.encode = function (this: EmbeddedFont, text, features) {
    if (features) return pdfkitEncode.call(this, text, features);
    const { glyphs, positions } = this.layout(text) as { glyphs: Glyph[]; positions: Position[] };
    const n = glyphs.length;
    const res = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const glyph = glyphs[i]!;
      const id = glyph.id;
      let code = hex.get(id);
      if (code === undefined) {
        const gid = this.subset.includeGlyph(id);
        code = `0000${gid.toString(16)}`.slice(-4);
        hex.set(id, code);
        if (this.widths[gid] == null) this.widths[gid] = glyph.advanceWidth * this.scale;
        if (this.unicode[gid] == null) this.unicode[gid] = glyph.codePoints;
      }
      res[i] = code;
    }
    return [res, positions];
  };
}

/**
 * pdfkit's EmbeddedFont.layout without features, with the same result: the line cut after each space
 * or tab, each word laid out by layoutCached (pdfkit's word cache), glyphs and positions joined in
 * order and the widths summed left to right. pdfkit's loop tests every character against a new array
 * and concatenates the arrays word by word: most of the first report's layout time, before V8
 * optimises it.
 */
function layoutLine(font: EmbeddedFont, text: string, onlyWidth: boolean): Layout {
  const glyphs: Glyph[] | null = onlyWidth ? null : [];
  const positions: Position[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  const n = text.length;
  let start = 0;
  while (start < n) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end++);
      if (c === 32 || c === 9) break;
    }
    const run = font.layoutCached(text.slice(start, end));
    if (glyphs && positions) {
      for (const g of run.glyphs) glyphs.push(g);
      for (const p of run.positions) positions.push(p);
    }
    advanceWidth += run.advanceWidth;
    start = end;
  }
  return { glyphs, positions, advanceWidth };
}

/** Per font, the position of each glyph (by id), shared by every run: made once, never changed. */
const glyphPositions = new WeakMap<object, Map<number, Position>>();

/**
 * pdfkit's EmbeddedFont.layoutRun on the plain font (withoutShaping), with the same numbers: each
 * glyph's advance and width scaled to 1000 units per em, no offsets, the run's width summed left to
 * right. pdfkit makes a position object per glyph of every word and scales it in place; here each
 * glyph's is made once and shared (frozen: pdfkit only reads positions, it copies one to widen a
 * space), which spares the first report most of its garbage collection.
 */
function scaledRun(font: ParsedFont, text: string, scale: number): WordRun {
  let shared = glyphPositions.get(font);
  if (!shared) glyphPositions.set(font, (shared = new Map()));
  const glyphs = font.glyphsForString(text);
  const positions: Position[] = [];
  let advanceWidth = 0;
  for (const glyph of glyphs) {
    let position = shared.get(glyph.id);
    if (!position) {
      const advance = glyph.advanceWidth * scale;
      position = Object.freeze({ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance });
      shared.set(glyph.id, position);
    }
    positions.push(position);
    advanceWidth += position.xAdvance;
  }
  return { glyphs, positions, advanceWidth };
}

/** Registers the report fonts on a new document and selects the regular one. */
export function useReportFonts(doc: PDFKit.PDFDocument, PDFDocument: PdfDocumentClass): void {
  parsed ??= parseFonts(PDFDocument);
  documents++;
  // pdfkit accepts an already parsed font (anything with a `layout` method) in place of a file.
  for (const [name, { font }] of parsed) doc.registerFont(name, font as unknown as Buffer);
  for (const name of [FONT.bold, FONT.regular]) {
    doc.font(name);
    const embedded = (doc as unknown as { _font?: EmbeddedFont })._font;
    // fontkit's subset decodes every glyph and re-encodes every table per document; ours writes the
    // same bytes from the file (fontkit's stays as the fallback). Swapped before any text is encoded.
    const bytes = parsed.get(name)?.bytes;
    if (embedded?.subset && bytes) embedded.subset = createSubset(bytes, embedded.subset);
    if (embedded) cacheLines(embedded, name);
    if (!embedded?.layoutCache) continue;
    let cache = layoutCaches.get(name);
    // Counting the cached words costs time: look every hundred documents.
    if (!cache || (documents % 100 === 0 && Object.keys(cache).length > LAYOUT_CACHE_LIMIT)) layoutCaches.set(name, (cache = embedded.layoutCache));
    embedded.layoutCache = cache;
  }
}
