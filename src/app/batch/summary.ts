// summary.csv: exactly one row per input (answers file or form row), written as results arrive but
// in input order, so the file is the same whatever the number of workers and memory holds only the
// rows that arrived early. Failed rows keep what could be read. The CSV is for machines: UTF-8,
// commas, ids; summary.xlsx (xlsx-output.ts) is the one for people.
import { closeSync, fsyncSync, linkSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { Assessment } from '../../engine/assessment/types.js';
import { UserError } from '../../core/errors.js';
import type { Pack } from '../../engine/pack/load.js';
import { CSV_BOM } from '../../reports/csv.js';
import { safeRow } from '../../reports/cells.js';
import { describeFsError } from '../../io/read.js';
import { tempError } from '../../io/files.js';
import { createTempBeside, releaseTemp, removeTemp } from '../../io/temp.js';
import type { IcsEvent } from '../../reports/ics.js';

/** How many aid ids the summary lists per firm. */
export const TOP_AIDS = 3;

export type Status = 'ok' | 'warnings' | 'failed';

/** Where a firm comes from, and what could be read of it before scoring. */
export interface Origin {
  source: string;
  file: string;
  line?: number | undefined;
  respondent?: string | undefined;
  enterpriseNumber?: string | undefined;
  name?: string | undefined;
  region?: string | undefined;
  employees?: number | undefined;
  assessedOn?: string | undefined;
}

/** What a worker sends back for a scored firm (plain data, structured-clone safe). */
export interface FirmResult {
  name: string;
  region: string;
  employees: number;
  assessedOn: string;
  overall: { score: number; level: number };
  dimensions: { score: number; level: number }[];
  digitalIntensity?: number | undefined;
  /** Every matched aid id, best first. */
  aids: string[];
  /** Question ids of the next steps (the practices that would raise the score most). */
  weak: string[];
  reports: string[];
  /** The reports were already there, complete, from an earlier run (--resume). */
  kept: boolean;
  /** Its calendar events, worded in its language (batch --calendar only; never for a test run). */
  calendar?: IcsEvent[];
  /** An advisor's test run (`session: test`): listed in the summary, left out of the portfolio. */
  testRun?: boolean | undefined;
}

export interface SummaryEntry {
  origin: Origin;
  status: Status;
  /** Warnings (worded) or, for a failed firm, why. */
  messages: string[];
  result?: FirmResult | undefined;
}

export function firmResult(a: Assessment, reports: string[], kept: boolean): FirmResult {
  return {
    name: a.company.name,
    region: a.company.region,
    employees: a.company.employees,
    assessedOn: a.assessedOn,
    overall: { score: a.overall.score, level: a.overall.level },
    dimensions: a.dimensions.map((d) => ({ score: d.score, level: d.level })),
    digitalIntensity: a.digitalIntensity?.count,
    aids: (a.aids ?? []).map((aid) => aid.id),
    weak: a.dimensions.flatMap((d) => d.nextSteps.map((s) => s.questionId)),
    reports,
    kept,
  };
}

export function summaryHeader(pack: Pack): string[] {
  const dims = pack.definition.dimensions.flatMap((d) => [`${d.id}_score`, `${d.id}_level`]);
  return [
    'file', 'status', 'message', 'respondent', 'enterprise_number', 'name', 'region', 'employees', 'assessed_on',
    'overall_score', 'overall_level', ...dims, 'digital_intensity', 'top_aids', 'reports',
  ];
}

export function summaryRow(entry: SummaryEntry, pack: Pack): string[] {
  const { origin, result: r } = entry;
  const dims = r ? r.dimensions.flatMap((d) => [String(d.score), String(d.level)]) : pack.definition.dimensions.flatMap(() => ['', '']);
  return [
    origin.source,
    entry.status,
    entry.messages.join(' · '),
    origin.respondent ?? '',
    origin.enterpriseNumber ?? '',
    r?.name ?? origin.name ?? '',
    r?.region ?? origin.region ?? '',
    r ? String(r.employees) : origin.employees !== undefined ? String(origin.employees) : '',
    r?.assessedOn ?? origin.assessedOn ?? '',
    r ? String(r.overall.score) : '',
    r ? String(r.overall.level) : '',
    ...dims,
    r?.digitalIntensity !== undefined ? String(r.digitalIntensity) : '',
    (r?.aids ?? []).slice(0, TOP_AIDS).join(' '),
    (r?.reports ?? []).join(' '),
  ];
}

/**
 * A temporary file beside `file` (io/temp.ts: unguessable name, created exclusively without following
 * a symlink, removed if the process is interrupted).
 */
export function createTemp(file: string): { path: string; fd: number } {
  try {
    return createTempBeside(file);
  } catch (err) {
    throw new UserError(`cannot write: ${tempError(err)}`, { file });
  }
}

/**
 * Puts a finished temporary file in place: rename (replace) or hard link (no-replace, so an existing
 * file is never clobbered, even in a race).
 */
export function putInPlace(temp: string, file: string, overwrite: boolean): void {
  try {
    if (overwrite) renameSync(temp, file);
    else {
      linkSync(temp, file);
      unlinkSync(temp);
    }
    releaseTemp(temp);
  } catch (err) {
    removeTemp(temp);
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError('already exists; not overwritten', { file }, 'use --force to replace it');
    }
    throw new UserError(`cannot write: ${describeFsError(err)}`, { file });
  }
}

/** A CSV file written row by row into a temporary file, put in place (never clobbering) at the end. */
export class SummaryWriter {
  private fd: number | undefined;
  readonly temp: string;
  private next = 0;
  private readonly early = new Map<number, SummaryEntry>();

  constructor(
    private readonly file: string,
    private readonly pack: Pack,
    private readonly overwrite: boolean,
    /** Called for each entry in input order, before it is written (may add warnings). */
    private readonly onEntry: (seq: number, entry: SummaryEntry) => void,
  ) {
    ({ path: this.temp, fd: this.fd } = createTemp(file));
    this.write(CSV_BOM + stringify([summaryHeader(pack)]));
  }

  /** The result of input number `seq`. */
  put(seq: number, entry: SummaryEntry): void {
    this.early.set(seq, entry);
    while (this.early.has(this.next)) {
      const ready = this.early.get(this.next)!;
      this.early.delete(this.next);
      this.onEntry(this.next, ready);
      this.write(stringify([safeRow(summaryRow(ready, this.pack))]));
      this.next++;
    }
  }

  /** Rows written so far. */
  get rows(): number {
    return this.next;
  }

  finish(): void {
    try {
      fsyncSync(this.fd!);
      closeSync(this.fd!);
      this.fd = undefined;
    } catch (err) {
      this.discard();
      throw new UserError(`cannot write: ${describeFsError(err)}`, { file: this.file });
    }
    putInPlace(this.temp, this.file, this.overwrite);
  }

  discard(): void {
    removeTemp(this.temp, this.fd);
    this.fd = undefined;
  }

  private write(text: string): void {
    const buf = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < buf.length) offset += writeSync(this.fd!, buf, offset, buf.length - offset);
  }
}
