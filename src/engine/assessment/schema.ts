import * as z from 'zod/mini';
import { LANGS } from '../../core/lang.js';

// The published shape of `digiscan assess --json` (schemas/assessment.schema.json). The TypeScript
// contract in ./types.ts is checked to be exactly this at compile time (test/assessment-schema.test.ts),
// and property tests check that real output always validates against it.

const confidence = z.enum(['official', 'secondary', 'unverified']);
const status = z.enum(['answered', 'dontKnow', 'notApplicable', 'hidden', 'missing']);
const score = z.number().check(z.gte(0), z.lte(100));
const level = z.int().check(z.gte(1), z.lte(5));

const practice = z.enum(['yes', 'partly', 'no', 'unknown']);
const diiLevel = z.enum(['very-low', 'low', 'high', 'very-high']);
const publisher = z.object({
  name: z.string(),
  kind: z.enum(['administration', 'statistical-office', 'eu-institution', 'regional-agency', 'other']),
  via: z.optional(z.object({ name: z.string(), kind: z.enum(['newspaper', 'parliament', 'administration', 'other']) })),
});

export const benchmarkComparisonSchema = z.object({
  id: z.string(),
  fact: z.string(),
  title: z.string(),
  indicator: z.string(),
  value: z.number(),
  approximate: z.optional(z.string()),
  target: z.optional(z.boolean()),
  year: z.int(),
  populationId: z.string(),
  population: z.string(),
  sizeClass: z.object({ min: z.number(), max: z.nullable(z.number()) }),
  populationRegion: z.string(),
  source: z.string(),
  publisher,
  dataset: z.optional(z.string()),
  asOf: z.optional(z.string()),
  confidence,
  context: z.optional(z.string()),
  curation: z.array(
    z.object({ kind: z.enum(['unverified', 'page-not-found', 'sources-disagree', 'rolling-page', 'secondary-only', 'outdated']), note: z.string() }),
  ),
  company: practice,
  fallback: z.optional(z.object({ size: z.boolean(), region: z.boolean(), population: z.string() })),
  level: z.optional(diiLevel),
});

const aidReasonSchema = z.catchall(
  z.object({
    rule: z.enum(['region', 'established', 'size', 'minEmployees', 'maxEmployees', 'maxTurnover', 'b2c', 'nace', 'legalForm', 'status', 'window', 'theme']),
    outcome: z.enum(['met', 'not-met', 'to-check']),
    confidence,
  }),
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
);
const rateValueSchema = z.object({ unit: z.enum(['percent', 'deduction', 'flat']), min: z.number(), max: z.number() });
const aidStatus = z.enum(['open', 'call-based', 'to-confirm']);
const asOf = z.nullable(z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)));
const estimateSchema = z.object({
  amount: z.number(),
  minAmount: z.optional(z.number()),
  rate: z.number(),
  cap: z.number(),
  spendMin: z.optional(z.number()),
  spendMax: z.optional(z.number()),
});

export const aidStrandSchema = z.object({
  id: z.string(),
  name: z.string(),
  spend: z.array(z.enum(['advice', 'training', 'investment', 'software', 'website', 'audit'])),
  themes: z.array(z.string()),
  status: aidStatus,
  rateValue: z.nullable(rateValueSchema),
  rateText: z.string(),
  rateConfidence: confidence,
  capAmount: z.nullable(z.number()),
  capMin: z.nullable(z.number()),
  capPer: z.nullable(z.enum(['year', '3-years', 'project', 'company'])),
  capText: z.string(),
  capConfidence: confidence,
  eligibleSpend: z.nullable(z.object({ min: z.nullable(z.number()), max: z.nullable(z.number()) })),
  applyBefore: z.nullable(z.boolean()),
  validFrom: z.nullable(z.string()),
  validUntil: z.nullable(z.string()),
  asOf,
  stale: z.boolean(),
  reasons: z.array(aidReasonSchema),
  estimate: z.optional(estimateSchema),
});

export const aidMatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  translation: z.nullable(z.string()),
  region: z.string(),
  regionName: z.string(),
  themes: z.array(z.string()),
  status: aidStatus,
  statusConfidence: confidence,
  rate: z.nullable(z.number()),
  rateValue: z.nullable(rateValueSchema),
  cap: z.nullable(z.number()),
  capAmount: z.nullable(z.number()),
  rateText: z.string(),
  capText: z.string(),
  url: z.nullable(z.string()),
  asOf,
  ageMonths: z.nullable(z.int()),
  stale: z.boolean(),
  confidence,
  applyBefore: z.nullable(z.boolean()),
  conditions: z.array(z.object({ text: z.string(), confidence })),
  statusNote: z.nullable(z.string()),
  reasons: z.array(aidReasonSchema),
  strands: z.array(aidStrandSchema),
  unverified: z.array(z.string()),
  confirmTerms: z.boolean(),
  fits: z.array(z.string()),
  estimate: z.optional(estimateSchema),
  caveats: z.array(z.string()),
  sources: z.array(
    z.object({ url: z.nullable(z.string()), publisher: z.string(), date: z.nullable(z.string()), confidence, about: z.optional(z.string()) }),
  ),
});

export const aidRejectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  status: z.enum(['open', 'call-based', 'to-confirm', 'closed']),
  reasons: z.array(aidReasonSchema),
  strands: z.array(z.object({ id: z.string(), name: z.string(), reasons: z.array(aidReasonSchema) })),
});

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const money = z.object({ min: z.number(), max: z.number(), currency: z.literal('EUR') });

export const planActionSchema = z.object({
  id: z.string(),
  lane: z.enum(['now', 'next', 'later']),
  dimension: z.string(),
  text: z.string(),
  gain: z.number(),
  dimensionGain: z.number(),
  effort: z.enum(['low', 'medium', 'high']),
  dontKnow: z.boolean(),
  legal: z.optional(z.object({ id: z.string(), since: isoDate, inForce: z.boolean(), source: z.string(), confidence, note: z.optional(z.string()) })),
  cost: z.nullable(
    z.object({ min: z.number(), max: z.number(), currency: z.literal('EUR'), estimate: z.boolean(), basis: z.string(), source: z.string() }),
  ),
  aids: z.array(z.string()),
  netCost: z.nullable(money),
  funding: z.optional(z.object({ aid: z.string(), strand: z.string(), applyBefore: z.nullable(z.boolean()) })),
  owner: z.optional(z.string()),
  due: z.optional(isoDate),
  status: z.optional(z.enum(['planned', 'in-progress', 'done', 'dropped'])),
});

export const assessmentSchema = z.object({
  tool: z.object({ name: z.string(), version: z.string() }),
  questionnaire: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  language: z.enum(LANGS),
  assessedOn: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  company: z.catchall(z.object({ name: z.string(), region: z.string(), employees: z.number() }), z.union([z.string(), z.number()])),
  profile: z.array(z.object({ id: z.string(), label: z.string(), value: z.union([z.string(), z.number()]), display: z.string() })),
  overall: z.object({ score, level, levelName: z.string(), verdict: z.string() }),
  dimensions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      weight: z.number(),
      score,
      level,
      levelName: z.string(),
      counts: z.record(status, z.int().check(z.gte(0))),
      strengths: z.array(z.string()),
      nextSteps: z.array(z.object({ questionId: z.string(), text: z.string(), status, gain: z.number() })),
      benchmarks: z.array(benchmarkComparisonSchema),
      benchmarksWithheld: z.array(benchmarkComparisonSchema),
      note: z.optional(z.string()),
      questions: z.array(
        z.object({ id: z.string(), text: z.string(), status, answer: z.array(z.string()), points: z.number(), maxPoints: z.number(), counted: z.boolean() }),
      ),
    }),
  ),
  notes: z.record(z.string(), z.string()),
  digitalIntensity: z.optional(
    z.object({
      count: z.int().check(z.gte(0)),
      max: z.int(),
      unknown: z.int(),
      level: diiLevel,
      levelName: z.string(),
      bands: z.array(z.object({ level: diiLevel, min: z.int() })),
      basicMin: z.int(),
      basic: z.boolean(),
      definitionYear: z.int(),
      source: z.string(),
      publisher,
      criteria: z.array(
        z.object({ id: z.string(), label: z.string(), met: z.nullable(z.boolean()), verified: z.boolean(), approximation: z.optional(z.string()) }),
      ),
      comparisons: z.array(benchmarkComparisonSchema),
      withheld: z.array(benchmarkComparisonSchema),
    }),
  ),
  aids: z.optional(z.array(aidMatchSchema)),
  aidsRuledOut: z.optional(z.array(aidRejectionSchema)),
  aidSettings: z.optional(z.object({ summaryCount: z.int(), staleAfterMonths: z.int() })),
  plan: z.optional(z.array(planActionSchema)),
  planDone: z.optional(z.array(z.object({ id: z.string(), dimension: z.string(), text: z.string(), owner: z.optional(z.string()) }))),
  calendar: z.optional(
    z.array(
      z.object({
        kind: z.enum(['action', 'deadline', 'aid-closes', 'follow-up']),
        ref: z.optional(z.string()),
        date: isoDate,
        source: z.optional(z.string()),
      }),
    ),
  ),
  followUp: z.optional(isoDate),
  advisor: z.optional(
    z.object({ name: z.optional(z.string()), organisation: z.optional(z.string()), email: z.optional(z.string()), phone: z.optional(z.string()), logo: z.optional(z.string()) }),
  ),
  session: z.optional(z.object({ type: z.enum(['self-assessment', 'facilitated', 'test-run']), date: z.optional(isoDate) })),
  warnings: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
});
