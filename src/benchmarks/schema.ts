import { z } from 'zod';
import { idSchema, localizedSchema } from '../pack/schema.js';

// The one definition of questionnaires/<pack>/benchmarks.yaml: the loader validates with it and the
// build writes schemas/benchmarks.schema.json from it.

const url = z.string().regex(/^https:\/\/\S+$/, 'source must be an https:// address');
const year = z.number().int().min(1990).max(2100);
const percent = z.number().min(0).max(100);

export const confidenceSchema = z
  .enum(['official', 'secondary', 'unverified'])
  .describe('official: the statistics office or the EU; secondary: a report of an official figure; unverified: no URL of its own');

/** Region codes a population can cover: ISO 3166-2 (BE-WAL, FR-BRE), a country (BE, FR) or EU27. */
export const regionCodeSchema = z.string().regex(/^(EU27|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/, 'region must be EU27, a country code (BE) or an ISO 3166-2 code (BE-WAL)');

export const populationSchema = z
  .object({
    sizeClass: z
      .object({ min: z.number().int().min(0), max: z.number().int().min(0).nullable() })
      .strict()
      .describe('Persons employed, both ends included; max null = no upper bound'),
    region: regionCodeSchema,
    label: localizedSchema.describe('How the report names this population, next to every figure'),
  })
  .strict();

export const benchmarkSchema = z
  .object({
    id: idSchema,
    dimension: idSchema.optional().describe('The dimension it is shown under; none for the digital-intensity comparisons'),
    fact: idSchema.describe('The fact (from pack.yaml option facts) this figure compares with'),
    indicator: localizedSchema.describe('What the share of firms does, worded to follow "NN% of <population>"'),
    value: percent.describe('Share of firms, in percent'),
    approximate: localizedSchema.optional().describe("The source's own wording when it gives no exact share (\"almost 9 in 10\")"),
    target: z.boolean().optional().describe('A policy target, not a measured share'),
    year,
    population: idSchema.describe('A key of `populations`'),
    source: url,
    confidence: confidenceSchema,
    note: localizedSchema.optional(),
  })
  .strict();

export const diiCriterionSchema = z
  .object({
    id: idSchema,
    label: localizedSchema,
    verified: z.boolean().describe('Whether the cited source confirms this variable is part of the index of definitionYear'),
    facts: z.array(idSchema).describe('All must hold for the criterion to be met; empty = not asked'),
    partial: z.boolean().optional().describe('The questionnaire asks only part of the condition: it can rule the criterion out, never confirm it'),
    approximation: localizedSchema.optional().describe('How the answers approximate the Eurostat variable'),
  })
  .strict();

export const diiLevels = ['very-low', 'low', 'high', 'very-high'] as const;

export const benchmarksSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.string().min(1),
    populations: z.record(idSchema, populationSchema),
    benchmarks: z.array(benchmarkSchema).min(1),
    digitalIntensity: z
      .object({
        definitionYear: year,
        source: url,
        levelShares: z
          .object({
            population: idSchema,
            year,
            source: url,
            confidence: confidenceSchema,
            shares: z.object({ 'very-low': percent, low: percent, high: percent, 'very-high': percent }).strict(),
          })
          .strict()
          .optional(),
        criteria: z.array(diiCriterionSchema).length(12, 'the Digital Intensity Index has exactly 12 criteria'),
      })
      .strict(),
  })
  .strict();

export type Population = z.infer<typeof populationSchema>;
export type Benchmark = z.infer<typeof benchmarkSchema>;
export type DiiCriterion = z.infer<typeof diiCriterionSchema>;
export type BenchmarkData = z.infer<typeof benchmarksSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type DiiLevel = (typeof diiLevels)[number];
