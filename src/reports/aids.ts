// Terminal wording of matched aids: the table of `digiscan aids` and the short list in `assess`.
import { Chalk, type ChalkInstance } from 'chalk';
import type { AidMatch, AidRejection } from '../engine/assessment/types.js';
import type { Lang } from '../core/lang.js';
import { formatEuro } from '../i18n/format.js';
import type { Translate } from '../i18n/ui.js';

export interface AidsTableOptions {
  color: boolean;
  t: Translate;
  lang: Lang;
  /** Terminal width; the table's text columns shrink to fit it. */
  width?: number;
  /** Also list the aids ruled out, with their reasons, and the research's caveats. */
  explain?: boolean;
  rejections?: AidRejection[];
  /** Heading lines (profile, date) printed above the table. */
  heading?: string[];
}

const MIN_WIDTH = 72;

export function renderAidsTable(matches: AidMatch[], o: AidsTableOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const { t } = o;
  const width = Math.max(MIN_WIDTH, o.width ?? 100);
  const lines: string[] = [c.bold(t('aids.heading')), ...(o.heading ?? []).map((h) => c.dim(h)), ''];
  if (!matches.length) lines.push(t('aids.none'));
  else {
    lines.push(t('aids.count', { count: matches.length }), '');
    const num = String(matches.length).length + 1;
    const region = Math.max(t('aids.col.region').length, ...matches.map((m) => m.region.length));
    const asOf = Math.max(t('aids.col.as_of').length, ...matches.map((m) => asOfText(m, t).length));
    // Name, rate and cap share what is left of the width, the name taking the larger part.
    const free = width - num - region - asOf - 2 * 5;
    const nameW = Math.max(16, Math.floor(free * 0.4));
    const rateW = Math.max(10, Math.floor((free - nameW) / 2));
    const capW = Math.max(10, free - nameW - rateW);
    const row = (cells: string[], widths: number[]) => cells.map((cell, i) => fit(cell, widths[i]!)).join('  ').trimEnd();
    const widths = [num, nameW, region, rateW, capW, asOf];
    lines.push(c.bold(row(['#', t('aids.col.aid'), t('aids.col.region'), t('aids.col.rate'), t('aids.col.cap'), t('aids.col.as_of')], widths)));
    matches.forEach((m, i) => {
      lines.push(row([`${i + 1}.`, m.name, m.region, m.rate, m.cap, asOfText(m, t)], widths));
      const pad = ' '.repeat(num + 2);
      const detail = (text: string) => lines.push(`${pad}${text}`);
      if (m.name.length > nameW) detail(c.bold(m.name));
      if (m.rate.length > rateW || m.cap.length > capW) detail(`${t('aids.col.rate')}: ${m.rate} · ${t('aids.col.cap')}: ${m.cap}`);
      detail(aidFacts(m, t));
      detail(`${t('aids.why')}: ${m.reasons.map((r) => paintMark(c, r)).join(' · ')}`);
      for (const condition of m.conditions) detail(c.dim(`${t('aids.check')}: ${condition}`));
      if (m.unverified.length) detail(c.yellow(t('aids.unverified', { terms: m.unverified.join(', ') })));
      if (m.estimate) detail(estimateText(m.estimate, o.lang, t));
      if (o.explain) for (const caveat of m.caveats) detail(c.dim(`! ${caveat}`));
      detail(c.cyan(m.url ?? t('aids.no_link')));
      lines.push('');
    });
  }
  if (o.explain && o.rejections?.length) {
    lines.push(c.bold(t('aids.rejected')));
    for (const r of o.rejections) lines.push(`  ✗ ${r.name} (${r.region}): ${r.reasons.join('; ')}`);
    lines.push('');
  } else if (!o.explain && matches.length) lines.push(c.dim(t('aids.explain_hint')));
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

/** The few best-fitting aids under an assessment summary. */
export function renderAidsSummary(aids: AidMatch[], c: ChalkInstance, t: Translate, lang: Lang, max = 3, command = 'digiscan aids'): string[] {
  if (!aids.length) return [];
  const lines = [c.bold(t('aids.top_heading'))];
  for (const m of aids.slice(0, max)) {
    lines.push(`  → ${t('aids.summary_line', { name: m.name, region: m.region, rate: m.rate, cap: m.cap, asOf: asOfText(m, t) })}`);
    lines.push(c.dim(`    ${aidFacts(m, t)}`));
    if (m.unverified.length) lines.push(c.yellow(`    ${t('aids.unverified', { terms: m.unverified.join(', ') })}`));
    if (m.estimate) lines.push(`    ${estimateText(m.estimate, lang, t)}`);
    lines.push(c.cyan(`    ${m.url ?? t('aids.no_link')}`));
  }
  if (aids.length > max) lines.push(c.dim(`  ${t('aids.more', { count: aids.length - max, command })}`));
  return lines;
}

/** "Apply before you start · official source · open · addresses: website". */
function aidFacts(m: AidMatch, t: Translate): string {
  const facts: string[] = [];
  if (m.applyBefore === true) facts.push(t('aids.apply_before'));
  if (m.applyBefore === false) facts.push(t('aids.apply_after'));
  facts.push(t(`aids.confidence.${m.confidence}`), t(`aids.status.${m.status}`));
  if (m.fits.length) facts.push(t('aids.fits', { dimensions: m.fits.map((f) => t(`aids.theme.${f}`)).join(', ') }));
  return facts.join(' · ');
}

function asOfText(m: AidMatch, t: Translate): string {
  return m.asOf ?? t('aids.undated');
}

export function estimateText(e: NonNullable<AidMatch['estimate']>, lang: Lang, t: Translate): string {
  const amount = e.minAmount !== undefined && e.minAmount !== e.amount
    ? `${formatEuro(e.minAmount, lang)} – ${formatEuro(e.amount, lang)}`
    : formatEuro(e.amount, lang);
  return t('aids.estimate_line', { amount, basis: e.basis });
}

function paintMark(c: ChalkInstance, reason: string): string {
  return reason.replace(/ ([✓✗?])( |$)/, (_m, mark: string, end: string) => ` ${mark === '✓' ? c.green(mark) : mark === '✗' ? c.red(mark) : c.yellow(mark)}${end}`);
}

/** Pads or cuts a cell to exactly `width` characters. */
function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text + ' '.repeat(width - chars.length);
  return chars.slice(0, width - 1).join('') + '…';
}
