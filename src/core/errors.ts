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
}

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
