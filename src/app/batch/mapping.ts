// Turns the rows of an online-form export (Google Forms, Microsoft Forms) into answers files.
// Headers and answer labels are recognised from the pack itself — a question id, or its text in
// French, Dutch or English, exactly as `digiscan template --csv` prints it — so a form built from
// the template maps back without a hand-kept table that could drift from the pack. The mapping YAML
// only adds what the pack cannot know: form metadata columns to ignore, and aliases for reworded
// questions or answers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { ValidationError, type Problem } from '../../core/errors.js';
import { LANGS, type Lang } from '../../core/lang.js';
import { REQUIRED_PROFILE, type Pack } from '../../engine/pack/load.js';
import type { Condition } from '../../engine/pack/schema.js';
import { checkEnterpriseNumber } from '../../engine/enterprise/index.js';
import { resolveOption } from '../../engine/pack/options.js';
import { charLength, clip, profileTextLimit } from '../../engine/answers/limits.js';
import { idSchema } from '../../engine/pack/schema.js';
import { readYamlFile } from '../../io/read.js';
import { problemAt, zodProblems } from '../../engine/yaml/validate.js';

const about = (text: string) => z.describe(text);

export const formMappingSchema = z.strictObject({
  $schema: z.optional(z.string()),
  questionnaire: idSchema.check(about('Id of the questionnaire pack this mapping is for')),
  fromPack: z._default(
    z.boolean().check(about('Recognise question ids and the pack texts (fr, nl, en) as headers, option ids and labels as answers')),
    true,
  ),
  ignore: z._default(z.array(z.string().check(z.minLength(1))).check(about('Headers of form metadata columns to skip (timestamp, e-mail, ...)')), []),
  timestamp: z._default(z.array(z.string().check(z.minLength(1))).check(about('Headers of the column with the time the form was answered: it sets the date of the assessment')), []),
  respondent: z._default(
    z.array(z.string().check(z.minLength(1))).check(about('Headers of columns identifying the respondent (e-mail, response id): carried into the summary')),
    [],
  ),
  columns: z._default(z.record(z.string().check(z.minLength(1)), idSchema).check(about('Form header → profile or question id')), {}),
  answers: z._default(
    z.record(idSchema, z.record(z.string().check(z.minLength(1)), z.string().check(z.minLength(1)))).check(
      about('Profile or question id → { answer as written in the form: option id }'),
    ),
    {},
  ),
});

export type FormMapping = z.infer<typeof formMappingSchema>;

/** Columns an answers file has besides profile and questions, recognised by their exact name. */
const META_COLUMNS = ['language', 'assessedOn'] as const;

export const MAPPING_FILE = join('forms', 'mapping.yaml');

/** The pack's own mapping file when it ships one, else the plain derived mapping. */
export function loadMapping(pack: Pack, file?: string): { mapping: FormMapping; file?: string } {
  const path = file ?? join(pack.dir, MAPPING_FILE);
  if (!file && !existsSync(path)) {
    return { mapping: { questionnaire: pack.definition.id, fromPack: true, ignore: [], timestamp: [], respondent: [], columns: {}, answers: {} } };
  }
  const source = readYamlFile(path);
  const parsed = formMappingSchema.safeParse(source.data);
  if (!parsed.success) throw new ValidationError(zodProblems(parsed.error, source));
  const mapping = parsed.data;
  const problems: Problem[] = [];
  if (mapping.questionnaire !== pack.definition.id) {
    problems.push(problemAt(source, ['questionnaire'], `mapping is for questionnaire "${mapping.questionnaire}", not "${pack.definition.id}"`));
  }
  for (const [header, id] of Object.entries(mapping.columns)) {
    if (!pack.profile.has(id) && !pack.questions.has(id)) problems.push(problemAt(source, ['columns', header], `unknown profile or question id "${id}"`));
  }
  for (const [id, labels] of Object.entries(mapping.answers)) {
    const options = optionIds(pack, id);
    if (!options) {
      problems.push(problemAt(source, ['answers', id], `"${id}" is not a choice question of the pack`));
      continue;
    }
    for (const [label, option] of Object.entries(labels)) {
      if (!options.includes(option)) problems.push(problemAt(source, ['answers', id, label], `"${option}" is not an option of "${id}"`, `one of: ${options.join(', ')}`));
    }
  }
  if (problems.length) throw new ValidationError(problems);
  return { mapping, file: path };
}

function optionIds(pack: Pack, id: string): string[] | undefined {
  const profile = pack.profile.get(id);
  if (profile) return profile.type === 'choice' ? profile.options?.map((o) => o.id) : undefined;
  return pack.questions.get(id)?.question.options.map((o) => o.id);
}

/** Header and label comparison: case, spacing, Unicode form and a required-question "*" do not matter. */
export function normalize(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/\s*\*\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}


type FieldKind = 'text' | 'number' | 'choice' | 'single' | 'multi';

/** Form columns that are not questions but tell who answered and when. */
export type MetaRole = 'timestamp' | 'respondent' | 'language' | 'assessedOn';

interface Field {
  id: string;
  section: 'company' | 'answers' | 'meta';
  kind: FieldKind;
  /** Shown in messages: the header as the form has it. */
  header: string;
  /** normalized answer → option id */
  labels: Map<string, string>;
  /** option id → its label in the form's language (for "accepted" lists and suggestions). */
  shown: Map<string, string>;
}

/** A problem with the header row: reported once per file. */
export type HeaderIssue =
  | { code: 'no_column'; id: string; label: string }
  | { code: 'column_twice'; id: string; first: string; second: string }
  | { code: 'columns_ignored'; headers: string[] };

/** How one form's columns map onto the pack. */
export interface ColumnPlan {
  columns: (Field | undefined)[];
  /** The language most headers are written in (used when --lang is not given). */
  language: Lang;
  /** Headers neither mapped nor ignored (reported, not fatal). */
  unmapped: string[];
  /** Required profile questions with no column: every row of the file fails. */
  missing: string[];
  issues: HeaderIssue[];
}

/**
 * Reads a form's header row against the pack and the mapping. The form's language (the one most
 * headers are written in) is the firms' language, and the one labels are quoted in.
 */
export function planColumns(header: string[], pack: Pack, mapping: FormMapping): ColumnPlan {
  const byHeader = new Map<string, { id: string; lang?: Lang }>();
  const exact = new Map<string, string>();
  const add = (text: string, id: string, language?: Lang) => {
    const key = normalize(text);
    if (!byHeader.has(key)) byHeader.set(key, language ? { id, lang: language } : { id });
  };
  for (const [text, id] of Object.entries(mapping.columns)) add(text, id);
  for (const id of META_COLUMNS) exact.set(id, id);
  const roles = new Map<string, MetaRole>();
  for (const role of ['timestamp', 'respondent'] as const) for (const h of mapping[role]) roles.set(normalize(h), role);
  if (mapping.fromPack) {
    for (const q of pack.definition.profile) {
      exact.set(q.id, q.id);
      for (const l of LANGS) add(q.label[l], q.id, l);
    }
    for (const { question } of pack.questions.values()) {
      exact.set(question.id, question.id);
      for (const l of LANGS) add(question.text[l], question.id, l);
    }
  }
  const ignored = new Set(mapping.ignore.map(normalize));

  const columns: (Field | undefined)[] = [];
  const taken = new Map<string, string>();
  const votes = Object.fromEntries(LANGS.map((lang) => [lang, 0])) as Record<Lang, number>;
  const unmapped: string[] = [];
  const issues: HeaderIssue[] = [];
  const pending: { index: number; id: string; text: string }[] = [];
  header.forEach((raw, index) => {
    const text = raw.trim();
    const key = normalize(text);
    const role = exact.has(text) ? undefined : roles.get(key);
    const hit = exact.has(text) ? { id: exact.get(text)! } : role ? { id: `@${role}` } : byHeader.get(key);
    if (!hit || (ignored.has(key) && !exact.has(text))) {
      if (text !== '' && !ignored.has(key)) unmapped.push(text);
      columns.push(undefined);
      return;
    }
    if ('lang' in hit && hit.lang) votes[hit.lang]++;
    const before = taken.get(hit.id);
    columns.push(undefined);
    if (before !== undefined && hit.id !== '@respondent') {
      issues.push({ code: 'column_twice', id: hit.id, first: before, second: text });
      return;
    }
    if (before === undefined) taken.set(hit.id, text);
    pending.push({ index, id: hit.id, text });
  });
  const chosen = LANGS.reduce((best, l) => (votes[l] > votes[best] ? l : best), 'en' as Lang);
  for (const { index, id, text } of pending) columns[index] = fieldFor(id, text, pack, mapping, chosen);
  const missing: string[] = [];
  for (const q of pack.definition.profile) {
    if (q.required && !taken.has(q.id)) {
      missing.push(q.id);
      issues.push({ code: 'no_column', id: q.id, label: q.label[chosen] });
    }
  }
  if (unmapped.length) issues.push({ code: 'columns_ignored', headers: unmapped });
  return { columns, language: chosen, unmapped, missing, issues };
}

function fieldFor(id: string, header: string, pack: Pack, mapping: FormMapping, lang: Lang): Field {
  const labels = new Map<string, string>();
  const shown = new Map<string, string>();
  const option = (optionId: string, texts: Record<Lang, string>) => {
    shown.set(optionId, texts[lang]);
    if (!mapping.fromPack) return;
    labels.set(normalize(optionId), optionId);
    for (const l of LANGS) if (!labels.has(normalize(texts[l]))) labels.set(normalize(texts[l]), optionId);
  };
  let field: Field;
  if (id.startsWith('@') || (META_COLUMNS as readonly string[]).includes(id)) {
    field = { id: id.replace(/^@/, ''), section: 'meta', kind: 'text', header, labels, shown };
  } else if (pack.profile.has(id)) {
    const q = pack.profile.get(id)!;
    for (const o of q.options ?? []) option(o.id, o.label);
    field = { id, section: 'company', kind: q.type, header, labels, shown };
  } else {
    const { question } = pack.questions.get(id)!;
    for (const o of question.options) option(o.id, o.label);
    field = { id, section: 'answers', kind: question.type, header, labels, shown };
  }
  // The mapping's own aliases win over the pack's labels.
  for (const [label, optionId] of Object.entries(mapping.answers[id] ?? {})) labels.set(normalize(label), optionId);
  return field;
}

/**
 * Something in one row that could not be used as written. A `fatal` issue (a missing or unreadable
 * name, region or employees) fails the firm; any other leaves that answer unanswered and the firm is
 * scored. Records, not sentences: the batch words them in the run's language (see words.ts).
 */
export type RowIssue = { fatal?: boolean } & (
  | { code: 'not_an_answer'; column: string; value: string; part?: string; accepted: string[]; suggestions: string[] }
  | { code: 'not_a_number'; column: string; value: string }
  | { code: 'whole_number'; column: string; value: string }
  | { code: 'out_of_range'; column: string; value: string; min?: number | undefined; max?: number | undefined }
  | { code: 'bad_text'; column: string; value: string; help: string }
  | { code: 'exclusive'; column: string; value: string; option: string }
  | { code: 'empty'; column: string }
  | { code: 'no_column'; column: string }
  /** Answers to questions asked only under a condition the row's own answers rule out (one issue per condition). */
  | { code: 'branch'; columns: string[]; control: string; expected: string[]; bound?: string | undefined; given: string }
  | { code: 'date_ambiguous'; column: string; value: string; first: string; second: string }
  | { code: 'date_unreadable'; column: string; value: string }
  | { code: 'too_long'; column: string; value: string; max: number }
);

/** What a form row gives: the answers file data, and what could not be read. */
export interface RowResult {
  data: Record<string, unknown>;
  issues: RowIssue[];
  failed: boolean;
  respondent: string;
  enterpriseNumber: string;
}

export type DateOrder = 'dmy' | 'mdy';

export interface RowOptions {
  /** Day/month order for dates like 03/04/2026 (--date-format); without it such a date is not guessed. */
  dateOrder?: DateOrder | undefined;
}

/** The longest text a form cell may hold (a name, a NACE code): longer is surely not an answer. */
export const MAX_CELL = 1000;

/** One form row as the data of an answers file, with the cells that could not be read left out. */
export function rowToAnswers(cells: string[], plan: ColumnPlan, pack: Pack, options: RowOptions = {}): RowResult {
  const company: Record<string, string | number> = {};
  const answers: Record<string, string | string[]> = {};
  const data: Record<string, unknown> = {
    questionnaire: { id: pack.definition.id, version: pack.definition.version },
    language: plan.language,
    company,
    answers,
  };
  const issues: RowIssue[] = [];
  const raw = new Map<string, { cell: string; field: Field }>();
  const respondents: string[] = [];
  let enterpriseNumber = '';
  const accepted = (field: Field) => [...new Set(field.shown.values())];
  plan.columns.forEach((field, i) => {
    if (!field) return;
    const cell = (cells[i] ?? '').trim();
    if (cell === '') return;
    const column = field.header;
    raw.set(field.id, { cell, field });
    const max = field.kind === 'text' && field.section === 'company' ? profileTextLimit(field.id) : MAX_CELL;
    if (charLength(cell) > max) {
      issues.push({ code: 'too_long', column, value: clip(cell), max });
      return;
    }
    if (field.section === 'meta') {
      if (field.id === 'respondent') {
        if (!/^(anonymous|anonyme|anoniem)$/i.test(cell)) respondents.push(cell);
      } else if (field.id === 'timestamp' || field.id === 'assessedOn') {
        const date = parseFormDate(cell, options.dateOrder);
        if (date.ok) data.assessedOn = date.iso;
        else if (date.ambiguous) issues.push({ code: 'date_ambiguous', column, value: cell, first: date.ambiguous[0], second: date.ambiguous[1] });
        else issues.push({ code: 'date_unreadable', column, value: cell });
      } else if (field.id === 'language') {
        if ((LANGS as readonly string[]).includes(cell.toLowerCase())) data.language = cell.toLowerCase();
        else issues.push({ code: 'not_an_answer', column, value: cell, accepted: [...LANGS], suggestions: [] });
      }
    } else if (field.kind === 'text') {
      const q = pack.profile.get(field.id)!;
      if (q.pattern && !safeTest(q.pattern, cell)) issues.push({ code: 'bad_text', column, value: cell, help: q.help[plan.language].replace(/\.$/, '') });
      else if (q.format === 'enterprise-number') {
        const check = checkEnterpriseNumber(cell);
        if (!check.ok) issues.push({ code: 'bad_text', column, value: cell, help: q.help[plan.language].replace(/\.$/, '') });
        else {
          company[field.id] = cell;
          enterpriseNumber = check.key;
        }
      } else company[field.id] = cell;
    } else if (field.kind === 'number') {
      const q = pack.profile.get(field.id)!;
      const value = parseNumber(cell);
      if (value === undefined) issues.push({ code: 'not_a_number', column, value: cell });
      else if (q.integer && !Number.isInteger(value)) issues.push({ code: 'whole_number', column, value: cell });
      else if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max)) {
        issues.push({ code: 'out_of_range', column, value: cell, min: q.min, max: q.max });
      } else company[field.id] = value;
    } else if (field.kind === 'multi') {
      const read = readChoices(cell, field.labels);
      if (read.bad !== undefined) {
        issues.push({ code: 'not_an_answer', column, value: cell, part: read.bad, accepted: accepted(field), suggestions: closest(read.bad, field) });
      } else {
        const { question } = pack.questions.get(field.id)!;
        const exclusive = read.chosen.find((id) => question.options.find((o) => o.id === id)?.exclusive);
        if (exclusive && read.chosen.length > 1) issues.push({ code: 'exclusive', column, value: cell, option: field.shown.get(exclusive) ?? exclusive });
        else answers[field.id] = read.chosen;
      }
    } else {
      // Profile choices also take the spellings people use ("Bruxelles", "bv", "vzw").
      const profile = field.section === 'company' ? pack.profile.get(field.id) : undefined;
      const option = field.labels.get(normalize(cell)) ?? (profile ? resolveOption(profile, cell)?.id : undefined);
      if (!option) issues.push({ code: 'not_an_answer', column, value: cell, accepted: accepted(field), suggestions: closest(cell, field) });
      else (field.section === 'company' ? company : answers)[field.id] = option;
    }
  });

  // Answers to a question the form should not have asked (its condition is false) are left out.
  const branches = new Map<string, Extract<RowIssue, { code: 'branch' }>>();
  for (const { question } of pack.questions.values()) {
    const when = question.when;
    if (!when || answers[question.id] === undefined) continue;
    let control: string;
    let expected: string[];
    let bound: string | undefined;
    let given: string;
    if ('question' in when) {
      const value = answers[when.question];
      if (value === undefined) continue;
      const values = Array.isArray(value) ? value : [value];
      if (values.some((v) => when.anyOf.includes(v))) continue;
      const controlQuestion = pack.questions.get(when.question)!.question;
      const label = (id: string) => controlQuestion.options.find((o) => o.id === id)?.label[plan.language] ?? id;
      control = raw.get(when.question)?.field.header ?? controlQuestion.text[plan.language];
      expected = when.anyOf.map(label);
      given = raw.get(when.question)?.cell ?? values.map(label).join(', ');
    } else {
      const value = company[when.profile];
      if (value === undefined) continue;
      const ok =
        (!when.anyOf || when.anyOf.includes(String(value))) &&
        (typeof value !== 'number' || ((when.atLeast === undefined || value >= when.atLeast) && (when.atMost === undefined || value <= when.atMost)));
      if (ok) continue;
      const profile = pack.profile.get(when.profile)!;
      control = raw.get(when.profile)?.field.header ?? profile.label[plan.language];
      expected = (when.anyOf ?? []).map((id) => profile.options?.find((o) => o.id === id)?.label[plan.language] ?? id);
      bound = [when.atLeast !== undefined ? `≥ ${when.atLeast}` : '', when.atMost !== undefined ? `≤ ${when.atMost}` : ''].filter(Boolean).join(', ') || undefined;
      given = raw.get(when.profile)?.cell ?? String(value);
    }
    delete answers[question.id];
    const key = JSON.stringify(when);
    const column = raw.get(question.id)?.field.header ?? question.text[plan.language];
    const issue = branches.get(key);
    if (issue) issue.columns.push(column);
    else {
      const created = { code: 'branch' as const, columns: [column], control, expected, bound, given };
      branches.set(key, created);
      issues.push(created);
    }
  }

  // Only the firm's identity and size are needed to score it: without them it fails.
  let failed = plan.missing.length > 0;
  for (const id of REQUIRED_PROFILE) {
    if (company[id] !== undefined) continue;
    failed = true;
    const known = issues.find((i) => i.code !== 'branch' && i.column === raw.get(id)?.field.header);
    if (known) known.fatal = true;
    else if (!plan.missing.includes(id)) {
      const header = plan.columns.find((f) => f?.id === id)?.header ?? pack.profile.get(id)!.label[plan.language];
      issues.push({ code: 'empty', column: header, fatal: true });
    } else issues.push({ code: 'no_column', column: pack.profile.get(id)!.label[plan.language], fatal: true });
  }
  return { data, issues, failed, respondent: [...new Set(respondents)].join(' '), enterpriseNumber };
}

type ProfileCondition = Extract<Condition, { profile: string }>;

/** "Number of employees ≥ 10", "Region = Wallonia | Flanders": a profile condition in the form's words. */
export function profileConditionText(when: ProfileCondition, label: string, optionLabel: (id: string) => string): string {
  const parts: string[] = [];
  if (when.atLeast !== undefined) parts.push(`${label} ≥ ${when.atLeast}`);
  if (when.atMost !== undefined) parts.push(`${label} ≤ ${when.atMost}`);
  if (when.anyOf) parts.push(`${label} = ${when.anyOf.map(optionLabel).join(' | ')}`);
  return parts.join(', ');
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return true;
  }
}

/** Labels (in the form's language) closest to what was typed, for "did you mean …?". */
export function closest(typed: string, field: Field): string[] {
  const target = normalize(typed);
  let best = Infinity;
  let found: string[] = [];
  const seen = new Set<string>();
  for (const [label, id] of [...field.labels, ...[...field.shown].map(([id, l]) => [normalize(l), id] as const)]) {
    // A shortened label ("Bruxelles" for "Bruxelles-Capitale") is as close as one typo.
    const distance = target.length >= 4 && label.includes(target) ? 1 : editDistance(target, label, Math.max(2, Math.floor(label.length / 3)));
    if (distance === undefined) continue;
    const shown = field.shown.get(id) ?? id;
    if (distance < best) {
      best = distance;
      found = [shown];
      seen.clear();
      seen.add(shown);
    } else if (distance === best && !seen.has(shown)) {
      found.push(shown);
      seen.add(shown);
    }
  }
  return found.slice(0, 2);
}

/** Levenshtein distance of a and b, or undefined when above `limit` (then not worth computing). */
export function editDistance(a: string, b: string, limit: number): number | undefined {
  if (Math.abs(a.length - b.length) > limit || a.length > 200 || b.length > 200) return undefined;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return undefined;
    previous = current;
  }
  const d = previous[b.length]!;
  return d <= limit ? d : undefined;
}

/** "12", "1 200", "1.200" or "1,200" (grouped thousands), "2,5" or "2.5" → a number; anything else → undefined. */
export function parseNumber(cell: string): number | undefined {
  let text = cell.replace(/[\s\u00a0\u202f']/g, '');
  if (/^-?\d{1,3}([.,]\d{3})+$/.test(text)) text = text.replace(/[.,]/g, '');
  else text = text.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The options of a multi-choice cell. Forms join them with ", " (Google) or ";" (Microsoft), and a
 * label may itself contain a comma, so the cell is read as a sequence of known labels, longest first.
 */
export function splitChoices(cell: string, labels: Map<string, string>): string[] | undefined {
  const read = readChoices(cell, labels);
  return read.bad === undefined && read.chosen.length ? read.chosen : undefined;
}

function readChoices(cell: string, labels: Map<string, string>): { chosen: string[]; bad?: string } {
  const whole = labels.get(normalize(cell));
  if (whole) return { chosen: [whole] };
  const known = [...labels.keys()].sort((a, b) => b.length - a.length);
  const chosen: string[] = [];
  let rest = normalize(cell);
  while (rest !== '') {
    const label = known.find((k) => rest.startsWith(k) && /^\s*([;,]|$)/.test(rest.slice(k.length)));
    if (!label) {
      // The unknown piece: up to the next separator that is followed by a known label, else the rest.
      let end = rest.length;
      for (let i = 0; i < rest.length; i++) {
        if (rest[i] !== ',' && rest[i] !== ';') continue;
        const after = rest.slice(i + 1).trim();
        if (known.some((k) => after.startsWith(k))) {
          end = i;
          break;
        }
      }
      return { chosen, bad: rest.slice(0, end).trim() };
    }
    chosen.push(labels.get(label)!);
    rest = rest.slice(label.length).replace(/^\s*[;,]\s*/, '').trim();
  }
  return { chosen: [...new Set(chosen)] };
}

/** A form's date cell → "YYYY-MM-DD", or why not. */
export function parseFormDate(cell: string, order?: DateOrder): { ok: true; iso: string } | { ok: false; ambiguous?: [string, string] } {
  const text = cell.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T,].*)?$/.exec(text);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,].*)?$/.exec(text);
  if (!m) return { ok: false };
  const a = +m[1]!;
  const b = +m[3]!;
  const year = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
  if (m[2] === '.' || (a > 12 && b <= 12)) return order === 'mdy' && m[2] !== '.' ? { ok: false } : isoDate(year, b, a);
  if (b > 12 && a <= 12) return order === 'dmy' ? { ok: false } : isoDate(year, a, b);
  if (a === b || order) return order === 'mdy' ? isoDate(year, a, b) : isoDate(year, b, a);
  const dmy = isoDate(year, b, a);
  const mdy = isoDate(year, a, b);
  if (dmy.ok && mdy.ok) return { ok: false, ambiguous: [dmy.iso, mdy.iso] };
  return { ok: false };
}

function isoDate(year: number, month: number, day: number): { ok: true; iso: string } | { ok: false } {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return { ok: false };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return { ok: false };
  return { ok: true, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}
