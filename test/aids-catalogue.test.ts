import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.js';
import { PACK_DIR, tempDir } from './helpers/cli.js';
import { loadAids, loadPack } from '../src/io/load.js';

const AIDS_FILE = join(PACK_DIR, 'aids.yaml');
const builtin = readFileSync(AIDS_FILE, 'utf8');
const pack = loadPack(PACK_DIR);
const catalogue = loadAids(AIDS_FILE, pack);
const byId = new Map(catalogue.aids.map((a) => [a.id, a]));

// The ids of the research notes (research/aids.md, catalogue table): each must keep its id.
const RESEARCH_IDS = [
  'bru-prime-digitalisation', 'bru-prime-consultance', 'bru-prime-web-2019', 'bru-prime-consultance-2019',
  'wal-cheque-maturite-numerique', 'wal-cheque-cybersecurite', 'wal-cheque-relance-numerique', 'wal-start-ia',
  'wal-tremplin-ia', 'vl-kmo-portefeuille', 'vl-cybersecurity-verbetertraject', 'vl-kmo-groeisubsidie',
  'be-efacturation-deduction-120', 'be-deduction-investissement-numerique', 'fr-cheque-france-num',
  'fr-bretagne-pass-commerce-artisanat-numerique', 'fr-occitanie-pass-occitanie', 'fr-idf-cheque-numerique',
  'fr-osez-ia-diag-data-ia', 'fr-cnnum-proposal',
];

describe('aids catalogue', () => {
  it('holds every aid of the research under the same id', () => {
    for (const id of RESEARCH_IDS) expect(byId.has(id), id).toBe(true);
  });

  // When the research notes sit beside the repository, their table is the reference.
  const research = '/work/shared/research/aids.md';
  it.runIf(existsSync(research))('matches the ids of the research table', () => {
    const ids = [...readFileSync(research, 'utf8').matchAll(/^\| ([a-z][a-z0-9-]+) \|/gm)].map((m) => m[1]).filter((id) => id !== 'id');
    expect(ids.length).toBeGreaterThan(10);
    expect([...byId.keys()].sort()).toEqual([...new Set(ids)].sort());
  });

  it('gives every aid a date or says it is undated, a link or says there is none, and a source for each correction', () => {
    for (const aid of catalogue.aids) {
      expect(aid.asOf === null || /^\d{4}(-\d{2}){0,2}$/.test(aid.asOf), aid.id).toBe(true);
      expect(aid.url === null || typeof aid.url === 'object' || aid.url.startsWith('https://'), aid.id).toBe(true);
      for (const s of aid.sources) {
        expect(s.publisher.length, aid.id).toBeGreaterThan(0);
        if (s.about?.startsWith('Correction')) expect(s.url, `${aid.id}: a correction names its page`).toMatch(/^https:\/\//);
      }
    }
    for (const [id, rule] of Object.entries(catalogue.sizeRules)) expect(rule.source.url, id).toMatch(/^https:\/\//);
  });

  it('keeps research notes out of what a client reads: no "unverified" or "source" wording in conditions or names', () => {
    for (const aid of catalogue.aids) {
      for (const text of [aid.name, ...(aid.eligibility.conditions ?? []).map((c) => c.text), ...(aid.strands ?? []).map((s) => s.name)]) {
        for (const words of Object.values(text)) expect(words, aid.id).not.toMatch(/non vérifié|niet geverifieerd|unverified|source|bron|déduits|inferred/i);
      }
    }
  });

  it('marks every dimension theme with a dimension of the pack, so a sixth dimension needs only YAML', () => {
    const dimensions = pack.definition.dimensions.map((d) => d.id);
    for (const th of catalogue.settings.themes.filter((x) => x.dimension)) expect(dimensions).toContain(th.id);
  });
});

describe('aids catalogue validation', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  let n = 0;
  const problemsOf = (text: string): string[] => {
    const dir = join(tmp.dir, `aids${n++}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'aids.yaml'), text);
    try {
      loadAids(join(dir, 'aids.yaml'), pack);
    } catch (err) {
      if (err instanceof UserError) return err.format().split('\n');
      throw err;
    }
    return [];
  };
  const lineOf = (text: string, needle: string, occurrence = 1) => {
    let index = -1;
    for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
    expect(index).toBeGreaterThanOrEqual(0);
    return text.slice(0, index).split('\n').length;
  };

  it('reports a duplicate aid id at its line', () => {
    const text = builtin.replace('- id: bru-prime-consultance\n', '- id: bru-prime-digitalisation\n');
    const line = lineOf(text, '- id: bru-prime-digitalisation', 2);
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(new RegExp(`aids\\.yaml:${line}:\\d+: duplicate aid id "bru-prime-digitalisation"`)));
  });

  it('reports an unknown confidence with file, line and column', () => {
    const text = builtin.replace('applyBefore: { value: true, confidence: unverified }', 'applyBefore: { value: true, confidence: likely }');
    expect(text).not.toBe(builtin);
    const line = lineOf(text, 'confidence: likely');
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(new RegExp(`aids\\.yaml:${line}:\\d+: aids\\[0\\]\\.applyBefore\\.confidence`)));
  });

  it('reports an unknown key and a malformed date, each at its line', () => {
    const text = builtin
      .replace('    themes: [consulting]\n', '    themes: [consulting]\n    colour: blue\n')
      .replace('asOf: 2026-01-14\n', 'asOf: Jan 2026\n');
    const problems = problemsOf(text).join('\n');
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'colour: blue')}:\\d+: unknown key "colour"`));
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'asOf: Jan 2026')}:\\d+: .*a date must look like 2026, 2026-01 or 2026-01-31`));
  });

  it('reports unknown regions, legal forms, size rules, themes and replacements, and inverted ranges, all at once', () => {
    const text = builtin
      .replace('regions: [BE-BRU]\n      size: [eu-sme]\n      # One agency', 'regions: [BE-XX]\n      size: [eu-medium]\n      # One agency')
      .replace('excludedLegalForms: { forms: [asbl], confidence: official }\n      conditions:', 'excludedLegalForms: { forms: [vzw-x], confidence: official }\n      conditions:')
      .replace('replacedBy: bru-prime-consultance\n', 'replacedBy: bru-prime-nothing\n')
      .replace('themes: [consulting]\n    spend: [advice]\n    status: { value: open', 'themes: [marketing]\n    spend: [advice]\n    status: { value: open')
      .replace('eligibleSpend: { min: 9200, max: 35000, confidence: official }', 'eligibleSpend: { min: 35000, max: 9200, confidence: official }');
    const problems = problemsOf(text).join('\n');
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'regions: [BE-XX]')}:\\d+: unknown region "BE-XX"`));
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'size: [eu-medium]')}:\\d+: unknown size rule "eu-medium"`));
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'forms: [vzw-x]')}:\\d+: unknown legal form "vzw-x"`));
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'themes: [marketing]')}:\\d+: unknown theme "marketing"`));
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'bru-prime-nothing')}:\\d+: replacedBy refers to unknown aid "bru-prime-nothing"`));
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'min: 35000')}:\\d+: eligibleSpend min is above max`));
  });

  it('refuses a dimension theme the pack has no dimension for, and an unknown profile question', () => {
    const text = builtin.replace('    - { id: consulting }\n', '    - { id: consulting, dimension: true }\n').replace('    b2c: b2c\n', '    b2c: sells_to_consumers\n');
    const problems = problemsOf(text).join('\n');
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'id: consulting, dimension: true')}:\\d+: theme "consulting" is marked as a dimension`));
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'b2c: sells_to_consumers')}:\\d+: unknown profile question "sells_to_consumers"`));
  });
});
