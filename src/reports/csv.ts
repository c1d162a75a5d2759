// One firm's assessment as a CSV table (one row per item, long format), for spreadsheets.
import { stringify } from 'csv-stringify/sync';
import type { Assessment } from '../engine/assessment/types.js';
import type { Translate } from '../i18n/ui.js';
import { safeRecord } from './cells.js';

export const CSV_COLUMNS = [
  'section',
  'id',
  'label',
  'answer',
  'status',
  'score',
  'level',
  'level_name',
  'points',
  'max_points',
  // Action plan rows (section "plan"): the lane, the advisor's fields and the net cost after aid (EUR).
  'lane',
  'owner',
  'due',
  'net_cost_min',
  'net_cost_max',
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

/** Excel reads UTF-8 only with a byte-order mark; without it accents come out garbled. */
export const CSV_BOM = '\ufeff';

export function renderCsv(a: Assessment, { t }: { t: Translate }): string {
  const rows: Row[] = [];
  for (const p of a.profile) rows.push({ section: 'profile', id: p.id, label: p.label, answer: p.display });
  rows.push({ section: 'overall', id: 'overall', label: t('overall'), score: a.overall.score, level: a.overall.level, level_name: a.overall.levelName });
  for (const d of a.dimensions) {
    rows.push({ section: 'dimension', id: d.id, label: d.title, score: d.score, level: d.level, level_name: d.levelName });
  }
  for (const d of a.dimensions) {
    for (const q of d.questions) {
      rows.push({ section: 'question', id: q.id, label: q.text, answer: q.answer.join('; '), status: q.status, points: round(q.points), max_points: round(q.maxPoints) });
    }
  }
  for (const d of a.dimensions) {
    for (const s of d.nextSteps) rows.push({ section: 'next_step', id: s.questionId, label: s.text, points: round(s.gain) });
  }
  if (a.digitalIntensity) {
    const di = a.digitalIntensity;
    rows.push({ section: 'digital_intensity', id: di.level, label: di.levelName, score: di.count, max_points: di.max });
  }
  for (const p of a.plan ?? []) {
    rows.push({
      section: 'plan',
      id: p.id,
      label: p.text,
      status: p.status ?? '',
      points: round(p.gain),
      lane: p.lane,
      owner: p.owner ?? '',
      due: p.due ?? '',
      ...(p.netCost ? { net_cost_min: p.netCost.min, net_cost_max: p.netCost.max } : {}),
    });
  }
  for (const aid of a.aids ?? []) rows.push({ section: 'aid', id: aid.id, label: aid.name, answer: [aid.rateText, aid.capText].filter(Boolean).join(' · ') });
  return CSV_BOM + stringify(rows.map(safeRecord), { header: true, columns: [...CSV_COLUMNS] });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
