import { visible, visibleInline } from './sanitize.js';

/** A mistake in the user's input or invocation: printed as one line, exit code 2. */
export interface Location {
  file: string;
  line?: number;
  col?: number;
}

export class UserError extends Error {
  readonly location: Location | undefined;
  readonly hint: string | undefined;
  constructor(message: string, location?: Location, hint?: string) {
    super(message);
    this.name = 'UserError';
    this.location = location;
    this.hint = hint;
  }

  /** `file:line:col: message (hint)` — the one line the CLI prints. */
  format(): string {
    return formatProblem({ ...this.location, message: this.message, hint: this.hint });
  }
}

export interface Problem {
  file?: string;
  line?: number;
  col?: number;
  message: string;
  hint?: string | undefined;
}

/** Problems shown one per line; beyond, a count ("and 79,980 more"). */
export const MAX_PROBLEMS = 20;

/** Several problems found at once (e.g. a pack with many mistakes): the first MAX_PROBLEMS are shown, then their count. */
export class ValidationError extends UserError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(formatProblems(problems), undefined);
    this.name = 'ValidationError';
    this.problems = problems;
  }
  override format(): string {
    return formatProblems(this.problems);
  }
}

function formatProblems(problems: Problem[]): string {
  const lines = problems.slice(0, MAX_PROBLEMS).map(formatProblem);
  const more = problems.length - MAX_PROBLEMS;
  if (more > 0) lines.push(formatProblem({ file: problems[0]?.file, message: `and ${more} more problem${more === 1 ? '' : 's'} (fix these first)` }));
  return lines.join('\n');
}

export function formatProblem(p: Problem): string {
  let where = '';
  if (p.file) {
    where = visibleInline(p.file);
    if (p.line !== undefined) where += `:${p.line}`;
    if (p.line !== undefined && p.col !== undefined) where += `:${p.col}`;
    where += ': ';
  }
  // Values quoted from the input (a name, a cell, a file name) never reach the terminal raw.
  return `${where}${oneLine(visible(p.message))}${p.hint ? ` (${oneLine(visible(p.hint))})` : ''}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
