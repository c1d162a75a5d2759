import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assess } from '../src/engine/assessment/index.js';
import type { Assessment } from '../src/engine/assessment/types.js';
import {
  DII_BASIC_MIN,
  diiLevel,
  digitalIntensity,
  factStatus,
  regionChain,
  selectBenchmark,
  sizeFits,
  type FactStatus,
} from '../src/engine/benchmarks/index.js';
import type { Benchmark, BenchmarkData, Population } from '../src/engine/benchmarks/schema.js';
import { UserError } from '../src/core/errors.js';
import { translator } from '../src/i18n/ui.js';
import { establishedFacts, scoreAssessment, type QuestionStatus } from '../src/engine/scoring/index.js';
import { EXAMPLES, PACK_DIR, tempDir } from './helpers/cli.js';
import { loadAnswers, loadBenchmarks, loadPack, loadPackBenchmarks, loadUiStrings } from '../src/io/load.js';

const pack = loadPack(PACK_DIR);
const data = loadPackBenchmarks(pack)!;
const ui = loadUiStrings();
const tmp = tempDir();
afterAll(tmp.cleanup);

const label = { fr: 'x', nl: 'x', en: 'x' };
const populations: Record<string, Population> = {
  'be-10plus': { sizeClass: { min: 10, max: null }, region: 'BE', label },
  'eu-10plus': { sizeClass: { min: 10, max: null }, region: 'EU27', label },
  'wal-all': { sizeClass: { min: 0, max: null }, region: 'BE-WAL', label },
  'be-2-9': { sizeClass: { min: 2, max: 9 }, region: 'BE', label },
  'fr-0-249': { sizeClass: { min: 0, max: 249 }, region: 'FR', label },
};
function figure(id: string, population: string, year = 2023): Benchmark {
  return { id, fact: 'has_website', dimension: 'website', indicator: label, value: 50, year, population, source: 'https://example.org', confidence: 'official' };
}

describe('benchmark selection', () => {
  const be = figure('be', 'be-10plus');
  const eu = figure('eu', 'eu-10plus');
  const wal = figure('wal', 'wal-all', 2017);
  const fr = figure('fr', 'fr-0-249', 2024);

  it('looks in the region, then the country, then the EU-27', () => {
    expect(regionChain('BE-WAL')).toEqual(['BE-WAL', 'BE', 'EU27']);
    expect(regionChain('FR-BRE')).toEqual(['FR-BRE', 'FR', 'EU27']);
    expect(regionChain('LU')).toEqual(['LU', 'EU27']);
    expect(regionChain('EU')).toEqual(['EU27']);
  });

  it('takes the regional figure whose size class holds the firm, without a fallback', () => {
    const s = selectBenchmark([be, eu, wal], populations, { employees: 1, region: 'BE-WAL' })!;
    expect(s.benchmark.id).toBe('wal');
    expect(s.sizeFallback).toBe(false);
    expect(s.regionFallback).toBe(false);
  });

  it('falls back to the nearest size class in the region chain and says so', () => {
    // A Brussels micro firm: the Walloon figure fits its size but not its region; Belgium is in its chain.
    const s = selectBenchmark([eu, wal, be], populations, { employees: 3, region: 'BE-BRU' })!;
    expect(s.benchmark.id).toBe('be');
    expect(s.sizeFallback).toBe(true);
    expect(s.regionFallback).toBe(false);
  });

  it('prefers the country to the EU-27 when both hold the firm', () => {
    const s = selectBenchmark([eu, be], populations, { employees: 35, region: 'BE-VLG' })!;
    expect(s.benchmark.id).toBe('be');
    expect(s.sizeFallback || s.regionFallback).toBe(false);
  });

  it('falls back to the EU-27 when the country has no figure', () => {
    const s = selectBenchmark([be, eu], populations, { employees: 20, region: 'FR-OCC' })!;
    expect(s.benchmark.id).toBe('eu');
    expect(s.regionFallback).toBe(false);
    const french = selectBenchmark([be, eu, fr], populations, { employees: 5, region: 'FR-OCC' })!;
    expect(french.benchmark.id).toBe('fr');
    expect(french.sizeFallback).toBe(false);
  });

  it('uses another region only as a last resort, flagged as a region fallback', () => {
    const s = selectBenchmark([wal], populations, { employees: 4, region: 'BE-BRU' })!;
    expect(s.benchmark.id).toBe('wal');
    expect(s.regionFallback).toBe(true);
    expect(s.sizeFallback).toBe(false);
  });

  it('prefers the nearest size class and then the newest year', () => {
    const micro = figure('micro', 'be-2-9', 2019);
    expect(selectBenchmark([be, micro], populations, { employees: 12, region: 'BE-BRU' })!.benchmark.id).toBe('be');
    expect(selectBenchmark([be, micro], populations, { employees: 1, region: 'BE-BRU' })!.benchmark.id).toBe('micro');
    const older = figure('older', 'be-10plus', 2020);
    expect(selectBenchmark([older, be], populations, { employees: 12, region: 'BE' })!.benchmark.id).toBe('be');
  });

  it('returns nothing without candidates', () => {
    expect(selectBenchmark([], populations, { employees: 1, region: 'BE' })).toBeUndefined();
  });
});

function statusesOf(answers: Parameters<typeof scoreAssessment>[1]): FactStatus {
  const scores = scoreAssessment(pack.definition, answers);
  const statuses = new Map<string, QuestionStatus>();
  for (const d of scores.dimensions) for (const q of d.questions) statuses.set(q.id, q.status);
  return factStatus(pack.definition, establishedFacts(pack.definition, answers), statuses);
}

describe('facts read off the answers', () => {
  it('is true when chosen, false when answered otherwise or hidden by its gate, null for "don\'t know" or no answer', () => {
    const status = statusesOf({
      company: {},
      answers: { web_presence: 'none', cyber_mfa: 'dont-know', ai_use: 'regularly', inv_peppol_send: 'pdf' },
    });
    expect(status('uses_ai')).toBe(true);
    expect(status('sends_einvoices')).toBe(false);
    expect(status('has_website')).toBe(false);
    expect(status('website_orders_bookings')).toBe(false); // web_features is hidden: no website
    expect(status('uses_mfa')).toBe(null);
    expect(status('uses_crm')).toBe(null); // not answered
  });
});

describe('digital intensity', () => {
  const t = translator('en', ui);
  const ctx = (status: FactStatus, employees = 20) => ({ data, firm: { employees, region: 'BE-BRU' }, status, lang: 'en' as const, t });

  it('has Eurostat levels: 0-3 very low, 4-6 low, 7-9 high, 10-12 very high', () => {
    expect([0, 3, 4, 6, 7, 9, 10, 12].map(diiLevel)).toEqual(['very-low', 'very-low', 'low', 'low', 'high', 'high', 'very-high', 'very-high']);
  });

  it('counts criteria met; not-asked and partly-asked criteria stay unknown', () => {
    const all = digitalIntensity(ctx(() => true));
    const notAsked = data.digitalIntensity.criteria.filter((c) => !c.facts.length).length;
    const partial = data.digitalIntensity.criteria.filter((c) => c.partial).length;
    expect(all.max).toBe(12);
    expect(all.count).toBe(12 - notAsked - partial);
    expect(all.unknown).toBe(notAsked + partial);
    expect(all.level).toBe(diiLevel(all.count));
    expect(all.basic).toBe(true);

    const none = digitalIntensity(ctx(() => false));
    expect(none.count).toBe(0);
    expect(none.unknown).toBe(notAsked);
    expect(none.basic).toBe(false);
    expect(none.comparisons.filter((c) => c.id.startsWith('eu-dii') || c.id.startsWith('be-dii')).every((c) => c.company === false)).toBe(true);

    const unsure = digitalIntensity(ctx(() => null));
    expect(unsure.count).toBe(0);
    expect(unsure.unknown).toBe(12);
    expect(unsure.comparisons.find((c) => c.target)!.company).toBe(null); // could still be basic
  });

  it('meets a criterion only when every one of its facts holds', () => {
    const criterion = data.digitalIntensity.criteria.find((c) => c.facts.length && !c.partial)!;
    const only = new Set(criterion.facts);
    const result = digitalIntensity(ctx((f) => only.has(f)));
    expect(result.criteria.find((c) => c.id === criterion.id)!.met).toBe(true);
    expect(result.count).toBe(data.digitalIntensity.criteria.filter((c) => !c.partial && c.facts.length && c.facts.every((f) => only.has(f))).length);
  });

  it('compares with Belgian and EU basic-level shares and the 2030 target, each with a source', () => {
    const result = digitalIntensity(ctx(() => true));
    expect(result.comparisons.length).toBeGreaterThanOrEqual(3);
    expect(result.comparisons.some((c) => c.target && c.value === 90 && c.year === 2030)).toBe(true);
    for (const c of result.comparisons) expect(c.source).toMatch(/^https:\/\//);
    // Belgium before the EU for a Belgian firm; the target after the measured shares.
    const ids = result.comparisons.map((c) => c.id);
    expect(ids.indexOf('be-dii-basic-2020')).toBeLessThan(ids.indexOf('eu-dii-basic-2023'));
    expect(ids.indexOf('eu-dii-basic-2023')).toBeLessThan(ids.indexOf('eu-dii-target-2030'));
  });

  it('flags SME figures as a size fallback for a micro firm', () => {
    const micro = digitalIntensity(ctx(() => true, 2));
    for (const c of micro.comparisons) expect(c.fallback?.size).toBe(true);
    const sme = digitalIntensity(ctx(() => true, 40));
    for (const c of sme.comparisons) expect(c.fallback).toBeUndefined();
  });
});

function assessExample(name: string, lang?: 'fr' | 'nl' | 'en'): Assessment {
  const answers = loadAnswers(join(EXAMPLES, `${name}.yaml`), pack, { requireProfile: true });
  return assess({ pack, answers, today: '2026-03-02', lang, toolVersion: 'test', benchmarks: data, ui });
}

describe('the three example firms', () => {
  const examples = ['laggard', 'typical', 'leader'].map((name) => ({ name, a: assessExample(name) }));

  it('give clearly different levels and digital intensities, in the expected order', () => {
    const [laggard, typical, leader] = examples.map((e) => e.a);
    expect(new Set(examples.map((e) => e.a.overall.level)).size).toBe(3);
    expect(laggard!.overall.score).toBeLessThan(typical!.overall.score);
    expect(typical!.overall.score).toBeLessThan(leader!.overall.score);
    expect(leader!.overall.score - laggard!.overall.score).toBeGreaterThanOrEqual(50);
    const dii = examples.map((e) => e.a.digitalIntensity!);
    expect(dii[0]!.count).toBeLessThan(dii[1]!.count);
    expect(dii[1]!.count).toBeLessThan(dii[2]!.count);
    expect(new Set(dii.map((d) => d.level)).size).toBe(3);
    expect(dii.map((d) => d.basic)).toEqual([false, true, true]);
  });

  it('answer every question they are shown', () => {
    for (const { name, a } of examples) {
      const missing = a.dimensions.flatMap((d) => d.questions.filter((q) => q.status === 'missing').map((q) => q.id));
      expect(missing, name).toEqual([]);
    }
  });

  it('never present a figure for another size class or region as the firm\'s own', () => {
    for (const { a } of examples) {
      const all = [...a.dimensions.flatMap((d) => d.benchmarks), ...a.digitalIntensity!.comparisons];
      for (const c of all) {
        const b = data.benchmarks.find((x) => x.id === c.id);
        const population = data.populations[b?.population ?? data.digitalIntensity.levelShares!.population]!;
        expect(c.population).toBe(population.label[a.language]);
        expect(Boolean(c.fallback?.size), `${a.company.name} ${c.id}`).toBe(!sizeFits(population, a.company.employees));
        expect(c.source).toMatch(/^https:\/\//);
      }
    }
  });

  it('list one figure per indicator in every dimension and tell whether the firm does it', () => {
    for (const { a } of examples) {
      for (const d of a.dimensions) {
        expect(d.benchmarks.length, d.id).toBeGreaterThan(0);
        const facts = d.benchmarks.map((c) => data.benchmarks.find((b) => b.id === c.id)!.fact);
        expect(new Set(facts).size).toBe(facts.length);
      }
    }
    const leader = examples[2]!.a;
    expect(leader.dimensions.find((d) => d.id === 'ai')!.benchmarks.find((c) => c.id === 'be-ai-2024')!.company).toBe(true);
    const laggard = examples[0]!.a;
    // A one-person Walloon firm is compared with the Walloon barometer, which includes micro firms.
    expect(laggard.dimensions.find((d) => d.id === 'website')!.benchmarks[0]!.id).toBe('wal-website-2017');
  });

  it('word the comparisons in the report language', () => {
    const fr = assessExample('leader', 'fr');
    const nl = assessExample('leader', 'nl');
    expect(fr.dimensions[0]!.benchmarks[0]!.population).not.toBe(nl.dimensions[0]!.benchmarks[0]!.population);
    expect(fr.digitalIntensity!.levelName).not.toBe(nl.digitalIntensity!.levelName);
  });
});

describe('benchmarks file validation', () => {
  const text = readFileSync(join(PACK_DIR, 'benchmarks.yaml'), 'utf8');
  let n = 0;
  function problemsOf(variant: string): string[] {
    const dir = join(tmp.dir, `b${n++}`);
    mkdirSync(dir);
    const file = join(dir, 'benchmarks.yaml');
    writeFileSync(file, variant);
    try {
      loadBenchmarks(file, pack);
    } catch (err) {
      if (err instanceof UserError) return err.format().split('\n');
      throw err;
    }
    return [];
  }
  const lineOf = (s: string, needle: string) => s.slice(0, s.indexOf(needle)).split('\n').length;

  it('accepts the built-in file', () => {
    expect(problemsOf(text)).toEqual([]);
  });

  it('reports an unknown population at its line', () => {
    const variant = text.replace('    population: be-10plus\n', '    population: be-11plus\n');
    expect(problemsOf(variant)).toContainEqual(expect.stringMatching(new RegExp(`benchmarks\\.yaml:${lineOf(variant, 'be-11plus')}:\\d+: unknown population "be-11plus"`)));
  });

  it('reports a fact no answer establishes', () => {
    const variant = text.replace('    fact: has_website\n', '    fact: has_webbsite\n');
    expect(problemsOf(variant)).toContainEqual(expect.stringMatching(new RegExp(`:${lineOf(variant, 'has_webbsite')}:\\d+: no answer in the questionnaire establishes fact "has_webbsite"`)));
  });

  it('reports a missing translation and a bad source address', () => {
    const variant = text.replace('      nl: hebben een website\n', '').replace('source: https://statbel.fgov.be/en/news/ict-enterprises-2020', 'source: statbel.fgov.be');
    const problems = problemsOf(variant);
    expect(problems).toContainEqual(expect.stringMatching(/: missing "nl" translation in benchmarks\[0\]\.indicator/));
    expect(problems).toContainEqual(expect.stringMatching(/: .*source must be an https:\/\/ address/));
  });

  it('requires exactly 12 digital-intensity criteria', () => {
    const variant = text.replace(/\n    - id: ict-specialists[\s\S]*$/, '\n');
    expect(problemsOf(variant)).toContainEqual(expect.stringMatching(/exactly 12 criteria/));
  });
});

// Keeps the sanity of the data behind the comparisons.
describe('benchmark figures', () => {
  it('are shares with a year, a population and an https source', () => {
    for (const b of data.benchmarks) {
      expect(b.value).toBeGreaterThanOrEqual(0);
      expect(b.value).toBeLessThanOrEqual(100);
      expect(b.source).toMatch(/^https:\/\//);
      expect(data.populations[b.population]).toBeDefined();
    }
    expect(DII_BASIC_MIN).toBe(4);
  });
  it('need no benchmarks file for a pack without one', () => {
    const data2: BenchmarkData | undefined = loadPackBenchmarks({ ...pack, dir: tmp.dir });
    expect(data2).toBeUndefined();
  });
});
