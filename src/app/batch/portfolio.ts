// The portfolio view: how the firms of a batch spread over the maturity levels, per dimension.
import { visibleInline } from '../../core/sanitize.js';
import type { Translate } from '../../i18n/ui.js';
import type { Lang } from '../../core/lang.js';
import type { Pack } from '../../engine/pack/load.js';

export class Portfolio {
  /** counts[row][level - 1]; row 0 is the overall index, then the dimensions in pack order. */
  private readonly counts: number[][];
  private readonly sums: number[];
  firms = 0;

  constructor(private readonly pack: Pack) {
    const rows = pack.definition.dimensions.length + 1;
    this.counts = Array.from({ length: rows }, () => [0, 0, 0, 0, 0]);
    this.sums = Array.from({ length: rows }, () => 0);
  }

  /** One firm: levels and scores of the overall index then of each dimension. */
  add(levels: number[], scores: number[]): void {
    this.firms++;
    levels.forEach((level, row) => {
      const counts = this.counts[row];
      if (counts && level >= 1 && level <= 5) counts[level - 1]!++;
      this.sums[row] = (this.sums[row] ?? 0) + (scores[row] ?? 0);
    });
  }

  render(t: Translate, lang: Lang): string {
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
    return lines.join('\n') + '\n';
  }
}
