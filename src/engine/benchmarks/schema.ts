import * as z from 'zod/mini';
import { idSchema, localizedSchema } from '../pack/schema.js';

// The one definition of questionnaires/<pack>/benchmarks.yaml: the loader validates with it and the
// build writes schemas/benchmarks.schema.json from it.

const about = (text: string) => z.describe(text);
const url = z.string().check(z.regex(/^https:\/\/\S+$/, 'source must be an https:// address'));
const year = z.int().check(z.gte(1990), z.lte(2100));
const percent = z.number().check(z.gte(0), z.lte(100));

export const confidenceSchema = z
  .enum(['official', 'secondary', 'unverified'])
  .check(about('official: the statistics office or the EU; secondary: a report of an official figure; unverified: no URL of its own'));

/** Region codes a population can cover: ISO 3166-2 (BE-WAL, FR-BRE), a country (BE, FR) or EU27. */
export const regionCodeSchema = z
  .string()
  .check(z.regex(/^(EU27|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/, 'region must be EU27, a country code (BE) or an ISO 3166-2 code (BE-WAL)'));

export const populationSchema = z.strictObject({
  sizeClass: z
    .strictObject({ min: z.int().check(z.gte(0)), max: z.nullable(z.int().check(z.gte(0))) })
    .check(about('Persons employed, both ends included; max null = no upper bound')),
  region: regionCodeSchema,
  label: localizedSchema.check(about('How the report names this population, next to every figure')),
});

export const benchmarkSchema = z.strictObject({
  id: idSchema,
  dimension: z.optional(idSchema.check(about('The dimension it is shown under; none for the digital-intensity comparisons'))),
  fact: idSchema.check(about('The fact (from pack.yaml option facts) this figure compares with')),
  indicator: localizedSchema.check(about('What the share of firms does, worded to follow "<population>: NN%"')),
  value: percent.check(about('Share of firms, in percent')),
  approximate: z.optional(localizedSchema.check(about("The source's own wording when it gives no exact share (\"almost 9 in 10\")"))),
  target: z.optional(z.boolean().check(about('A policy target, not a measured share'))),
  year,
  population: idSchema.check(about('A key of `populations`')),
  source: url,
  confidence: confidenceSchema,
  note: z.optional(localizedSchema),
});

export const diiCriterionSchema = z.strictObject({
  id: idSchema,
  label: localizedSchema,
  verified: z.boolean().check(about('Whether the cited source confirms this variable is part of the index of definitionYear')),
  facts: z.array(idSchema).check(about('All must hold for the criterion to be met; empty = not asked')),
  partial: z.optional(z.boolean().check(about('The questionnaire asks only part of the condition: it can rule the criterion out, never confirm it'))),
  approximation: z.optional(localizedSchema.check(about('How the answers approximate the Eurostat variable'))),
});

export const diiLevels = ['very-low', 'low', 'high', 'very-high'] as const;

export const benchmarksSchema = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.string().check(z.minLength(1)),
  populations: z.record(idSchema, populationSchema),
  benchmarks: z.array(benchmarkSchema).check(z.minLength(1)),
  digitalIntensity: z.strictObject({
    definitionYear: year,
    source: url,
    levelShares: z.optional(
      z.strictObject({
        population: idSchema,
        year,
        source: url,
        confidence: confidenceSchema,
        shares: z.strictObject({ 'very-low': percent, low: percent, high: percent, 'very-high': percent }),
      }),
    ),
    criteria: z.array(diiCriterionSchema).check(z.length(12, 'the Digital Intensity Index has exactly 12 criteria')),
  }),
});

export type Population = z.infer<typeof populationSchema>;
export type Benchmark = z.infer<typeof benchmarkSchema>;
export type DiiCriterion = z.infer<typeof diiCriterionSchema>;
export type BenchmarkData = z.infer<typeof benchmarksSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type DiiLevel = (typeof diiLevels)[number];
