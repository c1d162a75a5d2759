// The report's font: DejaVu Sans (regular and bold), embedded as a subset. It covers accents, "€",
// "≥", "✓". Parsed once per process and shared by every document. The package ships the two files
// (and their licence) in dist/fonts/, copied there by the build from the dejavu-fonts-ttf dev package.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FONT } from './layout.js';
import { createSubset, type FontSubset } from './subset.js';

type PdfDocumentClass = typeof import('pdfkit');

interface Glyph {
  advanceWidth: number;
}
interface ParsedFont {
  layout(text: string, features?: unknown): unknown;
  glyphsForString(text: string): Glyph[];
}

interface ReportFont {
  font: ParsedFont;
  /** The file, for our subsetter (subset.ts), which reads glyphs straight from it. */
  bytes: Uint8Array;
}

let parsed: Map<string, ReportFont> | undefined;
/** Word layouts per font, shared by all documents (pure; each document keeps its own subset). */
const layoutCaches = new Map<string, Record<string, unknown>>();
const LAYOUT_CACHE_LIMIT = 50_000;
let documents = 0;

/**
 * Lays text out glyph by glyph from the font's character map, skipping OpenType shaping: Latin text
 * with precomposed accents needs none, and shaping every word (GSUB/GPOS lookups) cost more than the
 * rest of a report. The price is no kerning and no "fi" ligature.
 */
function withoutShaping(font: ParsedFont): ParsedFont {
  const plain = Object.create(font) as ParsedFont;
  plain.layout = (text: string) => {
    const glyphs = font.glyphsForString(text);
    const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    // pdfkit scales the positions in place, then reads the width of the (cached) word on every use:
    // sum once, on the first read, which comes after the scaling (fontkit's own getter sums each time).
    let width: number | undefined;
    return {
      glyphs,
      positions,
      get advanceWidth() {
        if (width === undefined) {
          width = 0;
          for (const p of positions) width += p.xAdvance;
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
    fonts.set(name, { font: withoutShaping(font), bytes });
  }
  return fonts;
}

/** What we touch of pdfkit's EmbeddedFont (the document's `_font` after `doc.font(name)`). */
interface EmbeddedFont {
  subset?: FontSubset;
  layoutCache?: Record<string, unknown>;
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
    if (!embedded?.layoutCache) continue;
    let cache = layoutCaches.get(name);
    // Counting the cached words costs time: look every hundred documents.
    if (!cache || (documents % 100 === 0 && Object.keys(cache).length > LAYOUT_CACHE_LIMIT)) layoutCaches.set(name, (cache = embedded.layoutCache));
    embedded.layoutCache = cache;
  }
}
