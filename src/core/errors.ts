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
  /**
   * What is wrong, as data (e.g. `{ code: 'not_an_answer', id: 'region', value: 'BE-XX', options: [...] }`),
   * so the app can word it in the user's language; `message` is the plain English fallback.
   */
  record?: ProblemRecord | undefined;
}

export type ProblemRecord = { code: string } & Record<string, string | number | string[] | undefined>;

/** Several problems found at once (e.g. a pack with many mistakes): all are reported. */
export class ValidationError extends UserError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'), undefined);
    this.name = 'ValidationError';
    this.problems = problems;
  }
  override format(): string {
    return this.problems.map(formatProblem).join('\n');
  }
}

export function formatProblem(p: Problem): string {
  let where = '';
  if (p.file) {
    where = p.file;
    if (p.line !== undefined) where += `:${p.line}`;
    if (p.line !== undefined && p.col !== undefined) where += `:${p.col}`;
    where += ': ';
  }
  return `${where}${oneLine(p.message)}${p.hint ? ` (${oneLine(p.hint)})` : ''}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
