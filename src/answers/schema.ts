import { z } from 'zod';

// The one definition of an answers file: the loader validates with it and the build writes
// schemas/answers.schema.json from it.

const isoDateTime = z.string().min(1);

export const answersFileSchema = z
  .object({
    $schema: z.string().optional(),
    questionnaire: z
      .object({ id: z.string().min(1), version: z.string().min(1) })
      .strict()
      .describe('The questionnaire pack these answers belong to'),
    language: z.enum(['fr', 'nl', 'en']).describe('Language of the interview and of the report'),
    company: z
      .record(z.string(), z.union([z.string(), z.number(), z.null()]))
      .default({})
      .describe('Profile answers keyed by profile question id (name, region, employees, ...)'),
    answers: z
      .record(z.string(), z.union([z.string(), z.array(z.string()), z.null()]))
      .default({})
      .describe('Option id (single) or list of option ids (multi), keyed by question id; null = not answered yet'),
    notes: z.record(z.string(), z.string()).optional().describe('Advisor notes keyed by dimension id'),
    assessedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'assessedOn must be a date like 2026-03-31').optional(),
    createdAt: isoDateTime.optional(),
    updatedAt: isoDateTime.optional(),
    completedAt: isoDateTime.optional(),
  })
  .strict();

export type AnswersFile = z.infer<typeof answersFileSchema>;
export type AnswerValue = string | string[];
