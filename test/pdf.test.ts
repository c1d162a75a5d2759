import { describe, expect, it } from 'vitest';
import type { Assessment } from '../src/engine/assessment/types.js';
import type { Lang } from '../src/core/lang.js';
import { translator } from '../src/i18n/ui.js';
import { renderPdf } from '../src/reports/pdf/index.js';
import { nextStepText, practiceText } from '../src/reports/benchmarks.js';
import { fixtureAssessment } from './fixtures/pdf-assessment.js';
import { readPdf, squash } from './helpers/pdf.js';
import { loadUiStrings } from '../src/io/load.js';

async function render(a: Assessment, now?: Date) {
  const bytes = await renderPdf(a, { t: translator(a.language, loadUiStrings()), deterministic: true, now });
  return { bytes, pdf: await readPdf(bytes) };
}

/** Key content every report must carry, read from the assessment itself. */
function expectKeyContent(a: Assessment, text: string) {
  const t = translator(a.language, loadUiStrings());
  const body = squash(text);
  const has = (s: string) => expect(body, s).toContain(squash(s));
  has(a.company.name);
  has(t('pdf.level_of', { level: a.overall.level, name: a.overall.levelName }));
  has(a.overall.verdict);
  for (const d of a.dimensions) {
    has(d.title);
    for (const s of d.strengths) has(s);
    for (const s of d.nextSteps) has(nextStepText(s, t));
    if (d.note) has(d.note);
    for (const b of d.benchmarks) {
      has(b.title);
      has(b.indicator);
      has(practiceText(b.company, t));
      // Curation notes are for the advisor: never in the client report.
      for (const c of b.curation) expect(body).not.toContain(squash(c.note));
    }
    for (const b of d.benchmarksWithheld) {
      expect(body).not.toContain(squash(b.source));
      for (const c of b.curation) expect(body).not.toContain(squash(c.note));
    }
    for (const q of d.questions) has(q.text);
  }
  for (const aid of a.aids ?? []) {
    has(aid.name);
    for (const s of aid.strands) has(s.rateText);
    for (const c of aid.conditions) has(c.text);
    if (aid.confirmTerms) has(t('aids.confirm_terms'));
  }
  for (const key of ['report.radar_title', 'pdf.aids_title', 'pdf.dii_title', 'pdf.method_title', 'pdf.appendix_title', 'pdf.col_before']) has(t(key));
  has(t('pdf.dii_count', { count: a.digitalIntensity!.count, max: a.digitalIntensity!.max, level: a.digitalIntensity!.levelName }));
}

describe('PDF report', () => {
  const cases: [Lang, string, string][] = [
    ['fr', 'Diagnostic numérique de', 'Évaluation du 2 mars 2026'],
    ['nl', 'Digitale diagnose van', 'Beoordeling van 2 maart 2026'],
    ['en', 'Digital assessment of', 'Assessment of 2 March 2026'],
  ];
  for (const [lang, titleStart, dateLine] of cases) {
    it(`carries the key content in ${lang}`, async () => {
      const a = fixtureAssessment({ lang });
      const { pdf } = await render(a);
      expectKeyContent(a, pdf.text);
      expect(pdf.info.Title).toBe(`${titleStart} ${a.company.name}`);
      expect(pdf.info.Language).toBe(lang);
      expect(squash(pdf.pages[0]!)).toContain(squash(dateLine));
      // Unicode survives the embedded font: accents, euro, ≥ and ✓ come back as written.
      expect(pdf.text).toContain('≥');
      expect(pdf.text).toContain('€');
      expect(pdf.text).toContain('✓');
      expect(a.aids!.length).toBeGreaterThan(0);
      // Page numbers on every page after the cover.
      const t = translator(lang, loadUiStrings());
      pdf.pages.slice(1).forEach((page, i) => expect(squash(page)).toContain(squash(t('pdf.page', { page: i + 2, pages: pdf.pages.length }))));
    });
  }

  it('is a tagged PDF 1.7 with language, title display, structure and clickable links', async () => {
    const a = fixtureAssessment({ lang: 'nl' });
    const { bytes, pdf } = await render(a);
    const raw = bytes.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    for (const marker of ['/StructTreeRoot', '/MarkInfo', '/Marked true', '/Lang (nl)', '/DisplayDocTitle true', '/ParentTree']) {
      expect(raw).toContain(marker);
    }
    expect(pdf.marked).toBe(true);
    for (const role of ['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure', 'Link']) {
      expect(pdf.roles, role).toContain(role);
    }
    // The radar's alternative text names every dimension with its score.
    const radarAlt = pdf.alts.find((alt) => alt.includes(a.dimensions[0]!.title))!;
    for (const d of a.dimensions) expect(radarAlt).toContain(`${d.title} ${d.score}`);
    expect(a.aids!.length).toBeGreaterThan(0);
    for (const aid of a.aids!) if (aid.url) expect(pdf.links).toContain(aid.url);
    expect(pdf.info.Author).toContain('digiscan');
    expect(pdf.info.Subject).toBe(translator('nl', loadUiStrings())('pdf.subject'));
  });

  it('gives identical bytes for the same assessment in deterministic mode', async () => {
    const a = fixtureAssessment({ lang: 'fr' });
    const t = translator('fr', loadUiStrings());
    const first = await renderPdf(a, { t, deterministic: true });
    const second = await renderPdf(a, { t, deterministic: true });
    expect(first.equals(second)).toBe(true);
    const later = await renderPdf(a, { t, deterministic: true, now: new Date('2026-04-01T00:00:00Z') });
    expect(later.equals(first)).toBe(false);
  });

  it('says so when benchmarks, digital intensity and aids are absent or empty', async () => {
    const bare = fixtureAssessment({ lang: 'en', withExtras: false });
    const t = translator('en', loadUiStrings());
    const { pdf } = await render(bare);
    const body = squash(pdf.text);
    for (const key of ['pdf.aids_absent', 'pdf.dii_absent', 'pdf.no_benchmarks', 'pdf.sources_none']) expect(body).toContain(squash(t(key)));
    expect(pdf.links).toEqual([]);

    const noAids = fixtureAssessment({ lang: 'en', aids: 0 });
    expect(squash((await render(noAids)).pdf.text)).toContain(squash(t('pdf.aids_none')));
  });

  it('keeps a long company name and many aids within the pages and under 500 KB', async () => {
    const name = 'Établissements Van den Bossche-Lefèvre & Fils, boulangerie-pâtisserie artisanale, traiteur et salon de thé';
    const a = fixtureAssessment({ lang: 'fr', companyName: name, aids: 15 });
    const { bytes, pdf } = await render(a);
    expect(bytes.length).toBeLessThan(500 * 1024);
    expect(squash(pdf.pages[0]!)).toContain(squash(name));
    for (const aid of a.aids!) expect(squash(pdf.text)).toContain(squash(aid.name));
    // No empty page: each one carries content beyond its running head and page number.
    pdf.content.forEach((page, i) => expect(page.length, `page ${i + 1}: ${page}`).toBeGreaterThan(40));
    // Running heads and page numbers are artifacts, outside the reading order.
    const t = translator('fr', loadUiStrings());
    expect(pdf.content.join(' ')).not.toContain(t('pdf.page', { page: 2, pages: pdf.pages.length }));
  });
});
