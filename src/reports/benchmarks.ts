// Wording of a comparison, shared by the terminal and the report renderers.
import type { BenchmarkComparison } from '../engine/assessment/types.js';
import type { Lang } from '../core/lang.js';
import { formatPercent } from '../i18n/format.js';
import type { Translate } from '../i18n/ui.js';

/** The figure as the source words it: "almost 9 in 10" when approximate, else the share. */
export function figureText(b: BenchmarkComparison, lang: Lang): string {
  return b.approximate ?? formatPercent(b.value, lang);
}

/** "Belgian firms with 10 or more employees: 86.6% have a website (2020)". */
export function comparisonText(b: BenchmarkComparison, t: Translate, lang: Lang): string {
  const vars = { population: b.population, value: figureText(b, lang), indicator: b.indicator, year: b.year };
  const text = t(b.target ? 'benchmark.target_line' : 'benchmark.line', vars);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function companyText(b: BenchmarkComparison, t: Translate): string {
  return t(b.company === null ? 'benchmark.you_unknown' : b.company ? 'benchmark.you_yes' : 'benchmark.you_no');
}
