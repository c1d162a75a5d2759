import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { loadPackAids } from '../aids/load.js';
import type { AssessInput } from '../assessment/index.js';
import { loadPackBenchmarks } from '../benchmarks/load.js';
import { loadUiStrings } from '../i18n/ui.js';
import { builtinPackDir, loadPack, type Pack } from '../pack/load.js';

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
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== date) {
    throw new UserError(`--date must be a real date like 2026-03-31, not "${date}"`);
  }
  return date;
}

/** What assess() takes from the pack besides its questions. */
export type AssessmentData = Required<Pick<AssessInput, 'ui'>> & Pick<AssessInput, 'aids' | 'benchmarks'>;

/** The pack's aids and barometer figures and the interface strings: one place, so `assess` and `batch` score alike. */
export function assessmentData(pack: Pack): AssessmentData {
  const ui = loadUiStrings();
  const catalogue = loadPackAids(pack);
  return { ui, aids: catalogue ? { catalogue, ui } : undefined, benchmarks: loadPackBenchmarks(pack) };
}
