// Wording of comparisons, sources, fallbacks and "check first" steps, shared by the terminal and the PDF.
// The Assessment carries data (statuses, flags, ids, numbers, ISO dates); these helpers turn it into words.
import type { BenchmarkComparison, NextStep, PracticeStatus } from '../engine/assessment/types.js';
import type { Lang } from '../core/lang.js';
import { formatPercent } from '../i18n/format.js';
import type { Translate } from '../i18n/ui.js';

/** The figure as the source words it: "almost 9 in 10" when approximate, else the share. */
export function figureText(b: BenchmarkComparison, lang: Lang): string {
  return b.approximate ?? formatPercent(b.value, lang);
}

/** "Statbel, via Le Vif, 2025": the publisher, the newspaper it was read in, and the year the figure describes. */
export function sourceText(b: Pick<BenchmarkComparison, 'publisher' | 'year' | 'target' | 'asOf'>, t: Translate): string {
  // A target's year is the year it aims at; its source is dated by its publication.
  const year = b.target && b.asOf ? b.asOf.slice(0, 4) : String(b.year);
  return b.publisher.via
    ? t('report.source_via', { publisher: b.publisher.name, via: b.publisher.via.name, year })
    : t('report.source', { publisher: b.publisher.name, year });
}

/** "90% of Belgian firms with 10 or more employees have a website (Statbel, via Le Vif, 2025)". */
export function comparisonText(b: BenchmarkComparison, t: Translate, lang: Lang): string {
  const vars = { population: b.population, value: figureText(b, lang), indicator: b.indicator, year: b.year, source: sourceText(b, t) };
  const text = t(b.target ? 'report.target_line' : 'report.figure_line', vars);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "You: yes / partly / not yet / unknown". */
export function practiceText(status: PracticeStatus, t: Translate): string {
  return t(`report.you.${status}`);
}

/**
 * The one sentence a section needs when some of its figures are for another size class or the whole EU
 * (undefined when none is). Said once per section, never under every figure.
 */
export function fallbackText(figures: BenchmarkComparison[], employees: number, t: Translate): string | undefined {
  const size = figures.some((b) => b.fallback?.size);
  const region = figures.some((b) => b.fallback?.region);
  if (!size && !region) return undefined;
  return t(`report.fallback.${size && region ? 'both' : size ? 'size' : 'region'}`, { employees });
}

/** A next step; for a "don't know" or unanswered question it starts with checking where the firm stands. */
export function nextStepText(step: NextStep, t: Translate): string {
  if (step.status !== 'dontKnow' && step.status !== 'missing') return step.text;
  const advice = /^\p{Lu}\p{Ll}/u.test(step.text) ? step.text.charAt(0).toLowerCase() + step.text.slice(1) : step.text;
  return t('report.next_step_check', { advice });
}
