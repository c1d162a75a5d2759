import * as z from 'zod/mini';
import { idSchema, localizedSchema } from '../pack/schema.js';
import { LANGS } from '../../core/lang.js';

// The one definition of a pack's aids.yaml (public aids catalogue): the loader validates with it and
// the build writes schemas/aids.schema.json from it. Every term carries the confidence the research
// gives it, so the output can flag what is unverified. zod/mini, like the pack schema, keeps start-up fast.
//
// Model: an aid is one scheme (one official name, one page); it pays through one or more strands, each a
// kind of spend with its own themes, rate, cap, dates and eligibility. A strand inherits every term it
// does not set from its aid. Size tests (EU SME, Belgian fiscal small company, ...) are named rules in
// `sizeRules`, each with its legal source, used by every aid that lists them.

const about = (text: string) => z.describe(text);

/** open: apply now; call-based: only while a call is open; to-confirm: the research could not confirm it is available; closed: never offered. */
export const AID_STATUSES = ['open', 'call-based', 'to-confirm', 'closed'] as const;
export type AidStatus = (typeof AID_STATUSES)[number];

export const CONFIDENCES = ['official', 'secondary', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Kinds of spend a strand pays for. */
export const SPEND_KINDS = ['advice', 'training', 'investment', 'software', 'website', 'audit'] as const;
export type SpendKind = (typeof SPEND_KINDS)[number];

const confidence = z
  .enum(CONFIDENCES)
  .check(about('official: stated on an official page; secondary: only a secondary source; unverified: not verified, inferred or conflicting'));

/** YYYY, YYYY-MM or YYYY-MM-DD: sources are often dated only to the month or year. */
export const partialDateSchema = z
  .string()
  .check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date must look like 2026, 2026-01 or 2026-01-31'));

const regionCode = z.string().check(z.regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/, 'a region code looks like BE, BE-BRU or FR-OCC'));

const amount = z.number().check(z.gte(0, 'an amount must be 0 or more'));

/**
 * A limit, inclusive ("fewer than 50" is 49), or the range [lowest, highest] the sources give when they
 * disagree: a firm within the lowest passes, beyond the highest fails, in between is "to check".
 */
export const limitSchema = z
  .union([amount, z.tuple([amount, amount])])
  .check(about('An inclusive limit, or [low, high] when sources disagree: beyond high fails, between is to check'));
export type Limit = z.infer<typeof limitSchema>;

const limitTerm = z.strictObject({ value: limitSchema, confidence });

const dateTerm = z.strictObject({ date: partialDateSchema, confidence });

/** Where a fact comes from: shown to the advisor, never to the client. */
export const sourceSchema = z.strictObject({
  url: z.nullable(z.string()).check(about('The page read; null for a source with no public address')),
  publisher: z.string().check(z.minLength(1)),
  date: z.nullable(partialDateSchema).check(about('The date the page states; null when undated')),
  confidence,
  about: z.optional(z.string().check(about('What this source establishes or corrects (advisor-facing, English)'))),
});
export type AidSource = z.infer<typeof sourceSchema>;

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
  regions: z.optional(
    z.array(regionCode).check(z.minLength(1), about('Where the operating seat must be; "BE" covers BE-BRU, BE-WAL and BE-VLG')),
  ),
  established: z.optional(
    z.boolean().check(about('true for a national (federal) measure: the reason is "established in <country>", not the regional seat')),
  ),
  size: z.optional(z.array(idSchema).check(about('Size rules (ids under sizeRules) the firm must meet, e.g. [eu-sme]'))),
  minEmployees: z.optional(limitTerm),
  maxEmployees: z.optional(limitTerm.check(about('Highest number of employees (FTE) allowed, inclusive: "fewer than 50" is 49'))),
  maxTurnover: z.optional(limitTerm.check(about('Highest annual turnover in EUR, inclusive'))),
  b2c: z.optional(z.strictObject({ confidence }).check(about('Most of the turnover must come from consumers'))),
  excludedNace: z.optional(z.array(naceExclusionSchema)),
  excludedLegalForms: z.optional(
    z.strictObject({ forms: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), about('Profile legal_form ids')), confidence }),
  ),
  conditions: z.optional(z.array(conditionSchema)),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

const rateSchema = z.strictObject({
  unit: z.enum(['percent', 'deduction', 'flat', 'none']).check(about('percent of costs, tax deduction percent, flat EUR amount, or none (unknown)')),
  min: z.optional(amount.check(about('Lowest rate (or the flat amount)'))),
  max: z.optional(amount.check(about('Highest rate with every bonus; same as min for a single rate'))),
  bySize: z.optional(
    z
      .strictObject({ rule: idSchema, met: amount, otherwise: amount })
      .check(about('The rate depends on a size rule: `met` when the firm meets it (e.g. small), `otherwise` when not')),
  ),
  text: localizedSchema.check(about('The rate as the report shows it')),
  confidence,
});

const capSchema = z.strictObject({
  amount: z.optional(amount.check(about('Highest aid in EUR, when known'))),
  min: z.optional(amount.check(about('Where sources or local variants give a lower cap, the lowest one'))),
  per: z.optional(z.enum(['year', '3-years', 'project', 'company'])),
  text: localizedSchema,
  confidence,
});

const urlSchema = z.string().check(z.regex(/^https?:\/\/\S+$/, 'a url must start with https://'));
const urlTerm = z.union([urlSchema, localizedSchema.check(about('One url per language'))]);

const spendSchema = z.array(z.enum(SPEND_KINDS)).check(z.minLength(1));

const statusSchema = z.strictObject({
  value: z.enum(AID_STATUSES),
  confidence,
  replacedBy: z.optional(idSchema),
  proposal: z.optional(z.boolean().check(about('A policy proposal, not an aid: never offered'))),
  note: z.optional(localizedSchema.check(about('Shown beside the status, e.g. how calls work'))),
});

/** Terms a strand may set; what it leaves out comes from its aid. */
const strandSchema = z.strictObject({
  id: idSchema,
  name: localizedSchema.check(about('What the strand pays for, e.g. "training"')),
  spend: z.optional(spendSchema),
  themes: z.optional(z.array(idSchema).check(z.minLength(1))),
  status: z.optional(statusSchema),
  validFrom: z.optional(dateTerm),
  validUntil: z.optional(dateTerm),
  eligibility: z.optional(eligibilitySchema.check(about('Merged over the aid\'s: a key set here replaces the aid\'s'))),
  rate: z.optional(rateSchema),
  cap: z.optional(capSchema),
  eligibleSpend: z.optional(z.strictObject({ min: z.optional(amount), max: z.optional(amount), confidence })),
  applyBefore: z.optional(z.strictObject({ value: z.nullable(z.boolean()), confidence })),
  asOf: z.optional(z.nullable(partialDateSchema)),
  sources: z.optional(z.array(sourceSchema)),
});
export type StrandDefinition = z.infer<typeof strandSchema>;

const partialLocalized = z.strictObject(
  Object.fromEntries(LANGS.map((l) => [l, z.optional(z.string().check(z.minLength(1)))])) as Record<(typeof LANGS)[number], z.ZodMiniOptional<z.ZodMiniString>>,
);

export const aidSchema = z.strictObject({
  id: idSchema,
  region: regionCode.check(about('Region shown with the aid: BE-BRU, BE-WAL, BE-VLG, BE-FED, FR, FR-BRE, ...')),
  name: localizedSchema.check(about('The official name as people search for it (KMO-portefeuille in every language)')),
  translation: z.optional(partialLocalized.check(about('A translation shown beside an official name in another language'))),
  themes: z.array(idSchema).check(z.minLength(1)),
  unverifiedThemes: z._default(z.array(idSchema).check(about('Themes the research could not confirm the aid covers')), []),
  spend: spendSchema.check(about('Kinds of spend the aid pays for (the default for its strands)')),
  status: statusSchema,
  validFrom: z.optional(dateTerm),
  validUntil: z.optional(dateTerm),
  eligibility: eligibilitySchema,
  rate: rateSchema,
  cap: capSchema,
  eligibleSpend: z.optional(
    z
      .strictObject({ min: z.optional(amount), max: z.optional(amount), confidence })
      .check(about('Eligible spending range the sources give; with a single rate and a cap it allows an estimate')),
  ),
  applyBefore: z.strictObject({
    value: z.nullable(z.boolean()).check(about('null: not applicable (tax measure) or unknown')),
    confidence,
  }),
  url: z.nullable(urlTerm).check(about('The official page, per language where one exists; null when no public link was found')),
  asOf: z.nullable(partialDateSchema).check(about('Date of the newest source for these facts; null when the source is undated')),
  confidence: confidence.check(about('How well the aid as a whole is sourced')),
  strands: z.optional(z.array(strandSchema).check(z.minLength(1), about('Kinds of spend with their own terms; none: the aid is one strand'))),
  sources: z._default(z.array(sourceSchema), []),
  caveats: z._default(z.array(localizedSchema).check(about('Research notes for the advisor edition; never shown to a client')), []),
});

const sizeRuleSchema = z.strictObject({
  kind: z
    .enum(['eu', 'count'])
    .check(about('eu: staff within the limit AND turnover or balance sheet within theirs; count: at most `maxExceeded` of the limits exceeded')),
  staff: limitSchema.check(about('Headcount (FTE), inclusive')),
  turnover: limitSchema,
  balanceSheet: limitSchema,
  maxExceeded: z.optional(z.int().check(z.gte(0))),
  linked: z.boolean().check(about('Count linked and partner enterprises (the group) with the firm')),
  passLegalForms: z.optional(z.array(z.string()).check(about('Legal forms that meet the rule whatever their size (e.g. natural persons)'))),
  name: localizedSchema,
  source: sourceSchema.check(about('The legal text that defines the rule')),
});
export type SizeRule = z.infer<typeof sizeRuleSchema>;

export const PROFILE_KEYS = ['region', 'employees', 'turnover', 'balanceSheet', 'group', 'groupEmployees', 'b2c', 'nace', 'legalForm'] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];

const settingsSchema = z.strictObject({
  staleAfterMonths: z.int().check(z.gte(1), about('An aid whose facts are older than this many months on the assessment date is flagged stale')),
  summaryCount: z.int().check(z.gte(1), about('How many aids the summary under an assessment shows')),
  profile: z
    .strictObject(Object.fromEntries(PROFILE_KEYS.map((k) => [k, z.optional(idSchema)])) as Record<ProfileKey, z.ZodMiniOptional<typeof idSchema>>)
    .check(about('The pack profile question that gives each fact the aids engine reads')),
  themes: z
    .array(z.strictObject({ id: idSchema, dimension: z._default(z.boolean(), false) }))
    .check(z.minLength(1), about('Aid themes; dimension: true marks a theme that must equal a pack dimension id (aids for weak dimensions rank first)')),
});

export const aidCatalogueSchema = z.strictObject({
  $schema: z.optional(z.string()),
  settings: settingsSchema,
  sizeRules: z.record(idSchema, sizeRuleSchema),
  regions: z.record(regionCode, localizedSchema).check(about('Names of every region code the aids use')),
  aids: z.array(aidSchema).check(z.minLength(1)),
});

export type Aid = z.infer<typeof aidSchema>;
export type AidCatalogueFile = z.infer<typeof aidCatalogueSchema>;
export type AidSettings = z.infer<typeof settingsSchema>;
