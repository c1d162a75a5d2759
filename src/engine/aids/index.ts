// Pure aid matching: catalogue + firm profile (+ dimension scores) + date → the aids (and their strands)
// the firm qualifies for, best fit first, each with its reasons as records, and the aids ruled out with
// theirs. No I/O, no clock, no wording: renderers turn the records into sentences.
import type {
  AidEstimate,
  AidMatch,
  AidRateValue,
  AidReason,
  AidRejection,
  AidStrandMatch,
  AssessmentWarning,
} from '../assessment/types.js';
import type { Lang, Localized } from '../../core/lang.js';
import { frenchTypography } from '../../i18n/format.js';
import type { AidCatalogue } from './load.js';
import type { Aid, AidStatus, Confidence, Eligibility, Limit, SizeRule, SpendKind, StrandDefinition } from './schema.js';

export type { AidCatalogue } from './load.js';

/** A text of the catalogue in the report language, with French typography in French. */
function loc(text: Localized, lang: Lang): string {
  return lang === 'fr' ? frenchTypography(text.fr) : text[lang];
}

/** An amount in EUR: exact (min = max) or a band [min, max) (max null: no upper bound). */
export interface Amount {
  min: number;
  max: number | null;
}

/** What the matching knows about the firm; an absent fact is "not known", never a guess. */
export interface AidProfile {
  region: string;
  employees: number;
  turnover?: Amount | undefined;
  balanceSheet?: Amount | undefined;
  /** Belongs to a group (linked or partner enterprises). */
  group?: boolean | undefined;
  /** Headcount of the firm with its linked and partner enterprises. */
  groupEmployees?: number | undefined;
  /** Most of the turnover comes from consumers. */
  b2c?: boolean | undefined;
  nace?: string | undefined;
  /** A legal_form option id of the pack. */
  legalForm?: string | undefined;
}

export interface MatchAidsInput {
  catalogue: AidCatalogue;
  profile: AidProfile;
  /** Dimension scores (0–100) when known: aids for the weakest dimensions come first. */
  scores?: readonly { id: string; score: number }[] | undefined;
  /** The assessment date, YYYY-MM-DD. */
  date: string;
  lang: Lang;
  /** Keep only strands with at least one of these themes. */
  themes?: readonly string[] | undefined;
  /** Names of the pack's legal_form options, to name a form in a reason. */
  legalFormLabels?: Record<string, string> | undefined;
}

export interface AidsResult {
  matches: AidMatch[];
  rejections: AidRejection[];
  warnings: AssessmentWarning[];
}

type Outcome = AidReason['outcome'];
type Verdict = 'within' | 'exceeded' | 'unsure' | 'unknown';

const STATUS_ORDER: Record<AidStatus, number> = { open: 0, 'call-based': 1, 'to-confirm': 2, closed: 3 };
const CONFIDENCE_ORDER: Record<Confidence, number> = { official: 0, secondary: 1, unverified: 2 };

export const low = (l: Limit): number => (typeof l === 'number' ? l : l[0]);
export const high = (l: Limit): number => (typeof l === 'number' ? l : l[1]);
const limitParams = (l: Limit): Record<string, number> => (typeof l === 'number' ? { limit: l } : { limit: l[0], limitMax: l[1] });
const amountParams = (a: Amount): Record<string, number | null> => (a.max === a.min ? { value: a.min } : { valueMin: a.min, valueMax: a.max });

/**
 * Where a value stands against an inclusive limit (or a [low, high] range of plausible limits): within
 * every plausible limit, beyond every one, or in between. A band [min, max) is within when all of it is;
 * it is beyond when it starts at or above the highest limit.
 */
export function compareLimit(value: Amount | number | undefined, limit: Limit): Verdict {
  if (value === undefined) return 'unknown';
  const v: Amount = typeof value === 'number' ? { min: value, max: value } : value;
  const lo = low(limit);
  const hi = high(limit);
  if (v.max === v.min) return v.min <= lo ? 'within' : v.min > hi ? 'exceeded' : 'unsure';
  if (v.max !== null && v.max <= lo) return 'within';
  if (v.min >= hi) return 'exceeded';
  return 'unsure';
}

/** An effective strand: the aid's terms with the strand's own over them. */
interface Strand {
  id: string;
  name: Localized;
  spend: SpendKind[];
  themes: string[];
  status: Aid['status'];
  validFrom: Aid['validFrom'];
  validUntil: Aid['validUntil'];
  eligibility: Eligibility;
  rate: Aid['rate'];
  cap: Aid['cap'];
  eligibleSpend: Aid['eligibleSpend'];
  applyBefore: Aid['applyBefore'];
  asOf: string | null;
}

export function strandsOf(aid: Aid): Strand[] {
  const base = (s: StrandDefinition | undefined): Strand => ({
    id: s?.id ?? aid.id,
    name: s?.name ?? aid.name,
    spend: s?.spend ?? aid.spend,
    themes: s?.themes ?? aid.themes,
    status: s?.status ?? aid.status,
    validFrom: s?.validFrom ?? aid.validFrom,
    validUntil: s?.validUntil ?? aid.validUntil,
    eligibility: { ...aid.eligibility, ...(s?.eligibility ?? {}) },
    rate: s?.rate ?? aid.rate,
    cap: s?.cap ?? aid.cap,
    eligibleSpend: s?.eligibleSpend ?? aid.eligibleSpend,
    applyBefore: s?.applyBefore ?? aid.applyBefore,
    asOf: s?.asOf !== undefined ? s.asOf : aid.asOf,
  });
  return aid.strands ? aid.strands.map(base) : [base(undefined)];
}

export function matchAids(input: MatchAidsInput): AidsResult {
  const { catalogue } = input;
  const ranked: { match: AidMatch; key: number[]; known: boolean }[] = [];
  const rejections: AidRejection[] = [];

  catalogue.aids.forEach((aid, index) => {
    const offered: AidStrandMatch[] = [];
    const failed: { id: string; name: string; reasons: AidReason[] }[] = [];
    for (const strand of strandsOf(aid)) {
      const gate = gateReasons(aid, strand, input);
      const reasons = gate.length ? gate : eligibilityReasons(strand, input);
      const notMet = reasons.filter((r) => r.outcome === 'not-met');
      if (notMet.length) failed.push({ id: strand.id, name: strand.name[input.lang], reasons: notMet });
      else offered.push(describeStrand(strand, reasons, input));
    }
    if (!offered.length) {
      // Say why the firm is out, rather than that a strand it would not have had anyway has ended.
      const gated = (f: (typeof failed)[number]) => f.reasons.some((r) => r.rule === 'status' || r.rule === 'window');
      const pool = failed.some((f) => !gated(f)) ? failed.filter((f) => !gated(f)) : failed;
      const closest = pool.reduce((a, b) => (b.reasons.length < a.reasons.length ? b : a));
      rejections.push({ id: aid.id, name: aid.name[input.lang], region: aid.region, status: aid.status.value, reasons: closest.reasons, strands: failed });
      return;
    }
    const match = describe(aid, offered, input);
    const known = hasKnownTerm(match);
    ranked.push({ match, known, key: rankKey(match, known, aid, index, input) });
  });

  ranked.sort((a, b) => compareKeys(a.key, b.key));
  // An aid with neither a known rate nor a known cap never tops the list.
  const first = ranked.findIndex((r) => r.known);
  if (first > 0) ranked.unshift(...ranked.splice(first, 1));
  const matches = ranked.map((r) => r.match);
  const stale = matches.filter((m) => m.stale).length;
  const warnings: AssessmentWarning[] = stale
    ? [{ code: 'aids_stale', params: { count: stale, months: catalogue.settings.staleAfterMonths, date: input.date } }]
    : [];
  return { matches, rejections, warnings };
}

/** Closed, a proposal, not yet open, ended, or outside the themes asked for: never offered. */
function gateReasons(aid: Aid, strand: Strand, { date, lang, themes, catalogue }: MatchAidsInput): AidReason[] {
  const reasons: AidReason[] = [];
  const { status } = strand;
  if (status.proposal) reasons.push({ rule: 'status', outcome: 'not-met', confidence: status.confidence, status: status.value, proposal: true });
  else if (status.value === 'closed' && !(strand.validUntil && periodEnd(strand.validUntil.date) >= date)) {
    // A closed aid with a known end date was open until then: an assessment dated before it still sees it.
    const by = catalogue.aids.find((a) => a.id === status.replacedBy);
    reasons.push({
      rule: 'status',
      outcome: 'not-met',
      confidence: status.confidence,
      status: 'closed',
      ...(strand.validUntil ? { until: strand.validUntil.date } : {}),
      ...(by ? { replacedBy: by.id, replacedByName: by.name[lang] } : {}),
    });
  } else {
    if (strand.validFrom && periodStart(strand.validFrom.date) > date) {
      reasons.push({ rule: 'window', outcome: 'not-met', confidence: strand.validFrom.confidence, from: strand.validFrom.date, date });
    }
    if (strand.validUntil && periodEnd(strand.validUntil.date) < date) {
      reasons.push({ rule: 'window', outcome: 'not-met', confidence: strand.validUntil.confidence, until: strand.validUntil.date, date });
    }
  }
  if (themes?.length && !strand.themes.some((theme) => themes.includes(theme))) {
    reasons.push({ rule: 'theme', outcome: 'not-met', confidence: 'official', themes: [...themes] });
  }
  void aid;
  return reasons;
}

/**
 * Each rule of the strand against the profile. A limit the research marks unverified never rules a firm
 * out: "not met" becomes "to check", so a doubtful limit does not hide an aid the firm may get.
 */
function eligibilityReasons(strand: Strand, input: MatchAidsInput): AidReason[] {
  const { profile, lang, catalogue } = input;
  const rules = strand.eligibility;
  const reasons: AidReason[] = [];
  const add = (r: AidReason) => {
    if (r.confidence === 'unverified' && r.outcome === 'not-met') r.outcome = 'to-check';
    reasons.push(r);
  };
  const regionName = (code: string) => catalogue.regions[code]?.[lang] ?? code;

  const regions = rules.regions ?? [];
  const inRegion = regions.some((code) => profile.region === code || profile.region.startsWith(`${code}-`));
  if (rules.established) {
    add({ rule: 'established', outcome: inRegion ? 'met' : 'not-met', confidence: 'official', value: profile.region, country: regions[0] ?? '', regionName: regionName(regions[0] ?? '') });
  } else {
    add({
      rule: 'region',
      outcome: inRegion ? 'met' : 'not-met',
      confidence: 'official',
      value: profile.region,
      regions: [...regions],
      regionName: regionName(profile.region),
      regionNames: regions.map(regionName),
    });
  }

  for (const id of rules.size ?? []) {
    const rule = catalogue.sizeRules[id];
    if (rule) add(sizeReason(id, rule, profile, lang));
  }

  const n = profile.employees;
  if (rules.minEmployees) {
    const { value: l, confidence } = rules.minEmployees;
    const outcome: Outcome = n >= high(l) ? 'met' : n < low(l) ? 'not-met' : 'to-check';
    add({ rule: 'minEmployees', outcome, confidence, ...limitParams(l), value: n });
  }
  if (rules.maxEmployees) {
    const { value: l, confidence } = rules.maxEmployees;
    add({ rule: 'maxEmployees', outcome: verdictOutcome(compareLimit(n, l)), confidence, ...limitParams(l), value: n });
  }
  if (rules.maxTurnover) {
    const { value: l, confidence } = rules.maxTurnover;
    const verdict = compareLimit(profile.turnover, l);
    add({
      rule: 'maxTurnover',
      outcome: verdictOutcome(verdict),
      confidence,
      ...limitParams(l),
      ...(profile.turnover ? amountParams(profile.turnover) : {}),
      ...(verdict === 'unknown' || (verdict === 'unsure' && profile.turnover && profile.turnover.max !== profile.turnover.min) ? { missing: ['turnover'] } : {}),
    });
  }
  if (rules.b2c) {
    const b = profile.b2c;
    add({ rule: 'b2c', outcome: b === undefined ? 'to-check' : b ? 'met' : 'not-met', confidence: rules.b2c.confidence, ...(b === undefined ? { missing: ['b2c'] } : { value: b }) });
  }

  for (const group of rules.excludedNace ?? []) {
    const code = profile.nace;
    const outcome: Outcome = code === undefined ? 'to-check' : naceOutcome(code, group.codes);
    add({
      rule: 'nace',
      outcome,
      confidence: group.confidence,
      codes: [...group.codes],
      sector: group.label[lang],
      ...(code === undefined ? { missing: ['nace'] } : { value: code }),
    });
  }

  const excluded = rules.excludedLegalForms;
  if (excluded) {
    const form = profile.legalForm;
    const label = (id: string) => input.legalFormLabels?.[id] ?? id;
    add({
      rule: 'legalForm',
      outcome: form === undefined ? 'to-check' : excluded.forms.includes(form) ? 'not-met' : 'met',
      confidence: excluded.confidence,
      excluded: [...excluded.forms],
      excludedLabels: excluded.forms.map(label),
      ...(form === undefined ? { missing: ['legalForm'] } : { value: form, formLabel: label(form) }),
    });
  }
  return reasons;
}

function verdictOutcome(v: Verdict): Outcome {
  return v === 'within' ? 'met' : v === 'exceeded' ? 'not-met' : 'to-check';
}

/**
 * A size rule against the firm. The firm's own figures are a lower bound of its group's: a group over a
 * limit is found from them alone; a group within one needs the group's figure.
 */
export function sizeReason(id: string, rule: SizeRule, profile: AidProfile, lang: Lang): AidReason {
  const base = { rule: 'size' as const, confidence: rule.source.confidence, test: id, testName: rule.name[lang], source: rule.source.url };
  if (rule.passLegalForms && profile.legalForm && rule.passLegalForms.includes(profile.legalForm)) {
    return { ...base, outcome: 'met', form: profile.legalForm };
  }
  const group = rule.linked ? (profile.group ?? (profile.groupEmployees !== undefined ? true : undefined)) : false;
  const isBand = (a: Amount | undefined) => a !== undefined && a.max !== a.min;

  // The firm on its own figures: for a firm in a group, a lower bound of the group's.
  const own = judge(rule, {
    staff: compareLimit(profile.employees, rule.staff),
    turnover: compareLimit(profile.turnover, rule.turnover),
    balanceSheet: compareLimit(profile.balanceSheet, rule.balanceSheet),
  });
  const ownMissing = (['turnover', 'balanceSheet'] as const).filter((k) => {
    const v = compareLimit(profile[k], rule[k]);
    return v === 'unknown' || (v === 'unsure' && isBand(profile[k]));
  });

  let outcome: Outcome;
  let missing: string[] = [];
  let exceeded = own.exceeded;
  if (group === false) {
    outcome = own.outcome;
    if (outcome === 'to-check') missing = own.decidedBy.filter((k) => ownMissing.includes(k as 'turnover'));
  } else if (own.outcome === 'not-met') {
    outcome = 'not-met'; // the group is at least as big
  } else if (group === undefined) {
    outcome = 'to-check';
    missing = ['group', ...(own.outcome === 'to-check' ? own.decidedBy.filter((k) => ownMissing.includes(k as 'turnover')) : [])];
  } else {
    // In a group: its headcount when given; its turnover and balance sheet are not asked, only bounded below.
    const staff = profile.groupEmployees === undefined ? 'unknown' : compareLimit(Math.max(profile.groupEmployees, profile.employees), rule.staff);
    const lower = (k: 'turnover' | 'balanceSheet'): Verdict => (compareLimit(profile[k], rule[k]) === 'exceeded' ? 'exceeded' : 'unknown');
    const g = judge(rule, { staff, turnover: lower('turnover'), balanceSheet: lower('balanceSheet') });
    outcome = g.outcome;
    exceeded = g.exceeded;
    if (outcome === 'to-check') {
      if (staff === 'unknown') missing.push('groupEmployees');
      if (g.decidedBy.some((k) => k !== 'staff')) missing.push('groupFigures');
    }
  }
  // A natural person would meet the rule whatever the figures: an unknown legal form keeps it open.
  if (outcome === 'not-met' && rule.passLegalForms && profile.legalForm === undefined) {
    outcome = 'to-check';
    missing = ['legalForm'];
  }
  const reason: AidReason = { ...base, outcome, exceeded, group: group === true };
  if (group === true && profile.groupEmployees !== undefined) reason.groupEmployees = profile.groupEmployees;
  if (outcome === 'to-check' && missing.length) reason.missing = [...new Set(missing)];
  return reason;
}

/**
 * A size rule's outcome from the verdict on each criterion, with the criteria still open that would
 * decide it (`decidedBy`) and those over their limit.
 */
function judge(rule: SizeRule, v: Record<'staff' | 'turnover' | 'balanceSheet', Verdict>): { outcome: Outcome; exceeded: string[]; decidedBy: string[] } {
  const keys = ['staff', 'turnover', 'balanceSheet'] as const;
  const exceeded = keys.filter((k) => v[k] === 'exceeded');
  const open = keys.filter((k) => v[k] === 'unsure' || v[k] === 'unknown');
  if (rule.kind === 'eu') {
    const financial: Verdict =
      v.turnover === 'within' || v.balanceSheet === 'within' ? 'within' : v.turnover === 'exceeded' && v.balanceSheet === 'exceeded' ? 'exceeded' : 'unsure';
    if (v.staff === 'exceeded' || financial === 'exceeded') return { outcome: 'not-met', exceeded, decidedBy: [] };
    if (v.staff === 'within' && financial === 'within') return { outcome: 'met', exceeded, decidedBy: [] };
    return { outcome: 'to-check', exceeded, decidedBy: [...(v.staff === 'within' ? [] : ['staff']), ...(financial === 'within' ? [] : open.filter((k) => k !== 'staff'))] };
  }
  const max = rule.maxExceeded ?? 0;
  if (exceeded.length > max) return { outcome: 'not-met', exceeded, decidedBy: [] };
  if (exceeded.length + open.length <= max) return { outcome: 'met', exceeded, decidedBy: [] };
  return { outcome: 'to-check', exceeded, decidedBy: open };
}

/** "62.01" is excluded by "62.01" or "62.0"; a less precise "62" may or may not be. */
export function naceOutcome(code: string, excluded: readonly string[]): Outcome {
  const digits = code.replace(/\./g, '');
  let outcome: Outcome = 'met';
  for (const entry of excluded) {
    const e = entry.replace(/\./g, '');
    if (digits.startsWith(e)) return 'not-met';
    if (e.startsWith(digits)) outcome = 'to-check';
  }
  return outcome;
}

function describeStrand(strand: Strand, reasons: AidReason[], input: MatchAidsInput): AidStrandMatch {
  const { lang, date, catalogue, profile } = input;
  const { rate, cap } = strand;
  let rateValue: AidRateValue | null = null;
  if (rate.unit !== 'none' && rate.min !== undefined) {
    rateValue = { unit: rate.unit, min: rate.min, max: rate.max ?? rate.min };
    const bySize = rate.bySize;
    const rule = bySize && catalogue.sizeRules[bySize.rule];
    if (bySize && rule) {
      const outcome = sizeReason(bySize.rule, rule, profile, lang).outcome;
      const values = outcome === 'met' ? [bySize.met] : outcome === 'not-met' ? [bySize.otherwise] : [bySize.met, bySize.otherwise];
      rateValue = { unit: rate.unit, min: Math.min(...values), max: Math.max(...values) };
    }
  }
  const age = ageInMonths(strand.asOf, date);
  const s: AidStrandMatch = {
    id: strand.id,
    name: loc(strand.name, lang),
    spend: [...strand.spend],
    themes: [...strand.themes],
    // Only a closed strand still inside its dates gets here (an assessment dated before it closed).
    status: strand.status.value === 'closed' ? 'open' : strand.status.value,
    rateValue,
    rateText: loc(rate.text, lang),
    rateConfidence: rate.confidence,
    capAmount: cap.amount ?? null,
    capMin: cap.min ?? null,
    capPer: cap.per ?? null,
    capText: loc(cap.text, lang),
    capConfidence: cap.confidence,
    eligibleSpend: strand.eligibleSpend ? { min: strand.eligibleSpend.min ?? null, max: strand.eligibleSpend.max ?? null } : null,
    applyBefore: strand.applyBefore.value,
    validFrom: strand.validFrom?.date ?? null,
    validUntil: strand.validUntil?.date ?? null,
    asOf: strand.asOf,
    stale: isStale(strand.asOf, date, catalogue.settings.staleAfterMonths),
    reasons,
  };
  const estimate = estimateFor(strand, rateValue);
  if (estimate) s.estimate = estimate;
  return s;
}

/**
 * An estimate only from the catalogue's own figures: a single rate, a cap and the eligible-spend range
 * the sources give, none of them (nor the strand's status) unverified.
 */
function estimateFor(strand: Strand, rateValue: AidRateValue | null): AidEstimate | undefined {
  const { cap, eligibleSpend: spend } = strand;
  const sure = (c: Confidence | undefined) => c !== undefined && c !== 'unverified';
  if (!rateValue || rateValue.unit !== 'percent' || rateValue.min !== rateValue.max) return undefined;
  if (cap.amount === undefined || !spend || (spend.min === undefined && spend.max === undefined)) return undefined;
  if (!sure(strand.rate.confidence) || !sure(cap.confidence) || !sure(spend.confidence) || !sure(strand.status.confidence)) return undefined;
  if (strand.status.value === 'to-confirm') return undefined;
  const rate = rateValue.min;
  const share = (amount: number) => Math.min(cap.amount!, Math.round((amount * rate) / 100));
  const estimate: AidEstimate = { amount: spend.max === undefined ? cap.amount : share(spend.max), rate, cap: cap.amount };
  if (spend.min !== undefined) {
    estimate.minAmount = share(spend.min);
    estimate.spendMin = spend.min;
  }
  if (spend.max !== undefined) estimate.spendMax = spend.max;
  return estimate;
}

function describe(aid: Aid, strands: AidStrandMatch[], input: MatchAidsInput): AidMatch {
  const { lang, catalogue, date } = input;
  const best = strands.reduce((a, b) => (STATUS_ORDER[b.status] < STATUS_ORDER[a.status] ? b : a));
  const rates = strands.map((s) => s.rateValue).filter((r): r is AidRateValue => r !== null);
  const unit = rates[0]?.unit;
  const same = rates.filter((r) => r.unit === unit);
  const rateValue: AidRateValue | null = unit ? { unit, min: Math.min(...same.map((r) => r.min)), max: Math.max(...same.map((r) => r.max)) } : null;
  const caps = strands.map((s) => s.capAmount).filter((c): c is number => c !== null);
  const cap = caps.length ? Math.max(...caps) : null;
  const age = ageInMonths(aid.asOf, date);

  const unverified = new Set<string>();
  const flag = (term: string, confidence: Confidence | undefined) => {
    if (confidence === 'unverified') unverified.add(term);
  };
  for (const s of strandsOf(aid).filter((st) => strands.some((m) => m.id === st.id))) {
    flag('status', s.status.confidence);
    flag('validFrom', s.validFrom?.confidence);
    flag('validUntil', s.validUntil?.confidence);
    flag('rate', s.rate.confidence);
    flag('cap', s.cap.confidence);
    flag('applyBefore', s.applyBefore.confidence);
    // An unverified limit matters only where it decides something for this firm.
    const offeredReasons = strands.find((m) => m.id === s.id)?.reasons ?? [];
    const decides = (rule: AidReason['rule']) => offeredReasons.some((r) => r.rule === rule && r.confidence === 'unverified' && r.outcome !== 'met');
    const e = s.eligibility;
    for (const rule of ['minEmployees', 'maxEmployees', 'maxTurnover', 'b2c', 'nace', 'legalForm'] as const) if (decides(rule)) unverified.add(rule);
    if ((e.conditions ?? []).some((c) => c.confidence === 'unverified')) unverified.add('conditions');
  }
  for (const theme of aid.unverifiedThemes) unverified.add(`theme:${theme}`);

  const themes = [...new Set(strands.flatMap((s) => s.themes))];
  const reasons = strands[0]!.reasons.filter((r) => strands.every((s) => s.reasons.some((x) => sameReason(x, r))));
  const match: AidMatch = {
    id: aid.id,
    name: loc(aid.name, lang),
    translation: aid.translation?.[lang] ?? null,
    region: aid.region,
    regionName: catalogue.regions[aid.region]?.[lang] ?? aid.region,
    themes,
    status: best.status,
    statusConfidence: aid.status.confidence,
    rate: rateValue && rateValue.unit !== 'flat' ? rateValue.max : null,
    rateValue,
    cap,
    capAmount: cap,
    rateText: strands.length === 1 ? strands[0]!.rateText : loc(aid.rate.text, lang),
    capText: strands.length === 1 ? strands[0]!.capText : loc(aid.cap.text, lang),
    url: aid.url === null ? null : typeof aid.url === 'string' ? aid.url : aid.url[lang],
    asOf: aid.asOf,
    ageMonths: age,
    stale: isStale(aid.asOf, date, catalogue.settings.staleAfterMonths) || strands.some((s) => s.stale),
    confidence: aid.confidence,
    applyBefore: best.applyBefore,
    conditions: (aid.eligibility.conditions ?? []).map((c) => ({ text: loc(c.text, lang), confidence: c.confidence })),
    statusNote: aid.status.note ? loc(aid.status.note, lang) : null,
    reasons,
    strands,
    unverified: [...unverified],
    confirmTerms: unverified.size > 0 || strands.every((s) => s.status === 'to-confirm'),
    fits: fits(themes, aid, input.scores, catalogue).map((s) => s.id),
    caveats: aid.caveats.map((c) => loc(c, lang)),
    sources: aid.sources.map((s) => ({ ...s })),
  };
  const estimate = strands.find((s) => s.estimate)?.estimate;
  if (estimate) match.estimate = estimate;
  return match;
}

function sameReason(a: AidReason, b: AidReason): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The aid's themes that are scored dimensions, weakest first. A dimension at 100 needs no aid, and a
 * theme the research could not confirm does not push an aid up.
 */
function fits(themes: string[], aid: Aid, scores: MatchAidsInput['scores'], catalogue: AidCatalogue): { id: string; score: number }[] {
  if (!scores) return [];
  const dimensions = new Set(catalogue.settings.themes.filter((th) => th.dimension).map((th) => th.id));
  const sure = themes.filter((th) => dimensions.has(th) && !aid.unverifiedThemes.includes(th));
  return scores
    .filter((s) => sure.includes(s.id) && s.score < 100)
    .slice()
    .sort((a, b) => a.score - b.score);
}

function hasKnownTerm(m: AidMatch): boolean {
  return m.strands.some((s) => (s.rateValue !== null && s.rateConfidence !== 'unverified') || (s.capAmount !== null && s.capConfidence !== 'unverified'));
}

/**
 * Best fit first: the weakest dimension it addresses, then open before call-based before to confirm, then
 * confirmed rate and cap before unknown ones, then the most specific, then sourcing, then catalogue order.
 */
function rankKey(m: AidMatch, known: boolean, aid: Aid, index: number, input: MatchAidsInput): number[] {
  const fitting = fits(m.themes, aid, input.scores, input.catalogue);
  const weakest = fitting.length ? 100 - fitting[0]!.score : -1;
  // Among equals, the aid aimed at that weakness before a broad one that also touches it.
  return [-weakest, STATUS_ORDER[m.status], -knownTerms(m), known ? 0 : 1, fitting.length, CONFIDENCE_ORDER[aid.confidence], index];
}

function knownTerms(m: AidMatch): number {
  const best = m.strands.map(
    (s) => (s.rateValue !== null && s.rateConfidence !== 'unverified' ? 1 : 0) + (s.capAmount !== null && s.capConfidence !== 'unverified' ? 1 : 0),
  );
  return Math.max(0, ...best);
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Undated, or the date is more than `months` months after the end of the as-of period. */
export function isStale(asOf: string | null, date: string, months: number): boolean {
  if (asOf === null) return true;
  const [y, m, d] = periodEnd(asOf).split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const due = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  return date > due;
}

/** Whole months from the end of an as-of period to the date; null when undated. */
export function ageInMonths(asOf: string | null, date: string): number | null {
  if (asOf === null) return null;
  return Math.max(0, monthsBetween(periodEnd(asOf), date));
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
