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
import type { Pack } from '../../engine/pack/load.js';
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
    return { mapping: { questionnaire: pack.definition.id, fromPack: true, ignore: [], columns: {}, answers: {} } };
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

interface Field {
  id: string;
  section: 'company' | 'answers' | 'meta';
  kind: FieldKind;
  /** Shown in messages: the header as the form has it. */
  header: string;
  /** normalized answer → option id */
  labels: Map<string, string>;
  /** Option ids and labels for the "one of" hint. */
  allowed: string[];
}

/** How one CSV file's columns map onto the pack. */
export interface ColumnPlan {
  columns: (Field | undefined)[];
  /** The language most headers are written in (used when --lang is not given). */
  language: Lang;
  /** Headers neither mapped nor ignored (reported, not fatal). */
  unmapped: string[];
}

/** Reads a CSV header row against the pack; a header row the batch cannot use is a UserError at line 1. */
export function planColumns(header: string[], pack: Pack, mapping: FormMapping, file: string, lang?: Lang): ColumnPlan {
  const byHeader = new Map<string, { id: string; lang?: Lang }>();
  const exact = new Map<string, string>();
  const add = (text: string, id: string, language?: Lang) => {
    const key = normalize(text);
    if (!byHeader.has(key)) byHeader.set(key, language ? { id, lang: language } : { id });
  };
  for (const [text, id] of Object.entries(mapping.columns)) add(text, id);
  for (const id of META_COLUMNS) exact.set(id, id);
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
  const problems: Problem[] = [];
  header.forEach((raw, i) => {
    const text = raw.trim();
    const hit = exact.has(text) ? { id: exact.get(text)! } : byHeader.get(normalize(text));
    if (!hit || (ignored.has(normalize(text)) && !exact.has(text))) {
      if (text !== '' && !ignored.has(normalize(text))) unmapped.push(text);
      columns.push(undefined);
      return;
    }
    if (hit.lang) votes[hit.lang]++;
    const before = taken.get(hit.id);
    if (before !== undefined) {
      problems.push({ file, line: 1, message: `columns "${before}" and "${text}" both answer "${hit.id}"`, hint: 'remove one, or list one under "ignore" in the mapping' });
    }
    taken.set(hit.id, text);
    columns.push(fieldFor(hit.id, text, pack, mapping));
  });
  const chosen = lang ?? LANGS.reduce((best, l) => (votes[l] > votes[best] ? l : best), 'en' as Lang);
  for (const q of pack.definition.profile) {
    if (q.required && !taken.has(q.id)) {
      problems.push({ file, line: 1, message: `no column for "${q.id}" (${q.label[chosen]})`, hint: 'add the question to the form, or map its header in the mapping file' });
    }
  }
  if (problems.length) throw new ValidationError(problems);
  return { columns, language: chosen, unmapped };
}

function fieldFor(id: string, header: string, pack: Pack, mapping: FormMapping): Field {
  const labels = new Map<string, string>();
  const allowed: string[] = [];
  const option = (optionId: string, texts: Record<Lang, string>) => {
    allowed.push(optionId);
    if (!mapping.fromPack) return;
    labels.set(normalize(optionId), optionId);
    for (const l of LANGS) if (!labels.has(normalize(texts[l]))) labels.set(normalize(texts[l]), optionId);
  };
  let field: Field;
  if ((META_COLUMNS as readonly string[]).includes(id)) {
    field = { id, section: 'meta', kind: 'text', header, labels, allowed };
  } else if (pack.profile.has(id)) {
    const q = pack.profile.get(id)!;
    for (const o of q.options ?? []) option(o.id, o.label);
    field = { id, section: 'company', kind: q.type, header, labels, allowed };
  } else {
    const { question } = pack.questions.get(id)!;
    for (const o of question.options) option(o.id, o.label);
    field = { id, section: 'answers', kind: question.type, header, labels, allowed };
  }
  // The mapping's own aliases win over the pack's labels.
  for (const [label, optionId] of Object.entries(mapping.answers[id] ?? {})) labels.set(normalize(label), optionId);
  return field;
}

/** One form row as the data of an answers file (validated afterwards like any answers file). */
export function rowToAnswers(cells: string[], plan: ColumnPlan, pack: Pack, where: { file: string; line: number }): Record<string, unknown> {
  const company: Record<string, string | number | null> = {};
  const answers: Record<string, string | string[] | null> = {};
  const data: Record<string, unknown> = {
    questionnaire: { id: pack.definition.id, version: pack.definition.version },
    language: plan.language,
    company,
    answers,
  };
  const problems: Problem[] = [];
  const fail = (field: Field, message: string, hint?: string) =>
    problems.push({ file: where.file, line: where.line, message: `${message} in column "${field.header}"`, hint });
  plan.columns.forEach((field, i) => {
    if (!field) return;
    const cell = (cells[i] ?? '').trim();
    if (cell === '') return;
    if (field.section === 'meta') {
      data[field.id] = cell;
    } else if (field.kind === 'text') {
      company[field.id] = cell;
    } else if (field.kind === 'number') {
      const value = parseNumber(cell);
      if (value === undefined) fail(field, `"${cell}" is not a number`);
      else company[field.id] = value;
    } else if (field.kind === 'multi') {
      const chosen = splitChoices(cell, field.labels);
      if (!chosen) fail(field, `"${cell}" does not match the answers of "${field.id}"`, `any of: ${field.allowed.join(', ')}`);
      else answers[field.id] = chosen;
    } else {
      const option = field.labels.get(normalize(cell));
      if (!option) fail(field, `"${cell}" is not an answer of "${field.id}"`, `one of: ${field.allowed.join(', ')}`);
      else (field.section === 'company' ? company : answers)[field.id] = option;
    }
  });
  if (problems.length) throw new ValidationError(problems);
  return data;
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
  const whole = labels.get(normalize(cell));
  if (whole) return [whole];
  const known = [...labels.keys()].sort((a, b) => b.length - a.length);
  const chosen: string[] = [];
  let rest = normalize(cell);
  while (rest !== '') {
    const label = known.find((k) => rest.startsWith(k) && /^\s*([;,]|$)/.test(rest.slice(k.length)));
    if (!label) return undefined;
    chosen.push(labels.get(label)!);
    rest = rest.slice(label.length).replace(/^\s*[;,]\s*/, '').trim();
  }
  return chosen.length ? [...new Set(chosen)] : undefined;
}
