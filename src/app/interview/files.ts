// The interview's answers files: reading one back to resume, finding unfinished ones, naming new ones.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { validateAnswers } from '../../engine/answers/load.js';
import { defaultReportPath } from '../../io/files.js';
import type { Pack } from '../../engine/pack/load.js';
import { parseYaml, readTextFile } from '../../io/read.js';
import { planSteps, startIndex, type InterviewState } from './flow.js';

export const ANSWERS_SUFFIX = '.answers.yaml';

/** An answers file as an interview state; `null` values mark questions seen and left open. */
export function loadForResume(file: string, pack: Pack): InterviewState {
  const source = parseYaml(readTextFile(file), file);
  const answers = validateAnswers(source, pack, { requireProfile: false });
  const skipped = new Set<string>();
  const data = source.data as Record<string, unknown>;
  for (const section of ['company', 'answers']) {
    const values = data[section];
    if (!values || typeof values !== 'object') continue;
    for (const [key, value] of Object.entries(values)) if (value === null) skipped.add(key);
  }
  return { answers, skipped, languageChosen: true };
}

/**
 * Whether an answers file still has questions to ask (no completedAt and an unanswered profile field
 * or visible question). A file that does not load is not "unfinished": scoring reports its problems.
 */
export function isUnfinished(file: string, pack: Pack): boolean {
  let state: InterviewState;
  try {
    state = loadForResume(file, pack);
  } catch {
    return false;
  }
  if (state.answers.completedAt) return false;
  const steps = planSteps(pack, state.answers, false);
  return startIndex(steps, state) < steps.length;
}

export interface UnfinishedFile {
  file: string;
  state: InterviewState;
  modified: Date;
}

/**
 * Unfinished answers files of this questionnaire in `dir`, most recent first. Unreadable files are
 * passed over. Finished files are recognised by their `completedAt:` line without parsing them, so
 * a folder with many past assessments does not slow the start.
 */
export function findUnfinished(dir: string, pack: Pack, limit = 5): UnfinishedFile[] {
  let candidates: { file: string; modified: Date }[];
  try {
    candidates = readdirSync(dir)
      .filter((n) => n.endsWith(ANSWERS_SUFFIX) && !n.startsWith('.'))
      .map((n) => ({ file: join(dir, n), modified: statSync(join(dir, n)).mtime }));
  } catch {
    return [];
  }
  candidates.sort((a, b) => b.modified.getTime() - a.modified.getTime());
  const found: UnfinishedFile[] = [];
  for (const { file, modified } of candidates) {
    if (found.length >= limit) break;
    try {
      if (/^completedAt:/m.test(readTextFile(file))) continue;
      const state = loadForResume(file, pack);
      if (!state.answers.completedAt) found.push({ file, state, modified });
    } catch {
      // another questionnaire's file, or one edited into an invalid state: not offered
    }
  }
  return found;
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
