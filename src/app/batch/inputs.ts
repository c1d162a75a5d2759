// Expands the batch's INPUT arguments into a stream of jobs, one per firm, in a stable order:
// answers files (folders are walked recursively, sorted) and the rows of form exports (CSV, XLSX).
// Every row becomes exactly one event: a job to score (with its warnings), or a failure.
import { opendirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { Lang } from '../../core/lang.js';
import type { Pack } from '../../engine/pack/load.js';
import { checkRegular, describeFsError } from '../../io/read.js';
import { loadUiStrings } from '../../io/load.js';
import { translator } from '../../i18n/ui.js';
import { readCsv, type CsvEvent } from './csv-input.js';
import { normalize, planColumns, rowToAnswers, type ColumnPlan, type DateOrder, type FormMapping } from './mapping.js';
import type { Origin } from './summary.js';
import { failedText, headerIssueText, rowIssueText, whereText, type Words } from './words.js';
import { readXlsx } from './xlsx-input.js';

const ANSWERS_EXT = new Set(['.yaml', '.yml']);
const FORM_EXT = new Set(['.csv', '.tsv', '.txt', '.xlsx']);

export type Job = { seq: number; source: string; file: string; origin: Origin; warnings: string[] } & (
  | { kind: 'yaml' }
  | { kind: 'row'; line: number; data: Record<string, unknown> }
);

export type InputEvent =
  | { type: 'job'; job: Job }
  | { type: 'failed'; seq: number; origin: Origin; message: string; notes?: string[] }
  /** About a whole file (its header): printed once. */
  | { type: 'warning'; message: string };

export interface InputOptions {
  pack: Pack;
  mapping: () => FormMapping;
  lang?: Lang | undefined;
  /** The run's language for messages (default: English). */
  words?: Words | undefined;
  dateOrder?: DateOrder | undefined;
}

/** Reads a form export, CSV or Excel, as header and rows. */
export function readForm(file: string): AsyncGenerator<CsvEvent> {
  return extname(file).toLowerCase() === '.xlsx' ? readXlsx(file) : readCsv(file);
}

export function isFormExport(file: string): boolean {
  return FORM_EXT.has(extname(file).toLowerCase());
}

type Entry = { kind: 'yaml' | 'csv'; file: string } | { kind: 'bad'; error: UserError };

/** Files named on the command line and found in folders, in order; folders sorted by name. */
function* entries(inputs: string[]): Generator<Entry> {
  for (const input of inputs) {
    let isDir: boolean;
    try {
      const st = statSync(input);
      isDir = st.isDirectory();
      if (!isDir) checkRegular(input, st); // a named pipe or a device would hang the batch
    } catch (err) {
      yield { kind: 'bad', error: err instanceof UserError ? err : new UserError(describeFsError(err), { file: input }) };
      continue;
    }
    if (isDir) {
      yield* walk(input);
      continue;
    }
    const ext = extname(input).toLowerCase();
    if (ANSWERS_EXT.has(ext)) yield { kind: 'yaml', file: input };
    else if (FORM_EXT.has(ext)) yield { kind: 'csv', file: input };
    else yield { kind: 'bad', error: new UserError('not an answers file (.yaml, .yml) nor a form export (.csv, .xlsx)', { file: input }) };
  }
}

function* walk(dir: string): Generator<Entry> {
  let names: { name: string; isDir: boolean }[];
  try {
    const handle = opendirSync(dir);
    names = [];
    for (let d = handle.readSync(); d; d = handle.readSync()) {
      if (d.name.startsWith('.')) continue; // hidden files, editors' temporary files
      names.push({ name: d.name, isDir: d.isDirectory() });
    }
    handle.closeSync();
  } catch (err) {
    yield { kind: 'bad', error: new UserError(describeFsError(err), { file: dir }) };
    return;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, isDir } of names) {
    const path = join(dir, name);
    if (isDir) yield* walk(path);
    else if (ANSWERS_EXT.has(extname(name).toLowerCase())) yield regular(path) ?? { kind: 'yaml', file: path };
  }
}

/** A refusal for anything but a regular file (a FIFO named "x.yaml" in a folder), else undefined. */
function regular(file: string): Entry | undefined {
  try {
    checkRegular(file, statSync(file));
    return undefined;
  } catch (err) {
    return { kind: 'bad', error: err instanceof UserError ? err : new UserError(describeFsError(err), { file }) };
  }
}

/**
 * Checks the inputs before anything is written: a path that does not exist, or a file that is neither
 * answers nor a form export, stops the batch with one line.
 */
export function checkInputs(inputs: string[]): void {
  // Only the paths named on the command line: a bad file found inside a folder is one failed row.
  for (const input of inputs) {
    if (statSync(input, { throwIfNoEntry: false })?.isDirectory()) continue;
    const [entry] = entries([input]);
    if (entry?.kind === 'bad') throw entry.error;
  }
}

/** How many firms the inputs hold (the progress total); costs one quick pass over them. */
export async function countJobs(inputs: string[]): Promise<number> {
  let n = 0;
  for (const entry of entries(inputs)) {
    if (entry.kind !== 'csv') {
      n++;
      continue;
    }
    try {
      for await (const event of readForm(entry.file)) if (event.type !== 'header') n++;
    } catch {
      n++; // the file fails as one
    }
  }
  return n;
}

/** One event per firm (a job, or why it failed before scoring), plus warnings about form files. */
export async function* readInputs(inputs: string[], given: InputOptions): AsyncGenerator<InputEvent> {
  const options = { ...given, words: given.words ?? { t: translator('en', loadUiStrings()), lang: 'en' as const } };
  let seq = 0;
  const seen: Seen = { names: new Map(), numbers: new Map() };
  for (const entry of entries(inputs)) {
    if (entry.kind === 'bad') {
      yield { type: 'failed', seq: seq++, origin: { source: entry.error.location?.file ?? '', file: entry.error.location?.file ?? '' }, message: entry.error.format(options.words.t) };
    } else if (entry.kind === 'yaml') {
      const origin = { source: entry.file, file: entry.file };
      yield { type: 'job', job: { seq: seq++, kind: 'yaml', file: entry.file, source: entry.file, origin, warnings: [] } };
    } else {
      for await (const event of formRows(entry.file, options, seen)) {
        if (event.type === 'warning') yield event;
        else yield event.type === 'failed' ? { ...event, seq: seq++ } : { type: 'job', job: { ...event.job, seq: seq++ } as Job };
      }
    }
  }
}

/** Firms met so far (scored rows only), to warn about one answering twice. */
interface Seen {
  names: Map<string, string>;
  numbers: Map<string, string>;
}

type Unnumbered =
  | { type: 'job'; job: DistributiveOmit<Job, 'seq'> }
  | { type: 'failed'; origin: Origin; message: string; notes?: string[] }
  | { type: 'warning'; message: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

async function* formRows(file: string, options: InputOptions & { words: Words }, seen: Seen): AsyncGenerator<Unnumbered> {
  const { pack, words } = options;
  let plan: ColumnPlan | undefined;
  let headerLine = 1;
  try {
    for await (const event of readForm(file)) {
      if (event.type === 'error') {
        const line = event.error.location?.line;
        yield { type: 'failed', origin: { source: line ? `${file}:${line}` : file, file, line }, message: event.error.format(words.t) };
      } else if (event.type === 'header') {
        plan = planColumns(event.cells, pack, options.mapping());
        for (const issue of plan.issues) yield { type: 'warning', message: headerIssueText(words, `${file}:${headerLine}`, issue) };
      } else if (plan) {
        const { line, cells } = event.row;
        const source = `${file}:${line}`;
        const read = rowToAnswers(cells, plan, pack, { dateOrder: options.dateOrder });
        const company = read.data.company as Record<string, string | number>;
        const name = typeof company.name === 'string' ? company.name : undefined;
        const origin: Origin = {
          source,
          file,
          line,
          respondent: read.respondent || undefined,
          enterpriseNumber: typeof company.enterprise_number === 'string' ? company.enterprise_number : undefined,
          name,
          region: typeof company.region === 'string' ? company.region : undefined,
          employees: typeof company.employees === 'number' ? company.employees : undefined,
          assessedOn: typeof read.data.assessedOn === 'string' ? read.data.assessedOn : undefined,
        };
        if (read.failed) {
          const notes = read.issues.filter((i) => !i.fatal).map((i) => rowIssueText(words, i));
          yield { type: 'failed', origin, message: failedText(words, read.issues), notes };
          continue;
        }
        const warnings = read.issues.map((i) => rowIssueText(words, i));
        const here = whereText(words, file, line, name);
        const twice = (map: Map<string, string>, key: string, by: 'name' | 'number') => {
          if (!key) return;
          const before = map.get(key);
          if (before !== undefined) warnings.push(words.t('batch.duplicate', { where: before, by }));
          else map.set(key, here);
        };
        twice(seen.names, name ? normalize(name) : '', 'name');
        twice(seen.numbers, read.enterpriseNumber, 'number');
        yield { type: 'job', job: { kind: 'row', file, line, source, data: read.data, origin, warnings } };
      }
    }
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    yield { type: 'failed', origin: { source: file, file }, message: err.format(words.t) };
  }
}
