import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { isRealDate } from '../core/dates.js';
import { assess, type AssessInput, type Assessment } from '../engine/assessment/index.js';
import type { Answers } from '../engine/answers/load.js';
import type { AdvisorIdentity } from '../engine/assessment/types.js';
import type { Lang } from '../core/lang.js';
import { VERSION } from '../core/version.js';
import { type Pack } from '../engine/pack/load.js';
import { builtinPackDir, loadPack, loadPackAids, loadPackBenchmarks, loadPackPlan, loadUiStrings } from '../io/load.js';

/** The built-in pack, or the one in --pack DIR. */
export function choosePack(dir: string | undefined): Pack {
  return loadPack(dir ? resolve(dir) : builtinPackDir());
}

/** Today as YYYY-MM-DD in local time, or --date after checking it is a real date. */
export function chooseDate(date: string | undefined, now = new Date()): string {
  if (date === undefined) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  if (!isRealDate(date)) {
    throw new UserError(`--date must be a real date like 2026-03-31, not "${date}"`, undefined, undefined, { key: 'error.bad_date', params: { value: date } });
  }
  return date;
}

/** What assess() takes from the pack besides its questions. */
export type AssessmentData = Required<Pick<AssessInput, 'ui'>> & Pick<AssessInput, 'aids' | 'benchmarks' | 'plan'>;

/** The pack's aids and barometer figures and the interface strings: one place, so `assess` and `batch` score alike. */
export function assessmentData(pack: Pack): AssessmentData {
  const ui = loadUiStrings();
  const catalogue = loadPackAids(pack);
  return { ui, aids: catalogue ? { catalogue, ui } : undefined, benchmarks: loadPackBenchmarks(pack), plan: loadPackPlan(pack) };
}

/** The assessment of validated answers, with the pack's benchmarks and public aids when it has them. */
export function assessAnswers(pack: Pack, answers: Answers, today: string, lang?: Lang, advisor?: AdvisorIdentity): Assessment {
  return assess({ pack, answers, today, lang, toolVersion: VERSION, ...assessmentData(pack), advisor });
}
