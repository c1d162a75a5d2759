// The PDF renderer remembers text heights, word widths and word layouts across documents, and hands
// page content to pdfkit once per page run (src/reports/pdf/document.ts, fonts.ts, layout.ts): none of
// it may change a byte. A report rendered first in a fresh process and the same report rendered after
// others (every cache warm, some words measured in other fonts and widths) must be byte-identical.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Assessment } from '../src/engine/assessment/types.js';
import { translator } from '../src/i18n/ui.js';
import { loadUiStrings } from '../src/io/load.js';
import { renderPdf } from '../src/reports/pdf/index.js';
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
});
