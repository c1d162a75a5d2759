// fonts.ts replaces pdfkit's EmbeddedFont.layout, .layoutRun and .encode on the report fonts by leaner,
// cached ones (a line's layout kept for the process, its encoding kept per document). Documents drawn with them and
// with pdfkit's own methods must be the same bytes: page content, widths, ToUnicode map and subset.
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { openReportDocument, pdfBytes } from '../src/reports/pdf/document.js';
import { useReportFonts } from '../src/reports/pdf/fonts.js';
import { FONT } from '../src/reports/pdf/layout.js';

interface Embedded {
  widths: number[];
  unicode: number[][];
  subset: { encode(): Uint8Array };
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
  layoutRun(text: string, features?: unknown): unknown;
  encode(text: string, features?: unknown): [string[], unknown[]];
}

const fontsOf = (doc: PDFKit.PDFDocument) => {
  const families = (doc as unknown as { _fontFamilies: Record<string, Embedded> })._fontFamilies;
  return [FONT.regular, FONT.bold].map((name) => families[name]!);
};

/** What a document draws: lines repeated within and across documents, missing glyphs, blanks. */
type Script = (doc: PDFKit.PDFDocument) => void;

const first: Script = (doc) => {
  doc.font(FONT.regular).fontSize(11);
  for (const line of ['Bonjour à tous, ça va ? Déjà 5 € ≥ 3 ✓', 'Bonjour à tous, ça va ? Déjà 5 € ≥ 3 ✓', 'mot mot mot', 'Tab\tafter\t\ttabs', '   leading and trailing   ', ' ', '\t', '']) {
    doc.text(line, 72, doc.y, { lineBreak: false });
    doc.moveDown();
  }
  // Characters the font lacks (glyph 0) amid ones it has.
  doc.text('漢字 and 😀 missing, ok', 72, doc.y, { lineBreak: false });
  doc.font(FONT.bold).text('Bold heading: Qualité', 72, 300, { width: 200 });
  doc.font(FONT.regular).text('A justified paragraph whose words are encoded one by one, mot mot, with its spaces widened to the line.', 72, 360, { width: 180, align: 'justify' });
  doc.text('Wrapped and right aligned text, long enough to need a few lines in this width.', 72, 460, { width: 150, align: 'right' });
  doc.text('spaced letters', 72, 560, { characterSpacing: 1.5, lineBreak: false });
  doc.addPage();
  doc.text('mot mot mot', 72, 72, { lineBreak: false });
  doc.text('Bonjour à tous, ça va ? Déjà 5 € ≥ 3 ✓', 72, 100, { lineBreak: false });
};

// Same words and lines as the first, in another order with other glyphs first (so other subset ids).
const second: Script = (doc) => {
  doc.font(FONT.regular).fontSize(9);
  doc.text('zyx ✓ €', 72, 72, { lineBreak: false });
  doc.text('mot mot mot', 72, 90, { lineBreak: false });
  doc.text('Bonjour à tous, ça va ? Déjà 5 € ≥ 3 ✓', 72, 110, { lineBreak: false });
  doc.text('😀漢', 72, 130, { lineBreak: false });
  doc.text('Tab\tafter\t\ttabs', 72, 150, { lineBreak: false });
  doc.font(FONT.bold).text('Qualité: Bold heading', 72, 170, { lineBreak: false });
  doc.font(FONT.regular).text('A justified paragraph whose words are encoded one by one, mot mot, with its spaces widened to the line.', 72, 200, { width: 250, align: 'justify' });
};

interface Rendered {
  bytes: Buffer;
  contents: string[];
  fonts: { widths: number[]; unicode: number[][]; subset: Uint8Array }[];
}

async function render(script: Script, pdfkitOwn: boolean): Promise<Rendered> {
  const { doc, PDFDocument } = await openReportDocument({ size: 'A4', info: { CreationDate: new Date('2026-01-01T00:00:00Z') } });
  const done = pdfBytes(doc);
  useReportFonts(doc, PDFDocument);
  const fonts = fontsOf(doc);
  for (const font of fonts) {
    // The cached methods are the font's own properties; without them pdfkit's prototype methods run.
    expect(Object.hasOwn(font, 'layout') && Object.hasOwn(font, 'layoutRun') && Object.hasOwn(font, 'encode')).toBe(true);
    if (pdfkitOwn) {
      delete (font as Partial<Embedded>).layout;
      delete (font as Partial<Embedded>).layoutRun;
      delete (font as Partial<Embedded>).encode;
    }
  }
  script(doc);
  doc.end();
  const bytes = await done;
  // Read after embedding (the subset encodes once more: the same bytes).
  return { bytes, contents: streams(bytes), fonts: fonts.map((f) => ({ widths: [...f.widths], unicode: f.unicode.map((u) => [...u]), subset: f.subset.encode() })) };
}

/** Every Flate stream of the file, inflated (page content, font files, ToUnicode maps). */
function streams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/\/Length (\d+)\n\/Filter \/FlateDecode\n[^]*?stream\n/g)) {
    const start = m.index + m[0].length;
    out.push(inflateSync(pdf.subarray(start, start + Number(m[1]))).toString('latin1'));
  }
  return out;
}

describe('cached layout and encode of the report fonts', () => {
  it('write what pdfkit writes, for lines repeated within and across documents, in any glyph order', async () => {
    const own1 = await render(first, true);
    const own2 = await render(second, true);
    const cached1 = await render(first, false);
    const cached2 = await render(second, false);
    // Again, every cache warm, in the other order.
    const again2 = await render(second, false);
    const again1 = await render(first, false);
    for (const [own, cached] of [[own1, cached1], [own2, cached2], [own1, again1], [own2, again2]] as const) {
      expect(cached.contents.length).toBeGreaterThan(3);
      expect(cached.contents).toEqual(own.contents);
      expect(cached.fonts).toEqual(own.fonts);
      expect(cached.bytes.equals(own.bytes)).toBe(true);
    }
    // The documents differ from each other (the test would prove nothing otherwise).
    expect(own1.fonts[0]!.unicode).not.toEqual(own2.fonts[0]!.unicode);
    expect(own1.contents.join('')).toContain('[<');
  });

  it('keep one layout per line and pdfkit\'s own results with features or for widths only', async () => {
    const { doc, PDFDocument } = await openReportDocument({ size: 'A4' });
    useReportFonts(doc, PDFDocument);
    const [font] = fontsOf(doc);
    const line = 'Une ligne répétée';
    expect(font!.layout(line)).toBe(font!.layout(line));
    // Encoded afresh per call (kept for a whole document, encoded lines outlived the young generation),
    // from the one layout of the line.
    expect(font!.encode(line)).toEqual(font!.encode(line));
    expect(font!.encode(line)[1]).toBe(font!.layout(line).positions);
    const width = font!.layout(line, undefined, true);
    expect(width.glyphs).toBeNull();
    expect(width.positions).toBeNull();
    expect(width.advanceWidth).toBe(font!.layout(line).advanceWidth);
    expect(font!.layout(line, ['liga'])).not.toBe(font!.layout(line));
    doc.end();
  });

  it('lay a line out as pdfkit does: the same glyphs, positions and width, word by word', async () => {
    const { doc, PDFDocument } = await openReportDocument({ size: 'A4' });
    useReportFonts(doc, PDFDocument);
    const lines = ['Bonjour à tous', 'Tab\tafter\t\ttabs', '   leading and trailing   ', ' ', '\t', '', 'x', 'a  b', '漢字 😀 ok', 'Qualité : 10 000 € — déjà fait.'];
    for (const font of fontsOf(doc)) {
      const proto = Object.getPrototypeOf(font) as Embedded;
      // pdfkit's own, on a copy of the font whose word cache and run layout are pdfkit's too.
      const own = Object.assign(Object.create(proto) as Embedded, font, { layoutCache: Object.create(null) as object });
      delete (own as Partial<Embedded>).layout;
      delete (own as Partial<Embedded>).layoutRun;
      for (const line of lines) {
        const mine = font.layout(line);
        const theirs = proto.layout.call(own, line);
        expect(mine.glyphs!.map((g) => (g as { id: number }).id), line).toEqual(theirs.glyphs!.map((g) => (g as { id: number }).id));
        expect(mine.positions, line).toEqual(theirs.positions);
        expect(mine.advanceWidth, line).toBe(theirs.advanceWidth);
        expect(font.layout(line, undefined, true).advanceWidth, line).toBe(theirs.advanceWidth);
      }
    }
    doc.end();
  });
});

