import * as z from 'zod/mini';
import { idSchema, localizedSchema } from '../pack/schema.js';

// The one definition of a pack's plan.yaml (action plan data): effort per piece of advice, the legal
// duties that make an action urgent, dated legal milestones and costs that carry their basis.

const about = (text: string) => z.describe(text);
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must look like 2026-03-31'));
const partialDate = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date must look like 2026, 2026-01 or 2026-01-31'));
const regionCode = z.string().check(z.regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/, 'a region code looks like BE, BE-BRU or FR-OCC'));
const confidence = z.enum(['official', 'secondary', 'unverified']);
const sourceSchema = z.strictObject({ url: z.string().check(z.regex(/^https:\/\//, 'a source URL starts with https://')), publisher: z.string(), asOf: partialDate });

export const EFFORTS = ['low', 'medium', 'high'] as const;
export type Effort = (typeof EFFORTS)[number];

export const appliesToSchema = z
  .strictObject({
    regions: z.optional(z.array(regionCode).check(z.minLength(1))),
    minEmployees: z.optional(z.int().check(z.gte(0))),
    maxEmployees: z.optional(z.int().check(z.gte(0))),
    question: z.optional(z.string()),
    anyOf: z.optional(z.array(z.string()).check(z.minLength(1))),
  })
  .check(about('Which firms a duty concerns: all the given conditions hold'));

export const planDataSchema = z.strictObject({
  followUpMonths: z.int().check(z.gte(1), z.lte(36), about('Default follow-up review, months after the assessment')),
  nowMax: z.int().check(z.gte(1), about('At most this many actions without a legal reason in the "now" lane (0–3 months)')),
  nextMax: z.int().check(z.gte(1), about('At most this many actions in the "next" lane (3–12 months); the rest wait for "later"')),
  legal: z.record(
    idSchema,
    z.strictObject({
      since: isoDate.check(about('The day the duty applies from')),
      appliesTo: appliesToSchema,
      source: sourceSchema,
      confidence,
      note: z.optional(localizedSchema.check(about('What is unverified or contested about it (advisor edition only)'))),
    }),
  ),
  deadlines: z.array(
    z.strictObject({
      id: idSchema,
      date: isoDate,
      legal: z.optional(idSchema.check(about('The legal duty whose firms this concerns'))),
      appliesTo: z.optional(appliesToSchema),
      source: sourceSchema,
      confidence,
    }),
  ),
  costs: z.record(
    idSchema,
    z.strictObject({
      min: z.number().check(z.gte(0)),
      max: z.number().check(z.gte(0)),
      estimate: z.boolean().check(about('true: an estimate, not a price')),
      basis: localizedSchema,
      source: sourceSchema,
      regions: z.optional(z.array(regionCode)),
    }),
  ),
  actions: z.record(
    z.string(),
    z.strictObject({ effort: z.enum(EFFORTS), legal: z.optional(idSchema), cost: z.optional(idSchema) }),
  ),
});

export type PlanData = z.infer<typeof planDataSchema>;
export type AppliesTo = z.infer<typeof appliesToSchema>;
