import { Chalk, type ChalkInstance } from 'chalk';
import type { Assessment } from '../assessment/types.js';
import type { Translate } from '../i18n/ui.js';
import { renderAidsSummary } from './aids.js';

export interface TerminalOptions {
  color: boolean;
  t: Translate;
  width?: number;
}

/** Whether to colour output: never for NO_COLOR or a non-terminal, always for FORCE_COLOR. */
export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

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

export function renderTerminal(a: Assessment, { color, t }: TerminalOptions): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  lines.push(c.bold(t('assessment_of', { name: a.company.name || '—' })));
  lines.push(c.dim(t('assessed_on', { date: a.assessedOn, id: a.questionnaire.id, version: a.questionnaire.version })));
  lines.push('');
  const labelWidth = Math.max(t('overall').length, ...a.dimensions.map((d) => d.title.length));
  const row = (label: string, score: number, level: number, levelName: string) =>
    `${label.padEnd(labelWidth)}  ${paint(c, level)(bar(score))} ${String(score).padStart(3)}/100  ${t('level')} ${level} · ${levelName}`;
  lines.push(c.bold(row(t('overall'), a.overall.score, a.overall.level, a.overall.levelName)));
  if (a.overall.verdict) lines.push(c.italic(a.overall.verdict));
  lines.push('');
  for (const d of a.dimensions) {
    lines.push(row(d.title, d.score, d.level, d.levelName));
    for (const b of d.benchmarks.slice(0, 1)) {
      const mark = b.company === null ? '?' : b.company ? '✓' : '✗';
      lines.push(c.dim(`${' '.repeat(labelWidth)}  ${mark} ${b.indicator}: ${b.value}% (${b.population}, ${b.year})`));
    }
  }
  lines.push('');
  for (const d of a.dimensions) {
    if (!d.nextSteps.length && !d.note) continue;
    lines.push(c.bold(`${d.title} — ${t('next_steps')}`));
    for (const s of d.nextSteps) lines.push(`  → ${s.text}`);
    if (d.note) lines.push(c.dim(`  ${t('advisor_note')}: ${d.note}`));
  }
  const aidLines = renderAidsSummary(a.aids ?? [], c, t, a.language);
  if (aidLines.length) lines.push('', ...aidLines);
  for (const w of a.warnings) lines.push(c.yellow(`! ${t(`warning.${w.code}`, w.params)}`));
  return lines.join('\n') + '\n';
}
