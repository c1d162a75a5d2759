// The client edition of the report, for the three example firms in every language: only citable sources,
// no curation note, partial answers read "partly", fallbacks said once per section, and appendix
// statuses that say what the scoring does.
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { citable } from '../src/engine/benchmarks/index.js';
import { translator } from '../src/i18n/ui.js';
import { loadPackBenchmarks, loadPack, loadUiStrings, builtinPackDir } from '../src/io/load.js';
import { renderPdf } from '../src/reports/pdf/index.js';
import { fixtureAssessment } from './fixtures/pdf-assessment.js';
import { readPdf, squash } from './helpers/pdf.js';

const ui = loadUiStrings();
const data = loadPackBenchmarks(loadPack(builtinPackDir()))!;
const benchmarkUrls = new Map(data.benchmarks.map((b) => [b.source.url, citable(b.source, b.confidence)]));
const allCuration = data.benchmarks.flatMap((b) => (b.curation ?? []).flatMap((c) => Object.values(c.note)));

describe('the client report of the example firms', () => {
  for (const example of ['laggard', 'typical', 'leader']) {
    for (const lang of LANGS) {
      it(`${example} in ${lang}`, async () => {
        const a = fixtureAssessment({ lang, example });
        const t = translator(lang, ui);
        const pdf = await readPdf(await renderPdf(a, { t, deterministic: true }));
        const body = squash(pdf.text);

        // Every figure's link is a citable source; no withheld figure's address appears.
        for (const link of pdf.links) if (benchmarkUrls.has(link)) expect(benchmarkUrls.get(link), link).toBe(true);
        for (const [url, ok] of benchmarkUrls) if (!ok) expect(pdf.links).not.toContain(url);
        // No research note, in any language.
        for (const note of allCuration) expect(body).not.toContain(squash(note));

        // Each firm's practice is worded as the data says, partial answers as "partly".
        for (const d of a.dimensions) for (const b of d.benchmarks) expect(body).toContain(squash(`${b.title}`));
        const partly = a.dimensions.flatMap((d) => d.benchmarks).filter((b) => b.company === 'partly');
        if (partly.length) expect(body).toContain(squash(t('report.you.partly')));

        // The fallback sentence: at most once per section (overview, dimensions, digital intensity), never under every bar.
        const sentences = ['size', 'region', 'both'].map((k) => squash(t(`report.fallback.${k}`, { employees: a.company.employees })));
        const count = sentences.reduce((n, s) => n + body.split(s).length - 1, 0);
        expect(count).toBeLessThanOrEqual(a.dimensions.length + 2);

        // Appendix: a not-applicable answer and a question its gate leaves out say "not counted", never "0/10".
        const questions = a.dimensions.flatMap((d) => d.questions);
        for (const q of questions.filter((x) => !x.counted)) expect(q.status === 'notApplicable' || q.status === 'hidden').toBe(true);
        if (questions.some((q) => !q.counted)) expect(body).toContain(squash(t('report.status.notApplicable')));
        if (questions.some((q) => q.status === 'hidden' && q.counted)) expect(body).toContain(squash(t('report.answer.hidden_counted')));
        if (questions.some((q) => q.status === 'dontKnow')) expect(body).toContain(squash(t('report.status.dontKnow', { max: 10 })));
        expect(body).toContain(squash(t('report.appendix_intro')));
      });
    }
  }
});
