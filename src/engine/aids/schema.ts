import * as z from 'zod/mini';
import { idSchema, localizedSchema } from '../pack/schema.js';

// The one definition of a pack's aids.yaml (public aids catalogue): the loader validates with it and
// the build writes schemas/aids.schema.json from it. Every term carries the confidence the research
// gives it, so the output can flag what is unverified. zod/mini, like the pack schema, keeps start-up fast.

const about = (text: string) => z.describe(text);

export const AID_THEMES = ['website', 'ecommerce', 'invoicing', 'cybersecurity', 'ai', 'consulting', 'training'] as const;
export type AidTheme = (typeof AID_THEMES)[number];

export const AID_STATUSES = ['active', 'call-based', 'closed', 'legacy', 'proposal'] as const;
export type AidStatus = (typeof AID_STATUSES)[number];

export const CONFIDENCES = ['official', 'secondary', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

const confidence = z
  .enum(CONFIDENCES)
  .check(about('official: stated on an official page; secondary: only a secondary source; unverified: not verified, inferred or conflicting'));

/** YYYY, YYYY-MM or YYYY-MM-DD: sources are often dated only to the month or year. */
export const partialDateSchema = z
  .string()
  .check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date must look like 2026, 2026-01 or 2026-01-31'));

const regionCode = z.string().check(z.regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/, 'a region code looks like BE, BE-BRU or FR-OCC'));

const amount = z.number().check(z.gte(0, 'an amount must be 0 or more'));
const count = z.int().check(z.gte(0, 'a number of employees must be 0 or more'));

const dateTerm = z.strictObject({ date: partialDateSchema, confidence });

const conditionSchema = z
  .strictObject({ text: localizedSchema, confidence })
  .check(about('A condition the tool cannot check from the profile; shown beside the aid'));

const naceExclusionSchema = z.strictObject({
  codes: z
    .array(z.string().check(z.regex(/^\d{2}(\.\d{1,3})?$/, 'a NACE code looks like 62, 62.0 or 62.01')))
    .check(z.minLength(1), about('Excluded NACE codes or prefixes: "62.01" excludes 62.01 and its sub-codes')),
  label: localizedSchema.check(about('What the excluded sector is, e.g. "digital sector"')),
  confidence,
});

const eligibilitySchema = z.strictObject({
  regions: z.array(regionCode).check(z.minLength(1), about('Where the operating seat must be; "BE" covers BE-BRU, BE-WAL and BE-VLG')),
  minEmployees: z.optional(z.strictObject({ value: count, confidence })),
  maxEmployees: z.optional(
    z.strictObject({ value: count, confidence }).check(about('Highest number of employees (FTE) allowed, inclusive: "fewer than 50" is 49')),
  ),
  maxTurnover: z.optional(
    z.strictObject({
      value: amount,
      strict: z._default(z.boolean().check(about('true: turnover must be below the value; false: at most the value')), false),
      orBalanceSheet: z.optional(amount.check(about('A firm over the turnover limit still qualifies with a balance sheet total up to this (EU SME definition)'))),
      confidence,
    }),
  ),
  excludedNace: z._default(z.array(naceExclusionSchema), []),
  excludedLegalForms: z.optional(
    z.strictObject({ forms: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), about('Profile legal_form ids')), confidence }),
  ),
  conditions: z._default(z.array(conditionSchema), []),
});

const rateSchema = z.strictObject({
  unit: z.enum(['percent', 'deduction', 'flat', 'none']).check(about('percent of costs, tax deduction percent, flat EUR amount, or none (not an aid / unknown)')),
  min: z.optional(amount.check(about('Lowest rate (or the flat amount)'))),
  max: z.optional(amount.check(about('Highest rate with every bonus; same as min for a single rate'))),
  text: localizedSchema.check(about('The rate as the report shows it')),
  confidence,
});

const capSchema = z.strictObject({
  amount: z.optional(amount.check(about('Highest aid in EUR, when known'))),
  per: z.optional(z.enum(['year', '3-years', 'project', 'company'])),
  text: localizedSchema,
  confidence,
});

const urlSchema = z.string().check(z.regex(/^https:\/\/\S+$/, 'a url must start with https://'));

export const aidSchema = z.strictObject({
  id: idSchema,
  region: regionCode.check(about('Region shown with the aid: BE-BRU, BE-WAL, BE-VLG, BE-FED, FR, FR-BRE, ...')),
  name: localizedSchema,
  themes: z.array(z.enum(AID_THEMES)).check(z.minLength(1)),
  unverifiedThemes: z._default(z.array(z.enum(AID_THEMES)).check(about('Themes the research could not confirm the aid covers')), []),
  status: z.strictObject({
    value: z.enum(AID_STATUSES),
    confidence,
    replacedBy: z.optional(idSchema),
    note: z.optional(localizedSchema),
  }),
  validFrom: z.optional(dateTerm),
  validUntil: z.optional(dateTerm),
  eligibility: eligibilitySchema,
  rate: rateSchema,
  cap: capSchema,
  eligibleSpend: z.optional(
    z
      .strictObject({ min: z.optional(amount), max: z.optional(amount), confidence })
      .check(about('Eligible spending range the sources give; with a single rate and a cap it allows a labelled estimate')),
  ),
  applyBefore: z.strictObject({
    value: z.nullable(z.boolean()).check(about('null: not applicable (tax measure) or unknown')),
    confidence,
  }),
  url: z.nullable(z.union([urlSchema, localizedSchema.check(about('One url per language'))])).check(about('null when no public link was found')),
  asOf: z.nullable(partialDateSchema).check(about('Date of the newest source for these facts; null when the source is undated')),
  confidence: confidence.check(about('How well the aid as a whole is sourced')),
  caveats: z._default(z.array(localizedSchema), []),
});

export const aidCatalogueSchema = z.strictObject({
  $schema: z.optional(z.string()),
  regions: z.record(regionCode, localizedSchema).check(about('Names of every region code the aids use')),
  aids: z.array(aidSchema).check(z.minLength(1)),
});

export type Aid = z.infer<typeof aidSchema>;
export type AidCatalogueFile = z.infer<typeof aidCatalogueSchema>;
