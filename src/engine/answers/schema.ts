import * as z from 'zod/mini';
import { LANGS } from '../../core/lang.js';

// The one definition of an answers file: the loader validates with it and the build writes
// schemas/answers.schema.json from it.

const about = (text: string) => z.describe(text);

export const answersFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  questionnaire: z
    .strictObject({ id: z.string().check(z.minLength(1)), version: z.string().check(z.minLength(1)) })
    .check(about('The questionnaire pack these answers belong to')),
  language: z.enum(LANGS).check(about('Language of the interview and of the report')),
  company: z._default(
    z
      .record(z.string(), z.union([z.string(), z.number(), z.null()]))
      .check(about('Profile answers keyed by profile question id (name, region, employees, ...)')),
    {},
  ),
  answers: z._default(
    z
      .record(z.string(), z.union([z.string(), z.array(z.string()), z.null()]))
      .check(about('Option id (single) or list of option ids (multi), keyed by question id; null = not answered yet')),
    {},
  ),
  notes: z.optional(z.record(z.string(), z.string()).check(about('Advisor notes keyed by dimension id (or "profile", "general")'))),
  assessedOn: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'assessedOn must be a date like 2026-03-31'))),
  createdAt: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
  completedAt: z.optional(z.string()),
  previous: z.optional(
    z
      .strictObject({
        file: z.string().check(z.minLength(1)),
        assessedOn: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'assessedOn must be a date like 2026-03-31'))),
      })
      .check(about('The earlier answers file this re-assessment follows (relative to this file) and its assessment date')),
  ),
});

export type AnswersFile = z.infer<typeof answersFileSchema>;
export type AnswerValue = string | string[];
