import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { MAX_PROBLEMS, ValidationError, type Problem } from '../../core/errors.js';
import type { YamlPath, YamlSource } from './source.js';
import { LANGS } from '../../core/lang.js';

// zod/mini ships no messages of its own; English ones read best next to our own wording.
z.config(en());

const LANG_KEYS = new Set<string>(LANGS);

/** A problem located at a YAML path of `source`. */
export function problemAt(source: YamlSource, path: YamlPath, message: string, hint?: string, options?: { key?: boolean }): Problem {
  const { line, col } = source.locate(path, options);
  return { file: source.file, line, col, message, hint };
}

/**
 * Collects located problems; beyond the ones shown (MAX_PROBLEMS) they are only counted, without
 * looking up their position (that lookup is linear: thousands of them would be quadratic).
 */
export function problemList(source: YamlSource): { problems: Problem[]; at: (path: YamlPath, message: string, hint?: string, options?: { key?: boolean }) => void } {
  const problems: Problem[] = [];
  return {
    problems,
    at(path, message, hint, options) {
      problems.push(problems.length < MAX_PROBLEMS ? problemAt(source, path, message, hint, options) : { file: source.file, message });
    },
  };
}

/** Turns zod's issues into located, human-worded problems (one per issue). */
export function zodProblems(error: z.core.$ZodError, source: YamlSource): Problem[] {
  const { problems, at } = problemList(source);
  for (const issue of error.issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) at([...path, key], `unknown key "${clipKey(key)}"${where(path)}`, undefined, { key: true });
      continue;
    }
    at(path, describeIssue(issue, path, valueAt(source.data, path)));
  }
  return problems;
}

const MISSING = Symbol('missing');

const clipKey = (key: string) => (key.length > 60 ? `${key.slice(0, 60)}…` : key);

/** The raw value at `path` (zod does not report it by default), or MISSING. */
function valueAt(data: unknown, path: YamlPath): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !(key in (value as object))) return MISSING;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return `"${String(value)}"`;
}

function describeIssue(issue: z.core.$ZodIssue, path: YamlPath, value: unknown): string {
  const last = path[path.length - 1];
  const missing = issue.code === 'invalid_type' && value === MISSING;
  if (missing && typeof last === 'string' && LANG_KEYS.has(last)) {
    return `missing "${last}" translation${where(path.slice(0, -1))}`;
  }
  if (missing && last !== undefined) return `missing required field "${String(last)}"${where(path.slice(0, -1))}`;
  if (issue.code === 'invalid_union' || issue.code === 'invalid_type') {
    return `${pathText(path)}: ${kindOf(value)} is not allowed here`;
  }
  return `${pathText(path)}: ${issue.message}`;
}

function where(path: YamlPath): string {
  return path.length ? ` in ${pathText(path)}` : '';
}

export function pathText(path: YamlPath): string {
  if (!path.length) return '(top level)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** Results the build records to ship with the data (see scripts/snapshot-entry.ts); off at run time. */
export const buildRecorder: { outputs: Map<string, unknown> | undefined } = { outputs: undefined };

/**
 * Validates `source` with `schema`, then with `checkMore` (the cross-reference checks, which may read
 * other files' data). Shipped data whose schema check passed at build time skips the schema pass
 * (validating a 100 KB pack costs ~30 ms at every start), but the cross-file checks always run: the
 * other file may have changed since the build.
 */
export function validateSource<T>(
  source: YamlSource,
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: z.core.$ZodError } },
  checkMore: (data: T) => Problem[] = () => [],
): T {
  if (source.checked !== undefined) {
    const problems = checkMore(source.checked as T);
    if (problems.length) throw new ValidationError(problems);
    return source.checked as T;
  }
  const parsed = schema.safeParse(source.data);
  if (!parsed.success) throw new ValidationError(zodProblems(parsed.error, source));
  const problems = checkMore(parsed.data);
  if (problems.length) throw new ValidationError(problems);
  buildRecorder.outputs?.set(source.file, parsed.data);
  return parsed.data;
}
