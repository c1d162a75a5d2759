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

  it('keeps what the research marks unverified as unverified', () => {
    expect(byId.get('bru-prime-consultance')!.cap.confidence).toBe('unverified');
    expect(byId.get('bru-prime-consultance')!.cap.amount).toBeUndefined();
    expect(byId.get('bru-prime-digitalisation')!.applyBefore.confidence).toBe('unverified');
    expect(byId.get('bru-prime-digitalisation')!.eligibility.maxEmployees!.confidence).toBe('unverified');
    expect(byId.get('wal-start-ia')!.rate.confidence).toBe('unverified');
    expect(byId.get('wal-tremplin-ia')!.cap.confidence).toBe('unverified');
    expect(byId.get('fr-cnnum-proposal')!.cap.confidence).toBe('unverified');
    expect(byId.get('fr-osez-ia-diag-data-ia')!.rate.confidence).toBe('unverified');
    expect(byId.get('bru-prime-web-2019')!.cap.confidence).toBe('unverified');
  });

  it('records the closures, replacements and proposals of the research', () => {
    expect(byId.get('wal-cheque-relance-numerique')!.status.value).toBe('closed');
    expect(byId.get('wal-cheque-relance-numerique')!.validUntil!.date).toBe('2023-11-24');
    expect(byId.get('fr-cheque-france-num')!.status.value).toBe('closed');
    expect(byId.get('bru-prime-web-2019')!.status.replacedBy).toBe('bru-prime-digitalisation');
    expect(byId.get('fr-cnnum-proposal')!.status.value).toBe('proposal');
  });

  it('excludes the digital NACE codes and non-profits from the Walloon cheques', () => {
    for (const id of ['wal-cheque-maturite-numerique', 'wal-cheque-cybersecurite']) {
      const rules = byId.get(id)!.eligibility;
      const digital = rules.excludedNace.find((g) => g.confidence === 'official')!;
      expect(digital.codes).toEqual(expect.arrayContaining(['61.10', '61.20', '61.30', '62.01', '62.02', '62.03', '62.09']));
      expect(rules.excludedLegalForms!.forms).toContain('asbl');
    }
  });

  it('gives every aid a date or says it is undated, and a link or says there is none', () => {
    for (const aid of catalogue.aids) {
      expect(aid.asOf === null || /^\d{4}(-\d{2}){0,2}$/.test(aid.asOf), aid.id).toBe(true);
      expect(aid.url === null || typeof aid.url === 'object' || aid.url.startsWith('https://'), aid.id).toBe(true);
    }
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
    const line = lineOf(text, 'confidence: likely');
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(new RegExp(`aids\\.yaml:${line}:\\d+: aids\\[0\\]\\.applyBefore\\.confidence`)));
  });

  it('reports an unknown key and a malformed date, each at its line', () => {
    const text = builtin
      .replace('    themes: [consulting]\n', '    themes: [consulting]\n    colour: blue\n')
      .replace('asOf: 2026-01\n', 'asOf: Jan 2026\n');
    const problems = problemsOf(text).join('\n');
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'colour: blue')}:\\d+: unknown key "colour"`));
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'asOf: Jan 2026')}:\\d+: .*a date must look like 2026, 2026-01 or 2026-01-31`));
  });

  it('reports unknown regions, legal forms and replacements, and inverted ranges, all at once', () => {
    const text = builtin
      .replace('regions: [BE-BRU]\n      maxEmployees: { value: 49, confidence: unverified }', 'regions: [BE-XX]\n      maxEmployees: { value: 49, confidence: unverified }')
      .replace('excludedLegalForms: { forms: [asbl], confidence: secondary }', 'excludedLegalForms: { forms: [vzw], confidence: secondary }')
      .replace('replacedBy: bru-prime-consultance\n', 'replacedBy: bru-prime-nothing\n')
      .replace('eligibleSpend: { min: 9200, max: 35000, confidence: official }', 'eligibleSpend: { min: 35000, max: 9200, confidence: official }');
    const problems = problemsOf(text).join('\n');
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'regions: [BE-XX]')}:\\d+: unknown region "BE-XX"`));
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'forms: [vzw]')}:\\d+: unknown legal form "vzw"`));
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'bru-prime-nothing')}:\\d+: replacedBy refers to unknown aid "bru-prime-nothing"`));
    expect(problems).toMatch(new RegExp(`:${lineOf(text, 'min: 35000')}:\\d+: eligibleSpend min is above max`));
  });
});
