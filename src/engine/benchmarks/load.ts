import type { Problem } from '../../core/errors.js';
import type { Pack } from '../pack/load.js';
import type { YamlSource } from '../yaml/source.js';
import { problemAt, validateSource } from '../yaml/validate.js';
import { DII_BASIC_FACT } from './index.js';
import { benchmarksSchema, diiLevels, type BenchmarkData } from './schema.js';

export const BENCHMARKS_FILE = 'benchmarks.yaml';

export function validateBenchmarks(source: YamlSource, pack?: Pack): BenchmarkData {
  return validateSource(source, benchmarksSchema, (data) => checkReferences(data, source, pack));
}

/** What the schema cannot say: unique ids, known populations, and facts and dimensions the pack has. */
function checkReferences(data: BenchmarkData, source: YamlSource, pack: Pack | undefined): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[], message: string, hint?: string) => problems.push(problemAt(source, path, message, hint));

  for (const [key, p] of Object.entries(data.populations)) {
    if (p.sizeClass.max !== null && p.sizeClass.max < p.sizeClass.min) at(['populations', key, 'sizeClass'], `size class of "${key}" ends before it starts`);
  }
  const knownPopulation = (id: string, path: (string | number)[]) => {
    if (!(id in data.populations)) at(path, `unknown population "${id}"`, `known: ${Object.keys(data.populations).join(', ')}`);
  };

  const packFacts = pack ? factsOf(pack) : undefined;
  const dimensions = pack ? new Set(pack.definition.dimensions.map((d) => d.id)) : undefined;
  const knownFact = (fact: string, path: (string | number)[]) => {
    if (packFacts && !packFacts.has(fact)) at(path, `no answer in the questionnaire establishes fact "${fact}"`);
  };

  const ids = new Set<string>();
  data.benchmarks.forEach((b, i) => {
    if (ids.has(b.id)) at(['benchmarks', i, 'id'], `duplicate benchmark id "${b.id}"`);
    ids.add(b.id);
    knownPopulation(b.population, ['benchmarks', i, 'population']);
    if (b.dimension !== undefined && dimensions && !dimensions.has(b.dimension)) {
      at(['benchmarks', i, 'dimension'], `unknown dimension "${b.dimension}"`, `known: ${[...dimensions].join(', ')}`);
    }
    if (b.fact === DII_BASIC_FACT) {
      if (b.dimension !== undefined) at(['benchmarks', i, 'dimension'], `"${DII_BASIC_FACT}" figures compare with the digital intensity, not a dimension`);
    } else {
      if (b.dimension === undefined) at(['benchmarks', i], `benchmark "${b.id}" needs a dimension`);
      knownFact(b.fact, ['benchmarks', i, 'fact']);
    }
  });

  data.benchmarks.forEach((b, i) => {
    if (b.confidence === 'official' && b.source.via) at(['benchmarks', i, 'confidence'], `a figure read through ${b.source.via.name} is secondary, not official`);
  });
  const dii = data.digitalIntensity;
  dii.bands.forEach((band, i) => {
    if (band.level !== diiLevels[i]) at(['digitalIntensity', 'bands', i, 'level'], `band ${i + 1} must be "${diiLevels[i]}"`);
    if (i === 0 ? band.min !== 0 : band.min <= dii.bands[i - 1]!.min) at(['digitalIntensity', 'bands', i, 'min'], i === 0 ? 'the first band starts at 0' : 'bands must start at increasing counts');
  });
  if (dii.basicMin > dii.criteria.length) at(['digitalIntensity', 'basicMin'], `basicMin is more than the ${dii.criteria.length} criteria`);
  if (dii.levelShares) knownPopulation(dii.levelShares.population, ['digitalIntensity', 'levelShares', 'population']);
  const criterionIds = new Set<string>();
  dii.criteria.forEach((c, i) => {
    if (criterionIds.has(c.id)) at(['digitalIntensity', 'criteria', i, 'id'], `duplicate criterion id "${c.id}"`);
    criterionIds.add(c.id);
    c.facts.forEach((f, fi) => knownFact(f, ['digitalIntensity', 'criteria', i, 'facts', fi]));
    if (c.partial && !c.facts.length) at(['digitalIntensity', 'criteria', i, 'partial'], `a criterion that is not asked cannot be partial`);
  });
  return problems;
}

function factsOf(pack: Pack): Set<string> {
  const facts = new Set<string>();
  for (const { question } of pack.questions.values()) {
    for (const o of question.options) [...(o.facts ?? []), ...(o.partly ?? [])].forEach((f) => facts.add(f));
  }
  return facts;
}
