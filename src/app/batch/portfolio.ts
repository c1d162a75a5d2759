// The portfolio view: how the firms of a batch spread over the maturity levels, per dimension; the
// firms ranked; the practices most often to improve; the aids most often matched; the failures.
// Memory stays bounded: counts per level, question and aid, and the few best and worst firms.
import { visibleInline } from '../../core/sanitize.js';
import type { Translate } from '../../i18n/ui.js';
import type { Lang } from '../../core/lang.js';
import type { Pack } from '../../engine/pack/load.js';
import type { AssessmentData } from '../context.js';
import type { FirmResult } from './summary.js';

/** Firms shown at each end of the ranking on the terminal, practices and aids listed. */
export const SHOWN = 5;

export interface Ranked {
  seq: number;
  name: string;
  score: number;
  level: number;
}

export class Portfolio {
  /** counts[row][level - 1]; row 0 is the overall index, then the dimensions in pack order. */
  readonly counts: number[][];
  readonly sums: number[];
  readonly weak = new Map<string, number>();
  readonly aids = new Map<string, number>();
  readonly best: Ranked[] = [];
  readonly worst: Ranked[] = [];
  readonly failedNames: string[] = [];
  firms = 0;
  failed = 0;

  constructor(private readonly pack: Pack) {
    const rows = pack.definition.dimensions.length + 1;
    this.counts = Array.from({ length: rows }, () => [0, 0, 0, 0, 0]);
    this.sums = Array.from({ length: rows }, () => 0);
  }

  /** One scored firm. */
  add(seq: number, r: FirmResult): void {
    this.firms++;
    const levels = [r.overall.level, ...r.dimensions.map((d) => d.level)];
    const scores = [r.overall.score, ...r.dimensions.map((d) => d.score)];
    levels.forEach((level, row) => {
      const counts = this.counts[row];
      if (counts && level >= 1 && level <= 5) counts[level - 1]!++;
      this.sums[row] = (this.sums[row] ?? 0) + (scores[row] ?? 0);
    });
    for (const id of new Set(r.weak)) this.weak.set(id, (this.weak.get(id) ?? 0) + 1);
    for (const id of new Set(r.aids)) this.aids.set(id, (this.aids.get(id) ?? 0) + 1);
    const firm = { seq, name: r.name, score: r.overall.score, level: r.overall.level };
    keep(this.best, firm, (a, b) => b.score - a.score || a.seq - b.seq);
    keep(this.worst, firm, (a, b) => a.score - b.score || a.seq - b.seq);
  }

  /** One firm not scored. */
  fail(name: string): void {
    this.failed++;
    if (this.failedNames.length < SHOWN * 4) this.failedNames.push(name);
  }

  /** The ids most often counted, most first (ties in pack/catalogue order of first appearance). */
  static top(counts: Map<string, number>, n = SHOWN): [string, number][] {
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, n);
  }

  questionText(id: string, lang: Lang): string {
    return this.pack.questions.get(id)?.question.text[lang] ?? id;
  }

  render(t: Translate, lang: Lang, data?: AssessmentData): string {
    const def = this.pack.definition;
    const labels = [t('overall'), ...def.dimensions.map((d) => visibleInline(d.title[lang]))];
    const width = Math.max(...labels.map((l) => l.length));
    const cell = 6;
    const lines = [t('batch.portfolio', { count: this.firms }), ''];
    const head = def.levels.map((l) => `${t('level_short')}${l.level}`.padStart(cell)).join('');
    lines.push(`${''.padEnd(width)}${head}${t('batch.average').padStart(10)}`);
    labels.forEach((label, row) => {
      const counts = this.counts[row]!.map((n) => String(n).padStart(cell)).join('');
      const average = this.firms ? String(Math.round(this.sums[row]! / this.firms)) : '–';
      lines.push(`${label.padEnd(width)}${counts}${average.padStart(10)}`);
    });
    lines.push('');
    lines.push(def.levels.map((l) => `${t('level_short')}${l.level} ${visibleInline(l.name[lang])}`).join(' · '));
    if (this.firms > 1) {
      const firm = (f: Ranked) => `  ${String(f.score).padStart(3)}  ${t('level_short')}${f.level}  ${visibleInline(f.name)}`;
      lines.push('', t('batch.best', { count: this.best.length }), ...this.best.map(firm));
      if (this.firms > SHOWN) lines.push('', t('batch.worst', { count: this.worst.length }), ...this.worst.map(firm));
    }
    const weak = Portfolio.top(this.weak);
    if (weak.length) {
      lines.push('', t('batch.weak'));
      for (const [id, n] of weak) lines.push(`  ${t('batch.firms_count', { count: n })}  ${this.questionText(id, lang)}`);
    }
    const aids = Portfolio.top(this.aids);
    if (aids.length) {
      lines.push('', t('batch.top_aids'));
      const names = new Map((data?.aids?.catalogue.aids ?? []).map((a) => [a.id, a.name[lang]]));
      for (const [id, n] of aids) lines.push(`  ${t('batch.firms_count', { count: n })}  ${names.get(id) ?? id}`);
    }
    if (this.failed) {
      lines.push('', t('batch.not_scored_list', { count: this.failed }), ...this.failedNames.map((name) => `  ${visibleInline(name)}`));
      if (this.failed > this.failedNames.length) lines.push(`  ${t('batch.and_more', { count: this.failed - this.failedNames.length })}`);
    }
    return lines.join('\n') + '\n';
  }
}

function keep(list: Ranked[], firm: Ranked, order: (a: Ranked, b: Ranked) => number): void {
  list.push(firm);
  list.sort(order);
  if (list.length > SHOWN) list.pop();
}
