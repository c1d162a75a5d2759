import { existsSync } from 'node:fs';
import type { Assessment } from '../engine/assessment/types.js';
import { UserError } from '../core/errors.js';
import { defaultReportPath, writeFileAtomic } from '../io/files.js';
import { translator } from '../i18n/ui.js';
import { renderJson } from '../reports/json.js';
import { loadUiStringsQuick } from '../io/quick.js';
import type { Edition } from '../reports/pdf/plan.js';

export interface ReportFileOptions {
  /** Folder for default file names (default "reports"). */
  dir?: string;
  force?: boolean;
  /** Path without extension for the files (e.g. the interview's answers file stem); default <dir>/<company-slug>-<date>. */
  stem?: string;
  /** Write only the PDF, to this file (assess --out FILE). */
  out?: string;
  /** Environment read for SOURCE_DATE_EPOCH (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Report edition (default client). */
  edition?: Edition;
  /** The advisor's logo, already read. */
  logo?: Buffer | undefined;
  /** Also write the calendar (iCalendar) to this file. */
  calendar?: string | undefined;
}

/**
 * Reproducible output: with SOURCE_DATE_EPOCH set (seconds since 1970, the reproducible-builds
 * convention), the PDF carries that date and a document id derived from it, so equal answers give
 * equal bytes. Returns undefined when the variable is absent.
 */
const MAX_EPOCH = 253402300799;
const clipText = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new UserError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${clipText(raw)}"`);
  // A PDF date has a four-digit year: the last second of 9999 is the latest.
  if (raw.length > 12 || Number(raw) > MAX_EPOCH) {
    throw new UserError(`SOURCE_DATE_EPOCH is out of range: at most ${MAX_EPOCH} (the end of the year 9999), not "${clipText(raw)}"`);
  }
  return new Date(Number(raw) * 1000);
}

/**
 * Writes the report files of one assessment and returns their paths: the PDF report and, beside it,
 * the JSON document (the same object `--json` prints). With `out`, only the PDF, to that file.
 * Existing files are kept unless `force` is set; then nothing is written.
 */
export async function writeReportFiles(assessment: Assessment, options: ReportFileOptions = {}): Promise<string[]> {
  const stem = options.stem ?? defaultReportPath(options.dir ?? 'reports', assessment.company.name, assessment.assessedOn, '');
  const pdfFile = options.out ?? `${stem}.pdf`;
  const jsonFile = options.out === undefined ? `${stem}.json` : undefined;
  // Fail before rendering; writeFileAtomic still refuses atomically if a file appears meanwhile.
  if (!options.force) {
    for (const file of [pdfFile, jsonFile, options.calendar]) {
      if (file !== undefined && existsSync(file)) {
        throw new UserError('already exists; not overwritten', { file }, 'use --force to replace it, or choose another path with --out', { key: 'error.exists', hintKey: 'error.hint.force' });
      }
    }
  }
  const epoch = sourceDateEpoch(options.env);
  const { renderPdf, takeReplacedCount } = await import('../reports/pdf/index.js');
  const t = translator(assessment.language, await loadUiStringsQuick());
  takeReplacedCount();
  const pdf = await renderPdf(assessment, { t, deterministic: epoch !== undefined, now: epoch, edition: options.edition, logo: options.logo });
  if (takeReplacedCount() > 0) process.stderr.write(`digiscan: warning: ${t('pdf.undrawable', { char: '\uFFFD' })}\n`);
  writeFileAtomic(pdfFile, pdf, { overwrite: options.force });
  const written = [pdfFile];
  if (jsonFile !== undefined) {
    writeFileAtomic(jsonFile, renderJson(assessment), { overwrite: options.force });
    written.push(jsonFile);
  }
  if (options.calendar !== undefined) written.push(await writeCalendar(assessment, options.calendar, options.force));
  return written;
}

/** Writes the assessment's calendar (iCalendar) and returns the path. */
export async function writeCalendar(assessment: Assessment, file: string, force?: boolean): Promise<string> {
  if (!force && existsSync(file)) {
    throw new UserError('already exists; not overwritten', { file }, 'use --force to replace it, or choose another path with --calendar', { key: 'error.exists' });
  }
  const { renderIcs } = await import('../reports/ics.js');
  const t = translator(assessment.language, await loadUiStringsQuick());
  writeFileAtomic(file, await renderIcs([{ assessment, t }]), { overwrite: force });
  return file;
}
