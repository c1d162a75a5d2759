import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assess } from '../src/engine/assessment/index.js';
import type { Assessment } from '../src/engine/assessment/types.js';
import {
  citable,
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
import { establishedFacts, partlyFacts, scoreAssessment, type QuestionStatus } from '../src/engine/scoring/index.js';
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
  return {
    id,
    fact: 'has_website',
    dimension: 'website',
    title: label,
    indicator: label,
    value: 50,
    year,
    population,
    source: { publisher: 'Statbel', kind: 'statistical-office', url: 'https://example.org' },
    confidence: 'official',
  };
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

  it('falls back to the EU-27 when the country has no figure, and flags it', () => {
    const s = selectBenchmark([be, eu], populations, { employees: 20, region: 'FR-OCC' })!;
    expect(s.benchmark.id).toBe('eu');
    expect(s.regionFallback).toBe(true);
    const french = selectBenchmark([be, eu, fr], populations, { employees: 5, region: 'FR-OCC' })!;
    expect(french.benchmark.id).toBe('fr');
    expect(french.sizeFallback).toBe(false);
    expect(french.regionFallback).toBe(false);
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

  it('never gives a firm a figure of another region or country, even when it is the only one', () => {
    expect(selectBenchmark([wal], populations, { employees: 4, region: 'BE-VLG' })).toBeUndefined();
    expect(selectBenchmark([fr, wal], populations, { employees: 4, region: 'BE-BRU' })).toBeUndefined();
  });

  it('flags an EU-wide figure as a region fallback, not a Belgian one for a Brussels firm', () => {
    const s = selectBenchmark([eu], populations, { employees: 30, region: 'BE-BRU' })!;
    expect(s.regionFallback).toBe(true);
    expect(selectBenchmark([be], populations, { employees: 30, region: 'BE-BRU' })!.regionFallback).toBe(false);
  });
});

describe('the source policy', () => {
  it('lets through only official publishers, read on their page or through a named newspaper or official text', () => {
    const url = 'https://example.org';
    expect(citable({ publisher: 'Statbel', kind: 'statistical-office', url }, 'official')).toBe(true);
    expect(citable({ publisher: 'Statbel', kind: 'statistical-office', via: { name: 'Le Vif', kind: 'newspaper' }, url }, 'secondary')).toBe(true);
    expect(citable({ publisher: 'Digital Wallonia', kind: 'regional-agency', via: { name: 'Parlement de Wallonie', kind: 'parliament' }, url }, 'secondary')).toBe(true);
    expect(citable({ publisher: 'Eurostat', kind: 'eu-institution', via: { name: 'a blog', kind: 'other' }, url }, 'secondary')).toBe(false);
    expect(citable({ publisher: 'A web agency', kind: 'other', url }, 'secondary')).toBe(false);
    expect(citable({ publisher: 'Statbel', kind: 'statistical-office', url }, 'unverified')).toBe(false);
  });

  it('keeps every withheld figure, with its curation notes, for the advisor', () => {
    const withheld = data.benchmarks.filter((b) => !citable(b.source, b.confidence));
    expect(withheld.length).toBeGreaterThan(0);
    for (const b of withheld) expect(b.curation?.length, b.id).toBeGreaterThan(0);
  });
});

function statusesOf(answers: Parameters<typeof scoreAssessment>[1]): FactStatus {
  const scores = scoreAssessment(pack.definition, answers);
  const statuses = new Map<string, QuestionStatus>();
  for (const d of scores.dimensions) for (const q of d.questions) statuses.set(q.id, q.status);
  return factStatus(pack.definition, establishedFacts(pack.definition, answers), partlyFacts(pack.definition, answers), statuses);
}

describe('facts read off the answers', () => {
  it('is yes when chosen, no when answered otherwise or hidden by its gate, unknown for "don\'t know" or no answer', () => {
    const status = statusesOf({
      company: {},
      answers: { web_presence: 'none', cyber_mfa: 'dont-know', ai_use: 'regularly', inv_peppol_send: 'pdf' },
    });
    expect(status('uses_ai')).toBe('yes');
    expect(status('sends_einvoices')).toBe('no');
    expect(status('has_website')).toBe('no');
    expect(status('website_orders_bookings')).toBe('no'); // web_features is hidden: no website
    expect(status('uses_mfa')).toBe('unknown');
    expect(status('uses_crm')).toBe('unknown'); // not answered
  });

  it('is partly for a partial answer, never no', () => {
    const status = statusesOf({ company: {}, answers: { cyber_mfa: 'some', inv_peppol_send: 'some', cyber_backup: 'untested' } });
    expect(status('uses_mfa')).toBe('partly');
    expect(status('sends_einvoices')).toBe('partly');
    expect(status('has_backup')).toBe('yes');
    expect(status('offline_backup')).toBe('no');
  });
});

describe('digital intensity', () => {
  const t = translator('en', ui);
  const ctx = (status: FactStatus, employees = 20) => ({ data, firm: { employees, region: 'BE-BRU' }, status, lang: 'en' as const, t });
  const yes: FactStatus = () => 'yes';

  it('reads its bands from the data', () => {
    const bands = data.digitalIntensity.bands;
    expect(bands.map((b) => b.level)).toEqual(['very-low', 'low', 'high', 'very-high']);
    for (const b of bands) {
      expect(diiLevel(b.min, bands)).toBe(b.level);
      if (b.min > 0) expect(diiLevel(b.min - 1, bands)).not.toBe(b.level);
    }
    const shifted = bands.map((b, i) => ({ ...b, min: i ? b.min + 1 : 0 }));
    expect(diiLevel(bands[1]!.min, shifted)).toBe('very-low');
  });

  it('counts criteria met; not-asked and partly-asked criteria stay unknown', () => {
    const all = digitalIntensity(ctx(yes));
    const notAsked = data.digitalIntensity.criteria.filter((c) => !c.facts.length).length;
    const partial = data.digitalIntensity.criteria.filter((c) => c.partial).length;
    expect(all.max).toBe(data.digitalIntensity.criteria.length);
    expect(all.count).toBe(all.max - notAsked - partial);
    expect(all.unknown).toBe(notAsked + partial);
    expect(all.level).toBe(diiLevel(all.count, data.digitalIntensity.bands));
    expect(all.basic).toBe(true);

    const none = digitalIntensity(ctx(() => 'no'));
    expect(none.count).toBe(0);
    expect(none.unknown).toBe(notAsked);
    expect(none.basic).toBe(false);
    expect(none.comparisons.filter((c) => c.level === undefined).every((c) => c.company === 'no')).toBe(true);
    // A criterion answered only in part is not met.
    expect(digitalIntensity(ctx(() => 'partly')).count).toBe(0);

    const unsure = digitalIntensity(ctx(() => 'unknown'));
    expect(unsure.count).toBe(0);
    expect(unsure.unknown).toBe(unsure.max);
    expect(unsure.comparisons.find((c) => c.target)!.company).toBe('unknown'); // could still be basic
  });

  it('meets a criterion only when every one of its facts holds', () => {
    const criterion = data.digitalIntensity.criteria.find((c) => c.facts.length && !c.partial)!;
    const only = new Set(criterion.facts);
    const result = digitalIntensity(ctx((f) => (only.has(f) ? 'yes' : 'no')));
    expect(result.criteria.find((c) => c.id === criterion.id)!.met).toBe(true);
    expect(result.count).toBe(data.digitalIntensity.criteria.filter((c) => !c.partial && c.facts.length && c.facts.every((f) => only.has(f))).length);
  });

  it('compares with the 2030 target; figures read only on blogs stay out of the Assessment', () => {
    const result = digitalIntensity(ctx(yes));
    expect(result.comparisons.some((c) => c.target && c.value === 90 && c.year === 2030)).toBe(true);
    for (const c of [...result.comparisons, ...result.withheld]) {
      expect(c.source).toMatch(/^https:\/\//);
      expect(c.publisher.kind).not.toBe('other');
      expect(c.publisher.via?.kind).not.toBe('other');
    }
    const ids = [...result.comparisons, ...result.withheld].map((c) => c.id);
    expect(ids).not.toContain('eu-dii-basic-2023'); // read on an agency's blog
    expect(ids).not.toContain('dii-level-share-2023'); // read on a blog
    for (const c of result.withheld) expect(c.curation.length, c.id).toBeGreaterThan(0);
  });

  it('flags SME figures as a size fallback for a micro firm', () => {
    const micro = digitalIntensity(ctx(yes, 2));
    for (const c of micro.comparisons) expect(c.fallback?.size).toBe(true);
    const sme = digitalIntensity(ctx(yes, 40));
    for (const c of sme.comparisons) expect(c.fallback?.size ?? false).toBe(false);
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
    expect(leader.dimensions.find((d) => d.id === 'ai')!.benchmarks.find((c) => c.id === 'be-ai-2025')!.company).toBe('yes');
    const laggard = examples[0]!.a;
    // A one-person Walloon firm is compared with Digital Wallonia's barometer, which includes micro firms.
    expect(laggard.dimensions.find((d) => d.id === 'ai')!.benchmarks[0]!.id).toBe('wal-ai-2024');
    // A Flemish firm never gets a Walloon figure.
    const walloon = new Set(Object.entries(data.populations).filter(([, p]) => p.region === 'BE-WAL').map(([id]) => id));
    for (const d of leader.dimensions) for (const c of [...d.benchmarks, ...d.benchmarksWithheld]) expect(walloon.has(c.populationId), c.id).toBe(false);
  });

  it('say "partly" for a partial answer', () => {
    const typical = examples[1]!.a;
    const invoicing = typical.dimensions.find((d) => d.id === 'invoicing')!;
    expect(invoicing.benchmarks.find((c) => c.fact === 'sends_einvoices')!.company).toBe('partly'); // Peppol to part of the customers
    const cyber = typical.dimensions.find((d) => d.id === 'cybersecurity')!;
    expect(cyber.benchmarksWithheld.find((c) => c.fact === 'uses_mfa')!.company).toBe('partly'); // MFA on some accounts
  });

  it('show only citable figures to the client, and keep the curation notes as data', () => {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      for (const name of ['laggard', 'typical', 'leader']) {
        const a = assessExample(name, lang);
        for (const c of [...a.dimensions.flatMap((d) => d.benchmarks), ...a.digitalIntensity!.comparisons]) {
          expect(c.confidence, c.id).not.toBe('unverified');
          expect(['administration', 'statistical-office', 'eu-institution', 'regional-agency']).toContain(c.publisher.kind);
          if (c.publisher.via) expect(['newspaper', 'parliament', 'administration']).toContain(c.publisher.via.kind);
        }
        for (const c of [...a.dimensions.flatMap((d) => d.benchmarksWithheld), ...a.digitalIntensity!.withheld]) {
          expect(c.curation.length, c.id).toBeGreaterThan(0);
          // Withheld for the client, still an official publisher's own page in the JSON.
          expect(['administration', 'statistical-office', 'eu-institution', 'regional-agency']).toContain(c.publisher.kind);
          expect(c.publisher.via?.kind).not.toBe('other');
        }
      }
    }
  });

  it('never set a strength beside a comparison that says the firm does not do it', () => {
    for (const { a } of examples) {
      for (const d of a.dimensions) {
        const dimension = pack.definition.dimensions.find((x) => x.id === d.id)!;
        for (const c of d.benchmarks.filter((x) => x.company !== 'yes')) {
          // The questions whose best answer establishes this fact: their strength must not be shown.
          const establishing = dimension.questions.filter((q) => q.strength && q.options.some((o) => o.facts?.includes(c.fact)));
          for (const q of establishing) expect(d.strengths, `${a.company.name} ${c.id}`).not.toContain(q.strength![a.language]);
        }
      }
    }
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
    const variant = text
      .replace('indicator: { fr: ont un site web, nl: hebben een website, en: have a website }', 'indicator: { fr: ont un site web, en: have a website }')
      .replace('url: https://statbel.fgov.be/nl/nieuws/ict-gebruik-van-ondernemingen-2020', 'url: statbel.fgov.be');
    const problems = problemsOf(variant);
    expect(problems).toContainEqual(expect.stringMatching(/: missing "nl" translation in benchmarks\[0\]\.indicator/));
    expect(problems).toContainEqual(expect.stringMatching(/: .*source must be an https:\/\/ address/));
  });

  it('refuses a publisher kind outside the policy list and an "official" figure read through a newspaper', () => {
    const variant = text.replace('      kind: statistical-office\n', '      kind: blog\n');
    expect(problemsOf(variant).join('\n')).toMatch(/kind/);
    const official = text.replace(/(via: \{ name: Le Vif, kind: newspaper \}[\s\S]*?confidence: )secondary/, '$1official');
    expect(problemsOf(official)).toContainEqual(expect.stringMatching(/read through Le Vif is secondary, not official/));
  });

  it('refuses digital-intensity bands out of order', () => {
    const variant = text.replace('- { level: high, min: 7 }', '- { level: high, min: 3 }');
    expect(problemsOf(variant)).toContainEqual(expect.stringMatching(/bands must start at increasing counts/));
  });
});

// Keeps the sanity of the data behind the comparisons.
describe('benchmark figures', () => {
  it('are shares with a year, a population and an https source', () => {
    for (const b of data.benchmarks) {
      expect(b.value).toBeGreaterThanOrEqual(0);
      expect(b.value).toBeLessThanOrEqual(100);
      expect(b.source.url).toMatch(/^https:\/\//);
      expect(data.populations[b.population]).toBeDefined();
    }
  });
  it('need no benchmarks file for a pack without one', () => {
    const data2: BenchmarkData | undefined = loadPackBenchmarks({ ...pack, dir: tmp.dir });
    expect(data2).toBeUndefined();
  });
});
