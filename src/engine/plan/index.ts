// Pure: the action plan across the five dimensions, its net cost after aid and the dated events of
// the calendar. Reads the scores, the answers, the pack's plan.yaml and the matched aids; words nothing
// (renderers turn ids into sentences).
import type { Lang } from '../../core/lang.js';
import type { Answers } from '../answers/load.js';
import type { AidMatch, CalendarEvent, PlanAction, PlanLane, PlanStatus } from '../assessment/types.js';
import type { PackDefinition } from '../pack/schema.js';
import type { ScoreResult } from '../scoring/index.js';
import type { AppliesTo, Effort, PlanData } from './schema.js';

export type { PlanData } from './schema.js';

/** What the advisor wrote about an action (answers `plan:`). */
export interface PlanEntry {
  owner?: string | undefined;
  due?: string | undefined;
  status?: PlanStatus | undefined;
}

export interface PlanInput {
  def: PackDefinition;
  scores: ScoreResult;
  answers: Pick<Answers, 'answers' | 'company'>;
  data: PlanData;
  aids: AidMatch[];
  /** YYYY-MM-DD */
  assessedOn: string;
  lang: Lang;
  entries?: Record<string, PlanEntry>;
}

/** An action plan.yaml does not list: medium effort, no legal reason, no cost. */
const DEFAULT_ENTRY: PlanData['actions'][string] = { effort: 'medium' };

const EFFORT_UNITS: Record<Effort, number> = { low: 1, medium: 2, high: 3 };
const LANE_ORDER: Record<PlanLane, number> = { now: 0, next: 1, later: 2 };

/** Whether a duty or deadline concerns this firm. */
export function applies(a: AppliesTo, firm: Pick<Answers, 'answers' | 'company'>): boolean {
  const region = String(firm.company.region ?? '');
  if (a.regions && !a.regions.some((r) => region === r || region.startsWith(`${r}-`))) return false;
  const employees = typeof firm.company.employees === 'number' ? firm.company.employees : undefined;
  if (a.minEmployees !== undefined && (employees === undefined || employees < a.minEmployees)) return false;
  if (a.maxEmployees !== undefined && employees !== undefined && employees > a.maxEmployees) return false;
  if (a.question !== undefined) {
    const value = firm.answers[a.question];
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (!values.some((v) => a.anyOf?.includes(v))) return false;
  }
  return true;
}

export function buildPlan(input: PlanInput): PlanAction[] {
  const { def, scores, data, lang } = input;
  const totalWeight = def.dimensions.reduce((sum, d) => sum + d.weight, 0) || 1;
  const actions: (PlanAction & { order: number })[] = [];
  let order = 0;
  def.dimensions.forEach((dimension, di) => {
    const score = scores.dimensions[di]!;
    const counted = score.questions.filter((q) => q.counted);
    const dimWeight = counted.reduce((sum, q) => sum + q.weight, 0);
    if (!dimWeight) return;
    for (const q of counted) {
      order++;
      if (q.status === 'hidden' || q.points >= q.maxPoints) continue;
      const question = dimension.questions.find((x) => x.id === q.id);
      if (!question?.advice) continue;
      const entry = data.actions[q.id] ?? DEFAULT_ENTRY;
      const dimensionGain = ((q.maxPoints - q.points) / q.maxPoints) * (q.weight / dimWeight) * 100;
      const gain = (dimensionGain * dimension.weight) / totalWeight;
      const action: PlanAction & { order: number } = {
        id: q.id,
        lane: 'later',
        dimension: dimension.id,
        text: question.advice[lang],
        gain: round1(gain),
        dimensionGain: round1(dimensionGain),
        effort: entry.effort,
        dontKnow: q.status === 'dontKnow',
        cost: null,
        aids: input.aids.filter((a) => a.fits.includes(dimension.id)).map((a) => a.id),
        netCost: null,
        order,
      };
      const legal = entry.legal === undefined ? undefined : data.legal[entry.legal];
      if (legal && entry.legal && applies(legal.appliesTo, input.answers)) {
        action.legal = { id: entry.legal, since: legal.since, inForce: legal.since <= input.assessedOn, source: legal.source.url, confidence: legal.confidence };
        if (legal.note) action.legal.note = legal.note[lang];
      }
      const cost = entry.cost === undefined ? undefined : data.costs[entry.cost];
      if (cost && (!cost.regions || applies({ regions: cost.regions }, input.answers))) {
        action.cost = { min: cost.min, max: cost.max, currency: 'EUR', estimate: cost.estimate, basis: cost.basis[lang], source: cost.source.url };
        const best = bestFunding(action.cost, input.aids.filter((a) => action.aids.includes(a.id)), dimension.id);
        action.netCost = best ? best.net : { min: cost.min, max: cost.max, currency: 'EUR' };
        if (best) action.funding = { aid: best.aid.id, strand: best.terms.strand, applyBefore: best.terms.applyBefore };
      }
      const advisor = input.entries?.[q.id];
      if (advisor?.owner) action.owner = advisor.owner;
      if (advisor?.due) action.due = advisor.due;
      if (advisor?.status) action.status = advisor.status;
      actions.push(action);
    }
  });

  // Lanes: a legal duty that concerns the firm comes now; otherwise effort decides, with at most
  // `nowMax` quick wins (best value first) in "now".
  const value = (a: PlanAction) => a.gain / EFFORT_UNITS[a.effort];
  const byValue = (a: (typeof actions)[number], b: (typeof actions)[number]) => value(b) - value(a) || b.gain - a.gain || a.order - b.order;
  // "next" holds at most `nextMax` actions too: what does not fit in a year waits for "later".
  let quickWins = 0;
  let nextCount = 0;
  for (const a of [...actions].sort(byValue)) {
    if (a.legal) a.lane = 'now';
    else if (a.effort === 'low' && quickWins < data.nowMax) {
      a.lane = 'now';
      quickWins++;
    } else if (a.effort !== 'high' && nextCount < data.nextMax) {
      a.lane = 'next';
      nextCount++;
    } else a.lane = 'later';
  }
  const legalRank = new Map(Object.keys(data.legal).map((id, i) => [id, i]));
  actions.sort((a, b) => {
    const lane = LANE_ORDER[a.lane] - LANE_ORDER[b.lane];
    if (lane) return lane;
    if (a.legal || b.legal) {
      if (!a.legal) return 1;
      if (!b.legal) return -1;
      const rank = legalRank.get(a.legal.id)! - legalRank.get(b.legal.id)!;
      if (rank) return rank;
    }
    return byValue(a, b);
  });
  return actions.map(({ order: _order, ...a }) => a);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Actions the advisor planned (answers `plan:`) whose question now has its best answer. */
export function doneActions(input: Pick<PlanInput, 'def' | 'scores' | 'entries' | 'lang'>): { id: string; dimension: string; text: string; owner?: string }[] {
  const done: { id: string; dimension: string; text: string; owner?: string }[] = [];
  input.def.dimensions.forEach((dimension, di) => {
    for (const q of input.scores.dimensions[di]!.questions) {
      const entry = input.entries?.[q.id];
      const question = dimension.questions.find((x) => x.id === q.id);
      if (!entry || !question?.advice || q.status !== 'answered' || q.points < q.maxPoints) continue;
      done.push({ id: q.id, dimension: dimension.id, text: question.advice[input.lang], ...(entry.owner ? { owner: entry.owner } : {}) });
    }
  });
  return done;
}

// ---- Net cost after aid: one small adapter over the aid match's numeric terms ----

/** The numbers one strand of an aid pays with: a percentage of the eligible cost, within a cap. */
export interface AidTerms {
  /** The strand (a kind of spend with its own terms) these numbers belong to. */
  strand: string;
  /** Percent of the eligible cost, lowest and highest (a range when the rate depends on the firm). */
  rateMin: number;
  rateMax: number;
  /** EUR; null when the cap is not known. */
  cap: number | null;
  /** true: apply before spending; null: unknown. */
  applyBefore: boolean | null;
}

/**
 * The adapter between the aids engine and the plan: the percentage strands of a matched aid (not tax
 * deductions or flat sums), those for this theme first when a strand names its themes.
 */
export function aidTerms(aid: AidMatch, theme?: string): AidTerms[] {
  const terms: AidTerms[] = [];
  for (const s of aid.strands) {
    if (theme !== undefined && s.themes.length && !s.themes.includes(theme)) continue;
    if (!s.rateValue || s.rateValue.unit !== 'percent') continue;
    terms.push({ strand: s.id, rateMin: s.rateValue.min, rateMax: s.rateValue.max, cap: s.capAmount, applyBefore: s.applyBefore });
  }
  return terms;
}

/**
 * Cost left to the firm: cost − min(rate × cost, cap), lowest with the best rate on the lowest cost,
 * highest with the lowest rate on the highest cost; whole euros. Undefined without a known cap.
 */
export function netCost(cost: { min: number; max: number }, terms: Pick<AidTerms, 'rateMin' | 'rateMax' | 'cap'>): { min: number; max: number; currency: 'EUR' } | undefined {
  if (terms.cap === null) return undefined;
  const cap = terms.cap;
  const left = (amount: number, rate: number) => Math.max(0, Math.round(amount - Math.min((amount * rate) / 100, cap)));
  return { min: left(cost.min, terms.rateMax), max: left(cost.max, terms.rateMin), currency: 'EUR' };
}

function bestFunding(cost: { min: number; max: number }, aids: AidMatch[], theme: string) {
  if (cost.max === 0) return undefined;
  let best: { aid: AidMatch; terms: AidTerms; net: { min: number; max: number; currency: 'EUR' } } | undefined;
  for (const aid of aids) {
    for (const terms of aidTerms(aid, theme)) {
      const net = netCost(cost, terms);
      if (net && (!best || net.max < best.net.max || (net.max === best.net.max && net.min < best.net.min))) best = { aid, terms, net };
    }
  }
  return best;
}

/** The last day a matched aid can be used, when every strand offered has an end date. */
export function aidClosing(aid: AidMatch): string | undefined {
  const ends = aid.strands.map((s) => s.validUntil);
  if (!ends.length || ends.some((d) => d === null || d.length !== 10)) return undefined;
  return (ends as string[]).sort().at(-1);
}

// ---- Dates ----

/** YYYY-MM-DD plus whole months, clamped to the month's last day (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface CalendarInput {
  plan: PlanAction[];
  data: PlanData;
  answers: Pick<Answers, 'answers' | 'company'>;
  /** Matched aids with the day their window closes, when the catalogue has one. */
  aidsClosing: { id: string; date: string; source: string | null }[];
  assessedOn: string;
  followUp: string;
}

/** Everything dated after the assessment day, in date order. */
export function calendarEvents(input: CalendarInput): CalendarEvent[] {
  const after = (date: string) => date > input.assessedOn;
  const events: CalendarEvent[] = [];
  for (const a of input.plan) if (a.due && after(a.due) && a.status !== 'done' && a.status !== 'dropped') events.push({ kind: 'action', ref: a.id, date: a.due });
  for (const d of input.data.deadlines) {
    if (!after(d.date)) continue;
    // A legal milestone concerns the firm while the plan still has an action under that duty.
    if (d.legal !== undefined && !input.plan.some((a) => a.legal?.id === d.legal && a.status !== 'done' && a.status !== 'dropped')) continue;
    if (d.appliesTo && !applies(d.appliesTo, input.answers)) continue;
    events.push({ kind: 'deadline', ref: d.id, date: d.date, source: d.source.url });
  }
  for (const aid of input.aidsClosing) {
    if (after(aid.date)) events.push({ kind: 'aid-closes', ref: aid.id, date: aid.date, ...(aid.source ? { source: aid.source } : {}) });
  }
  if (after(input.followUp)) events.push({ kind: 'follow-up', date: input.followUp });
  const rank = { deadline: 0, 'aid-closes': 1, action: 2, 'follow-up': 3 };
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : rank[a.kind] - rank[b.kind]));
}
