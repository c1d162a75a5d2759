// A hub's two CSV files: progress.csv (one row per firm, paired or not) and impact.csv (the
// anonymised aggregate). Text cells that a spreadsheet would read as a formula are neutralised;
// numbers stay numbers, so a negative change is still a number a spreadsheet can sum.
import { stringify } from 'csv-stringify/sync';
import type { Progress } from '../engine/progress/index.js';
import { MIN_GROUP, type ImpactRow, type SizeClass } from '../engine/progress/batch.js';
import type { Translate } from '../i18n/ui.js';
import { CSV_BOM } from './csv.js';

/** A text cell as a spreadsheet must show it: a leading = + - @ tab or CR would start a formula. */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Cell = string | number;

export interface ProgressCsvFirm {
  status: 'paired' | 'only-before' | 'only-after' | 'duplicate-before' | 'duplicate-after';
  name: string;
  enterpriseNumber?: string | undefined;
  region: string;
  sizeClass: SizeClass;
  beforeSource?: string | undefined;
  afterSource?: string | undefined;
  beforeDate?: string | undefined;
  afterDate?: string | undefined;
  /** Scores of the side that exists, when the firm is unpaired. */
  only?: { overall: number; level: number; dimensions: Record<string, number> } | undefined;
  progress?: Progress | undefined;
}

export function renderProgressCsv(firms: ProgressCsvFirm[], dimensionIds: string[], t: Translate): string {
  const header = [
    'status', 'status_text', 'name', 'enterprise_number', 'region', 'size_class', 'before_file', 'after_file', 'before_date', 'after_date', 'months',
    'overall_before', 'overall_after', 'overall_delta', 'level_before', 'level_after', 'paired_by', 'comparable',
    ...dimensionIds.flatMap((d) => [`${d}_before`, `${d}_after`, `${d}_delta`, `${d}_level_before`, `${d}_level_after`]),
  ];
  const rows: Cell[][] = firms.map((f) => {
    const p = f.progress;
    const text = (s: string | undefined) => csvText(s ?? '');
    const base: Cell[] = [f.status, text(t('compare.batch.status', { status: f.status })), text(f.name), text(f.enterpriseNumber), text(f.region), f.sizeClass, text(f.beforeSource), text(f.afterSource), f.beforeDate ?? '', f.afterDate ?? ''];
    if (p) {
      const dims = dimensionIds.flatMap((id) => {
        const d = p.dimensions.find((x) => x.id === id);
        if (!d) return ['', '', '', '', ''];
        return [d.reason === 'only-after' ? '' : d.before, d.reason === 'only-before' ? '' : d.after, d.delta ?? '', d.levelBefore || '', d.levelAfter || ''];
      });
      return [...base, p.months, p.overall.before, p.overall.after, p.overall.delta ?? '', p.overall.levelBefore, p.overall.levelAfter, p.pairedBy, p.dimensions.every((d) => d.comparable) ? 'yes' : 'partly', ...dims];
    }
    const o = f.only;
    const before = f.status.endsWith('before');
    const dims = dimensionIds.flatMap((id) => {
      const s = o?.dimensions[id];
      return s === undefined ? ['', '', '', '', ''] : before ? [s, '', '', '', ''] : ['', s, '', '', ''];
    });
    return [...base, '', before ? (o?.overall ?? '') : '', before ? '' : (o?.overall ?? ''), '', before ? (o?.level ?? '') : '', before ? '' : (o?.level ?? ''), '', '', ...dims];
  });
  return CSV_BOM + stringify([header, ...rows]);
}

export function renderImpactCsv(rows: ImpactRow[], dimensionTitle: (id: string) => string, t: Translate): string {
  const header = ['region', 'size_class', 'size_class_text', 'dimension', 'dimension_title', 'firms', 'mean_before', 'mean_after', 'mean_change', 'share_level_up_percent', 'note'];
  const out: Cell[][] = rows.map((r) => {
    const base: Cell[] = [
      r.region === 'all' ? t('compare.batch.all') : csvText(r.region),
      r.sizeClass,
      t('compare.size', { size: r.sizeClass }),
      r.dimension,
      csvText(r.dimension === 'overall' ? t('compare.batch.overall') : dimensionTitle(r.dimension)),
    ];
    if (!r.shown) {
      // Every figure of the group says it is hidden; the note says why.
      const hidden = r.suppressed === 'primary' ? `<${MIN_GROUP}` : 'suppressed';
      const note = r.suppressed === 'primary' ? t('compare.batch.suppressed', { k: MIN_GROUP }) : t('compare.batch.suppressed_secondary');
      return [...base, hidden, 'suppressed', 'suppressed', 'suppressed', 'suppressed', note];
    }
    return [...base, r.firms, r.meanBefore, r.meanAfter, r.meanDelta, r.shareLevelUp, ''];
  });
  return CSV_BOM + stringify([header, ...out]);
}
