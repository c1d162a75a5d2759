import * as z from 'zod/mini';
import { idSchema, localizedSchema } from '../pack/schema.js';

// The one definition of questionnaires/<pack>/benchmarks.yaml: the loader validates with it and the
// build writes schemas/benchmarks.schema.json from it. The source policy (README, "Benchmarks and
// digital intensity") is encoded here: every figure names its publisher and the kind of publisher.

const about = (text: string) => z.describe(text);
const url = z.string().check(z.regex(/^https:\/\/\S+$/, 'source must be an https:// address'));
const year = z.int().check(z.gte(1990), z.lte(2100));
const percent = z.number().check(z.gte(0), z.lte(100));
const isoDate = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD'));

export const confidenceSchema = z
  .enum(['official', 'secondary', 'unverified'])
  .check(
    about(
      "official: read on the publisher's own page; secondary: the publisher's figure read in a newspaper or an official text that reports it; unverified: no page of its own could be read",
    ),
  );

/** Publishers whose figures a client may be shown. */
export const officialKinds = ['administration', 'statistical-office', 'eu-institution', 'regional-agency'] as const;
export const publisherKindSchema = z
  .enum([...officialKinds, 'other'])
  .check(about('other = a vendor, an agency, a consultant or a blog: never shown to a client'));
/** Who a figure was read through, when the publisher's own copy could not be read. */
export const viaKindSchema = z.enum(['newspaper', 'parliament', 'administration', 'other']);

export const sourceSchema = z.strictObject({
  publisher: z.string().check(z.minLength(1), about('Who published the figure: "Statbel", "Eurostat", "Digital Wallonia (AdN)"')),
  kind: publisherKindSchema,
  via: z.optional(
    z.strictObject({
      name: z.string().check(z.minLength(1), about('The newspaper or official text that reports the figure: "Data News (Le Vif)"')),
      kind: viaKindSchema,
    }),
  ),
  url,
  dataset: z.optional(z.string().check(z.minLength(1), about('The dataset code, e.g. isoc_eb_ai'))),
  asOf: z.optional(isoDate.check(about('The date the page states (publication or data extraction)'))),
});

export const curationKinds = ['unverified', 'page-not-found', 'sources-disagree', 'rolling-page', 'secondary-only', 'outdated'] as const;
export const curationSchema = z.strictObject({
  kind: z.enum(curationKinds),
  note: localizedSchema.check(about('What the research found; shown to the advisor, never to the client')),
});

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
  title: localizedSchema.check(about('A heading for the figure, a full phrase: "Firms with a website"')),
  indicator: localizedSchema.check(about('What the share of firms does, worded to follow "NN% of <population>"')),
  value: percent.check(about('Share of firms, in percent')),
  approximate: z.optional(localizedSchema.check(about("The source's own wording when it gives no exact share (\"almost 9 in 10\")"))),
  target: z.optional(z.boolean().check(about('A policy target, not a measured share'))),
  year: year.check(about('The year the figure describes')),
  population: idSchema.check(about('A key of `populations`')),
  source: sourceSchema,
  confidence: confidenceSchema,
  context: z.optional(localizedSchema.check(about('A fact the client needs to read the figure right (shown in the report)'))),
  curation: z.optional(z.array(curationSchema).check(about('Research notes for the advisor (never in the client report)'))),
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
const diiLevelSchema = z.enum(diiLevels);

export const benchmarksSchema = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.string().check(z.minLength(1)),
  populations: z.record(idSchema, populationSchema),
  benchmarks: z.array(benchmarkSchema).check(z.minLength(1)),
  digitalIntensity: z.strictObject({
    definitionYear: year,
    source: sourceSchema,
    /** Eurostat's bands: the lowest count of each level, from very low up. */
    bands: z
      .array(z.strictObject({ level: diiLevelSchema, min: z.int().check(z.gte(0)) }))
      .check(z.length(4, 'the index has four bands'), about('Lowest count of each level, in order from very-low to very-high')),
    /** The count from which a firm has "at least a basic level" (the Digital Decade yardstick). */
    basicMin: z.int().check(z.gte(1)),
    levelShares: z.optional(
      z.strictObject({
        population: idSchema,
        year,
        source: sourceSchema,
        confidence: confidenceSchema,
        shares: z.strictObject({ 'very-low': percent, low: percent, high: percent, 'very-high': percent }),
        curation: z.optional(z.array(curationSchema)),
      }),
    ),
    criteria: z.array(diiCriterionSchema).check(z.minLength(1)),
  }),
});

export type Population = z.infer<typeof populationSchema>;
export type Benchmark = z.infer<typeof benchmarkSchema>;
export type BenchmarkSource = z.infer<typeof sourceSchema>;
export type DiiCriterion = z.infer<typeof diiCriterionSchema>;
export type BenchmarkData = z.infer<typeof benchmarksSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type DiiLevel = (typeof diiLevels)[number];
export type CurationNote = z.infer<typeof curationSchema>;
