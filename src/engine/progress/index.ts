// Pure: two assessments of one firm (before, after) → what changed, as data (ids, numbers, dates).
// Renderers word it. Nothing here reads files or the clock.
import { UserError } from '../../core/errors.js';
import type { Assessment, DimensionResult } from '../assessment/types.js';
import { enterpriseKey } from '../enterprise/index.js';

export interface ProgressSide {
  assessedOn: string;
  questionnaireVersion: string;
  toolVersion: string;
  name: string;
  /** Pairing key of the enterprise number (BE0123456749), when the profile has a valid one. */
  enterpriseNumber?: string;
}

export interface ScoreChange {
  before: number;
  after: number;
  /** after − before; null when the two scores are not comparable (see `comparable`). */
  delta: number | null;
  levelBefore: number;
  levelAfter: number;
  comparable: boolean;
}

export interface DimensionProgress extends ScoreChange {
  id: string;
  /** Why the scores cannot be compared: the dimension exists on one side only, or its questions changed. */
  reason?: 'only-before' | 'only-after' | 'questions-changed';
}

export interface StepProgress {
  questionId: string;
  dimensionId: string;
  /** Points the step was worth in the before assessment (its gain there). */
  gain: number;
  /** Share of the question's points reached, 0–1, before and after (null: not asked on that side). */
  shareBefore: number;
  shareAfter: number | null;
}

export interface QuestionChange {
  questionId: string;
  dimensionId: string;
  shareBefore: number;
  shareAfter: number;
}

export interface Progress {
  questionnaire: string;
  before: ProgressSide;
  after: ProgressSide;
  /** How the two files were recognised as one firm. */
  pairedBy: 'enterprise-number' | 'name' | 'forced';
  /** Days and (30.44-day) months between the two assessment dates. */
  days: number;
  months: number;
  /** Set when the questionnaire version or the tool version differs between the two sides. */
  changes: { questionnaire: boolean; tool: boolean; questionsAdded: string[]; questionsRemoved: string[] };
  /** When some dimensions are not comparable, the overall change is computed on the comparable ones only. */
  overall: ScoreChange & { basis: 'all' | 'comparable-dimensions' };
  dimensions: DimensionProgress[];
  /** The next steps the before assessment suggested: now done (full points), or still open. */
  steps: { done: StepProgress[]; open: StepProgress[]; gone: StepProgress[] };
  /** Questions at full points now that were not before. */
  newStrengths: QuestionChange[];
  /** Questions that earn fewer points than before. */
  regressed: QuestionChange[];
  /** The aids the after assessment matches; `new` when the before one did not. */
  aids: { id: string; new: boolean }[];
  /** Levels as numbers; a level went up when levelAfter > levelBefore. */
  levelUp: boolean;
}

export interface CompareOptions {
  /** Compare files that do not look like one firm. */
  force?: boolean;
  /**
   * The questionnaire versions the answers were given on, when they differ from the assessments'
   * (answers files are scored with today's questionnaire).
   */
  versions?: { before: string; after: string } | undefined;
  /** Questions of the before answers that today's questionnaire no longer has. */
  removed?: string[];
}

/** Why two assessments cannot be compared (the caller words it). */
export type CompareRefusal = 'different-questionnaire' | 'different-firm' | 'after-older';

export class CompareError extends UserError {
  constructor(
    readonly refusal: CompareRefusal,
    message: string,
    hint?: string,
    params: Record<string, string | number> = {},
  ) {
    // Worded in the user's language by the CLI (questionnaires/i18n/compare.yaml, `error.compare.<refusal>`).
    super(message, undefined, hint, { key: `error.compare.${refusal}`, params, ...(hint ? { hintKey: `error.compare.${refusal}.hint` } : {}) });
  }
}

/**
 * A firm's name reduced for pairing: no accents, case, punctuation or legal-form words
 * ("Boulangerie Dupont SRL" and "boulangerie dupont" pair).
 */
export function normaliseName(name: string): string {
  const LEGAL = new Set(['srl', 'sprl', 'sa', 'nv', 'bv', 'bvba', 'cv', 'cvba', 'sc', 'scrl', 'asbl', 'vzw', 'sas', 'sasu', 'sarl', 'eurl', 'snc', 'comm', 'v', 'ltd', 'llc', 'gmbh', 'inc']);
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '') // s.r.l. → srl
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !LEGAL.has(w))
    .join(' ');
}

/** Whether two assessments are of one firm: by enterprise number when both have one, else by name. */
export function sameFirm(a: ProgressSide, b: ProgressSide): 'enterprise-number' | 'name' | false {
  if (a.enterpriseNumber && b.enterpriseNumber) return a.enterpriseNumber === b.enterpriseNumber ? 'enterprise-number' : false;
  const na = normaliseName(a.name);
  return na !== '' && na === normaliseName(b.name) ? 'name' : false;
}

export function side(a: Assessment): ProgressSide {
  const key = enterpriseKey(a.company.enterprise_number);
  return {
    assessedOn: a.assessedOn,
    questionnaireVersion: a.questionnaire.version,
    toolVersion: a.tool.version,
    name: a.company.name,
    ...(key ? { enterpriseNumber: key } : {}),
  };
}

/** Days from one ISO date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const MONTH_DAYS = 365.25 / 12;

export function compareAssessments(before: Assessment, after: Assessment, options: CompareOptions = {}): Progress {
  if (before.questionnaire.id !== after.questionnaire.id) {
    throw new CompareError('different-questionnaire', `the two assessments use different questionnaires ("${before.questionnaire.id}" and "${after.questionnaire.id}")`, undefined, {
      before: before.questionnaire.id,
      after: after.questionnaire.id,
    });
  }
  const b = side(before);
  const a = side(after);
  if (options.versions) {
    b.questionnaireVersion = options.versions.before;
    a.questionnaireVersion = options.versions.after;
  }
  const days = daysBetween(b.assessedOn, a.assessedOn);
  if (days < 0) {
    throw new CompareError('after-older', `AFTER (${a.assessedOn}) is older than BEFORE (${b.assessedOn})`, 'give the earlier assessment first', { before: b.assessedOn, after: a.assessedOn });
  }
  const paired = sameFirm(b, a);
  if (!paired && !options.force) {
    const numbers = Boolean(b.enterpriseNumber && a.enterpriseNumber);
    const why = numbers ? 'different enterprise numbers' : 'different names and no common enterprise number';
    throw new CompareError('different-firm', `these look like two different firms ("${b.name}" and "${a.name}": ${why})`, 'use --force to compare them anyway', {
      before: b.name,
      after: a.name,
      why: numbers ? 'numbers' : 'names',
    });
  }

  const questionnaireChanged = b.questionnaireVersion !== a.questionnaireVersion;
  const beforeQuestions = questionIndex(before.dimensions);
  const afterQuestions = questionIndex(after.dimensions);
  const questionsAdded = [...afterQuestions.keys()].filter((id) => !beforeQuestions.has(id));
  const questionsRemoved = [...new Set([...beforeQuestions.keys()].filter((id) => !afterQuestions.has(id)).concat(options.removed ?? []))];

  const afterDims = new Map(after.dimensions.map((d) => [d.id, d]));
  const beforeDims = new Map(before.dimensions.map((d) => [d.id, d]));
  const dimensions: DimensionProgress[] = [];
  for (const d of before.dimensions) {
    const other = afterDims.get(d.id);
    if (!other) {
      dimensions.push({ id: d.id, before: d.score, after: 0, delta: null, levelBefore: d.level, levelAfter: 0, comparable: false, reason: 'only-before' });
      continue;
    }
    const comparable = sameQuestions(d, other) && (!questionnaireChanged || sameAskedQuestions(d, other));
    dimensions.push({
      id: d.id,
      before: d.score,
      after: other.score,
      delta: comparable ? round1(other.score - d.score) : null,
      levelBefore: d.level,
      levelAfter: other.level,
      comparable,
      ...(comparable ? {} : { reason: 'questions-changed' as const }),
    });
  }
  for (const d of after.dimensions) {
    if (!beforeDims.has(d.id)) dimensions.push({ id: d.id, before: 0, after: d.score, delta: null, levelBefore: 0, levelAfter: d.level, comparable: false, reason: 'only-after' });
  }

  const allComparable = dimensions.every((d) => d.comparable);
  let overall: Progress['overall'];
  if (allComparable) {
    overall = {
      before: before.overall.score,
      after: after.overall.score,
      delta: round1(after.overall.score - before.overall.score),
      levelBefore: before.overall.level,
      levelAfter: after.overall.level,
      comparable: true,
      basis: 'all',
    };
  } else {
    // Weighted mean of the comparable dimensions on each side, as the scoring itself weighs them.
    const usable = dimensions.filter((d) => d.comparable);
    const mean = (pick: (d: DimensionProgress) => number) => {
      const weights = usable.reduce((s, d) => s + beforeDims.get(d.id)!.weight, 0);
      return weights ? Math.round(usable.reduce((s, d) => s + pick(d) * beforeDims.get(d.id)!.weight, 0) / weights) : 0;
    };
    const ob = mean((d) => d.before);
    const oa = mean((d) => d.after);
    overall = {
      before: ob,
      after: oa,
      delta: usable.length ? oa - ob : null,
      levelBefore: before.overall.level,
      levelAfter: after.overall.level,
      comparable: usable.length > 0,
      basis: 'comparable-dimensions',
    };
  }

  const steps: Progress['steps'] = { done: [], open: [], gone: [] };
  for (const d of before.dimensions) {
    for (const s of d.nextSteps) {
      const q = beforeQuestions.get(s.questionId)!;
      // Across a questionnaire change, a question the earlier file never had was not suggested then.
      if (questionnaireChanged && q.q.status === 'missing') continue;
      const now = afterQuestions.get(s.questionId);
      const step: StepProgress = { questionId: s.questionId, dimensionId: d.id, gain: s.gain, shareBefore: share(q.q), shareAfter: now ? share(now.q) : null };
      if (!now) steps.gone.push(step);
      else if (now.q.status === 'answered' && now.q.points >= now.q.maxPoints) steps.done.push(step);
      else steps.open.push(step);
    }
  }

  const newStrengths: QuestionChange[] = [];
  const regressed: QuestionChange[] = [];
  for (const [id, now] of afterQuestions) {
    const was = beforeQuestions.get(id);
    if (!was || (questionnaireChanged && was.q.status === 'missing')) continue;
    const sb = share(was.q);
    const sa = share(now.q);
    const change = { questionId: id, dimensionId: now.dimensionId, shareBefore: sb, shareAfter: sa };
    if (now.q.status === 'answered' && sa >= 1 && !(was.q.status === 'answered' && sb >= 1)) newStrengths.push(change);
    else if (counted(was.q.status) && counted(now.q.status) && sa < sb) regressed.push(change);
  }

  const hadAids = new Set((before.aids ?? []).map((x) => x.id));
  return {
    questionnaire: before.questionnaire.id,
    before: b,
    after: a,
    pairedBy: paired || 'forced',
    days,
    months: round1(days / MONTH_DAYS),
    changes: { questionnaire: questionnaireChanged, tool: b.toolVersion !== a.toolVersion, questionsAdded, questionsRemoved },
    overall,
    dimensions,
    steps,
    newStrengths,
    regressed,
    aids: (after.aids ?? []).map((x) => ({ id: x.id, new: !hadAids.has(x.id) })),
    levelUp: overall.levelAfter > overall.levelBefore,
  };
}

type Q = DimensionResult['questions'][number];

function questionIndex(dimensions: DimensionResult[]): Map<string, { q: Q; dimensionId: string }> {
  const map = new Map<string, { q: Q; dimensionId: string }>();
  for (const d of dimensions) for (const q of d.questions) map.set(q.id, { q, dimensionId: d.id });
  return map;
}

function sameQuestions(a: DimensionResult, b: DimensionResult): boolean {
  if (a.questions.length !== b.questions.length) return false;
  return a.questions.every((q, i) => q.id === b.questions[i]!.id && q.maxPoints === b.questions[i]!.maxPoints);
}

/**
 * Across a questionnaire version change, the same questions may still have been asked differently:
 * a question left unanswered on one side only (not in the older file) makes the scores incomparable.
 */
function sameAskedQuestions(a: DimensionResult, b: DimensionResult): boolean {
  return a.questions.every((q, i) => (q.status === 'missing') === (b.questions[i]!.status === 'missing'));
}

function counted(status: Q['status']): boolean {
  return status === 'answered' || status === 'dontKnow' || status === 'hidden';
}

function share(q: Q): number {
  return q.maxPoints > 0 ? Math.round((q.points / q.maxPoints) * 1000) / 1000 : 0;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
