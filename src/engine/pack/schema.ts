import * as z from 'zod/mini';
import { LANGS, type Lang } from '../../core/lang.js';

// The one definition of a questionnaire pack: the loader validates with it and the build writes
// schemas/pack.schema.json from it for editor completion. zod/mini keeps start-up fast.

const about = (text: string) => z.describe(text);

/** Words that name a built-in property of every JavaScript object: never an id. */
export const RESERVED_IDS = new Set(['constructor', 'prototype', '__proto__']);

export const idSchema = z
  .string()
  .check(
    z.regex(/^[a-z][a-z0-9_-]*$/, 'ids use lower-case letters, digits, "_" and "-", starting with a letter'),
    z.refine((id) => !RESERVED_IDS.has(id), 'this id is a reserved word (constructor, prototype); choose another'),
  );

const text = z.string().check(z.trim(), z.minLength(1, 'text must not be empty'));

export const localizedSchema = z.strictObject(Object.fromEntries(LANGS.map((lang) => [lang, text])) as Record<Lang, typeof text>).check(about(`A text in every language: ${LANGS.join(', ')}`));

const positive = (what: string) => z.number().check(z.positive(`${what} must be greater than 0`));

export const optionSchema = z.strictObject({
  id: idSchema,
  label: localizedSchema,
  points: z._default(z.number().check(z.gte(0, 'points must be 0 or more')), 0),
  dontKnow: z.optional(z.boolean().check(about('The explicit "don\'t know" answer: scores 0 and is counted apart'))),
  notApplicable: z.optional(z.boolean().check(about('Leaves the question out of the score altogether'))),
  exclusive: z.optional(z.boolean().check(about('In a multi-choice question, cannot be combined with other options'))),
  facts: z.optional(z.array(idSchema).check(about('Facts about the firm that this answer establishes (used by benchmarks)'))),
  partly: z.optional(z.array(idSchema).check(about('Facts this answer establishes only in part ("MFA on some accounts"): the report says "partly"'))),
});

export const conditionSchema = z.union([
  z.strictObject({
    question: idSchema.check(about('An earlier question')),
    anyOf: z.array(idSchema).check(z.minLength(1), about('Shown when the answer is (or, for multi, includes) one of these options')),
  }),
  z.strictObject({
    profile: idSchema.check(about('A profile question')),
    atLeast: z.optional(z.number()),
    atMost: z.optional(z.number()),
    anyOf: z.optional(z.array(z.string()).check(z.minLength(1))),
  }),
]);

export const questionSchema = z.strictObject({
  id: idSchema,
  type: z.enum(['single', 'multi']),
  text: localizedSchema,
  help: localizedSchema.check(about('One line: why this question matters')),
  weight: z._default(positive('weight'), 1),
  maxPoints: z.optional(positive('maxPoints').check(about('multi only: points that give a full score (default: the sum of all options)'))),
  when: z.optional(conditionSchema),
  ifHidden: z._default(
    z.enum(['zero', 'exclude']).check(about('When the condition hides the question: score it 0 (a capability the firm lacks) or leave it out')),
    'zero',
  ),
  advice: z.optional(localizedSchema.check(about('The next step to suggest when the answer is not the best one'))),
  strength: z.optional(localizedSchema.check(about('What the firm does well when it gives the best answer'))),
  options: z.array(optionSchema).check(z.minLength(2, 'a question needs at least 2 options')),
});

export const profileOptionSchema = z.strictObject({
  id: z.string().check(
    z.minLength(1),
    z.refine((id) => !RESERVED_IDS.has(id), 'this id is a reserved word (constructor, prototype); choose another'),
  ),
  label: localizedSchema,
  aliases: z.optional(z.array(z.string().check(z.minLength(1))).check(about('Other ways people write this answer (bv, nv, vzw, Bruxelles, ...): accepted in answers files and flags'))),
  range: z.optional(z.tuple([z.number(), z.nullable(z.number())]).check(about('For bands: [min, max or null]'))),
});

export const profileQuestionSchema = z.strictObject({
  id: idSchema,
  type: z.enum(['text', 'number', 'choice']),
  label: localizedSchema,
  help: localizedSchema,
  required: z._default(z.boolean(), true),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z.optional(z.boolean()),
  pattern: z.optional(z.string().check(about('text only: a regular expression the answer must match'))),
  format: z.optional(
    z.enum(['enterprise-number']).check(about('text only: a checked identifier (enterprise-number: Belgian BCE/KBO with mod-97 check digits, or French SIREN with Luhn)')),
  ),
  options: z.optional(z.array(profileOptionSchema)),
  when: z.optional(
    z
      .strictObject({ profile: idSchema, anyOf: z.array(z.string()).check(z.minLength(1)) })
      .check(about('Asked only when an earlier profile answer is one of these (e.g. the group headcount only for a firm in a group)')),
  ),
});

export const levelSchema = z.strictObject({
  level: z.int().check(z.gte(1), z.lte(5)),
  min: z.number().check(z.gte(0), z.lte(100), about('Lowest score (0-100) of this level')),
  name: localizedSchema,
  description: z.optional(localizedSchema),
});

export const dimensionSchema = z.strictObject({
  id: idSchema,
  title: localizedSchema,
  intro: z.optional(localizedSchema),
  weight: z._default(positive('weight'), 1),
  questions: z.array(questionSchema).check(z.minLength(1, 'a dimension needs at least one question')),
});

export const packSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: idSchema,
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'version must look like 1.2.3')),
  title: localizedSchema,
  description: z.optional(localizedSchema),
  levels: z.array(levelSchema).check(z.length(5, 'there must be exactly 5 maturity levels')),
  profile: z.array(profileQuestionSchema).check(z.minLength(1)),
  dimensions: z.array(dimensionSchema).check(z.minLength(1)),
  /** How the report presents the results (numbers that are choices of the pack, not of the code). */
  report: z.optional(
    z.strictObject({
      nextSteps: z.optional(z.number().check(z.int(), z.gte(1), z.lte(20))),
    }),
  ),
});

export type Option = z.infer<typeof optionSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type ProfileQuestion = z.infer<typeof profileQuestionSchema>;
export type Level = z.infer<typeof levelSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type PackDefinition = z.infer<typeof packSchema>;
