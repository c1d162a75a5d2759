// The interview as a walk over steps (language, profile, each visible question, advisor notes).
// The steps are recomputed from the answers after every answer, so a `when` condition hides or
// shows questions at once; "back" walks the history of steps actually shown.
import { MAX_NOTE, charLength, profileTextLimit } from '../../engine/answers/limits.js';
import type { Answers } from '../../engine/answers/load.js';
import type { AnswerValue } from '../../engine/answers/schema.js';
import { LANGS, type Lang, LANGUAGE_NAMES } from '../../core/lang.js';
import type { Translate } from '../../i18n/ui.js';
import type { Pack } from '../../engine/pack/load.js';
import type { Dimension, ProfileQuestion, Question } from '../../engine/pack/schema.js';
import { visibleQuestions } from '../../engine/scoring/index.js';
import { checkEnterpriseNumber } from '../../engine/enterprise/index.js';
import type { Choice, Prompter } from './prompter.js';

/** Typed into a text answer, goes back to the previous question. */
export const BACK_KEYWORD = '<';

const BACK = Symbol('back');
const SKIP = Symbol('skip');
type Nav = typeof BACK | typeof SKIP;

export { LANGUAGE_NAMES } from '../../core/lang.js';

export type Step =
  | { kind: 'language'; key: string }
  | { kind: 'profile'; key: string; question: ProfileQuestion; index: number; total: number }
  | { kind: 'question'; key: string; question: Question; dimension: Dimension; dimIndex: number; dimCount: number; index: number; total: number }
  | { kind: 'note'; key: string; dimension: Dimension; dimIndex: number; dimCount: number }
  | { kind: 'extraNote'; key: string; id: 'profile' | 'general' };

/** The answers so far, plus the ids the person saw and left open (saved as null). */
export interface InterviewState {
  answers: Answers;
  skipped: Set<string>;
  /** Whether the language is settled (chosen, given with --lang, or read from a resumed file). */
  languageChosen: boolean;
}

export interface InterviewOptions {
  pack: Pack;
  state: InterviewState;
  prompter: Prompter;
  translate: (lang: Lang) => Translate;
  /** Ask for a free note after each dimension. */
  advisor: boolean;
  /**
   * A re-assessment: the earlier answers, offered as each question's default (Enter keeps them) and
   * shown as "last time: …".
   */
  previous?: Answers | undefined;
  /** Called after every answer with the state to write; must not return before it is on disk. */
  save: (state: InterviewState) => void | Promise<void>;
  now?: () => Date;
}

/** The steps of the interview given the answers so far, in order. */
export function planSteps(pack: Pack, answers: Answers, advisor: boolean): Step[] {
  const def = pack.definition;
  const steps: Step[] = [{ kind: 'language', key: 'language' }];
  def.profile.forEach((question, index) => {
    // A follow-up profile question (the group's headcount) is asked only after the answer it follows.
    const gate = question.when ? answers.company[question.when.profile] : undefined;
    if (question.when && (gate === undefined || !question.when.anyOf.includes(String(gate)))) return;
    steps.push({ kind: 'profile', key: `profile:${question.id}`, question, index, total: def.profile.length });
  });
  if (advisor) steps.push({ kind: 'extraNote', key: 'note:profile', id: 'profile' });
  const shown = visibleQuestions(def, answers);
  const undecided = undecidedQuestions(def.dimensions, answers, shown);
  def.dimensions.forEach((dimension, dimIndex) => {
    const questions = dimension.questions.filter((q) => shown.has(q.id));
    if (!questions.length) return;
    const dimCount = def.dimensions.length;
    // "question i of m" counts the questions that may still appear, so m does not grow on the way.
    const counted = dimension.questions.filter((q) => shown.has(q.id) || undecided.has(q.id));
    questions.forEach((question) => {
      const index = counted.indexOf(question);
      steps.push({ kind: 'question', key: `question:${question.id}`, question, dimension, dimIndex, dimCount, index, total: counted.length });
    });
    if (advisor) steps.push({ kind: 'note', key: `note:${dimension.id}`, dimension, dimIndex, dimCount });
  });
  if (advisor) steps.push({ kind: 'extraNote', key: 'note:general', id: 'general' });
  return steps;
}

/** Hidden questions whose condition waits on a question not answered yet (so they may still show). */
function undecidedQuestions(dimensions: Dimension[], answers: Answers, shown: Set<string>): Set<string> {
  const undecided = new Set<string>();
  for (const d of dimensions) {
    for (const q of d.questions) {
      if (shown.has(q.id) || !q.when || !('question' in q.when)) continue;
      const gate = q.when.question;
      if ((shown.has(gate) && answers.answers[gate] === undefined) || undecided.has(gate)) undecided.add(q.id);
    }
  }
  return undecided;
}

function visited(step: Step, state: InterviewState): boolean {
  const { answers, skipped } = state;
  switch (step.kind) {
    case 'language':
      return state.languageChosen;
    case 'profile':
      return answers.company[step.question.id] !== undefined || skipped.has(step.question.id);
    case 'question':
      return answers.answers[step.question.id] !== undefined || skipped.has(step.question.id);
    case 'note':
      return answers.notes[step.dimension.id] !== undefined;
    case 'extraNote':
      return answers.notes[step.id] !== undefined;
  }
}

const isNote = (step: Step) => step.kind === 'note' || step.kind === 'extraNote';

/**
 * Where a (resumed) interview starts: the first step not yet answered. A note counts as given once
 * a later question was answered, so resuming a file without notes does not go back to dimension 1.
 */
export function startIndex(steps: Step[], state: InterviewState): number {
  let laterVisited = false;
  let start = steps.length;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    const done = visited(step, state) || (isNote(step) && laterVisited);
    if (!done) start = i;
    else if (!isNote(step)) laterVisited = true;
  }
  return start;
}

/** Progress of a (partial) answers file: visible questions answered or skipped, out of all visible. */
export function progress(pack: Pack, state: InterviewState): { done: number; total: number } {
  const questions = planSteps(pack, state.answers, false).filter((s) => s.kind === 'question');
  return { done: questions.filter((s) => visited(s, state)).length, total: questions.length };
}

/**
 * Where a step stands among all the questions of the interview (profile and areas), counting, like
 * the area's count, the questions that may still appear, so the total does not grow on the way.
 * i is 0 for a step that is not a question.
 */
export function overallPosition(steps: Step[], step: Step): { i: number; m: number } {
  const profile = steps.filter((s) => s.kind === 'profile').length;
  const totals = new Map<number, number>();
  for (const s of steps) if (s.kind === 'question') totals.set(s.dimIndex, s.total);
  let m = profile;
  for (const total of totals.values()) m += total;
  if (step.kind === 'profile') return { i: step.index + 1, m };
  if (step.kind !== 'question') return { i: 0, m };
  let before = profile;
  for (const [dim, total] of totals) if (dim < step.dimIndex) before += total;
  return { i: before + step.index + 1, m };
}

/** Runs the interview from the first unanswered step to the end; returns the completed state. */
export async function runInterview(options: InterviewOptions): Promise<InterviewState> {
  const { pack, state, prompter, advisor } = options;
  const now = options.now ?? (() => new Date());
  const plan = () => planSteps(pack, state.answers, advisor);

  let steps = plan();
  const start = startIndex(steps, state);
  const history = steps.slice(0, start).map((s) => s.key);
  let current = steps[start]?.key;

  while (current !== undefined) {
    const step = steps.find((s) => s.key === current);
    if (!step) throw new Error(`interview step ${current} vanished`);
    const t = options.translate(state.answers.language);
    const overall = overallPosition(steps, step);
    const result = await ask(step, { state, prompter, t, canGoBack: history.length > 0, pack, overall, today: now(), previous: options.previous });
    if (result === BACK) {
      current = history.pop();
      steps = plan();
      continue;
    }
    apply(step, result, state);
    touch(state, now);
    await options.save(state);
    history.push(step.key);
    steps = plan();
    const index = steps.findIndex((s) => s.key === step.key);
    current = steps[index + 1]?.key;
  }
  state.answers.completedAt = now().toISOString();
  touch(state, now);
  await options.save(state);
  return state;
}

function touch(state: InterviewState, now: () => Date): void {
  const stamp = now().toISOString();
  state.answers.createdAt ??= stamp;
  state.answers.updatedAt = stamp;
}

type Answer = Lang | string | number | AnswerValue | typeof SKIP;

function apply(step: Step, value: Answer, state: InterviewState): void {
  const { answers, skipped } = state;
  switch (step.kind) {
    case 'language':
      answers.language = value as Lang;
      state.languageChosen = true;
      return;
    case 'profile':
      if (value === SKIP) {
        delete answers.company[step.question.id];
        skipped.add(step.question.id);
      } else {
        answers.company[step.question.id] = value as string | number;
        skipped.delete(step.question.id);
      }
      return;
    case 'question':
      if (value === SKIP) {
        delete answers.answers[step.question.id];
        skipped.add(step.question.id);
      } else {
        answers.answers[step.question.id] = value as AnswerValue;
        skipped.delete(step.question.id);
      }
      return;
    case 'note':
      answers.notes[step.dimension.id] = value as string;
      return;
    case 'extraNote':
      answers.notes[step.id] = value as string;
  }
}

interface AskContext {
  state: InterviewState;
  prompter: Prompter;
  t: Translate;
  canGoBack: boolean;
  pack: Pack;
  /** Position among all the questions (profile and areas) that may still be asked; i is 0 on a note. */
  overall: { i: number; m: number };
  today: Date;
  previous?: Answers | undefined;
}

async function ask(step: Step, ctx: AskContext): Promise<Answer | typeof BACK> {
  const { state, prompter, t, canGoBack, previous } = ctx;
  const lang = state.answers.language;
  const lastTime = (answer: string | undefined) => (previous && answer !== undefined ? { lastTime: t('compare.from.last_time', { answer }) } : {});
  const back: Choice<Nav>[] = canGoBack ? [{ value: BACK, name: t('interview.back') }] : [];
  const selectKeys = t('interview.keys.select');

  if (step.kind === 'language') {
    const choices: Choice<Lang | Nav>[] = LANGS.map((l) => ({ value: l, name: LANGUAGE_NAMES[l] }));
    return prompter.select({ message: t('interview.language'), choices: [...choices, ...back], default: lang, keys: selectKeys });
  }

  if (step.kind === 'profile') {
    const q = step.question;
    const wasSkipped = state.skipped.has(q.id);
    const earlier = previous?.company[q.id];
    const current = state.answers.company[q.id] ?? (wasSkipped ? undefined : earlier);
    const earlierText = earlier === undefined ? undefined : (q.options?.find((o) => o.id === earlier)?.label[lang] ?? String(earlier));
    const position = withOverall(t, t('interview.position.profile', { i: step.index + 1, m: step.total }), ctx.overall);
    if (q.type === 'choice') {
      prompter.context({ position, help: q.help[lang], ...lastTime(earlierText) });
      const choices: Choice<string | Nav>[] = (q.options ?? []).map((o) => ({ value: o.id, name: o.label[lang] }));
      if (!q.required) choices.push({ value: SKIP, name: t('interview.skip_profile') });
      return prompter.select({
        message: q.label[lang],
        choices: [...choices, ...back],
        default: current !== undefined ? String(current) : wasSkipped ? SKIP : undefined,
        keys: selectKeys,
      });
    }
    const shown = current === undefined ? undefined : q.type === 'number' ? formatTyped(current, lang) : String(current);
    prompter.context({ position, help: q.help[lang], hint: textHint(t, !q.required, canGoBack, shown), ...lastTime(earlierText) });
    const raw = await prompter.input({
      message: q.label[lang],
      default: shown,
      validate: (value) => {
        const v = value.trim();
        if (v === BACK_KEYWORD && canGoBack) return true;
        if (v === CLEAR_KEYWORD && !q.required && shown !== undefined) return true;
        if (v === '') return q.required ? t('interview.error.required') : true;
        return profileProblem(q, normaliseProfile(q, v), t, ctx.today) ?? true;
      },
    });
    const v = raw.trim();
    if (v === BACK_KEYWORD && canGoBack) return BACK;
    if (v === '' || (v === CLEAR_KEYWORD && !q.required)) return SKIP;
    if (shown !== undefined && v === shown) return current!;
    const typed = normaliseProfile(q, v);
    return q.type === 'number' ? parseNumber(typed)! : q.format === 'enterprise-number' ? enterpriseFormatted(typed) : typed;
  }

  if (step.kind === 'note' || step.kind === 'extraNote') {
    const title = step.kind === 'note' ? step.dimension.title[lang] : '';
    const position =
      step.kind === 'note'
        ? t('interview.position.note', { dimension: title, k: step.dimIndex + 1, n: step.dimCount })
        : t(`interview.position.note.${step.id}`);
    const noteKey = step.kind === 'note' ? step.dimension.id : step.id;
    // A note may span lines: typed as "\n", kept as real line breaks in the answers file.
    const current = state.answers.notes[noteKey] || undefined;
    const shown = current?.replace(/\n/g, '\\n');
    const hints = [t('interview.hint.note_lines'), textHint(t, false, canGoBack, shown, shown !== undefined)].filter(Boolean);
    prompter.context({ position, hint: hints.join(' · '), ...lastTime(previous?.notes[noteKey] || undefined) });
    const raw = await prompter.input({
      message: step.kind === 'note' ? t('interview.note', { dimension: title }) : t(`interview.note.${step.id}`),
      default: shown,
      validate: (value) => (charLength(value.trim()) > MAX_NOTE ? t('interview.error.too_long', { max: MAX_NOTE, count: charLength(value.trim()) }) : true),
    });
    const v = raw.trim();
    if (v === BACK_KEYWORD && canGoBack) return BACK;
    if (v === CLEAR_KEYWORD) return '';
    return v.replace(/\s*\\n\s*/g, '\n');
  }

  const q = step.question;
  const dimension = step.dimension;
  prompter.context({
    position: withOverall(
      t,
      t('interview.position.question', {
        dimension: dimension.title[lang],
        k: step.dimIndex + 1,
        n: step.dimCount,
        i: step.index + 1,
        m: step.total,
      }),
      ctx.overall,
    ),
    intro: step.index === 0 ? dimension.intro?.[lang] : undefined,
    help: q.help[lang],
    ...lastTime(earlierAnswerText(q, previous, lang)),
  });
  const wasSkipped = state.skipped.has(q.id);
  // Not answered in this interview yet: last time's answer is the default.
  const current = state.answers.answers[q.id] ?? (wasSkipped ? undefined : previous?.answers[q.id]);
  // A question without its own "don't know" option still lets the person move on, unanswered.
  const skip: Choice<Nav>[] = q.options.some((o) => o.dontKnow) ? [] : [{ value: SKIP, name: t('interview.skip') }];

  if (q.type === 'single') {
    const choices: Choice<string | Nav>[] = q.options.map((o) => ({ value: o.id, name: o.label[lang] }));
    return prompter.select({
      message: q.text[lang],
      choices: [...choices, ...skip, ...back],
      default: typeof current === 'string' ? current : wasSkipped ? SKIP : undefined,
      keys: selectKeys,
    });
  }

  const ticked = new Set(Array.isArray(current) ? current : current === undefined ? [] : [current]);
  const choices: Choice<string | Nav>[] = q.options.map((o) => ({ value: o.id, name: o.label[lang], checked: ticked.has(o.id) }));
  const extra = [...skip, ...back].map((c) => ({ ...c, checked: c.value === SKIP && wasSkipped }));
  const nameOf = new Map<string | Nav, string>([...choices, ...extra].map((c) => [c.value, c.name]));
  const alone = new Set<string | Nav>([...q.options.filter((o) => o.exclusive).map((o) => o.id), BACK, SKIP]);
  const picked = await prompter.checkbox({
    message: q.text[lang],
    choices: [...choices, ...extra],
    keys: t('interview.keys.checkbox'),
    validate: (values) => {
      const single = values.find((v) => alone.has(v));
      if (single !== undefined && values.length > 1) return t('interview.error.alone', { option: nameOf.get(single) ?? '' });
      // Nothing ticked is an answer ("none of these") only when the question has no "none" option.
      if (!values.length && q.options.some((o) => o.exclusive)) return t('interview.error.tick');
      return true;
    },
  });
  if (picked.includes(BACK)) return BACK;
  if (picked.includes(SKIP)) return SKIP;
  return picked as string[];
}

function earlierAnswerText(q: Question, previous: Answers | undefined, lang: Lang): string | undefined {
  const value = previous?.answers[q.id];
  if (value === undefined) return undefined;
  const ids = Array.isArray(value) ? value : [value];
  return ids.map((id) => q.options.find((o) => o.id === id)?.label[lang] ?? id).join(', ') || '—';
}

/** Typed into an optional text answer (or a note) that has a value, clears it. */
export const CLEAR_KEYWORD = '-';

/** What Enter does (keep the answer given, or skip), how to clear it and how to go back. */
function textHint(t: Translate, optional: boolean, canGoBack: boolean, current?: string, clearable = optional): string | undefined {
  const parts: string[] = [];
  if (current !== undefined) {
    parts.push(t('interview.hint.enter_keeps', { value: current.length > 40 ? `${current.slice(0, 39)}…` : current }));
    if (clearable) parts.push(t('interview.hint.clear', { keyword: CLEAR_KEYWORD }));
  } else if (optional) parts.push(t('interview.hint.enter_skips'));
  if (canGoBack) parts.push(t('interview.hint.back', { keyword: BACK_KEYWORD }));
  return parts.length ? parts.join(' · ') : undefined;
}

/** "Website — area 1 of 5 · question 2 of 10 · question 9 of 54" (the overall count is left out on notes). */
function withOverall(t: Translate, position: string, overall: { i: number; m: number }): string {
  return overall.i > 0 ? `${position} · ${t('interview.position.overall', overall)}` : position;
}

/** A number as the person would type it back: "5,5" in French and Dutch. */
function formatTyped(value: string | number, lang: Lang): string {
  return typeof value === 'number' && lang !== 'en' ? String(value).replace('.', ',') : String(value);
}

/**
 * What people type, in the form the pack stores: a NACE code "10,71", "1071" or "10 71" becomes "10.71".
 */
export function normaliseProfile(q: ProfileQuestion, value: string): string {
  if (q.id === 'nace') {
    const compact = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
    const digits = /^(\d{2})(\d{1,3})$/.exec(compact);
    return digits ? `${digits[1]}.${digits[2]}` : compact;
  }
  return value;
}

/** A number as people type it: "12", "1 200", "12,5". */
export function parseNumber(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f']/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return undefined;
  return Number(compact);
}

/** Why a typed profile answer is refused (translated), or undefined when it is fine. */
export function profileProblem(q: ProfileQuestion, value: string, t: Translate, today?: Date): string | undefined {
  if (q.type === 'number') {
    const n = parseNumber(value);
    if (n === undefined) return t('interview.error.number');
    // A founding year cannot lie in the future.
    if (q.id === 'founded' && today && n > today.getFullYear()) return t('interview.error.future_year', { year: today.getFullYear() });
    if (q.integer && !Number.isInteger(n)) return t('interview.error.integer');
    if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) {
      return t('interview.error.range', { min: q.min ?? '−∞', max: q.max ?? '∞' });
    }
    return undefined;
  }
  const count = charLength(value);
  if (count > profileTextLimit(q.id)) return t('interview.error.too_long', { max: profileTextLimit(q.id), count });
  if (q.pattern && !new RegExp(q.pattern).test(value)) return t('interview.error.pattern');
  if (q.format === 'enterprise-number') {
    const check = checkEnterpriseNumber(value);
    if (!check.ok) return t('compare.error.enterprise_number', { problem: check.problem, country: check.country ?? 'other' });
  }
  return undefined;
}

/** An enterprise number as it is usually written (0123.456.749), the form saved in the answers file. */
function enterpriseFormatted(value: string): string {
  const check = checkEnterpriseNumber(value);
  return check.ok ? check.formatted : value;
}
