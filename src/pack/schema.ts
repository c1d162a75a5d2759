import { z } from 'zod';

// The one definition of a questionnaire pack: the loader validates with it and the build
// writes schemas/pack.schema.json from it for editor completion.

export const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'ids use lower-case letters, digits, "_" and "-", starting with a letter');

const text = z.string().trim().min(1, 'text must not be empty');

export const localizedSchema = z
  .object({ fr: text, nl: text, en: text })
  .strict()
  .describe('A text in French, Dutch and English');

export const optionSchema = z
  .object({
    id: idSchema,
    label: localizedSchema,
    points: z.number().min(0, 'points must be 0 or more').default(0),
    dontKnow: z.boolean().optional().describe('The explicit "don\'t know" answer: scores 0 and is counted apart'),
    notApplicable: z.boolean().optional().describe('Leaves the question out of the score altogether'),
    exclusive: z.boolean().optional().describe('In a multi-choice question, cannot be combined with other options'),
    facts: z.array(idSchema).optional().describe('Facts about the firm that this answer establishes (used by benchmarks)'),
  })
  .strict();

export const conditionSchema = z.union([
  z
    .object({
      question: idSchema.describe('An earlier question'),
      anyOf: z.array(idSchema).min(1).describe('Shown when the answer is (or, for multi, includes) one of these options'),
    })
    .strict(),
  z
    .object({
      profile: idSchema.describe('A profile question'),
      atLeast: z.number().optional(),
      atMost: z.number().optional(),
      anyOf: z.array(z.string()).min(1).optional(),
    })
    .strict(),
]);

export const questionSchema = z
  .object({
    id: idSchema,
    type: z.enum(['single', 'multi']),
    text: localizedSchema,
    help: localizedSchema.describe('One line: why this question matters'),
    weight: z.number().positive('weight must be greater than 0').default(1),
    maxPoints: z.number().positive('maxPoints must be greater than 0').optional()
      .describe('multi only: points that give a full score (default: the sum of all options)'),
    when: conditionSchema.optional(),
    ifHidden: z.enum(['zero', 'exclude']).default('zero')
      .describe('When the condition hides the question: score it 0 (a capability the firm lacks) or leave it out'),
    advice: localizedSchema.optional().describe('The next step to suggest when the answer is not the best one'),
    strength: localizedSchema.optional().describe('What the firm does well when it gives the best answer'),
    options: z.array(optionSchema).min(2, 'a question needs at least 2 options'),
  })
  .strict();

export const profileOptionSchema = z
  .object({
    id: z.string().min(1),
    label: localizedSchema,
    range: z.tuple([z.number(), z.number().nullable()]).optional().describe('For bands: [min, max or null]'),
  })
  .strict();

export const profileQuestionSchema = z
  .object({
    id: idSchema,
    type: z.enum(['text', 'number', 'choice']),
    label: localizedSchema,
    help: localizedSchema,
    required: z.boolean().default(true),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    pattern: z.string().optional().describe('text only: a regular expression the answer must match'),
    options: z.array(profileOptionSchema).optional(),
  })
  .strict();

export const levelSchema = z
  .object({
    level: z.number().int().min(1).max(5),
    min: z.number().min(0).max(100).describe('Lowest score (0-100) of this level'),
    name: localizedSchema,
    description: localizedSchema.optional(),
  })
  .strict();

export const dimensionSchema = z
  .object({
    id: idSchema,
    title: localizedSchema,
    intro: localizedSchema.optional(),
    weight: z.number().positive('weight must be greater than 0').default(1),
    questions: z.array(questionSchema).min(1, 'a dimension needs at least one question'),
  })
  .strict();

export const packSchema = z
  .object({
    $schema: z.string().optional(),
    id: idSchema,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must look like 1.2.3'),
    title: localizedSchema,
    description: localizedSchema.optional(),
    levels: z.array(levelSchema).length(5, 'there must be exactly 5 maturity levels'),
    profile: z.array(profileQuestionSchema).min(1),
    dimensions: z.array(dimensionSchema).min(1),
  })
  .strict();

export type Option = z.infer<typeof optionSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type ProfileQuestion = z.infer<typeof profileQuestionSchema>;
export type Level = z.infer<typeof levelSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type PackDefinition = z.infer<typeof packSchema>;
