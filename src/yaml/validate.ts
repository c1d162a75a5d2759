import type { z } from 'zod';
import type { Problem } from '../core/errors.js';
import type { YamlPath, YamlSource } from './read.js';

const LANG_KEYS = new Set(['fr', 'nl', 'en']);

/** A problem located at a YAML path of `source`. */
export function problemAt(source: YamlSource, path: YamlPath, message: string, hint?: string, options?: { key?: boolean }): Problem {
  const { line, col } = source.locate(path, options);
  return { file: source.file, line, col, message, hint };
}

/** Turns zod's issues into located, human-worded problems (one per issue). */
export function zodProblems(error: z.ZodError, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push(problemAt(source, [...path, key], `unknown key "${key}"${where(path)}`, undefined, { key: true }));
      }
      continue;
    }
    problems.push(problemAt(source, path, describeIssue(issue, path)));
  }
  return problems;
}

function describeIssue(issue: z.core.$ZodIssue, path: YamlPath): string {
  const last = path[path.length - 1];
  const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  if (missing && typeof last === 'string' && LANG_KEYS.has(last)) {
    return `missing "${last}" translation${where(path.slice(0, -1))}`;
  }
  if (missing && last !== undefined) return `missing required field "${String(last)}"${where(path.slice(0, -1))}`;
  if (issue.code === 'invalid_union') return `${pathText(path)} has an invalid form`;
  return `${pathText(path)}: ${issue.message}`;
}

function where(path: YamlPath): string {
  return path.length ? ` in ${pathText(path)}` : '';
}

export function pathText(path: YamlPath): string {
  if (!path.length) return '(top level)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
