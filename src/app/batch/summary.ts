// summary.csv: one row per firm, written as results arrive but in input order, so the file is
// the same whatever the number of workers and memory holds only the rows that arrived early.
import { closeSync, fsyncSync, linkSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { Assessment } from '../../engine/assessment/types.js';
import { UserError } from '../../core/errors.js';
import type { Pack } from '../../engine/pack/load.js';
import { CSV_BOM } from '../../reports/csv.js';
import { describeFsError } from '../../io/read.js';
import { tempError } from '../../io/files.js';
import { createTempBeside, releaseTemp, removeTemp } from '../../io/temp.js';

/** How many aid ids the summary lists per firm. */
const TOP_AIDS = 3;

export function summaryHeader(pack: Pack): string[] {
  const dims = pack.definition.dimensions.flatMap((d) => [`${d.id}_score`, `${d.id}_level`]);
  return ['file', 'name', 'region', 'employees', 'assessed_on', 'overall_score', 'overall_level', ...dims, 'digital_intensity', 'top_aids', 'reports'];
}

export function summaryRow(a: Assessment, source: string, reports: string[]): string[] {
  const dims = a.dimensions.flatMap((d) => [String(d.score), String(d.level)]);
  return [
    source,
    a.company.name,
    a.company.region,
    String(a.company.employees),
    a.assessedOn,
    String(a.overall.score),
    String(a.overall.level),
    ...dims,
    a.digitalIntensity ? String(a.digitalIntensity.count) : '',
    (a.aids ?? []).slice(0, TOP_AIDS).map((aid) => aid.id).join(' '),
    reports.join(' '),
  ];
}

/** A CSV file written row by row into a temporary file, put in place (never clobbering) at the end. */
export class SummaryWriter {
  private fd: number;
  private fdOpen = true;
  private readonly temp: string;
  private next = 0;
  private readonly early = new Map<number, string[] | null>();

  constructor(
    private readonly file: string,
    header: string[],
    private readonly overwrite: boolean,
  ) {
    try {
      // Unpredictable name, created exclusively and never through a symlink; removed if interrupted.
      ({ path: this.temp, fd: this.fd } = createTempBeside(file));
    } catch (err) {
      throw new UserError(`cannot write: ${tempError(err)}`, { file });
    }
    this.write(CSV_BOM + stringify([header]));
  }

  /** The result of input number `seq`: a row, or null for a firm that failed. */
  put(seq: number, row: string[] | null): void {
    this.early.set(seq, row);
    while (this.early.has(this.next)) {
      const ready = this.early.get(this.next);
      this.early.delete(this.next);
      if (ready) this.write(stringify([ready]));
      this.next++;
    }
  }

  finish(): void {
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fdOpen = false;
      if (this.overwrite) renameSync(this.temp, this.file);
      else {
        linkSync(this.temp, this.file);
        unlinkSync(this.temp);
      }
      releaseTemp(this.temp);
    } catch (err) {
      this.discard();
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new UserError('already exists; not overwritten', { file: this.file }, 'use --force to replace it');
      }
      throw new UserError(`cannot write: ${describeFsError(err)}`, { file: this.file });
    }
  }

  discard(): void {
    removeTemp(this.temp, this.fdOpen ? this.fd : undefined);
    this.fdOpen = false;
  }

  private write(text: string): void {
    writeSync(this.fd, text);
  }
}
