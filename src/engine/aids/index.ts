// Pure aid matching: catalogue + firm profile (+ dimension scores) + date → eligible aids, best fit
// first, each with its reasons, and the rejected ones with theirs. No I/O, no clock.
import type { AidMatch, AidRejection, AssessmentWarning } from '../assessment/types.js';
import type { Lang } from '../../core/lang.js';
import { formatEuro } from '../../i18n/format.js';
import type { Translate } from '../../i18n/ui.js';
import type { AidCatalogue } from './load.js';
import type { Aid, AidTheme, Confidence } from './schema.js';

export type { AidCatalogue } from './load.js';

/** What the matching needs to know about the firm; labels are in the report language. */
export interface AidProfile {
  region: string;
  employees: number;
  /** A turnover band [min, max) in EUR (max null: no upper bound), or an exact amount (min = max). */
  turnover?: { min: number; max: number | null; label: string } | undefined;
  nace?: string | undefined;
  legalForm?: { id: string; label: string } | undefined;
}

export interface MatchAidsInput {
  catalogue: AidCatalogue;
  profile: AidProfile;
  /** Dimension scores (0–100) when known: aids for the weakest dimensions come first. */
  scores?: readonly { id: string; score: number }[] | undefined;
  /** The assessment date, YYYY-MM-DD. */
  date: string;
  lang: Lang;
  t: Translate;
  /** Keep only aids with at least one of these themes. */
  themes?: readonly AidTheme[] | undefined;
  /** Names of legal_form ids, to word exclusions when the firm's form is not given. */
  legalFormLabels?: Record<string, string> | undefined;
}

export interface AidsResult {
  matches: AidMatch[];
  rejections: AidRejection[];
  warnings: AssessmentWarning[];
}

/** Months after the newest as-of date before the catalogue is called stale. */
export const STALE_AFTER_MONTHS = 12;

type Outcome = 'pass' | 'fail' | 'unknown';
interface Check {
  outcome: Outcome;
  text: string;
}

const MARK: Record<Outcome, string> = { pass: '✓', fail: '✗', unknown: '?' };
const CONFIDENCE_ORDER: Record<Confidence, number> = { official: 0, secondary: 1, unverified: 2 };

export function matchAids(input: MatchAidsInput): AidsResult {
  const { catalogue, lang, t } = input;
  const ranked: { match: AidMatch; key: number[] }[] = [];
  const rejections: AidRejection[] = [];

  catalogue.aids.forEach((aid, index) => {
    const name = aid.name[lang];
    const gate = statusProblems(aid, input);
    const checks = gate.length ? [] : eligibilityChecks(aid, input);
    const failed = gate.length ? gate : checks.filter((c) => c.outcome === 'fail').map((c) => c.text);
    if (failed.length || (aid.status.value !== 'active' && aid.status.value !== 'call-based')) {
      rejections.push({ id: aid.id, name, region: aid.region, status: aid.status.value, reasons: failed });
      return;
    }
    const match = describe(aid, input, checks);
    ranked.push({ match, key: rankKey(aid, input, index) });
  });

  ranked.sort((a, b) => compareKeys(a.key, b.key));
  return { matches: ranked.map((r) => r.match), rejections, warnings: staleWarnings(catalogue, input.date) };
}

/** Closed, replaced, not yet open, ended, or outside the themes asked for: never recommended. */
function statusProblems(aid: Aid, { date, lang, t, themes, catalogue }: MatchAidsInput): string[] {
  const problems: string[] = [];
  const status = aid.status.value;
  if (status === 'closed') {
    problems.push(aid.validUntil ? t('aids.reject.closed_on', { date: aid.validUntil.date }) : t('aids.reject.closed'));
  } else if (status === 'legacy') {
    const by = catalogue.aids.find((a) => a.id === aid.status.replacedBy);
    problems.push(by ? t('aids.reject.legacy_by', { name: by.name[lang] }) : t('aids.reject.legacy'));
  } else if (status === 'proposal') {
    problems.push(t('aids.reject.proposal'));
  } else {
    if (aid.validFrom && periodStart(aid.validFrom.date) > date) {
      problems.push(t('aids.reject.not_yet', { date, from: aid.validFrom.date }));
    }
    if (aid.validUntil && periodEnd(aid.validUntil.date) < date) {
      problems.push(t('aids.reject.ended', { date, until: aid.validUntil.date }));
    }
  }
  if (themes?.length && !aid.themes.some((theme) => themes.includes(theme))) {
    problems.push(t('aids.reject.theme', { themes: themes.map((th) => t(`aids.theme.${th}`)).join(', ') }));
  }
  return problems;
}

/**
 * Each rule of the aid against the profile. A rule the research marks unverified never rejects:
 * a failure becomes "check this" (?), so a doubtful limit does not hide an aid the firm may get.
 */
function eligibilityChecks(aid: Aid, input: MatchAidsInput): Check[] {
  const { profile, lang, t, catalogue } = input;
  const rules = aid.eligibility;
  const checks: Check[] = [];
  const regionName = (code: string) => catalogue.regions[code]?.[lang] ?? code;
  const add = (outcome: Outcome, text: string, confidence: Confidence = 'official') => {
    const doubtful = confidence === 'unverified';
    const final: Outcome = doubtful && outcome === 'fail' ? 'unknown' : outcome;
    checks.push({ outcome: final, text: `${text} ${MARK[final]}${doubtful ? ` ${t('aids.unverified_mark')}` : ''}` });
  };

  if (rules.regions.some((code) => profile.region === code || profile.region.startsWith(`${code}-`))) {
    add('pass', t('aids.reason.region', { region: regionName(profile.region) }));
  } else {
    add('fail', t('aids.reason.region_other', { regions: rules.regions.map(regionName).join(', '), region: regionName(profile.region) }));
  }

  const n = profile.employees;
  if (rules.minEmployees) {
    const { value, confidence } = rules.minEmployees;
    add(n >= value ? 'pass' : 'fail', t(n >= value ? 'aids.reason.employees_min' : 'aids.reason.employees_below', { count: n, min: value }), confidence);
  }
  if (rules.maxEmployees) {
    const { value, confidence } = rules.maxEmployees;
    add(n <= value ? 'pass' : 'fail', t(n <= value ? 'aids.reason.employees_max' : 'aids.reason.employees_above', { count: n, max: value }), confidence);
  }

  if (rules.maxTurnover) {
    const { value, strict, orBalanceSheet, confidence } = rules.maxTurnover;
    const vars = { op: strict ? '<' : '≤', max: formatEuro(value, lang), value: profile.turnover?.label ?? '' };
    const outcome = turnoverOutcome(profile.turnover, value, strict);
    if (!profile.turnover) add('unknown', t('aids.reason.turnover_unknown', vars), confidence);
    else if (outcome === 'fail' && orBalanceSheet !== undefined) {
      add('unknown', t('aids.reason.turnover_balance', { ...vars, balance: formatEuro(orBalanceSheet, lang) }), confidence);
    } else add(outcome, t(outcome === 'unknown' ? 'aids.reason.turnover_unsure' : `aids.reason.turnover_${outcome}`, vars), confidence);
  }

  if (rules.excludedNace.length) {
    const code = profile.nace;
    let clear = true;
    for (const group of rules.excludedNace) {
      const outcome = code === undefined ? 'unknown' : naceOutcome(code, group.codes);
      if (outcome === 'pass') continue;
      clear = false;
      const vars = { code: code ?? '', sector: group.label[lang], codes: group.codes.join(', ') };
      add(outcome, t(code === undefined ? 'aids.reason.nace_missing' : `aids.reason.nace_${outcome}`, vars), group.confidence);
    }
    if (clear) add('pass', t('aids.reason.nace_pass', { code: code! }));
  }

  const excluded = rules.excludedLegalForms;
  if (excluded) {
    const form = profile.legalForm;
    const names = excluded.forms.map((id) => input.legalFormLabels?.[id] ?? id.toUpperCase()).join(', ');
    if (!form) add('unknown', t('aids.reason.legal_form_unknown', { forms: names }), excluded.confidence);
    else if (excluded.forms.includes(form.id)) add('fail', t('aids.reason.legal_form_fail', { form: form.label }), excluded.confidence);
    else add('pass', t('aids.reason.legal_form_pass', { form: form.label }), excluded.confidence);
  }
  return checks;
}

function turnoverOutcome(turnover: AidProfile['turnover'], limit: number, strict: boolean): Outcome {
  if (!turnover) return 'unknown';
  const { min, max } = turnover;
  if (max === min) return (strict ? min < limit : min <= limit) ? 'pass' : 'fail';
  // A band covers [min, max): every turnover in it is below max.
  if (max !== null && max <= limit) return 'pass';
  if (strict ? min >= limit : min > limit) return 'fail';
  return 'unknown';
}

/** "62.01" is excluded by "62.01" or "62.0"; a less precise "62" may or may not be. */
export function naceOutcome(code: string, excluded: readonly string[]): Outcome {
  const digits = code.replace(/\./g, '');
  let outcome: Outcome = 'pass';
  for (const entry of excluded) {
    const e = entry.replace(/\./g, '');
    if (digits.startsWith(e)) return 'fail';
    if (e.startsWith(digits)) outcome = 'unknown';
  }
  return outcome;
}

function describe(aid: Aid, input: MatchAidsInput, checks: Check[]): AidMatch {
  const { lang, t, catalogue } = input;
  const mark = ` ${t('aids.unverified_mark')}`;
  const withMark = (text: string, confidence: Confidence) => (confidence === 'unverified' ? text + mark : text);

  const unverified: string[] = [];
  const flag = (term: string, confidence: Confidence | undefined) => {
    if (confidence === 'unverified') unverified.push(t(`aids.term.${term}`));
  };
  flag('status', aid.status.confidence);
  flag('valid_from', aid.validFrom?.confidence);
  flag('valid_until', aid.validUntil?.confidence);
  flag('rate', aid.rate.confidence);
  flag('cap', aid.cap.confidence);
  flag('apply_before', aid.applyBefore.confidence);
  flag('min_employees', aid.eligibility.minEmployees?.confidence);
  flag('max_employees', aid.eligibility.maxEmployees?.confidence);
  flag('max_turnover', aid.eligibility.maxTurnover?.confidence);
  for (const group of aid.eligibility.excludedNace) {
    if (group.confidence === 'unverified') unverified.push(`${t('aids.term.nace')} (${group.label[lang]})`);
  }
  flag('legal_form', aid.eligibility.excludedLegalForms?.confidence);
  for (const theme of aid.unverifiedThemes) unverified.push(`${t('aids.term.theme')} ${t(`aids.theme.${theme}`)}`);
  if (aid.eligibility.conditions.some((c) => c.confidence === 'unverified')) flag('conditions', 'unverified');

  const conditions = aid.eligibility.conditions.map((c) => withMark(c.text[lang], c.confidence));
  if (aid.status.note) conditions.unshift(withMark(aid.status.note[lang], aid.status.confidence));

  const { rate, cap } = aid;
  const match: AidMatch = {
    id: aid.id,
    name: aid.name[lang],
    region: aid.region,
    regionName: catalogue.regions[aid.region]?.[lang] ?? aid.region,
    themes: [...aid.themes],
    status: aid.status.value as AidMatch['status'],
    rate: withMark(rate.text[lang], rate.confidence),
    cap: withMark(cap.text[lang], cap.confidence),
    url: aid.url === null ? null : typeof aid.url === 'string' ? aid.url : aid.url[lang],
    asOf: aid.asOf,
    confidence: aid.confidence,
    applyBefore: aid.applyBefore.value,
    conditions,
    reasons: checks.map((c) => c.text),
    unverified,
    fits: fits(aid, input.scores).map((s) => s.id),
    caveats: aid.caveats.map((c) => c[lang]),
  };
  if (rate.unit !== 'none' && rate.min !== undefined) {
    match.rateValue = { unit: rate.unit, min: rate.min, max: rate.max ?? rate.min };
  }
  if (cap.amount !== undefined) match.capAmount = cap.amount;
  const estimate = estimateFor(aid, lang, t);
  if (estimate) match.estimate = estimate;
  return match;
}

/**
 * An estimate only from the catalogue's own figures: a single rate, a cap and the eligible-spend range
 * the sources give, none of them (nor the aid's status) unverified.
 */
export function estimateFor(aid: Aid, lang: Lang, t: Translate): AidMatch['estimate'] | undefined {
  const { rate, cap, eligibleSpend: spend } = aid;
  const sure = (c: Confidence | undefined) => c !== undefined && c !== 'unverified';
  if (rate.unit !== 'percent' || rate.min === undefined || (rate.max ?? rate.min) !== rate.min) return undefined;
  if (cap.amount === undefined || !spend || (spend.min === undefined && spend.max === undefined)) return undefined;
  if (!sure(rate.confidence) || !sure(cap.confidence) || !sure(spend.confidence) || !sure(aid.status.confidence)) return undefined;
  const share = (amount: number) => Math.min(cap.amount!, Math.round((amount * rate.min!) / 100));
  const vars = {
    rate: rate.min,
    cap: formatEuro(cap.amount, lang),
    min: spend.min === undefined ? '' : formatEuro(spend.min, lang),
    max: spend.max === undefined ? '' : formatEuro(spend.max, lang),
  };
  const amount = spend.max === undefined ? cap.amount : share(spend.max);
  const basis =
    spend.min !== undefined && spend.max !== undefined
      ? t('aids.estimate.range', vars)
      : spend.max !== undefined
        ? t('aids.estimate.up_to', vars)
        : t('aids.estimate.from', vars);
  const estimate: NonNullable<AidMatch['estimate']> = { amount, basis };
  if (spend.min !== undefined) estimate.minAmount = share(spend.min);
  return estimate;
}

/**
 * The aid's themes that are scored dimensions, weakest first. A dimension at 100 needs no aid, and a
 * theme the research could not confirm does not push an aid up.
 */
function fits(aid: Aid, scores: MatchAidsInput['scores']): { id: string; score: number }[] {
  if (!scores) return [];
  const themes = aid.themes.filter((th) => !aid.unverifiedThemes.includes(th)) as readonly string[];
  return scores
    .filter((s) => themes.includes(s.id) && s.score < 100)
    .slice()
    .sort((a, b) => a.score - b.score);
}

/** Weakest fitting dimension first, then how much weakness it covers, then sourcing, then catalogue order. */
function rankKey(aid: Aid, input: MatchAidsInput, index: number): number[] {
  const fitting = fits(aid, input.scores);
  const weakest = fitting.length ? 100 - fitting[0]!.score : -1;
  const covered = fitting.reduce((sum, s) => sum + (100 - s.score), 0);
  return [-weakest, -covered, aid.status.value === 'active' ? 0 : 1, CONFIDENCE_ORDER[aid.confidence], index];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function staleWarnings(catalogue: AidCatalogue, date: string): AssessmentWarning[] {
  const dates = catalogue.aids.map((a) => a.asOf).filter((d): d is string => d !== null);
  if (!dates.length) return [];
  const newest = dates.reduce((a, b) => (periodStart(a) >= periodStart(b) ? a : b));
  const start = periodStart(newest);
  const [y, m, d] = start.split('-') as [string, string, string];
  const due = `${Number(y) + Math.floor((Number(m) - 1 + STALE_AFTER_MONTHS) / 12)}-${String(((Number(m) - 1 + STALE_AFTER_MONTHS) % 12) + 1).padStart(2, '0')}-${d}`;
  if (date <= due) return [];
  return [{ code: 'aids_stale', params: { asOf: newest, months: monthsBetween(start, date), date } }];
}

/** Whole months from `from` to `to` (YYYY-MM-DD), counting a started month only once it is complete. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** First day of a YYYY, YYYY-MM or YYYY-MM-DD period. */
export function periodStart(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}`;
}

/** Last day of a YYYY, YYYY-MM or YYYY-MM-DD period. */
export function periodEnd(date: string): string {
  const [y, m, d] = date.split('-');
  if (d) return date;
  if (!m) return `${y}-12-31`;
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return `${y}-${m}-${String(last).padStart(2, '0')}`;
}
