import { nearestOption, resolveOption } from '../pack/options.js';
import { MAX_PROBLEMS, UserError, ValidationError, type Problem, type ProblemRecord } from '../../core/errors.js';
import type { Lang } from '../../core/lang.js';
import { isRealDate } from '../../core/dates.js';
import type { Pack } from '../pack/load.js';
import { REQUIRED_PROFILE } from '../pack/load.js';
import { parseYaml, type YamlSource } from '../yaml/source.js';
import { problemList, zodProblems } from '../yaml/validate.js';
import { answersFileSchema, type AnswersFile, type AnswerValue } from './schema.js';
import { MAX_NOTE, charLength, clip, profileTextLimit } from './limits.js';
import { checkEnterpriseNumber, type EnterpriseNumberCheck } from '../enterprise/index.js';

export type CompanyValue = string | number;

/** Answers checked against their pack: every key and option id is known, every value well-typed. */
export interface Answers {
  questionnaire: { id: string; version: string };
  language: Lang;
  company: Record<string, CompanyValue>;
  answers: Record<string, AnswerValue>;
  notes: Record<string, string>;
  assessedOn?: string | undefined;
  createdAt?: string | undefined;
  updatedAt?: string | undefined;
  completedAt?: string | undefined;
  advisor?: AnswersFile['advisor'];
  session?: AnswersFile['session'];
  followUp?: string | undefined;
  plan?: AnswersFile['plan'];
  /** The earlier answers file a re-assessment follows (path relative to this file) and its date. */
  previous?: { file: string; assessedOn?: string | undefined } | undefined;
}

/** What a lenient load left out of a file written for another version of the questionnaire. */
export interface DroppedAnswer {
  kind: 'question' | 'profile' | 'option';
  id: string;
}

export interface LoadAnswersOptions {
  /** Refuse a file whose required profile fields are missing (true for scoring; false while resuming). */
  requireProfile?: boolean;
  /**
   * For a file written for another (same major) version of the questionnaire: leave out, instead of
   * refusing, what this version no longer has (unknown questions, profile fields, options); each is
   * pushed here. A file of this very version is checked strictly all the same.
   */
  dropped?: DroppedAnswer[];
}

export function parseAnswers(text: string, file: string, pack: Pack, options: LoadAnswersOptions = {}): Answers {
  const source = parseYaml(text, file);
  return validateAnswers(source, pack, options);
}

export function validateAnswers(source: YamlSource, pack: Pack, options: LoadAnswersOptions = {}): Answers {
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    throw new UserError('an answers file must be a YAML mapping (questionnaire, language, company, answers)', { file: source.file, line: 1, col: 1 });
  }
  const parsed = answersFileSchema.safeParse(source.data);
  if (!parsed.success) throw new ValidationError(zodProblems(parsed.error, source));
  const data = parsed.data;
  const { id, version } = pack.definition;
  if (data.questionnaire.id !== id) {
    const { line, col } = source.locate(['questionnaire', 'id']);
    throw new UserError(`answers are for questionnaire "${data.questionnaire.id}", not "${id}"`, { file: source.file, line, col }, 'use --pack to choose its questionnaire');
  }
  if (major(data.questionnaire.version) !== major(version)) {
    const { line, col } = source.locate(['questionnaire', 'version']);
    throw new UserError(
      `answers are for ${id} version ${data.questionnaire.version}, this questionnaire is version ${version}`,
      { file: source.file, line, col },
      'the major versions must match',
    );
  }

  // Leniency is for files written for another version only: in a file of this version, an unknown id is a mistake.
  const dropped = data.questionnaire.version !== version ? options.dropped : undefined;
  const { problems, at: add } = problemList(source);
  // Each problem carries a record (what is wrong, as data) for the app to word in the user's language.
  const withRecord = (record: ProblemRecord | undefined) => {
    const last = problems[problems.length - 1];
    if (record && last && problems.length <= MAX_PROBLEMS) last.record = record;
  };
  const at = (path: (string | number)[], message: string, hint?: string, record?: ProblemRecord) => {
    add(path, message, hint);
    withRecord(record);
  };
  const atKey = (path: (string | number)[], message: string, hint?: string, record?: ProblemRecord) => {
    add(path, message, hint, { key: true });
    withRecord(record);
  };

  // Maps without a prototype: no id, whatever it is, can reach Object's own properties.
  const company: Record<string, CompanyValue> = Object.create(null);
  const invalid = new Set<string>();
  for (const [key, value] of Object.entries(data.company)) {
    const q = pack.profile.get(key);
    if (!q && dropped) {
      dropped.push({ kind: 'profile', id: key });
      continue;
    }
    if (!q) {
      atKey(['company', key], `unknown profile field "${clip(key)}"`, `known: ${[...pack.profile.keys()].join(', ')}`, { code: 'unknown_field', key: clip(key), known: [...pack.profile.keys()] });
      continue;
    }
    if (value === null || value === '') continue;
    const before = problems.length;
    checkProfileValue(key, value);
    if (problems.length > before) invalid.add(key);
  }
  function checkProfileValue(key: string, value: string | number): void {
    const q = pack.profile.get(key)!;
    if (q.type === 'number') {
      if (typeof value !== 'number') at(['company', key], `"${key}" must be a number`, undefined, { code: 'not_a_number', id: key, value: String(value) });
      else if (q.integer && !Number.isInteger(value)) at(['company', key], `"${key}" must be a whole number`, undefined, { code: 'whole_number', id: key, value: String(value) });
      else if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max)) {
        at(['company', key], `"${key}" is ${value}, outside ${q.min ?? '-∞'}..${q.max ?? '∞'}`, undefined, { code: 'out_of_range', id: key, value: String(value), min: q.min, max: q.max });
      } else company[key] = value;
    } else if (typeof value !== 'string') {
      at(['company', key], `"${key}" must be quoted text`, typeof value === 'number' ? `write "${value}" in quotes` : undefined, { code: 'quoted_text', id: key, value: String(value) });
    } else if (charLength(value) > profileTextLimit(key)) {
      at(['company', key], `"${key}" is ${charLength(value)} characters long, at most ${profileTextLimit(key)} are allowed`, undefined, { code: 'too_long', id: key, value: clip(value), max: profileTextLimit(key) });
    } else if (q.type === 'choice') {
      // Forms and places as people write them: "bv", "vzw", "Bruxelles" name the same options as their ids.
      const option = resolveOption(q, value);
      const near = option ? undefined : nearestOption(q, value);
      if (option) company[key] = option.id;
      else {
        at(['company', key], `"${clip(value)}" is not a valid ${key}`, `${near ? `did you mean ${near.id}? ` : ''}one of: ${q.options?.map((o) => o.id).join(', ')}`, {
          code: 'not_an_answer',
          id: key,
          value: clip(value),
          options: q.options?.map((o) => o.id) ?? [],
          near: near?.id,
        });
      }
    } else if (q.type === 'text' && q.pattern && !new RegExp(q.pattern).test(value)) {
      at(['company', key], `"${clip(value)}" is not a valid ${key}`, `expected the form ${q.pattern}`, { code: 'bad_text', id: key, value: clip(value) });
    } else if (q.type === 'text' && q.format === 'enterprise-number' && !checkEnterpriseNumber(value).ok) {
      const check = checkEnterpriseNumber(value) as Extract<EnterpriseNumberCheck, { ok: false }>;
      at(['company', key], `"${clip(value)}" is not a valid enterprise number: ${enterpriseProblem(check)}`, 'for example 0123.456.749 (BCE/KBO) or 123 456 782 (SIREN)', {
        code: 'enterprise_number',
        id: key,
        value: clip(value),
        problem: check.problem,
        country: check.country,
      });
    } else company[key] = value;
  }
  if (options.requireProfile) {
    for (const key of REQUIRED_PROFILE) {
      if (company[key] === undefined && !invalid.has(key)) {
        at(['company'], `missing company "${key}"`, undefined, { code: 'empty', id: key });
      }
    }
  }

  const answers: Record<string, AnswerValue> = Object.create(null);
  for (const [key, value] of Object.entries(data.answers)) {
    const entry = pack.questions.get(key);
    if (!entry && dropped) {
      if (value !== null) dropped.push({ kind: 'question', id: key });
      continue;
    }
    if (!entry) {
      atKey(['answers', key], `unknown question id "${clip(key)}"`, undefined, { code: 'unknown_question', key: clip(key) });
      continue;
    }
    if (value === null) continue;
    const { question } = entry;
    const known = new Set(question.options.map((o) => o.id));
    if (dropped && (typeof value === 'string' ? [value] : value).some((v) => !known.has(v))) {
      dropped.push({ kind: 'option', id: key });
      continue;
    }
    if (question.type === 'single') {
      if (typeof value !== 'string') at(['answers', key], `"${key}" takes one option, not a list`, undefined, { code: 'one_option', id: key });
      else if (!known.has(value)) at(['answers', key], `"${clip(value)}" is not an option of "${key}"`, `one of: ${[...known].join(', ')}`, { code: 'not_an_answer', id: key, value: clip(value), options: [...known] });
      else answers[key] = value;
    } else {
      const list = typeof value === 'string' ? [value] : value;
      const bad = list.find((v) => !known.has(v));
      const exclusive = list.filter((v) => question.options.find((o) => o.id === v)?.exclusive);
      if (bad !== undefined) at(['answers', key], `"${clip(bad)}" is not an option of "${key}"`, `any of: ${[...known].join(', ')}`, { code: 'not_an_answer', id: key, value: clip(bad), options: [...known] });
      else if (exclusive.length && list.length > 1) at(['answers', key], `"${exclusive[0]}" cannot be combined with other options in "${key}"`, undefined, { code: 'exclusive', id: key, value: clip(list.join(', ')), option: exclusive[0]! });
      else answers[key] = [...new Set(list)];
    }
  }

  if (data.assessedOn !== undefined && !isRealDate(data.assessedOn)) {
    at(['assessedOn'], `assessedOn must be a real date like 2026-03-31, not "${data.assessedOn}"`);
  }

  const dimensionIds = new Set(pack.definition.dimensions.map((d) => d.id));
  const notes: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(data.notes ?? {})) {
    if (!dimensionIds.has(key) && key !== 'profile' && key !== 'general') atKey(['notes', key], `notes are keyed by dimension id; "${clip(key)}" is not one`, undefined, { code: 'notes_key', key: clip(key), known: ['profile', 'general', ...dimensionIds] });
    else if (charLength(value) > MAX_NOTE) atKey(['notes', key], `the note "${key}" is ${charLength(value)} characters long, at most ${MAX_NOTE} are allowed`);
    else notes[key] = value;
  }

  for (const key of Object.keys(data.plan ?? {})) {
    if (!pack.questions.has(key)) atKey(['plan', key], `plan actions are keyed by question id; "${key}" is not one`);
  }

  if (problems.length) throw new ValidationError(problems);
  return {
    questionnaire: data.questionnaire,
    language: data.language,
    company,
    answers,
    notes,
    assessedOn: data.assessedOn,
    createdAt: data.createdAt,
    updatedAt: data.updatedAt,
    completedAt: data.completedAt,
    ...(data.previous ? { previous: data.previous } : {}),
    ...(data.advisor ? { advisor: data.advisor } : {}),
    ...(data.session ? { session: data.session } : {}),
    ...(data.followUp ? { followUp: data.followUp } : {}),
    ...(data.plan ? { plan: data.plan } : {}),
  };
}

function enterpriseProblem(check: Extract<EnterpriseNumberCheck, { ok: false }>): string {
  if (check.problem === 'checksum') return check.country === 'BE' ? 'its check digits (modulo 97) do not match' : 'its check digit (Luhn) does not match';
  return check.country === 'BE' ? 'a Belgian number has 10 digits and starts with 0 or 1' : 'expected 10 digits (Belgium) or 9 digits (France)';
}

function major(version: string): string {
  return version.split('.')[0] ?? version;
}
