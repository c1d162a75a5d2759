// Pure: a hub's two batches (before, after) paired firm by firm, and the anonymised aggregate of
// their progress by region, size class and dimension with small groups suppressed.
import { normaliseName, type Progress } from './index.js';

export interface BatchFirm {
  /** Where the assessment came from (file or form row), to list it. */
  source: string;
  name: string;
  enterpriseNumber?: string | undefined;
  assessedOn: string;
}

export interface Pairing {
  pairs: { before: number; after: number; by: 'enterprise-number' | 'name' }[];
  /** Indexes not paired, with why: no counterpart, or the same firm twice on one side. */
  unpairedBefore: { index: number; reason: 'no-match' | 'duplicate' }[];
  unpairedAfter: { index: number; reason: 'no-match' | 'duplicate' }[];
}

/**
 * Pairs firms by enterprise number first, then, among the rest, by normalised name. Two files whose
 * enterprise numbers differ are never paired by name. A firm twice on one side is paired once (its
 * latest before, its earliest after) and the other file is listed as a duplicate.
 */
export function pairFirms(before: BatchFirm[], after: BatchFirm[]): Pairing {
  const pairs: Pairing['pairs'] = [];
  const usedB = new Set<number>();
  const usedA = new Set<number>();
  const dupB = new Set<number>();
  const dupA = new Set<number>();

  const pass = (by: 'enterprise-number' | 'name', key: (f: BatchFirm) => string | undefined) => {
    const groupB = group(before, key, usedB);
    const groupA = group(after, key, usedA);
    for (const [k, bs] of groupB) {
      const as = groupA.get(k);
      if (!as) continue;
      // Latest before, earliest after: the closest pair around the support.
      bs.sort((x, y) => cmp(before[y]!.assessedOn, before[x]!.assessedOn) || x - y);
      as.sort((x, y) => cmp(after[x]!.assessedOn, after[y]!.assessedOn) || x - y);
      if (by === 'name') {
        // Names are only a fallback: never pair two files that carry different numbers.
        const nb = before[bs[0]!]!.enterpriseNumber;
        const na = after[as[0]!]!.enterpriseNumber;
        if (nb && na && nb !== na) continue;
      }
      pairs.push({ before: bs[0]!, after: as[0]!, by });
      usedB.add(bs[0]!);
      usedA.add(as[0]!);
      for (const i of bs.slice(1)) (usedB.add(i), dupB.add(i));
      for (const i of as.slice(1)) (usedA.add(i), dupA.add(i));
    }
  };
  pass('enterprise-number', (f) => f.enterpriseNumber);
  pass('name', (f) => normaliseName(f.name) || undefined);

  pairs.sort((x, y) => x.before - y.before);
  const unpaired = (firms: BatchFirm[], used: Set<number>, dup: Set<number>) =>
    firms.flatMap((_, index) => (used.has(index) && !dup.has(index) ? [] : [{ index, reason: dup.has(index) ? ('duplicate' as const) : ('no-match' as const) }]));
  return { pairs, unpairedBefore: unpaired(before, usedB, dupB), unpairedAfter: unpaired(after, usedA, dupA) };
}

function group(firms: BatchFirm[], key: (f: BatchFirm) => string | undefined, used: Set<number>): Map<string, number[]> {
  const map = new Map<string, number[]>();
  firms.forEach((f, i) => {
    if (used.has(i)) return;
    const k = key(f);
    if (k === undefined) return;
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  });
  return map;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Eurostat-style size classes by number of employees. */
export type SizeClass = 'solo' | 'micro' | 'small' | 'medium' | 'large';

export function sizeClass(employees: number): SizeClass {
  if (employees < 1) return 'solo';
  if (employees < 10) return 'micro';
  if (employees < 50) return 'small';
  if (employees < 250) return 'medium';
  return 'large';
}

/** Groups of fewer firms than this are never shown. */
export const MIN_GROUP = 5;

export interface ImpactFirm {
  region: string;
  employees: number;
  progress: Progress;
}

export type ImpactRow =
  | {
      region: string;
      sizeClass: SizeClass | 'all';
      /** A dimension id, or "overall". */
      dimension: string;
      shown: true;
      firms: number;
      meanBefore: number;
      meanAfter: number;
      meanDelta: number;
      /** Share (0–100) of the group's firms whose level went up. */
      shareLevelUp: number;
    }
  | {
      region: string;
      sizeClass: SizeClass | 'all';
      dimension: string;
      shown: false;
      /** primary: fewer than MIN_GROUP firms; secondary: hidden so that a primary cell cannot be worked out from the total. */
      suppressed: 'primary' | 'secondary';
    };

/**
 * One row per region × size class × dimension (and "overall"), plus an all-firms total per dimension.
 * Only comparable scores count. A group of fewer than MIN_GROUP firms is suppressed; when the total
 * is shown and exactly one group is suppressed, the next smallest is suppressed too, so the total
 * minus the shown groups never reveals a small one.
 */
export function impactTable(firms: ImpactFirm[], dimensionIds: string[]): ImpactRow[] {
  const cells = new Map<string, { region: string; size: SizeClass; members: ImpactFirm[] }>();
  for (const f of firms) {
    const size = sizeClass(f.employees);
    const key = `${f.region}\u0000${size}`;
    const cell = cells.get(key) ?? { region: f.region, size, members: [] };
    cell.members.push(f);
    cells.set(key, cell);
  }
  const ORDER: SizeClass[] = ['solo', 'micro', 'small', 'medium', 'large'];
  const list = [...cells.values()].sort((x, y) => cmp(x.region, y.region) || ORDER.indexOf(x.size) - ORDER.indexOf(y.size));

  // The suppression pattern depends on firm counts only, so it is the same for every dimension.
  const suppressed = new Map<(typeof list)[number], 'primary' | 'secondary'>();
  for (const c of list) if (c.members.length < MIN_GROUP) suppressed.set(c, 'primary');
  const totalShown = firms.length >= MIN_GROUP;
  if (totalShown && suppressed.size === 1) {
    const next = list.filter((c) => !suppressed.has(c)).sort((x, y) => x.members.length - y.members.length)[0];
    if (next) suppressed.set(next, 'secondary');
  }

  const rows: ImpactRow[] = [];
  for (const dimension of ['overall', ...dimensionIds]) {
    for (const c of list) {
      const s = suppressed.get(c);
      if (s) rows.push({ region: c.region, sizeClass: c.size, dimension, shown: false, suppressed: s });
      else rows.push(aggregate(c.region, c.size, dimension, c.members));
    }
    if (totalShown) rows.push(aggregate('all', 'all', dimension, firms));
    else rows.push({ region: 'all', sizeClass: 'all', dimension, shown: false, suppressed: 'primary' });
  }
  return rows;
}

function aggregate(region: string, size: SizeClass | 'all', dimension: string, members: ImpactFirm[]): ImpactRow {
  const changes = members.map((m) => (dimension === 'overall' ? m.progress.overall : m.progress.dimensions.find((d) => d.id === dimension))).filter((c) => c?.comparable);
  // Firms whose score is not comparable (a questionnaire change) do not enter the means; if that
  // leaves too few, the group is suppressed like any small one.
  if (changes.length < MIN_GROUP) return { region, sizeClass: size, dimension, shown: false, suppressed: 'primary' };
  const n = changes.length;
  const mean = (f: (c: NonNullable<(typeof changes)[number]>) => number) => Math.round((changes.reduce((s, c) => s + f(c!), 0) / n) * 10) / 10;
  return {
    region,
    sizeClass: size,
    dimension,
    shown: true,
    firms: n,
    meanBefore: mean((c) => c.before),
    meanAfter: mean((c) => c.after),
    meanDelta: mean((c) => c.after - c.before),
    shareLevelUp: Math.round((changes.filter((c) => c!.levelAfter > c!.levelBefore).length / n) * 1000) / 10,
  };
}
