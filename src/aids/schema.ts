import { z } from 'zod';
import { idSchema, localizedSchema } from '../pack/schema.js';

// The one definition of a pack's aids.yaml (public aids catalogue): the loader validates with it and
// the build writes schemas/aids.schema.json from it. Every term carries the confidence the research
// gives it, so the output can flag what is unverified.

export const AID_THEMES = ['website', 'ecommerce', 'invoicing', 'cybersecurity', 'ai', 'consulting', 'training'] as const;
export type AidTheme = (typeof AID_THEMES)[number];

export const AID_STATUSES = ['active', 'call-based', 'closed', 'legacy', 'proposal'] as const;
export type AidStatus = (typeof AID_STATUSES)[number];

export const CONFIDENCES = ['official', 'secondary', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

const confidence = z
  .enum(CONFIDENCES)
  .describe('official: stated on an official page; secondary: only a secondary source; unverified: not verified, inferred or conflicting');

/** YYYY, YYYY-MM or YYYY-MM-DD: sources are often dated only to the month or year. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date must look like 2026, 2026-01 or 2026-01-31');

const regionCode = z.string().regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/, 'a region code looks like BE, BE-BRU or FR-OCC');

const amount = z.number().nonnegative('an amount must be 0 or more');

const dateTerm = z.object({ date: partialDateSchema, confidence }).strict();

const conditionSchema = z
  .object({ text: localizedSchema, confidence })
  .strict()
  .describe('A condition the tool cannot check from the profile; shown beside the aid');

const naceExclusionSchema = z
  .object({
    codes: z
      .array(z.string().regex(/^\d{2}(\.\d{1,3})?$/, 'a NACE code looks like 62, 62.0 or 62.01'))
      .min(1)
      .describe('Excluded NACE codes or prefixes: "62.01" excludes 62.01 and its sub-codes'),
    label: localizedSchema.describe('What the excluded sector is, e.g. "digital sector"'),
    confidence,
  })
  .strict();

const eligibilitySchema = z
  .object({
    regions: z.array(regionCode).min(1).describe('Where the operating seat must be; "BE" covers BE-BRU, BE-WAL and BE-VLG'),
    minEmployees: z.object({ value: z.number().int().nonnegative(), confidence }).strict().optional(),
    maxEmployees: z.object({ value: z.number().int().nonnegative(), confidence }).strict().optional()
      .describe('Highest number of employees (FTE) allowed, inclusive: "fewer than 50" is 49'),
    maxTurnover: z
      .object({
        value: amount,
        strict: z.boolean().default(false).describe('true: turnover must be below the value; false: at most the value'),
        orBalanceSheet: amount.optional().describe('A firm over the turnover limit still qualifies with a balance sheet total up to this (EU SME definition)'),
        confidence,
      })
      .strict()
      .optional(),
    excludedNace: z.array(naceExclusionSchema).default([]),
    excludedLegalForms: z
      .object({ forms: z.array(z.string().min(1)).min(1).describe('Profile legal_form ids'), confidence })
      .strict()
      .optional(),
    conditions: z.array(conditionSchema).default([]),
  })
  .strict();

const rateSchema = z
  .object({
    unit: z.enum(['percent', 'deduction', 'flat', 'none']).describe('percent of costs, tax deduction percent, flat EUR amount, or none (not an aid / unknown)'),
    min: z.number().nonnegative().optional().describe('Lowest rate (or the flat amount)'),
    max: z.number().nonnegative().optional().describe('Highest rate with every bonus; same as min for a single rate'),
    text: localizedSchema.describe('The rate as the report shows it'),
    confidence,
  })
  .strict();

const capSchema = z
  .object({
    amount: amount.optional().describe('Highest aid in EUR, when known'),
    per: z.enum(['year', '3-years', 'project', 'company']).optional(),
    text: localizedSchema,
    confidence,
  })
  .strict();

const urlSchema = z.string().regex(/^https:\/\/\S+$/, 'a url must start with https://');

export const aidSchema = z
  .object({
    id: idSchema,
    region: regionCode.describe('Region shown with the aid: BE-BRU, BE-WAL, BE-VLG, BE-FED, FR, FR-BRE, ...'),
    name: localizedSchema,
    themes: z.array(z.enum(AID_THEMES)).min(1),
    unverifiedThemes: z.array(z.enum(AID_THEMES)).default([]).describe('Themes the research could not confirm the aid covers'),
    status: z
      .object({
        value: z.enum(AID_STATUSES),
        confidence,
        replacedBy: idSchema.optional(),
        note: localizedSchema.optional(),
      })
      .strict(),
    validFrom: dateTerm.optional(),
    validUntil: dateTerm.optional(),
    eligibility: eligibilitySchema,
    rate: rateSchema,
    cap: capSchema,
    eligibleSpend: z
      .object({ min: amount.optional(), max: amount.optional(), confidence })
      .strict()
      .optional()
      .describe('Eligible spending range the sources give; with a single rate and a cap it allows a labelled estimate'),
    applyBefore: z
      .object({ value: z.boolean().nullable().describe('null: not applicable (tax measure) or unknown'), confidence })
      .strict(),
    url: z.union([urlSchema, localizedSchema.describe('One url per language')]).nullable().describe('null when no public link was found'),
    asOf: partialDateSchema.nullable().describe('Date of the newest source for these facts; null when the source is undated'),
    confidence: confidence.describe('How well the aid as a whole is sourced'),
    caveats: z.array(localizedSchema).default([]),
  })
  .strict();

export const aidCatalogueSchema = z
  .object({
    $schema: z.string().optional(),
    regions: z.record(regionCode, localizedSchema).describe('Names of every region code the aids use'),
    aids: z.array(aidSchema).min(1),
  })
  .strict();

export type Aid = z.infer<typeof aidSchema>;
export type AidCatalogueFile = z.infer<typeof aidCatalogueSchema>;
