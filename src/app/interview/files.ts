// The interview's answers files: reading one back to resume, finding unfinished ones, naming new ones.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { validateAnswers } from '../../engine/answers/load.js';
import type { Pack } from '../../engine/pack/load.js';
import { parseYaml, readTextFile } from '../../io/read.js';
import { planSteps, startIndex, type InterviewState } from './flow.js';
import { answersFileNames } from './names.js';

export { ANSWERS_SUFFIX, freeStem, stemOf } from './names.js';

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
    candidates = answersFileNames(dir).map((n) => ({ file: join(dir, n), modified: statSync(join(dir, n)).mtime }));
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
