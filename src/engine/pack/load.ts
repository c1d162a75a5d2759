import { unsafePattern } from './regex-safety.js';
import { ValidationError, type Problem } from '../../core/errors.js';
import type { YamlSource } from '../yaml/source.js';
import { buildRecorder, problemList, zodProblems } from '../yaml/validate.js';
import { packSchema, type PackDefinition, type Question } from './schema.js';
import { indexPack, REQUIRED_PROFILE, type Pack } from './pack.js';

export { BUILTIN_PACK, indexPack, REQUIRED_PROFILE, type Pack } from './pack.js';

export function validatePack(source: YamlSource, dir: string): Pack {
  // Shipped packs were checked at build time (see validateSource); others are checked now.
  const definition = source.checked !== undefined ? (source.checked as PackDefinition) : checkPack(source);
  return indexPack(definition, dir, source.file);
}

function checkPack(source: YamlSource): PackDefinition {
  const parsed = packSchema.safeParse(source.data);
  if (!parsed.success) {
    // Report the cross-reference mistakes too, when the raw data is regular enough to check.
    let more: Problem[] = [];
    try {
      more = checkReferences(source.data as PackDefinition, source);
    } catch {
      // too malformed for reference checks; the schema problems say enough
    }
    throw new ValidationError([...zodProblems(parsed.error, source), ...more]);
  }
  const problems = checkReferences(parsed.data, source);
  if (problems.length) throw new ValidationError(problems);
  buildRecorder.outputs?.set(source.file, parsed.data);
  return parsed.data;
}

/** What a schema cannot say: unique ids, conditions pointing at real earlier questions, level order. */
function checkReferences(def: PackDefinition, source: YamlSource): Problem[] {
  const { problems, at } = problemList(source);

  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[], what: string) => {
    const before = seen.get(id);
    if (before) at([...path, 'id'], `duplicate id "${id}" (already used by ${before})`);
    else seen.set(id, what);
  };

  def.profile.forEach((p, i) => {
    claim(p.id, ['profile', i], `profile question ${p.id}`);
    if (p.type === 'choice' && !p.options?.length) at(['profile', i], `profile question "${p.id}" is a choice without options`);
    if (p.type !== 'choice' && p.options) at(['profile', i, 'options'], `options only fit a choice question ("${p.id}" is ${p.type})`);
    if (p.pattern !== undefined) {
      try {
        new RegExp(p.pattern);
        const unsafe = unsafePattern(p.pattern);
        if (unsafe) at(['profile', i, 'pattern'], `pattern of "${p.id}" ${unsafe}`);
      } catch {
        at(['profile', i, 'pattern'], `pattern of "${p.id}" is not a valid regular expression`);
      }
    }
    uniqueOptionIds(p.options ?? [], ['profile', i], at);
  });
  for (const required of REQUIRED_PROFILE) {
    if (!def.profile.some((p) => p.id === required)) at(['profile'], `the profile needs a "${required}" question`);
  }

  const dimIds = new Set<string>();
  const asked = new Map<string, Question>();
  def.dimensions.forEach((d, di) => {
    if (dimIds.has(d.id)) at(['dimensions', di, 'id'], `duplicate dimension id "${d.id}"`);
    dimIds.add(d.id);
    d.questions.forEach((q, qi) => {
      const path = ['dimensions', di, 'questions', qi];
      claim(q.id, path, `question ${q.id}`);
      uniqueOptionIds(q.options, path, at);
      if (q.options.filter((o) => o.dontKnow).length > 1) at([...path, 'options'], `question "${q.id}" has more than one "don't know" option`);
      if (q.type === 'single' && !q.options.some((o) => o.points > 0)) {
        at([...path, 'options'], `question "${q.id}" has no option worth any points`);
      }
      if (q.maxPoints !== undefined && q.type !== 'multi') at([...path, 'maxPoints'], `maxPoints only fits a multi question`);
      if (q.when) {
        if ('question' in q.when) {
          const target = asked.get(q.when.question);
          if (!target) {
            at([...path, 'when', 'question'], `condition refers to unknown or later question "${q.when.question}"`);
          } else {
            q.when.anyOf.forEach((opt, oi) => {
              if (!target.options.some((o) => o.id === opt)) {
                at([...path, 'when', 'anyOf', oi], `condition refers to unknown option "${opt}" of question "${target.id}"`);
              }
            });
            for (const message of monotonyProblems(target, q)) at([...path, 'when'], message);
          }
        } else {
          const profileId = q.when.profile;
          if (!def.profile.some((p) => p.id === profileId)) {
            at([...path, 'when', 'profile'], `condition refers to unknown profile question "${profileId}"`);
          }
        }
      }
      asked.set(q.id, q);
    });
  });

  const levels = def.levels;
  levels.forEach((l, i) => {
    if (l.level !== i + 1) at(['levels', i, 'level'], `levels must be numbered 1 to 5 in order`);
    if (i === 0 && l.min !== 0) at(['levels', i, 'min'], `the first level must start at 0`);
    if (i > 0 && l.min <= levels[i - 1]!.min) at(['levels', i, 'min'], `level minimums must increase`);
  });
  return problems;
}

function uniqueOptionIds(
  options: { id: string }[],
  path: (string | number)[],
  at: (path: (string | number)[], message: string) => void,
): void {
  const ids = new Set<string>();
  options.forEach((o, oi) => {
    if (ids.has(o.id)) at([...path, 'options', oi, 'id'], `duplicate option id "${o.id}"`);
    ids.add(o.id);
  });
}

/**
 * A better answer must never lower a score (README: "How the scores are computed"). A condition can
 * break that in two ways: a better answer to the gate hides a follow-up that may have earned points,
 * or (with ifHidden: exclude) it reveals a follow-up that then counts against the firm. "Better" is
 * among the options that earn points: don't know, not applicable and exclusive answers are apart.
 */
export function monotonyProblems(gate: Question, follow: Question): string[] {
  if (!follow.when || !('question' in follow.when)) return [];
  const shows = new Set(follow.when.anyOf);
  const plain = gate.options.filter((o) => !o.dontKnow && !o.notApplicable && !o.exclusive);
  const problems: string[] = [];
  if (gate.type === 'single') {
    const hider = plain.find((b) => !shows.has(b.id) && plain.some((w) => shows.has(w.id) && b.points >= w.points));
    if (hider) {
      problems.push(`answering "${hider.id}" to "${gate.id}" hides "${follow.id}" although it is worth as much as an answer that shows it: a better answer could lower the score; show "${follow.id}" for every answer worth at least as much`);
    }
  }
  if (follow.ifHidden === 'exclude') {
    const revealer = gate.type === 'multi'
      ? plain.find((b) => shows.has(b.id))
      : plain.find((b) => shows.has(b.id) && plain.some((w) => !shows.has(w.id) && b.points >= w.points));
    if (revealer) {
      problems.push(`with ifHidden: exclude, answering "${revealer.id}" to "${gate.id}" brings "${follow.id}" into the score and could lower it: use ifHidden: zero, or give "${follow.id}" a "not applicable" answer`);
    }
  }
  return problems;
}
