// A checked pack definition with the indexes the later stages need. No validator here: a pack the
// build already checked (the shipped one) becomes a Pack without loading the schema code.
import type { Dimension, PackDefinition, ProfileQuestion, Question } from './schema.js';

/** A validated questionnaire pack, with indexes the later stages need. */
export interface Pack {
  dir: string;
  file: string;
  definition: PackDefinition;
  /** Every dimension question by id, with its dimension. */
  questions: Map<string, { question: Question; dimension: Dimension }>;
  profile: Map<string, ProfileQuestion>;
}

/** Profile questions every pack must have: the aids and benchmarks are chosen from them. */
export const REQUIRED_PROFILE = ['name', 'region', 'employees'] as const;

export const BUILTIN_PACK = 'digiscan-sme';

/** The pack of a definition that passed validation. */
export function indexPack(definition: PackDefinition, dir: string, file: string): Pack {
  const questions = new Map<string, { question: Question; dimension: Dimension }>();
  for (const dimension of definition.dimensions) {
    for (const question of dimension.questions) questions.set(question.id, { question, dimension });
  }
  const profile = new Map(definition.profile.map((p) => [p.id, p]));
  return { dir, file, definition, questions, profile };
}
