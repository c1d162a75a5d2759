// What every command settles first: the pack and the date. Kept apart from context.ts so that the
// interview starts without the loaders' YAML parser and validators (see io/shipped.ts).
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { isRealDate } from '../core/dates.js';
import type { Pack } from '../engine/pack/pack.js';
import { loadPackQuick } from '../io/quick.js';
import { builtinPackDir } from '../io/shipped.js';

/** choosePack(dir), without parsing or checking the shipped pack again. */
export function choosePackQuick(dir: string | undefined): Promise<Pack> {
  return loadPackQuick(dir ? resolve(dir) : builtinPackDir());
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
