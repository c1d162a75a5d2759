import { visible, visibleInline } from './sanitize.js';

/** A mistake in the user's input or invocation: printed as one line, exit code 2. */
export interface Location {
  file: string;
  line?: number;
  col?: number;
}

/** The interface string (questionnaires/i18n/*.yaml) that words a message in the user's language. */
export interface MessageKey {
  key: string;
  params?: Record<string, string | number>;
  hintKey?: string;
  hintParams?: Record<string, string | number>;
}

/** A translator, as the CLI passes one (core does not depend on the i18n layer). */
export type ErrorTranslate = (key: string, params?: Record<string, string | number>) => string;

export class UserError extends Error {
  readonly location: Location | undefined;
  readonly hint: string | undefined;
  /** Where the message has a translation: its key; `message` stays the English text (logs, tests). */
  readonly i18n: MessageKey | undefined;
  constructor(message: string, location?: Location, hint?: string, i18n?: MessageKey) {
    super(message);
    this.name = 'UserError';
    this.location = location;
    this.hint = hint;
    this.i18n = i18n;
  }

  /** `file:line:col: message (hint)` — the one line the CLI prints, in the user's language when `t` is given. */
  format(t?: ErrorTranslate): string {
    const translated = (key: string | undefined, params: MessageKey['params'], english: string | undefined) => {
      if (!t || !key) return english;
      const text = t(key, params);
      return text.startsWith('⟨') ? english : text;
    };
    const message = translated(this.i18n?.key, this.i18n?.params, this.message)!;
    const hint = translated(this.i18n?.hintKey, this.i18n?.hintParams, this.hint);
    return formatProblem({ ...this.location, message, hint });
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
