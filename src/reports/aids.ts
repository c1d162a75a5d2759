// Wording of the public aids: the reason records of the Assessment become sentences here, through the
// translated templates aids.rule.<rule>.<outcome> (questionnaires/i18n/aids.yaml). Used by the terminal
// table of `digiscan aids`, the short list under `assess`, the PDF and the words of `--json`.
import { Chalk, type ChalkInstance } from 'chalk';
import type { AidEstimate, AidMatch, AidReason, AidRejection, AidStrandMatch } from '../engine/assessment/types.js';
import type { Lang } from '../core/lang.js';
import { formatEuro, formatNumber } from '../i18n/format.js';
import type { Translate } from '../i18n/ui.js';
import { visibleDeep } from '../core/sanitize.js';

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

/** The limit that decided: the lowest reading when met, the highest when not, the range when to check. */
function limitText(r: AidReason, format: (n: number) => string): string {
  const limit = num(r.limit);
  if (typeof r.limitMax !== 'number' || r.limitMax === limit) return format(limit);
  const max = r.rule === 'minEmployees' ? limit : r.limitMax;
  const min = r.rule === 'minEmployees' ? r.limitMax : limit;
  if (r.outcome === 'met') return format(min);
  if (r.outcome === 'not-met') return format(max);
  return `${format(limit)}–${format(r.limitMax)}`;
}

function amountText(r: AidReason, t: Translate, lang: Lang): string {
  if (typeof r.value === 'number') return formatEuro(r.value, lang);
  if (typeof r.valueMin === 'number') {
    return r.valueMax === null || r.valueMax === undefined
      ? `≥ ${formatEuro(r.valueMin, lang)}`
      : `${formatEuro(r.valueMin, lang)}–${formatEuro(num(r.valueMax), lang)}`;
  }
  return t('aids.value_unknown');
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** One reason record in words. */
export function reasonText(r: AidReason, t: Translate, lang: Lang): string {
  const key = `aids.rule.${r.rule}.${r.outcome}`;
  let text: string;
  switch (r.rule) {
    case 'region':
      text = t(key, { region: String(r.regionName ?? r.value), regions: list(r.regionNames).join(', ') });
      break;
    case 'established':
      text = t(`aids.rule.established.${r.outcome === 'met' ? 'met' : 'not-met'}`, { country: String(r.regionName ?? r.country) });
      break;
    case 'size':
      text = t(key, {
        test: r.form ? 'self' : String(r.testName ?? r.test),
        group: r.group ? 'yes' : 'no',
        exceeded: list(r.exceeded).map((k) => t(`aids.criterion.${k}`)).join(', '),
      });
      break;
    case 'maxEmployees':
    case 'minEmployees':
      text = t(key, { value: num(r.value), limit: limitText(r, (n) => formatNumber(n, lang)) });
      break;
    case 'maxTurnover':
      text = t(key, { value: amountText(r, t, lang), limit: limitText(r, (n) => formatEuro(n, lang)) });
      break;
    case 'b2c':
      text = t(key);
      break;
    case 'nace':
      text = t(key, { value: String(r.value ?? ''), sector: String(r.sector ?? ''), codes: list(r.codes).join(', ') });
      break;
    case 'legalForm':
      // Known form under a doubtful exclusion: "may be excluded"; unknown form: which forms are excluded.
      text = t(r.outcome === 'to-check' && r.value !== undefined ? 'aids.rule.legalForm.doubt' : key, {
        form: String(r.formLabel ?? r.value ?? ''),
        excluded: list(r.excludedLabels).join(', '),
      });
      break;
    case 'status':
      text = r.proposal
        ? t('aids.rule.status.proposal')
        : t('aids.rule.status.closed', { until: typeof r.until === 'string' ? r.until : 'none', replacedBy: typeof r.replacedByName === 'string' ? r.replacedByName : 'none' });
      break;
    case 'window':
      text = typeof r.from === 'string' ? t('aids.rule.window.from', { from: r.from, date: String(r.date) }) : t('aids.rule.window.until', { until: String(r.until) });
      break;
    case 'theme':
      text = t('aids.rule.theme', { themes: list(r.themes).map((th) => t(`aids.theme.${th}`)).join(', ') });
      break;
    default:
      text = r.rule;
  }
  if (r.outcome !== 'to-check') return text;
  const missing = list(r.missing);
  return missing.length
    ? t('aids.to_check_missing', { text, missing: missing.map((f) => t(`aids.fact.${f}`)).join(', ') })
    : t('aids.to_check', { text });
}

/** The official name, with its translation beside it when there is one. */
export function aidName(m: Pick<AidMatch, 'name' | 'translation'>, t: Translate): string {
  return m.translation ? t('aids.translation', { name: m.name, translation: m.translation }) : m.name;
}

/** "as of January 2026" (month precision), or "undated". */
export function asOfText(asOf: string | null, t: Translate): string {
  return asOf ? t('aids.as_of', { date: asOf.slice(0, 7) }) : t('aids.undated');
}

/** The staleness warning of an aid, or null when its facts are recent enough. */
export function staleText(m: Pick<AidMatch, 'stale' | 'asOf'>, t: Translate, months: number): string | null {
  if (!m.stale) return null;
  return m.asOf ? t('aids.stale', { asOf: m.asOf.slice(0, 7), months }) : t('aids.stale_undated');
}

export function capText(s: Pick<AidStrandMatch, 'capText'>): string {
  return s.capText;
}

/** Every word a reader of `--json` may want, in the chosen language (the ids and numbers stay beside them). */
export function wordAid(m: AidMatch, t: Translate, lang: Lang) {
  return {
    name: aidName(m, t),
    status: t(`aids.status.${m.status}`),
    asOf: asOfText(m.asOf, t),
    reasons: m.reasons.map((r) => reasonText(r, t, lang)),
    strands: m.strands.map((s) => ({
      id: s.id,
      line: t('aids.strand_line', { name: s.name, rate: s.rateText, cap: s.capText }),
      reasons: s.reasons.filter((r) => !m.reasons.some((x) => JSON.stringify(x) === JSON.stringify(r))).map((r) => reasonText(r, t, lang)),
    })),
    ...(m.confirmTerms ? { confirm: t('aids.confirm_terms') } : {}),
    ...(m.estimate ? { estimate: estimateText(m.estimate, lang, t) } : {}),
  };
}

export function wordRejection(r: AidRejection, t: Translate, lang: Lang) {
  return { reasons: r.reasons.map((x) => reasonText(x, t, lang)) };
}

export interface AidsTableOptions {
  color: boolean;
  t: Translate;
  lang: Lang;
  /** Terminal width; the table's text columns shrink to fit it. */
  width?: number;
  /** Also list the aids ruled out, with their reasons, and the research notes (advisor view). */
  explain?: boolean;
  rejections?: AidRejection[];
  /** Heading lines (profile, date) printed above the table. */
  heading?: string[];
  /** The catalogue's staleness limit in months, for the wording. */
  staleAfterMonths?: number;
}

const MIN_WIDTH = 72;

function mark(c: ChalkInstance, outcome: AidReason['outcome']): string {
  return outcome === 'met' ? c.green('✓') : outcome === 'not-met' ? c.red('✗') : c.yellow('?');
}

export function renderAidsTable(input: AidMatch[], options: AidsTableOptions): string {
  // Aid names, conditions and reasons come from a pack: control characters are shown, never sent raw.
  const matches = visibleDeep(input);
  const o = { ...options, rejections: visibleDeep(options.rejections), heading: visibleDeep(options.heading) };
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const { t, lang } = o;
  const months = o.staleAfterMonths ?? 12;
  const width = Math.max(MIN_WIDTH, o.width ?? 100);
  const lines: string[] = [c.bold(t('aids.heading')), ...(o.heading ?? []).map((h) => c.dim(h)), ''];
  if (!matches.length) lines.push(t('aids.none'));
  else {
    lines.push(t('aids.count', { count: matches.length }), '');
    const n = String(matches.length).length + 1;
    const names = matches.map((m) => aidName(m, t));
    const asOfs = matches.map((m) => (m.asOf ? t('aids.as_of_cell', { date: m.asOf.slice(0, 7) }) : t('aids.undated')));
    // Region names, not codes ("Wallonie", "Belgique (fédéral)"); a long one is cut here and given whole below.
    const REGION_MAX = 18;
    const region = Math.min(REGION_MAX, Math.max(t('aids.col.region').length, ...matches.map((m) => m.regionName.length)));
    const asOf = Math.max(t('aids.col.as_of').length, ...asOfs.map((a) => a.length));
    // Name, rate and cap share what is left of the width, the name taking the larger part.
    const free = width - n - region - asOf - 2 * 5;
    const nameW = Math.max(16, Math.floor(free * 0.4));
    const rateW = Math.max(10, Math.floor((free - nameW) / 2));
    const capW = Math.max(10, free - nameW - rateW);
    const row = (cells: string[], widths: number[]) => cells.map((cell, i) => fit(cell, widths[i]!)).join('  ').trimEnd();
    const widths = [n, nameW, region, rateW, capW, asOf];
    lines.push(c.bold(row(['#', t('aids.col.aid'), t('aids.col.region'), t('aids.col.rate'), t('aids.col.cap'), t('aids.col.as_of')], widths)));
    matches.forEach((m, i) => {
      lines.push(row([`${i + 1}.`, names[i]!, m.regionName, m.rateText, m.capText, asOfs[i]!], widths));
      const pad = ' '.repeat(n + 2);
      const detail = (text: string) => lines.push(`${pad}${text}`);
      if (names[i]!.length > nameW) detail(c.bold(names[i]!));
      if (m.regionName.length > region) detail(m.regionName);
      if (m.strands.length === 1 && (m.rateText.length > rateW || m.capText.length > capW)) {
        detail(t('aids.rate_cap_line', { rate: m.rateText, cap: m.capText }));
      }
      detail(aidFacts(m, t));
      if (m.statusNote) detail(c.dim(m.statusNote));
      detail(t('aids.why_line', { reasons: m.reasons.map((r) => `${mark(c, r.outcome)} ${reasonText(r, t, lang)}`).join(' · ') }));
      if (m.strands.length > 1) {
        detail(t('aids.strands_line'));
        for (const s of m.strands) {
          const own = s.reasons.filter((r) => !m.reasons.some((x) => JSON.stringify(x) === JSON.stringify(r)));
          const extra = own.length ? ` (${own.map((r) => `${mark(c, r.outcome)} ${reasonText(r, t, lang)}`).join(' · ')})` : '';
          detail(`  - ${t('aids.strand_line', { name: s.name, rate: s.rateText, cap: s.capText })}${s.status !== m.status ? ` · ${t(`aids.status.${s.status}`)}` : ''}${extra}`);
        }
      }
      for (const condition of m.conditions) detail(c.dim(t('aids.check_line', { text: condition.text })));
      if (m.confirmTerms) detail(c.yellow(t('aids.confirm_terms')));
      const stale = staleText(m, t, months);
      if (stale) detail(c.yellow(stale));
      if (m.estimate) detail(estimateText(m.estimate, lang, t));
      if (o.explain && m.caveats.length) {
        detail(c.dim(t('aids.caveats_line')));
        for (const caveat of m.caveats) detail(c.dim(`  ! ${caveat}`));
      }
      detail(c.cyan(m.url ?? t('aids.no_link')));
      lines.push('');
    });
  }
  if (o.explain && o.rejections?.length) {
    lines.push(c.bold(t('aids.rejected')));
    for (const r of o.rejections) {
      lines.push(`  ${c.red('✗')} ${t('aids.ruled_out_line', { name: r.name, region: r.region, reasons: r.reasons.map((x) => reasonText(x, t, lang)).join('; ') })}`);
    }
    lines.push('');
  } else if (!o.explain && matches.length) lines.push(c.dim(t('aids.explain_hint')));
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

/** The few best-fitting aids under an assessment summary. */
export function renderAidsSummary(input: AidMatch[], c: ChalkInstance, t: Translate, lang: Lang, max = 3, months = 12, command = 'digiscan aids'): string[] {
  const aids = visibleDeep(input);
  if (!aids.length) return [];
  const lines = [c.bold(t('aids.top_heading'))];
  for (const m of aids.slice(0, max)) {
    lines.push(`  → ${t('aids.summary_line', { name: aidName(m, t), region: m.regionName, rate: m.rateText, cap: m.capText, asOf: asOfText(m.asOf, t) })}`);
    lines.push(c.dim(`    ${aidFacts(m, t)}`));
    if (m.confirmTerms) lines.push(c.yellow(`    ${t('aids.confirm_terms')}`));
    const stale = staleText(m, t, months);
    if (stale) lines.push(c.yellow(`    ${stale}`));
    if (m.estimate) lines.push(`    ${estimateText(m.estimate, lang, t)}`);
    lines.push(c.cyan(`    ${m.url ?? t('aids.no_link')}`));
  }
  if (aids.length > max) lines.push(c.dim(`  ${t('aids.more', { count: aids.length - max, command })}`));
  return lines;
}

/** "Apply before you start · official source · open · addresses: website". */
export function aidFacts(m: AidMatch, t: Translate): string {
  const facts: string[] = [];
  if (m.applyBefore === true) facts.push(t('aids.apply_before'));
  if (m.applyBefore === false) facts.push(t('aids.apply_after'));
  facts.push(t(`aids.confidence.${m.confidence}`), t(`aids.status.${m.status}`));
  if (m.fits.length) facts.push(t('aids.fits', { dimensions: m.fits.map((f) => t(`aids.theme.${f}`)).join(', ') }));
  return facts.join(' · ');
}

export function estimateText(e: AidEstimate, lang: Lang, t: Translate): string {
  const amount =
    e.minAmount !== undefined && e.minAmount !== e.amount ? `${formatEuro(e.minAmount, lang)} – ${formatEuro(e.amount, lang)}` : formatEuro(e.amount, lang);
  const vars = {
    rate: formatNumber(e.rate, lang),
    cap: formatEuro(e.cap, lang),
    min: e.spendMin === undefined ? '' : formatEuro(e.spendMin, lang),
    max: e.spendMax === undefined ? '' : formatEuro(e.spendMax, lang),
  };
  const basis =
    e.spendMin !== undefined && e.spendMax !== undefined
      ? t('aids.estimate.range', vars)
      : e.spendMax !== undefined
        ? t('aids.estimate.up_to', vars)
        : t('aids.estimate.from', vars);
  return t('aids.estimate_line', { amount, basis });
}

/** Pads or cuts a cell to exactly `width` characters. */
function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text + ' '.repeat(width - chars.length);
  return chars.slice(0, width - 1).join('') + '…';
}
