// The names of the interview's answers files, without reading any: kept apart from files.ts (which
// parses them) so that a new interview shows its first question before the YAML parser is loaded.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultReportPath } from '../../io/files.js';

export const ANSWERS_SUFFIX = '.answers.yaml';

/** The answers files' names in `dir` (hidden ones left out); none when the folder cannot be read. */
export function answersFileNames(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => n.endsWith(ANSWERS_SUFFIX) && !n.startsWith('.'));
  } catch {
    return [];
  }
}

/**
 * `<dir>/<company-slug>-<date>` or, when files of that name exist (an earlier interview that day),
 * the first free `-2`, `-3`, ...: a new interview never takes over another file or its reports.
 */
export function freeStem(dir: string, companyName: string, date: string): string {
  const base = basename(defaultReportPath(dir, companyName, date, ''));
  const taken = existsSync(dir) ? readdirSync(dir) : [];
  for (let n = 1; ; n++) {
    const stem = n === 1 ? base : `${base}-${n}`;
    if (!taken.some((name) => name.startsWith(`${stem}.`))) return join(dir, stem);
  }
}

/** The report files' stem of an answers file: "reports/acme-2026-03-02.answers.yaml" → "reports/acme-2026-03-02". */
export function stemOf(answersFile: string): string {
  for (const suffix of [ANSWERS_SUFFIX, '.yaml', '.yml']) {
    if (answersFile.endsWith(suffix) && answersFile.length > suffix.length) return answersFile.slice(0, -suffix.length);
  }
  return answersFile;
}
