import * as z from 'zod/mini';
import { LANGS } from '../../core/lang.js';

// The one definition of an answers file: the loader validates with it and the build writes
// schemas/answers.schema.json from it.

const about = (text: string) => z.describe(text);
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must look like 2026-03-31'));

export const PLAN_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export const SESSION_TYPES = ['self-assessment', 'facilitated', 'test-run'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** Who runs the session; also the shape of an --advisor-profile file. */
export const advisorSchema = z
  .strictObject({
    name: z.optional(z.string()),
    organisation: z.optional(z.string()),
    email: z.optional(z.string()),
    phone: z.optional(z.string()),
    logo: z.optional(z.string().check(z.regex(/\.(png|jpe?g)$/i, 'the logo must be a .png or .jpg file'), about('PNG or JPEG file, relative to the answers file'))),
  })
  .check(about('The advisor shown on the cover and in the footer of the report'));

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
  // The advisor's deliverable: who runs the session, how, the follow-up date and the plan's own fields.
  advisor: z.optional(advisorSchema),
  session: z.optional(
    z
      .strictObject({
        type: z.enum(SESSION_TYPES).check(about('A test run is marked on the report and left out of batch aggregates')),
        date: z.optional(isoDate),
        advisorMode: z.optional(z.boolean().check(about('The interview asks for notes (set when it starts with --advisor; kept on resume)'))),
      })
      .check(about('How the assessment was taken')),
  ),
  followUp: z.optional(isoDate.check(about('Date of the follow-up review (default: six months after the assessment)'))),
  plan: z.optional(
    z
      .record(
        z.string(),
        z.strictObject({
          owner: z.optional(z.string()),
          due: z.optional(isoDate),
          status: z.optional(z.enum(PLAN_STATUSES)),
        }),
      )
      .check(about('The advisor\'s fields of the action plan, keyed by action id (the question id)')),
  ),
});

export type AnswersFile = z.infer<typeof answersFileSchema>;
export type AnswerValue = string | string[];
