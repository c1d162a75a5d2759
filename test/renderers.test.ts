// The renderers in process, from a fixture Assessment: what each prints must follow the Assessment's
// data and language, without spawning the CLI.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { translator } from '../src/i18n/ui.js';
import { loadUiStrings } from '../src/io/load.js';
import { renderCsv } from '../src/reports/csv.js';
import { renderJson } from '../src/reports/json.js';
import { renderTerminal } from '../src/reports/terminal.js';
import { fixtureAssessment } from './fixtures/pdf-assessment.js';

const strings = loadUiStrings();

describe('renderers from a fixture Assessment', () => {
  for (const lang of LANGS) {
    const a = fixtureAssessment({ lang });
    const t = translator(lang, strings);

    it(`terminal (${lang}): the firm, every dimension with its score, no colour when asked, no untranslated key`, () => {
      const text = renderTerminal(a, { color: false, t });
      expect(text).toContain(a.company.name);
      for (const d of a.dimensions) expect(text).toMatch(new RegExp(`${d.title}[^\\n]*\\b${d.score}\\b`));
      expect(text).toContain(String(a.overall.score));
      expect(text).not.toMatch(/\u001b\[/);
      expect(text).not.toMatch(/⟨[\w.-]+⟩/);
    });

    it(`CSV (${lang}): one row per profile answer, dimension, question and next step, with the Assessment's numbers`, () => {
      const rows = parse(renderCsv(a, { t }), { columns: true, bom: true }) as Record<string, string>[];
      const questions = a.dimensions.flatMap((d) => d.questions);
      expect(rows.filter((r) => r.section === 'question')).toHaveLength(questions.length);
      expect(rows.filter((r) => r.section === 'dimension').map((r) => [r.id, Number(r.score)])).toEqual(a.dimensions.map((d) => [d.id, d.score]));
      expect(rows.find((r) => r.section === 'overall')!.score).toBe(String(a.overall.score));
      expect(rows.filter((r) => r.section === 'next_step')).toHaveLength(a.dimensions.reduce((n, d) => n + d.nextSteps.length, 0));
    });
  }

  it('JSON: the Assessment itself, so a stored report can be read back whole', () => {
    const a = fixtureAssessment({ lang: 'nl' });
    expect(JSON.parse(renderJson(a))).toEqual(JSON.parse(JSON.stringify(a)));
  });

  it('terminal: the same Assessment in another language changes the words, not the figures', () => {
    const fr = renderTerminal(fixtureAssessment({ lang: 'fr' }), { color: false, t: translator('fr', strings) });
    const en = renderTerminal(fixtureAssessment({ lang: 'en' }), { color: false, t: translator('en', strings) });
    const figures = (s: string) => [...s.matchAll(/\b(\d+)\/100\b/g)].map((m) => m[1]);
    expect(figures(fr)).toEqual(figures(en));
    expect(fr).not.toEqual(en);
  });
});
