// Pure: barometer figures + what the answers establish → comparisons and the digital intensity index.
// No file system, no clock. The selection rule is described in README.md ("Benchmarks and digital intensity").
import type { BenchmarkComparison, DigitalIntensity, DigitalIntensityCriterion } from '../assessment/types.js';
import type { Lang } from '../../core/lang.js';
import type { Translate } from '../../i18n/ui.js';
import type { PackDefinition } from '../pack/schema.js';
import type { QuestionStatus } from '../scoring/index.js';
import { diiLevels, type Benchmark, type BenchmarkData, type Confidence, type DiiLevel, type Population } from './schema.js';

export type { BenchmarkData } from './schema.js';

/** The fact the digital-intensity comparisons refer to: computed from the criteria, not from one answer. */
export const DII_BASIC_FACT = 'dii_basic';
export const DII_MAX = 12;
export const DII_BASIC_MIN = 4;

/** Whether the firm does something: true, false, or null when the answers cannot tell. */
export type FactStatus = (fact: string) => boolean | null;

export interface Firm {
  employees: number;
  region: string;
}

/**
 * Reads a fact off the answers. Established by a chosen option: true. Otherwise false when a question
 * that could establish it was answered, judged not applicable, or hidden by its gate (the firm lacks the
 * capability); null when every such question is "don't know", unanswered or absent.
 */
export function factStatus(pack: PackDefinition, established: Set<string>, statuses: Map<string, QuestionStatus>): FactStatus {
  const deciders = new Map<string, string[]>();
  for (const d of pack.dimensions) {
    for (const q of d.questions) {
      for (const f of new Set(q.options.flatMap((o) => o.facts ?? []))) deciders.set(f, [...(deciders.get(f) ?? []), q.id]);
    }
  }
  const decisive: QuestionStatus[] = ['answered', 'notApplicable', 'hidden'];
  return (fact) => {
    if (established.has(fact)) return true;
    const questions = deciders.get(fact) ?? [];
    return questions.some((id) => decisive.includes(statuses.get(id) ?? 'missing')) ? false : null;
  };
}

/** Where to look for a figure, closest first: the firm's region, its country, then the EU-27. */
export function regionChain(region: string): string[] {
  if (region === 'EU' || region === 'EU27' || !/^[A-Z]{2}/.test(region)) return ['EU27'];
  const country = region.slice(0, 2);
  return region === country ? [country, 'EU27'] : [region, country, 'EU27'];
}

export function sizeFits(population: Population, employees: number): boolean {
  const { min, max } = population.sizeClass;
  return employees >= min && (max === null || employees <= max);
}

function sizeDistance(population: Population, employees: number): number {
  const { min, max } = population.sizeClass;
  if (employees < min) return min - employees;
  if (max !== null && employees > max) return employees - max;
  return 0;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { official: 0, secondary: 1, unverified: 2 };

export interface Selected {
  benchmark: Benchmark;
  population: Population;
  sizeFallback: boolean;
  regionFallback: boolean;
}

/**
 * The closest figure for the firm among figures of one indicator. Populations in the firm's region
 * chain (region → country → EU-27) come first; within them, one whose size class holds the firm, else
 * the nearest size class; then the most specific region, the newest year, the firmest source.
 * Populations outside the chain (another region or country) are a last resort. Stable for ties.
 */
export function selectBenchmark(candidates: Benchmark[], populations: Record<string, Population>, firm: Firm): Selected | undefined {
  const chain = regionChain(firm.region);
  const ranked = candidates.map((benchmark, index) => {
    const population = populations[benchmark.population]!;
    const chainIndex = chain.indexOf(population.region);
    const key = [
      chainIndex < 0 ? 1 : 0,
      sizeDistance(population, firm.employees),
      chainIndex < 0 ? chain.length : chainIndex,
      -benchmark.year,
      CONFIDENCE_RANK[benchmark.confidence],
      index,
    ];
    return { benchmark, population, key, inChain: chainIndex >= 0 };
  });
  ranked.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return 0;
  });
  const best = ranked[0];
  if (!best) return undefined;
  return {
    benchmark: best.benchmark,
    population: best.population,
    sizeFallback: !sizeFits(best.population, firm.employees),
    regionFallback: !best.inChain,
  };
}

export interface CompareContext {
  data: BenchmarkData;
  firm: Firm;
  status: FactStatus;
  lang: Lang;
  t: Translate;
}

/** One comparison per indicator (fact) of the dimension, in the order of benchmarks.yaml. */
export function dimensionBenchmarks(dimensionId: string, ctx: CompareContext): BenchmarkComparison[] {
  const byFact = new Map<string, Benchmark[]>();
  for (const b of ctx.data.benchmarks) {
    if (b.dimension !== dimensionId) continue;
    byFact.set(b.fact, [...(byFact.get(b.fact) ?? []), b]);
  }
  const out: BenchmarkComparison[] = [];
  for (const [fact, candidates] of byFact) {
    const selected = selectBenchmark(candidates, ctx.data.populations, ctx.firm);
    if (selected) out.push(comparison(selected, ctx.status(fact), ctx));
  }
  return out;
}

export function comparison(selected: Selected, company: boolean | null, ctx: Pick<CompareContext, 'lang' | 't' | 'firm'>): BenchmarkComparison {
  const { benchmark: b, population } = selected;
  const { lang, t } = ctx;
  const out: BenchmarkComparison = {
    id: b.id,
    indicator: b.indicator[lang],
    value: b.value,
    year: b.year,
    population: population.label[lang],
    source: b.source,
    confidence: b.confidence,
    company,
  };
  if (b.approximate) out.approximate = b.approximate[lang];
  if (b.target) out.target = true;
  if (b.note) out.note = b.note[lang];
  const fallback = fallbackFor(selected.sizeFallback, selected.regionFallback, ctx);
  if (fallback) out.fallback = fallback;
  return out;
}

function fallbackFor(size: boolean, region: boolean, ctx: Pick<CompareContext, 't' | 'firm'>): BenchmarkComparison['fallback'] {
  if (!size && !region) return undefined;
  const key = size && region ? 'both' : size ? 'size' : 'region';
  return { size, region, note: ctx.t(`benchmark.fallback_${key}`, { employees: ctx.firm.employees, region: ctx.firm.region }) };
}

export function diiLevel(count: number): DiiLevel {
  if (count >= 10) return 'very-high';
  if (count >= 7) return 'high';
  if (count >= DII_BASIC_MIN) return 'low';
  return 'very-low';
}

/**
 * The firm's Digital Intensity Index. A criterion is met when all its facts hold; it is not met when
 * one of them is known not to hold; otherwise (not asked, "don't know", only partly asked) it is unknown.
 * The count is of criteria met, so it is a lower bound when some are unknown.
 */
export function digitalIntensity(ctx: CompareContext): DigitalIntensity {
  const { data, status, lang, t } = ctx;
  const dii = data.digitalIntensity;
  const criteria: DigitalIntensityCriterion[] = dii.criteria.map((c) => {
    const states = c.facts.map(status);
    let met: boolean | null;
    if (!c.facts.length) met = null;
    else if (states.includes(false)) met = false;
    else if (states.every((s) => s === true)) met = c.partial ? null : true;
    else met = null;
    const out: DigitalIntensityCriterion = { id: c.id, label: c.label[lang], met, verified: c.verified };
    if (c.approximation) out.approximation = c.approximation[lang];
    return out;
  });
  const count = criteria.filter((c) => c.met === true).length;
  const unknown = criteria.filter((c) => c.met === null).length;
  const level = diiLevel(count);
  const basic = count >= DII_BASIC_MIN;
  // Basic for sure, surely not (even if every unknown criterion were met), or open.
  const company = basic ? true : count + unknown < DII_BASIC_MIN ? false : null;

  const chain = regionChain(ctx.firm.region);
  const rank = (b: Benchmark) => {
    const i = chain.indexOf(data.populations[b.population]!.region);
    return (b.target ? 100 : 0) + (i < 0 ? chain.length : i);
  };
  const comparisons = data.benchmarks
    .filter((b) => b.fact === DII_BASIC_FACT)
    .sort((a, b) => rank(a) - rank(b))
    .map((b) => {
      const population = data.populations[b.population]!;
      const selected: Selected = {
        benchmark: b,
        population,
        sizeFallback: !sizeFits(population, ctx.firm.employees),
        regionFallback: !chain.includes(population.region),
      };
      return comparison(selected, company, ctx);
    });
  if (dii.levelShares) {
    const s = dii.levelShares;
    const population = data.populations[s.population]!;
    const share: BenchmarkComparison = {
      id: `dii-level-share-${s.year}`,
      indicator: t('dii.same_level', { level: t(`dii.level.${level}`) }),
      value: s.shares[level],
      year: s.year,
      population: population.label[lang],
      source: s.source,
      confidence: s.confidence,
      company: true,
    };
    const fallback = fallbackFor(!sizeFits(population, ctx.firm.employees), !chain.includes(population.region), ctx);
    if (fallback) share.fallback = fallback;
    comparisons.push(share);
  }
  return {
    count,
    max: DII_MAX,
    unknown,
    level,
    levelName: t(`dii.level.${level}`),
    basic,
    definitionYear: dii.definitionYear,
    source: dii.source,
    criteria,
    comparisons,
  };
}

export { diiLevels };
