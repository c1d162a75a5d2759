import type { Assessment } from '../engine/assessment/types.js';

/** `--json` prints the Assessment object itself: the documented contract, nothing added or dropped. */
export function renderJson(a: Assessment | Assessment[]): string {
  return JSON.stringify(a, null, 2) + '\n';
}
