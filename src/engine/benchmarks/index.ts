// Pure: barometer figures + what the answers establish → comparisons and the digital intensity index.
// No file system, no clock. The selection rule and the source policy are described in README.md
// ("Benchmarks and digital intensity"). The output is data: ids, numbers, flags, ISO dates and the
// figure's own translated labels; renderers do all other wording.
import type { BenchmarkComparison, DigitalIntensity, DigitalIntensityCriterion, PracticeStatus } from '../assessment/types.js';
import type { Lang } from '../../core/lang.js';
import type { Translate } from '../../i18n/ui.js';
import type { PackDefinition } from '../pack/schema.js';
import type { QuestionStatus } from '../scoring/index.js';
import {
  diiLevels,
  officialKinds,
  type Benchmark,
  type BenchmarkData,
  type BenchmarkSource,
  type Confidence,
  type CurationNote,
  type DiiLevel,
  type Population,
} from './schema.js';

export type { BenchmarkData } from './schema.js';

/** The fact the digital-intensity comparisons refer to: computed from the criteria, not from one answer. */
export const DII_BASIC_FACT = 'dii_basic';

/** Whether the firm does something: yes, partly, no, or unknown when the answers cannot tell. */
export type FactStatus = (fact: string) => PracticeStatus;

export interface Firm {
  employees: number;
  region: string;
}

/**
 * Reads a fact off the answers. Established by a chosen option: yes; established in part (an option's
 * `partly`): partly. Otherwise no when a question that could establish it was answered, judged not
 * applicable, or hidden by its gate (the firm lacks the capability); unknown when every such question
 * is "don't know", unanswered or absent.
 */
export function factStatus(pack: PackDefinition, established: Set<string>, partly: Set<string>, statuses: Map<string, QuestionStatus>): FactStatus {
  const deciders = new Map<string, string[]>();
  for (const d of pack.dimensions) {
    for (const q of d.questions) {
      for (const f of new Set(q.options.flatMap((o) => [...(o.facts ?? []), ...(o.partly ?? [])]))) deciders.set(f, [...(deciders.get(f) ?? []), q.id]);
    }
  }
  const decisive: QuestionStatus[] = ['answered', 'notApplicable', 'hidden'];
  return (fact) => {
    if (established.has(fact)) return 'yes';
    if (partly.has(fact)) return 'partly';
    const questions = deciders.get(fact) ?? [];
    return questions.some((id) => decisive.includes(statuses.get(id) ?? 'missing')) ? 'no' : 'unknown';
  };
}

/**
 * The source policy: a client is shown a figure only when an administration, a statistical office, an
 * EU institution or a regional agency published it, read on its own page or through a named newspaper
 * or official text, and the research does not mark it unverified.
 */
export function citable(source: BenchmarkSource, confidence: Confidence): boolean {
  if (confidence === 'unverified') return false;
  if (!(officialKinds as readonly string[]).includes(source.kind)) return false;
  return !source.via || source.via.kind !== 'other';
}

/**
 * Whether a withheld figure may still go into the Assessment (for the advisor): its publisher is official
 * and its page is the publisher's own or a newspaper's. A figure read only on a vendor's, agency's or blog's
 * page stays in benchmarks.yaml: no such address ever reaches the JSON or a report.
 */
export function advisorVisible(source: BenchmarkSource): boolean {
  return (officialKinds as readonly string[]).includes(source.kind) && (!source.via || source.via.kind !== 'other');
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

/** Whether a population leaves the firm's country (the EU-27 for a Belgian firm). */
function wider(population: Population, chain: string[]): boolean {
  return chain.length > 1 && population.region === chain[chain.length - 1];
}

/**
 * The closest figure for the firm among figures of one indicator. Only populations the firm belongs to
 * by place are considered (its region, its country, the EU-27): a Flemish firm never gets a Walloon
 * figure. Among them: one whose size class holds the firm, else the nearest size class; then the most
 * specific region, the newest year, the firmest source. Stable for ties.
 */
export function selectBenchmark(candidates: Benchmark[], populations: Record<string, Population>, firm: Firm): Selected | undefined {
  const chain = regionChain(firm.region);
  const ranked = candidates.flatMap((benchmark, index) => {
    const population = populations[benchmark.population]!;
    const chainIndex = chain.indexOf(population.region);
    if (chainIndex < 0) return [];
    const key = [sizeDistance(population, firm.employees), chainIndex, -benchmark.year, CONFIDENCE_RANK[benchmark.confidence], index];
    return [{ benchmark, population, key }];
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
    regionFallback: wider(best.population, chain),
  };
}

export interface CompareContext {
  data: BenchmarkData;
  firm: Firm;
  status: FactStatus;
  lang: Lang;
  /** Only for the level's name, kept in the Assessment for CSV readers. */
  t: Translate;
}

export interface DimensionComparisons {
  /** What the client sees: one figure per indicator, chosen among citable figures. */
  shown: BenchmarkComparison[];
  /** Figures the source policy keeps out of the client report (for the advisor), with their notes. */
  withheld: BenchmarkComparison[];
}

/** One comparison per indicator (fact) of the dimension, in the order of benchmarks.yaml. */
export function dimensionBenchmarks(dimensionId: string, ctx: CompareContext): DimensionComparisons {
  const byFact = new Map<string, Benchmark[]>();
  const withheld: BenchmarkComparison[] = [];
  const chain = regionChain(ctx.firm.region);
  for (const b of ctx.data.benchmarks) {
    if (b.dimension !== dimensionId) continue;
    if (!citable(b.source, b.confidence)) {
      const population = ctx.data.populations[b.population]!;
      if (!chain.includes(population.region) || !advisorVisible(b.source)) continue;
      withheld.push(comparison(selectedAs(b, population, ctx.firm), ctx.status(b.fact), ctx));
      continue;
    }
    byFact.set(b.fact, [...(byFact.get(b.fact) ?? []), b]);
  }
  const shown: BenchmarkComparison[] = [];
  for (const [fact, candidates] of byFact) {
    const selected = selectBenchmark(candidates, ctx.data.populations, ctx.firm);
    if (selected) shown.push(comparison(selected, ctx.status(fact), ctx));
  }
  return { shown, withheld };
}

function selectedAs(benchmark: Benchmark, population: Population, firm: Firm): Selected {
  return {
    benchmark,
    population,
    sizeFallback: !sizeFits(population, firm.employees),
    regionFallback: wider(population, regionChain(firm.region)),
  };
}

function sourceOf(source: BenchmarkSource): BenchmarkComparison['publisher'] {
  return { name: source.publisher, kind: source.kind, ...(source.via ? { via: { ...source.via } } : {}) };
}

function curationOf(notes: CurationNote[] | undefined, lang: Lang): BenchmarkComparison['curation'] {
  return (notes ?? []).map((n) => ({ kind: n.kind, note: n.note[lang] }));
}

/** What every compared figure carries about its population and its source, whichever part of the data it comes from. */
function sourcedFigure(
  populationId: string,
  population: Population,
  figure: { source: BenchmarkSource; confidence: BenchmarkComparison['confidence']; curation?: CurationNote[] | undefined },
  lang: Lang,
) {
  const { source } = figure;
  return {
    populationId,
    population: population.label[lang],
    sizeClass: { ...population.sizeClass },
    populationRegion: population.region,
    source: source.url,
    publisher: sourceOf(source),
    confidence: figure.confidence,
    curation: curationOf(figure.curation, lang),
    ...(source.dataset ? { dataset: source.dataset } : {}),
    ...(source.asOf ? { asOf: source.asOf } : {}),
  };
}

export function comparison(selected: Selected, company: PracticeStatus, ctx: Pick<CompareContext, 'lang'>): BenchmarkComparison {
  const { benchmark: b, population } = selected;
  const { lang } = ctx;
  const out: BenchmarkComparison = {
    id: b.id,
    fact: b.fact,
    title: b.title[lang],
    indicator: b.indicator[lang],
    value: b.value,
    year: b.year,
    ...sourcedFigure(b.population, population, b, lang),
    company,
  };
  if (b.approximate) out.approximate = b.approximate[lang];
  if (b.target) out.target = true;
  if (b.context) out.context = b.context[lang];
  if (selected.sizeFallback || selected.regionFallback) {
    out.fallback = { size: selected.sizeFallback, region: selected.regionFallback, population: b.population };
  }
  return out;
}

/** The Eurostat band of a count, from the bands in benchmarks.yaml (lowest count of each level). */
export function diiLevel(count: number, bands: BenchmarkData['digitalIntensity']['bands']): DiiLevel {
  let level: DiiLevel = bands[0]?.level ?? 'very-low';
  for (const b of bands) if (count >= b.min) level = b.level;
  return level;
}

/**
 * The firm's Digital Intensity Index. A criterion is met when all its facts hold; it is not met when
 * one of them is known not to hold (or holds only in part); otherwise (not asked, "don't know", only
 * partly asked) it is unknown. The count is of criteria met, so it is a lower bound when some are unknown.
 */
export function digitalIntensity(ctx: CompareContext): DigitalIntensity {
  const { data, status, lang } = ctx;
  const dii = data.digitalIntensity;
  const criteria: DigitalIntensityCriterion[] = dii.criteria.map((c) => {
    const states = c.facts.map(status);
    let met: boolean | null;
    if (!c.facts.length) met = null;
    else if (states.some((s) => s === 'no' || s === 'partly')) met = false;
    else if (states.every((s) => s === 'yes')) met = c.partial ? null : true;
    else met = null;
    const out: DigitalIntensityCriterion = { id: c.id, label: c.label[lang], met, verified: c.verified };
    if (c.approximation) out.approximation = c.approximation[lang];
    return out;
  });
  const max = criteria.length;
  const count = criteria.filter((c) => c.met === true).length;
  const unknown = criteria.filter((c) => c.met === null).length;
  const level = diiLevel(count, dii.bands);
  const basic = count >= dii.basicMin;
  // Basic for sure, surely not (even if every unknown criterion were met), or open.
  const company: PracticeStatus = basic ? 'yes' : count + unknown < dii.basicMin ? 'no' : 'unknown';

  const chain = regionChain(ctx.firm.region);
  const rank = (b: Benchmark) => {
    const i = chain.indexOf(data.populations[b.population]!.region);
    return (b.target ? 100 : 0) + (i < 0 ? chain.length : i);
  };
  const comparisons: BenchmarkComparison[] = [];
  const withheld: BenchmarkComparison[] = [];
  for (const b of data.benchmarks.filter((x) => x.fact === DII_BASIC_FACT).sort((x, y) => rank(x) - rank(y))) {
    const population = data.populations[b.population]!;
    if (!chain.includes(population.region)) continue;
    const c = comparison(selectedAs(b, population, ctx.firm), company, ctx);
    if (citable(b.source, b.confidence)) comparisons.push(c);
    else if (advisorVisible(b.source)) withheld.push(c);
  }
  if (dii.levelShares) {
    const s = dii.levelShares;
    const population = data.populations[s.population]!;
    const share: BenchmarkComparison = {
      id: `dii-level-share-${s.year}`,
      fact: `dii_level_${level}`,
      title: '',
      indicator: '',
      value: s.shares[level],
      year: s.year,
      ...sourcedFigure(s.population, population, s, lang),
      company: 'yes',
      level,
    };
    const sizeFallback = !sizeFits(population, ctx.firm.employees);
    const regionFallback = wider(population, chain);
    if (sizeFallback || regionFallback) share.fallback = { size: sizeFallback, region: regionFallback, population: s.population };
    if (chain.includes(population.region)) {
      if (citable(s.source, s.confidence)) comparisons.push(share);
      else if (advisorVisible(s.source)) withheld.push(share);
    }
  }
  return {
    count,
    max,
    unknown,
    level,
    levelName: ctx.t(`dii.level.${level}`),
    basicMin: dii.basicMin,
    bands: dii.bands.map((b) => ({ ...b })),
    basic,
    definitionYear: dii.definitionYear,
    source: dii.source.url,
    publisher: sourceOf(dii.source),
    criteria,
    comparisons,
    withheld,
  };
}

export { diiLevels };
