// The answers of one batch job (an answers file or a form row), shared by `batch` and `compare --batch`.
import { UserError, ValidationError } from '../../core/errors.js';
import { parseAnswers, validateAnswers, type Answers } from '../../engine/answers/load.js';
import type { Pack } from '../../engine/pack/load.js';
import { readTextFile } from '../../io/read.js';
import type { Job } from './inputs.js';

export function loadJobAnswers(job: Job, pack: Pack): Answers {
  if (job.kind === 'yaml') return parseAnswers(readTextFile(job.file), job.file, pack, { requireProfile: true });
  const source = { file: job.file, data: job.data, locate: () => ({ line: job.line, col: 0 }) };
  try {
    return validateAnswers(source, pack, { requireProfile: true });
  } catch (err) {
    // A form row has a line but no meaningful column: drop the placeholder column from the message.
    if (err instanceof ValidationError) throw new ValidationError(err.problems.map((p) => ({ ...p, col: undefined })));
    if (err instanceof UserError) throw new UserError(err.message, err.location && { ...err.location, col: undefined }, err.hint, err.i18n);
    throw err;
  }
}

/** An advisor's test run (`session: { type: test-run }`): reported, but left out of every aggregate. */
export function isTestRun(answers: Answers): boolean {
  return answers.session?.type === 'test-run';
}
