import { Chalk, type ChalkInstance } from 'chalk';
import type { Assessment, BenchmarkComparison, PracticeStatus } from '../engine/assessment/types.js';
import { comparisonText, fallbackText, figureText, nextStepText, practiceText } from './benchmarks.js';
import type { Translate } from '../i18n/ui.js';
import { renderAidsSummary } from './aids.js';
import { visibleDeep } from '../core/sanitize.js';
import { formatDateWords } from '../i18n/format.js';

export interface TerminalOptions {
  color: boolean;
  t: Translate;
  width?: number;
  /** How the program is called ("digiscan", or "npx digiscan" through npx), for runnable hints. */
  command?: string;
}

/** The `aids` command that lists this firm's aids, whole and runnable. */
export function aidsCommand(a: Assessment, command = 'digiscan'): string {
  const args = ['aids', '--region', a.company.region, '--employees', String(a.company.employees)];
  const add = (flag: string, value: unknown) => {
    if (typeof value === 'string' && value !== '') args.push(flag, value);
  };
  add('--turnover', a.company.turnover);
  add('--nace', a.company.nace);
  add('--legal-form', a.company.legal_form);
  args.push('--date', a.assessedOn);
  return [command, ...args.map((w) => (/^[\w./@:+,=-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`))].join(' ');
}

export { useColor } from './color.js';

const BAR_WIDTH = 20;

export function bar(score: number, width = BAR_WIDTH): string {
  const filled = Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function paint(c: ChalkInstance, level: number): (s: string) => string {
  if (level <= 2) return c.red;
  if (level === 3) return c.yellow;
  return c.green;
}

function mark(company: PracticeStatus): string {
  return { yes: '✓', partly: '◐', no: '✗', unknown: '?' }[company];
}

/** One line: the figure with its population and source, then whether the firm does it. */
export function comparisonLine(b: BenchmarkComparison, t: Translate, lang: Assessment['language']): string {
  return `${comparisonText(b, t, lang)} — ${practiceText(b.company, t)}`;
}

export function renderTerminal(input: Assessment, { color, t, command = 'digiscan' }: TerminalOptions): string {
  // Names, notes and pack texts are input: their control characters are shown, never sent raw.
  const a = visibleDeep(input);
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  lines.push(c.bold(t('assessment_of', { name: a.company.name || '—' })));
  lines.push(c.dim(t('assessed_on', { date: formatDateWords(a.assessedOn, a.language), id: a.questionnaire.id, version: a.questionnaire.version })));
  lines.push('');
  const labelWidth = Math.max(t('overall').length, ...a.dimensions.map((d) => d.title.length));
  const row = (label: string, score: number, level: number, levelName: string) =>
    `${label.padEnd(labelWidth)}  ${paint(c, level)(bar(score))} ${String(score).padStart(3)}/100  ${t('level')} ${level} · ${levelName}`;
  lines.push(c.bold(row(t('overall'), a.overall.score, a.overall.level, a.overall.levelName)));
  if (a.overall.verdict) lines.push(c.italic(a.overall.verdict));
  lines.push('');
  for (const d of a.dimensions) {
    lines.push(row(d.title, d.score, d.level, d.levelName));
    // The dimension's headline figure (the first in benchmarks.yaml), with the population it describes.
    const b = d.benchmarks[0];
    if (b) lines.push(c.dim(`${' '.repeat(labelWidth)}  ${mark(b.company)} ${comparisonLine(b, t, a.language)}`));
  }
  // Said once for all the lines above, not under each.
  const fallback = fallbackText(a.dimensions.flatMap((d) => d.benchmarks.slice(0, 1)), a.company.employees, t);
  if (fallback) lines.push(c.dim(fallback));
  const dii = a.digitalIntensity;
  if (dii) {
    lines.push('');
    const basic = t(dii.basic ? 'dii.basic_yes' : 'dii.basic_no');
    const unknown = dii.unknown ? ` (${t('dii.unknown', { count: dii.unknown, max: dii.max })})` : '';
    const summary = t('dii.summary', { count: dii.count, max: dii.max, level: dii.levelName });
    lines.push(t('dii.line', { title: t('dii.title', { year: dii.definitionYear }), summary, basic }) + unknown);
    const shares = dii.comparisons.filter((x) => x.level === undefined);
    const parts = shares.map((x) =>
      x.target
        ? t('dii.target_short', { year: x.year, value: figureText(x, a.language) })
        : t('benchmark.short', { population: x.population, value: figureText(x, a.language), year: x.year }),
    );
    if (parts.length) lines.push(c.dim(`  ${parts.join(' · ')}`));
    const note = fallbackText(shares.filter((x) => !x.target), a.company.employees, t);
    if (note) lines.push(c.dim(`  ${note}`));
  }
  lines.push('');
  for (const d of a.dimensions) {
    if (!d.nextSteps.length && !d.note) continue;
    lines.push(c.bold(`${d.title} — ${t('next_steps')}`));
    for (const s of d.nextSteps) lines.push(`  → ${nextStepText(s, t)}`);
    if (d.note) lines.push(c.dim(`  ${t('advisor_note')}: ${d.note}`));
  }
  if (a.plan?.length) {
    const count = (lane: string) => a.plan!.filter((p) => p.lane === lane).length;
    lines.push('', c.bold(t('plan.terminal.title', { now: count('now'), next: count('next'), later: count('later') })));
    for (const p of a.plan.filter((x) => x.lane === 'now')) {
      const legal = p.legal ? c.red(` · ${t(`plan.legal.${p.legal.id}`)}`) : '';
      lines.push(`  ${p.status === 'done' ? '✓' : '→'} ${p.text}${c.dim(` (${t('plan.gain', { gain: p.gain })})`)}${legal}`);
    }
  }
  const aidLines = renderAidsSummary(a.aids ?? [], c, t, a.language, a.aidSettings?.summaryCount, a.aidSettings?.staleAfterMonths, aidsCommand(a, command));
  if (aidLines.length) lines.push('', ...aidLines);
  for (const w of a.warnings) lines.push(c.yellow(`! ${t(`warning.${w.code}`, w.params)}`));
  return lines.join('\n') + '\n';
}
