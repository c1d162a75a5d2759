// Pure scoring: answers + pack → scores. No I/O, no clock. The method is described in README.md.
import type { Answers, CompanyValue } from '../answers/load.js';
import type { AnswerValue } from '../answers/schema.js';
import type { Condition, Dimension, Level, PackDefinition, Question } from '../pack/schema.js';

export type QuestionStatus = 'answered' | 'dontKnow' | 'notApplicable' | 'hidden' | 'missing';

export interface QuestionScore {
  id: string;
  status: QuestionStatus;
  /** Points earned (after the multi-choice cap) and the points a full answer earns. */
  points: number;
  maxPoints: number;
  weight: number;
  /** Whether the question takes part in the dimension score (hidden-and-excluded and n/a do not). */
  counted: boolean;
}

export interface DimensionScore {
  id: string;
  weight: number;
  /** 0–100, rounded to a whole number. */
  score: number;
  level: number;
  counts: Record<QuestionStatus, number>;
  questions: QuestionScore[];
}

export interface ScoreResult {
  overall: { score: number; level: number };
  dimensions: DimensionScore[];
}

type AnswerSet = Pick<Answers, 'answers' | 'company'>;

export function scoreAssessment(pack: PackDefinition, input: AnswerSet): ScoreResult {
  const shown = visibleQuestions(pack, input);
  const dimensions = pack.dimensions.map((d) => scoreDimension(d, input, shown, pack.levels));
  let weighted = 0;
  let weights = 0;
  for (const d of dimensions) {
    if (!d.questions.some((q) => q.counted)) continue; // nothing applies: the dimension stays out of the index
    weighted += d.score * d.weight;
    weights += d.weight;
  }
  const score = weights ? Math.round(weighted / weights) : 0;
  return { overall: { score, level: levelFor(score, pack.levels) }, dimensions };
}

export function scoreDimension(dimension: Dimension, input: AnswerSet, shown: Set<string>, levels: Level[]): DimensionScore {
  const questions = dimension.questions.map((q) => scoreQuestion(q, input.answers[q.id], shown.has(q.id)));
  let earned = 0;
  let possible = 0;
  for (const q of questions) {
    if (!q.counted) continue;
    earned += (q.points / q.maxPoints) * q.weight;
    possible += q.weight;
  }
  const score = possible ? Math.round((earned / possible) * 100) : 0;
  const counts: Record<QuestionStatus, number> = { answered: 0, dontKnow: 0, notApplicable: 0, hidden: 0, missing: 0 };
  for (const q of questions) counts[q.status]++;
  return { id: dimension.id, weight: dimension.weight, score, level: levelFor(score, levels), counts, questions };
}

/**
 * One question's points. "Don't know" and unanswered earn 0 but still count: a firm cannot take
 * credit for what it cannot confirm. A hidden question earns 0 (ifHidden: zero, the default: the
 * gate answer means the firm lacks it) or is left out (ifHidden: exclude).
 */
export function scoreQuestion(question: Question, value: AnswerValue | undefined, isShown: boolean): QuestionScore {
  const maxPoints = questionMaxPoints(question);
  const base = { id: question.id, maxPoints, weight: question.weight };
  if (!isShown) return { ...base, status: 'hidden', points: 0, counted: question.ifHidden === 'zero' };
  if (value === undefined) return { ...base, status: 'missing', points: 0, counted: true };
  const chosen = question.options.filter((o) => (Array.isArray(value) ? value.includes(o.id) : o.id === value));
  if (chosen.some((o) => o.notApplicable)) return { ...base, status: 'notApplicable', points: 0, counted: false };
  if (chosen.some((o) => o.dontKnow)) return { ...base, status: 'dontKnow', points: 0, counted: true };
  const sum = chosen.reduce((total, o) => total + o.points, 0);
  return { ...base, status: 'answered', points: Math.min(sum, maxPoints), counted: true };
}

export function questionMaxPoints(question: Question): number {
  if (question.type === 'single') return Math.max(...question.options.map((o) => o.points));
  if (question.maxPoints !== undefined) return question.maxPoints;
  return question.options.filter((o) => !o.exclusive).reduce((total, o) => total + o.points, 0) || 1;
}

export function levelFor(score: number, levels: Level[]): number {
  let level = levels[0]?.level ?? 1;
  for (const l of levels) if (score >= l.min) level = l.level;
  return level;
}

/** Ids of the questions whose `when` condition holds, in questionnaire order. */
export function visibleQuestions(pack: PackDefinition, input: AnswerSet): Set<string> {
  const shown = new Set<string>();
  for (const d of pack.dimensions) {
    for (const q of d.questions) {
      if (!q.when || conditionHolds(q.when, input, shown)) shown.add(q.id);
    }
  }
  return shown;
}

export function conditionHolds(condition: Condition, input: AnswerSet, shownSoFar: Set<string>): boolean {
  if ('question' in condition) {
    if (!shownSoFar.has(condition.question)) return false;
    const value = input.answers[condition.question];
    if (value === undefined) return false;
    const values = Array.isArray(value) ? value : [value];
    return values.some((v) => condition.anyOf.includes(v));
  }
  const value: CompanyValue | undefined = input.company[condition.profile];
  if (value === undefined) return true; // unknown profile: ask rather than silently skip
  if (condition.anyOf && !condition.anyOf.includes(String(value))) return false;
  if (typeof value === 'number') {
    if (condition.atLeast !== undefined && value < condition.atLeast) return false;
    if (condition.atMost !== undefined && value > condition.atMost) return false;
  }
  return true;
}

/** Facts the answers establish (e.g. "has_website"), from the options chosen in shown questions. */
export function establishedFacts(pack: PackDefinition, input: AnswerSet): Set<string> {
  return chosenFacts(pack, input, 'facts');
}

/** Facts the answers establish only in part (an option's `partly`: "MFA on some accounts"), unless another answer establishes them fully. */
export function partlyFacts(pack: PackDefinition, input: AnswerSet): Set<string> {
  const full = establishedFacts(pack, input);
  return new Set([...chosenFacts(pack, input, 'partly')].filter((f) => !full.has(f)));
}

function chosenFacts(pack: PackDefinition, input: AnswerSet, key: 'facts' | 'partly'): Set<string> {
  const shown = visibleQuestions(pack, input);
  const facts = new Set<string>();
  for (const d of pack.dimensions) {
    for (const q of d.questions) {
      const value = input.answers[q.id];
      if (!shown.has(q.id) || value === undefined) continue;
      for (const o of q.options) {
        const picked = Array.isArray(value) ? value.includes(o.id) : value === o.id;
        if (picked) o[key]?.forEach((f) => facts.add(f));
      }
    }
  }
  return facts;
}
