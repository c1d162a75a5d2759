// Layout.write draws wrapped text from lines laid out once per process (src/reports/pdf/lines.ts),
// through pdfkit's private per-line painter. The pages must be exactly what pdfkit's own `doc.text`
// makes of the same blocks: the same documents are drawn both ways and compared byte for byte
// (page content, font subset, structure tree), first with the lines just laid out, then from the cache.
import { describe, expect, it, vi } from 'vitest';
import { inflateSync } from 'node:zlib';
import { openReportDocument, pdfBytes } from '../src/reports/pdf/document.js';
import { useReportFonts } from '../src/reports/pdf/fonts.js';
import { Layout, PAGE_MARGINS, type TextStyle } from '../src/reports/pdf/layout.js';

interface Block {
  text: string;
  width: number;
  style: TextStyle;
  link?: string;
  /** Where to draw it; by default below the previous block. */
  y?: number;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const long = 'Zeer'.repeat(25);
const prose =
  'Le questionnaire couvre la facturation électronique, la cybersécurité, les outils de travail en équipe et la présence en ligne de votre entreprise.';

const BLOCKS: Block[] = [
  { text: prose, width: 300, style: {} },
  { text: prose, width: 300, style: { align: 'center', size: 8.5 } },
  { text: prose, width: 300, style: { align: 'right', bold: true, lineGap: 0 } },
  { text: `${prose}   `, width: 220, style: { align: 'right', size: 9 } },
  { text: prose, width: 183.4567, style: { lineGap: 3, size: 11.5 } },
  { text: prose, width: 250, style: { lineGap: 1, bold: true, size: 12.5, align: 'center' } },
  { text: `Entreprise ${long} SPRL`, width: 160, style: { bold: true, size: 17 } },
  { text: `${long} ${long}`, width: 90, style: { size: 8.5, align: 'center' } },
  { text: `Taux de TVA${NBSP}: 21${NNBSP}%, soit 1${NNBSP}250${NBSP}€ par an${NBSP}; délai${NBSP}: 30${NBSP}jours.`, width: 120, style: {} },
  { text: `Premier paragraphe, assez long pour passer à la ligne suivante.\nDeuxième.\n\nQuatrième après une ligne vide.\n`, width: 200, style: { lineGap: 2 } },
  { text: 'Un lien vers le guichet en ligne, souligné sur deux lignes au moins', width: 150, style: { color: '#2a7f8f' }, link: 'https://example.org/aide' },
  { text: 'Un lien centré', width: 150, style: { align: 'center', size: 8 }, link: 'https://example.org/b' },
  { text: '', width: 100, style: {} },
  { text: ' ', width: 100, style: { align: 'right' } },
  { text: 'Mot', width: 4, style: {} },
  { text: 'Chinese 中文 and عربى', width: 200, style: {} },
  { text: prose, width: 300, style: { align: 'justify' } },
  // Near the foot of the page pdfkit itself starts a new page: drawn by doc.text, never replayed.
  { text: prose, width: 200, style: {}, y: 841.89 - 20 },
];

type Painter = (L: Layout, b: Block, x: number, y: number) => number;

/** pdfkit's own drawing, as Layout.write did before it drew laid-out lines. */
const byPdfkit: Painter = (L, b, x, y) => {
  const doc = L.doc;
  const saved = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  L.style(b.style);
  const options: PDFKit.Mixins.TextOptions = { width: b.width, lineGap: b.style.lineGap ?? 2, align: b.style.align ?? 'left' };
  if (b.link) Object.assign(options, { link: b.link, underline: true });
  doc.text(L.fitWords(b.text, b.width), x, y, options);
  doc.page.margins.bottom = saved;
  return doc.y - y;
};

const byLayout: Painter = (L, b, x, y) => L.write(b.text, x, y, b.width, b.style, b.link);

async function draw(paint: Painter): Promise<{ bytes: Buffer; heights: number[]; drawn: number[]; texts: number }> {
  const created = new Date('2026-01-15T12:00:00Z');
  const { doc, PDFDocument } = await openReportDocument({
    size: 'A4',
    margins: PAGE_MARGINS,
    pdfVersion: '1.7',
    tagged: true,
    bufferPages: true,
    autoFirstPage: false,
    info: { CreationDate: created, ModDate: created },
  });
  const done = pdfBytes(doc);
  doc.addPage();
  useReportFonts(doc, PDFDocument);
  const text = vi.spyOn(doc, 'text');
  const root = doc.struct('Document');
  doc.addStructure(root);
  const L = new Layout(doc, root);
  const heights: number[] = [];
  const drawn: number[] = [];
  let y = PAGE_MARGINS.top;
  for (const [i, b] of BLOCKS.entries()) {
    if (b.y === undefined && y > 450) {
      L.newPage();
      y = PAGE_MARGINS.top;
    }
    const top = b.y ?? y;
    doc.y = top;
    heights.push(L.heightOf(b.text, b.width, b.style));
    const x = PAGE_MARGINS.left + (i % 3) * 7.25;
    let h = 0;
    if (b.link) L.leaf('Link', () => (h = paint(L, b, x, top)), { alt: b.link });
    else L.leaf('P', () => (h = paint(L, b, x, top)));
    drawn.push(h, doc.x);
    y = top + h + 5;
  }
  root.end();
  doc.end();
  return { bytes: await done, heights, drawn, texts: text.mock.calls.length };
}

/** The operators of every page (and the other streams), inflated, to show where two files differ. */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  for (let i = 0; (i = pdf.indexOf('>>\nstream\n', i)) >= 0; ) {
    const start = i + 10;
    const end = pdf.indexOf('\nendstream', start);
    const raw = pdf.subarray(start, end);
    let text: string;
    try {
      text = inflateSync(raw).toString('latin1');
    } catch {
      text = raw.toString('latin1');
    }
    out.push(text);
    i = end;
  }
  return out;
}

describe('laid-out lines', () => {
  it('draw exactly what pdfkit draws with doc.text, from a fresh layout and from the cache', async () => {
    const pdfkit = await draw(byPdfkit);
    const fresh = await draw(byLayout);
    const cached = await draw(byLayout);
    for (const run of [fresh, cached]) {
      expect(streams(run.bytes)).toEqual(streams(pdfkit.bytes));
      expect(run.bytes.equals(pdfkit.bytes)).toBe(true);
      expect(run.heights).toEqual(pdfkit.heights);
      expect(run.drawn).toEqual(pdfkit.drawn);
      // Only the justified block and the one at the foot of the page went through doc.text.
      expect(run.texts).toBe(2);
    }
    expect(pdfkit.texts).toBe(BLOCKS.length);
    // The comparison is not vacuous: the text is there, links are underlined and annotated.
    const pages = streams(pdfkit.bytes).join('\n');
    expect(pages.match(/ TJ\n/g)?.length ?? 0).toBeGreaterThan(60);
    expect(pdfkit.bytes.toString('latin1')).toContain('https://example.org/aide');
  });

  it('measure each block as pdfkit heightOfString does', async () => {
    const { doc, PDFDocument } = await openReportDocument({ size: 'A4', margins: PAGE_MARGINS, autoFirstPage: false });
    doc.addPage();
    useReportFonts(doc, PDFDocument);
    const L = new Layout(doc, doc.struct('Document'));
    doc.y = 123.456;
    for (const b of BLOCKS) {
      // A width not measured before (heights are cached per process), so this is measured here, at this y.
      const width = b.width + 0.001;
      const expected = L.font(b.style).heightOfString(L.fitWords(b.text, width), { width, lineGap: b.style.lineGap ?? 2 });
      expect(L.heightOf(b.text, width, b.style)).toBe(expected);
    }
    doc.end();
  });
});
