// `digiscan compare` on a terminal, and the words every progress renderer shares. The Progress is data
// (ids, numbers); the words come from the two assessments and the questionnaire, in the report language.
import { Chalk } from 'chalk';
import type { Lang } from '../core/lang.js';
import type { Progress, ScoreChange } from '../engine/progress/index.js';
import { formatDateWords, formatNumber } from '../i18n/format.js';
import type { Translate } from '../i18n/ui.js';

/** The names a progress report prints, looked up by id in the report language. */
export interface ProgressWords {
  lang: Lang;
  company: string;
  /** The enterprise number as written on the files, when they have one. */
  enterpriseNumber?: string | undefined;
  dimension(id: string): string;
  /** A question as a practice ("Backups are automatic"): its strength text, else the question. */
  practice(id: string): string;
  /** The question as asked. */
  question(id: string): string;
  /** The advice the before assessment gave for this question. */
  step(id: string): string;
  level(level: number): string;
  /** The answer given to a question on each side, as labels ("—" when not answered). */
  answer(id: string, side: 'before' | 'after'): string;
  aid(id: string): string;
}

/** A signed change in the report language: "+12", "−3,5", "±0"; "—" when not comparable. */
export function signed(delta: number | null, lang: Lang): string {
  if (delta === null) return '—';
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${formatNumber(Math.abs(delta), lang)}`;
}

/** The lines every renderer puts under the title: dates, months, how the files were paired. */
export function progressHeader(p: Progress, w: ProgressWords, t: Translate): { title: string; period: string; paired: string } {
  return {
    title: t('compare.title', { name: w.company || '—' }),
    period: t('compare.period', { from: formatDateWords(p.before.assessedOn, w.lang), to: formatDateWords(p.after.assessedOn, w.lang), months: p.months, days: p.days }),
    paired: t('compare.paired', { by: p.pairedBy, number: w.enterpriseNumber ?? '' }),
  };
}

/** What changed in the method between the two sides, worded; empty when nothing did. */
export function methodNotes(p: Progress, w: ProgressWords, t: Translate): string[] {
  const notes: string[] = [];
  if (p.changes.questionnaire) notes.push(t('compare.method.version', { before: p.before.questionnaireVersion, after: p.after.questionnaireVersion }));
  if (p.changes.questionsRemoved.length) notes.push(t('compare.method.removed', { count: p.changes.questionsRemoved.length }));
  if (p.changes.questionsAdded.length) notes.push(t('compare.method.added', { count: p.changes.questionsAdded.length }));
  const incomparable = p.dimensions.filter((d) => !d.comparable).map((d) => w.dimension(d.id));
  if (incomparable.length) notes.push(t('compare.method.incomparable', { list: incomparable.join(', ') }));
  if (p.overall.basis === 'comparable-dimensions') notes.push(t('compare.method.overall_basis'));
  if (p.changes.tool) notes.push(t('compare.method.tool', { before: p.before.toolVersion, after: p.after.toolVersion }));
  return notes;
}

/** A practice that slipped back: the question, and the answer then and now. */
export function regressedText(id: string, w: ProgressWords, t: Translate): string {
  return t('compare.regressed_item', { question: w.question(id), before: w.answer(id, 'before'), after: w.answer(id, 'after') });
}

export interface ProgressTerminalOptions {
  color: boolean;
  t: Translate;
  words: ProgressWords;
}

export function renderProgressTerminal(p: Progress, { color, t, words: w }: ProgressTerminalOptions): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  const head = progressHeader(p, w, t);
  lines.push(c.bold(head.title));
  lines.push(c.dim(`${head.period} · ${head.paired}`));
  for (const note of methodNotes(p, w, t)) lines.push(c.yellow(`! ${note}`));
  lines.push('');

  const labels = [t('overall'), ...p.dimensions.map((d) => w.dimension(d.id))];
  const width = Math.max(...labels.map((l) => l.length));
  const paint = (delta: number | null) => (delta === null || delta === 0 ? c.dim : delta > 0 ? c.green : c.red);
  const row = (label: string, s: ScoreChange & { reason?: string }) => {
    const scores = `${(s.reason === 'only-after' ? '—' : String(s.before)).padStart(3)} → ${(s.reason === 'only-before' ? '—' : String(s.after)).padStart(3)}`;
    const levels = s.levelBefore && s.levelAfter ? `${w.level(s.levelBefore)} → ${w.level(s.levelAfter)}` : '';
    return `${label.padEnd(width)}  ${scores}  ${paint(s.delta)(signed(s.delta, w.lang).padStart(5))}  ${c.dim(levels)}`;
  };
  lines.push(c.bold(row(t('overall'), p.overall)));
  for (const d of p.dimensions) lines.push(row(w.dimension(d.id), d));

  const section = (title: string, items: string[], marker: string, paintItem = (s: string) => s) => {
    if (!items.length) return;
    lines.push('', c.bold(`${title} (${items.length})`));
    for (const item of items) lines.push(`  ${marker} ${paintItem(item)}`);
  };
  section(t('compare.steps_done'), p.steps.done.map((s) => w.step(s.questionId)), c.green('✓'));
  section(t('compare.steps_open'), p.steps.open.map((s) => w.step(s.questionId) + (s.shareAfter !== null && s.shareAfter > s.shareBefore ? c.dim(` (${t('compare.improved')})`) : '')), '•');
  section(t('compare.steps_gone'), p.steps.gone.map((s) => w.step(s.questionId)), c.dim('–'), c.dim);
  section(t('compare.new_strengths'), p.newStrengths.map((s) => w.practice(s.questionId)), c.green('+'));
  section(t('compare.regressed'), p.regressed.map((s) => regressedText(s.questionId, w, t)), c.red('↓'));
  section(t('compare.aids'), p.aids.map((a) => w.aid(a.id) + (a.new ? c.dim(` (${t('compare.aid_new')})`) : '')), '•');
  if (!p.steps.done.length && !p.steps.open.length && !p.newStrengths.length && !p.regressed.length) lines.push('', c.dim(t('compare.no_change')));
  return lines.join('\n') + '\n';
}
