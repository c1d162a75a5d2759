import { dirname, join, relative, resolve, sep } from 'node:path';
import { Document, isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import { packageRoot } from './paths.js';
import type { Pack } from '../engine/pack/load.js';
import type { Answers } from '../engine/answers/load.js';

export interface SerializeOptions {
  /**
   * Ids (profile or question) the person saw and left open: written as `null`, so a resumed
   * interview knows they were asked (the loader reads `null` as "not answered").
   */
  skipped?: ReadonlySet<string>;
  /** Value of the `$schema` comment; default: the installed schemas/answers.schema.json, relative to `file`. */
  schema?: string;
  /** Where the file will be written (to make the schema path relative to it). */
  file?: string;
}

/**
 * An answers file as YAML, keys in questionnaire order (profile, then dimension by dimension), with
 * the editor-schema comment. `parseAnswers` reads it back to the same `Answers`.
 */
export function serializeAnswers(answers: Answers, pack: Pack, options: SerializeOptions = {}): string {
  const skipped = options.skipped ?? new Set<string>();
  const def = pack.definition;
  const data: Record<string, unknown> = {
    questionnaire: { id: answers.questionnaire.id, version: answers.questionnaire.version },
    language: answers.language,
  };
  if (answers.assessedOn) data.assessedOn = answers.assessedOn;
  if (answers.createdAt) data.createdAt = answers.createdAt;
  if (answers.updatedAt) data.updatedAt = answers.updatedAt;
  if (answers.completedAt) data.completedAt = answers.completedAt;
  if (answers.previous) data.previous = { ...answers.previous };
  if (answers.session) data.session = answers.session;
  if (answers.advisor) data.advisor = answers.advisor;
  if (answers.followUp) data.followUp = answers.followUp;

  const company: Record<string, unknown> = {};
  for (const q of def.profile) {
    if (answers.company[q.id] !== undefined) company[q.id] = answers.company[q.id];
    else if (skipped.has(q.id)) company[q.id] = null;
  }
  data.company = company;

  const values: Record<string, unknown> = {};
  const firstOfDimension = new Map<string, string>();
  for (const d of def.dimensions) {
    for (const q of d.questions) {
      const value = answers.answers[q.id];
      if (value === undefined && !skipped.has(q.id)) continue;
      if (!firstOfDimension.has(d.id)) firstOfDimension.set(d.id, q.id);
      values[q.id] = value === undefined ? null : Array.isArray(value) ? [...value] : value;
    }
  }
  data.answers = values;

  const noteOrder = ['profile', ...def.dimensions.map((d) => d.id), 'general'];
  const notes: Record<string, string> = {};
  for (const key of noteOrder) if (answers.notes[key] !== undefined) notes[key] = answers.notes[key]!;
  if (Object.keys(notes).length) data.notes = notes;
  if (answers.plan && Object.keys(answers.plan).length) data.plan = answers.plan;

  const doc = new Document(data);
  const schema = options.schema ?? schemaReference(options.file);
  doc.commentBefore = ` yaml-language-server: $schema=${schema}\n digiscan answers (${def.id}). Edit freely; "null" means not answered yet.`;
  const root = doc.contents as YAMLMap;
  const questionnaire = root.get('questionnaire', true);
  if (isMap(questionnaire)) questionnaire.flow = true;
  const answersMap = root.get('answers', true);
  if (isMap(answersMap)) {
    const titles = new Map(def.dimensions.map((d) => [firstOfDimension.get(d.id), d.title[answers.language]]));
    for (const pair of answersMap.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const title = key === undefined ? undefined : titles.get(key);
      if (title && isScalar(pair.key)) pair.key.commentBefore = ` ${title}`;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** The installed answers schema, as a path relative to the answers file's folder (what editors resolve). */
export function schemaReference(file: string | undefined): string {
  const schema = join(packageRoot(), 'schemas', 'answers.schema.json');
  const from = file ? dirname(resolve(file)) : process.cwd();
  return relative(from, schema).split(sep).join('/');
}
