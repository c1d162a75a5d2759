import { resolve } from 'node:path';
import { assess, type AssessInput, type Assessment } from '../engine/assessment/index.js';
import type { Answers } from '../engine/answers/load.js';
import type { AdvisorIdentity } from '../engine/assessment/types.js';
import type { Lang } from '../core/lang.js';
import { VERSION } from '../core/version.js';
import { type Pack } from '../engine/pack/load.js';
import { builtinPackDir, loadPack, loadPackAids, loadPackBenchmarks, loadPackPlan, loadUiStrings } from '../io/load.js';

export { chooseDate } from './choose.js';

/** The built-in pack, or the one in --pack DIR. */
export function choosePack(dir: string | undefined): Pack {
  return loadPack(dir ? resolve(dir) : builtinPackDir());
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
