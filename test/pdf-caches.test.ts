// The PDF renderer remembers text heights, word widths and word layouts across documents, and hands
// page content to pdfkit once per page run (src/reports/pdf/document.ts, fonts.ts, layout.ts): none of
// it may change a byte. A report rendered first in a fresh process and the same report rendered after
// others (every cache warm, some words measured in other fonts and widths) must be byte-identical.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { Assessment } from '../src/engine/assessment/types.js';
import { translator } from '../src/i18n/ui.js';
import { loadUiStrings } from '../src/io/load.js';
import { renderPdf } from '../src/reports/pdf/index.js';
import { openReportDocument, pdfBytes } from '../src/reports/pdf/document.js';
import { fixtureAssessment } from './fixtures/pdf-assessment.js';
import { readPdf } from './helpers/pdf.js';

const render = (a: Assessment) => renderPdf(a, { t: translator(a.language, loadUiStrings()), deterministic: true });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('PDF caches', () => {
  it('give the same bytes whether the report is the first of the process or comes after others', async () => {
    const fr = fixtureAssessment({ lang: 'fr' });
    const first = await render(fr);
    for (const a of [fixtureAssessment({ lang: 'nl', aids: 15 }), fixtureAssessment({ lang: 'en', example: 'leader', companyName: 'A very long company name that wraps onto more lines than usual, Ltd' }), fixtureAssessment({ lang: 'fr', example: 'laggard' })]) {
      await render(a);
    }
    const again = await render(fr);
    expect(sha(again)).toBe(sha(first));
    // And the report is whole: every page has its content stream, text is readable.
    const pdf = await readPdf(again);
    expect(pdf.pages.length).toBeGreaterThan(10);
    expect(pdf.text).toContain(fr.company.name);
  });

  it('hand pdfkit the same operators when a page runs to thousands of them and is gone back to later', async () => {
    const { doc, PDFDocument } = await openReportDocument({ size: 'A4', bufferPages: true });
    const plain = new PDFDocument({ size: 'A4', bufferPages: true });
    const contents = await Promise.all(
      [doc, plain].map(async (d) => {
        const bytes = pdfBytes(d);
        // 1,500 operators on the first page: turned into bytes in several runs (document.ts).
        for (let i = 0; i < 500; i++) d.moveTo(10, i).lineTo(20 + i, i).stroke();
        d.addPage();
        d.rect(5, 5, 50, 50).fill('#1f4e79');
        // Back to the first page, as the page numbers are drawn once the page count is known.
        d.switchToPage(0);
        d.moveTo(0, 800).lineTo(100, 800).stroke();
        d.end();
        return pageContents(await bytes);
      }),
    );
    const [mine, theirs] = contents as [string[], string[]];
    expect(mine).toHaveLength(2);
    expect(mine).toEqual(theirs);
    expect(mine[0]!.split('\n').filter((op) => op.endsWith(' l'))).toHaveLength(501);
  });
});

/** The decompressed content streams of a PDF's pages (those that draw), in file order. */
function pageContents(pdf: Buffer): string[] {
  const found: string[] = [];
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/stream\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('\nendstream', start);
    let inflated: string;
    try {
      inflated = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    if (/ (l|re|m)\n/.test(inflated)) found.push(inflated);
  }
  return found;
}
