// Expands the batch's INPUT arguments into a stream of jobs, one per firm, in a stable order:
// answers files (folders are walked recursively, sorted) and the rows of form exports (CSV).
import { opendirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { Lang } from '../../core/lang.js';
import type { Pack } from '../../engine/pack/load.js';
import { checkRegular, describeFsError } from '../../io/read.js';
import { countCsvRows, readCsv } from './csv-input.js';
import { planColumns, rowToAnswers, type FormMapping } from './mapping.js';

const ANSWERS_EXT = new Set(['.yaml', '.yml']);
const FORM_EXT = new Set(['.csv', '.tsv', '.txt']);

export type Job = { seq: number; source: string; file: string } & (
  | { kind: 'yaml' }
  | { kind: 'row'; line: number; data: Record<string, unknown> }
);

export type InputEvent =
  | { type: 'job'; job: Job }
  | { type: 'failed'; seq: number; message: string }
  | { type: 'warning'; message: string }
  /** A row not read because its file's header is unusable (already reported once). */
  | { type: 'skipped' };

export interface InputOptions {
  pack: Pack;
  mapping: () => FormMapping;
  lang?: Lang | undefined;
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
    else yield { kind: 'bad', error: new UserError('not an answers file (.yaml, .yml) nor a form export (.csv)', { file: input }) };
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

/** How many firms the inputs hold (the progress total); costs one quick pass over them. */
export async function countJobs(inputs: string[]): Promise<number> {
  let n = 0;
  for (const entry of entries(inputs)) n += entry.kind === 'csv' ? await countCsvRows(entry.file) : 1;
  return n;
}

/** One event per firm (a job, or why it failed before scoring), plus warnings about form files. */
export async function* readInputs(inputs: string[], options: InputOptions): AsyncGenerator<InputEvent> {
  let seq = 0;
  for (const entry of entries(inputs)) {
    if (entry.kind === 'bad') {
      yield { type: 'failed', seq: seq++, message: entry.error.format() };
    } else if (entry.kind === 'yaml') {
      yield { type: 'job', job: { seq: seq++, kind: 'yaml', file: entry.file, source: entry.file } };
    } else {
      for await (const event of formRows(entry.file, options)) {
        if (event.type === 'warning' || event.type === 'skipped') yield event;
        else yield event.type === 'failed' ? { ...event, seq: seq++ } : { type: 'job', job: { ...event.job, seq: seq++ } as Job };
      }
    }
  }
}

type Unnumbered =
  | { type: 'job'; job: DistributiveOmit<Job, 'seq'> }
  | { type: 'failed'; message: string }
  | { type: 'warning'; message: string }
  | { type: 'skipped' };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

async function* formRows(file: string, options: InputOptions): AsyncGenerator<Unnumbered> {
  const { pack } = options;
  let plan: ReturnType<typeof planColumns> | undefined;
  let broken = false;
  try {
    for await (const event of readCsv(file)) {
      if (event.type === 'error') {
        yield { type: 'failed', message: event.error.format() };
      } else if (event.type === 'header') {
        try {
          plan = planColumns(event.cells, pack, options.mapping(), file, options.lang);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          broken = true;
          yield { type: 'failed', message: err.format() };
        }
        if (plan?.unmapped.length) {
          yield { type: 'warning', message: `${file}:1: columns ignored (not in the questionnaire nor the mapping): ${plan.unmapped.map((h) => `"${h}"`).join(', ')}` };
        }
      } else if (broken) {
        yield { type: 'skipped' };
      } else if (plan) {
        const { line, cells } = event.row;
        const source = `${file}:${line}`;
        try {
          const data = rowToAnswers(cells, plan, pack, { file, line });
          yield { type: 'job', job: { kind: 'row', file, line, source, data } };
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          yield { type: 'failed', message: err.format() };
        }
      }
    }
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    yield { type: 'failed', message: err.format() };
  }
}
