// `digiscan batch`: many answers files or form rows in, one set of reports per firm, summary.csv,
// summary.xlsx and a portfolio view out. The main thread reads inputs and writes the summary; worker
// threads score and render. A bad file or row is a row of the summary and does not stop the others.
import { existsSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { onInterrupt } from '../../io/temp.js';
import { visible, visibleInline } from '../../core/sanitize.js';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { type Lang } from '../../core/lang.js';
import { langFromEnv } from '../../io/locale.js';
import { packageRoot } from '../../io/paths.js';
import { translator } from '../../i18n/ui.js';
import { assessmentData, chooseDate, choosePack } from '../context.js';
import { ensureDir, writeFileAtomic } from '../../io/files.js';
import type { IcsEvent } from '../../reports/ics.js';
import { checkInputs, countJobs, isFormExport, readInputs, type Job } from './inputs.js';
import { loadMapping, type DateOrder, type FormMapping } from './mapping.js';
import { WorkerPool } from './pool.js';
import { Portfolio } from './portfolio.js';
import { startProgress } from './progress.js';
import { FORMATS, type Format, type WorkerConfig } from './protocol.js';
import { loadRenderers } from './report.js';
import { SummaryWriter, type Origin, type SummaryEntry } from './summary.js';
import { loadUiStrings } from '../../io/load.js';
import { whereText, type Words } from './words.js';
import { writeSummaryXlsx } from './xlsx-output.js';

export interface BatchOptions {
  out: string;
  format?: string;
  jobs?: string;
  lang?: Lang;
  pack?: string;
  mapping?: string;
  date?: string;
  dateFormat?: string;
  force?: boolean;
  resume?: boolean;
  /** One iCalendar file with every firm's plan dates, deadlines, closing aid windows and reviews. */
  calendar?: string;
}

export const SUMMARY_FILE = 'summary.csv';
export const SUMMARY_XLSX = 'summary.xlsx';
/** Present in --out while a batch runs: a re-run with the same --out then continues it. */
export const RUNNING_MARK = '.digiscan-batch-running';
export const DEFAULT_FORMATS = 'pdf';
/** Failures and warnings listed on the terminal; the rest are counted (summary.csv has them all). */
export const LISTED = 20;


/** Runs the batch and returns the exit code: 0 when every firm was scored, 1 when any failed. */
export async function runBatch(inputs: string[], opts: BatchOptions): Promise<number> {
  const pack = choosePack(opts.pack);
  const today = chooseDate(opts.date);
  const formats = parseFormats(opts.format ?? DEFAULT_FORMATS);
  const jobs = parseJobs(opts.jobs);
  const dateOrder = parseDateFormat(opts.dateFormat);
  const uiLang = opts.lang ?? langFromEnv();
  const t = translator(uiLang, loadUiStrings());
  const words: Words = { t, lang: uiLang };
  checkInputs(inputs); // a path that does not exist stops the batch before anything is written
  const outDir = resolve(opts.out);
  const summaryFile = join(outDir, SUMMARY_FILE);
  const xlsxFile = join(outDir, SUMMARY_XLSX);
  const mark = join(outDir, RUNNING_MARK);
  const unfinished = existsSync(mark);
  const resume = Boolean(opts.resume) || unfinished;
  if (!opts.force && !resume) {
    for (const [file, name] of [[summaryFile, SUMMARY_FILE], [xlsxFile, SUMMARY_XLSX]] as const) {
      if (existsSync(file)) {
        throw new UserError('already exists; not overwritten', { file: join(opts.out, name) }, 'use --resume to keep the complete reports and rewrite the summary, --force to redo everything, or choose another --out');
      }
    }
  }
  const calendarFile = opts.calendar === undefined ? undefined : resolve(opts.calendar);
  if (calendarFile && !opts.force && existsSync(calendarFile)) {
    throw new UserError('already exists; not overwritten', { file: opts.calendar! }, 'use --force to replace it, or choose another path with --calendar', { key: 'error.exists' });
  }
  if (formats.includes('pdf')) await loadRenderers(['pdf']); // fail now, not once per firm
  let mapping: FormMapping | undefined;
  const getMapping = () => (mapping ??= loadMapping(pack, opts.mapping).mapping);
  if (opts.mapping || inputs.some(isFormExport)) getMapping(); // a bad mapping stops the batch before it starts

  ensureDir(outDir);
  if (resume) removeLeftovers(outDir);
  writeFileSync(mark, `${JSON.stringify({ started: new Date().toISOString(), pid: process.pid })}\n`);
  if (unfinished && !opts.resume) process.stderr.write(`digiscan: ${t('batch.continuing', { dir: opts.out })}\n`);

  const total = await countJobs(inputs);
  const config: WorkerConfig = { pack, data: assessmentData(pack), outDir, formats, lang: opts.lang, uiLang, today, force: Boolean(opts.force), resume, calendar: calendarFile !== undefined };
  const calendarEvents: IcsEvent[] = [];
  const claims = new ClaimQueue();
  const portfolio = new Portfolio(pack);
  const failures: string[] = [];
  const warned: string[] = [];
  let failedCount = 0;
  let warnedCount = 0;
  let kept = 0;
  const fileWarnings: string[] = [];
  const summary = new SummaryWriter(summaryFile, pack, Boolean(opts.force) || resume, (seq, entry) => {
    const where = whereText(words, entry.origin.file, entry.origin.line, entry.result?.name ?? entry.origin.name);
    if (entry.status === 'failed') {
      failedCount++;
      // The reason only: the other notes are in the summary.
      const reason = entry.messages[0] ?? '';
      if (failures.length < LISTED) failures.push(reason.startsWith(entry.origin.source) ? reason : `${where}: ${reason}`);
      portfolio.fail(entry.origin.name ?? entry.origin.source);
    } else {
      if (entry.status === 'warnings') {
        warnedCount++;
        if (warned.length < LISTED) warned.push(`${where}: ${entry.messages.join(' · ')}`);
      }
      if (!entry.result!.testRun) portfolio.add(seq, entry.result!);
      if (entry.result!.calendar) calendarEvents.push(...entry.result!.calendar);
      if (entry.result!.kept) kept++;
    }
  });
  const progress = await startProgress(total, t);
  const record = (seq: number, entry: SummaryEntry) => {
    summary.put(seq, entry);
    progress.tick(entry.status === 'failed');
  };
  const fail = (seq: number, origin: Origin, message: string, notes: string[] = []) => {
    claims.skip(seq);
    record(seq, { origin, status: 'failed', messages: [message, ...notes] });
  };
  const pool = new WorkerPool(join(packageRoot(), 'dist', 'batch-worker.js'), config, Math.max(1, Math.min(jobs, total)), {
    claim: (seq, base) => claims.claim(seq, base),
    done(job, result) {
      record(job.seq, { origin: job.origin, status: job.warnings.length ? 'warnings' : 'ok', messages: job.warnings, result });
    },
    failed(job, message) {
      fail(job.seq, job.origin, message.startsWith(job.file) ? message : `${job.source}: ${message}`, job.warnings);
    },
  });

  // Interrupted (SIGINT, SIGTERM, SIGHUP): workers stop between two files, temporary files are removed
  // (io/temp.ts exits with 128 + the signal's number), and the way to continue is printed.
  let stopping = false;
  const offInterrupt = onInterrupt(async () => {
    stopping = true;
    await pool.stop();
    progress.stop();
    summary.discard();
    const command = ['digiscan', 'batch', ...process.argv.slice(3).filter((a) => a !== '--resume' && a !== '--force'), '--resume'].map(shellQuote).join(' ');
    process.stderr.write(`digiscan: ${t('batch.interrupted', { done: summary.rows, total })}\n`);
    process.stderr.write(`digiscan: ${visible(t('batch.to_continue', { command }))}\n`);
  });
  try {
    for await (const event of readInputs(inputs, { pack, mapping: getMapping, lang: opts.lang, words, dateOrder })) {
      if (stopping) break;
      if (event.type === 'job') await pool.submit(event.job);
      else if (event.type === 'failed') fail(event.seq, event.origin, event.message, event.notes);
      else fileWarnings.push(event.message);
    }
    if (stopping) await new Promise(() => {}); // the signal handler exits
    await pool.close();
  } catch (err) {
    progress.stop();
    summary.discard();
    await pool.close(true);
    offInterrupt();
    throw err;
  }
  progress.stop();
  summary.finish();
  await writeSummaryXlsx(summaryFile, xlsxFile, { pack, data: config.data, words, portfolio, overwrite: true });
  if (calendarFile) {
    const { writeIcs } = await import('../../reports/ics.js');
    // One calendar for the portfolio, in input order; each firm's events are worded in its own language.
    writeFileAtomic(calendarFile, await writeIcs(calendarEvents.map((e) => ({ ...e, calName: 'digiscan' }))), { overwrite: Boolean(opts.force) });
  }
  offInterrupt();
  try {
    unlinkSync(mark);
  } catch {
    // already gone
  }

  process.stdout.write('\n' + portfolio.render(t, uiLang, config.data));
  process.stdout.write(`\n${t('batch.written', { count: portfolio.firms, dir: visibleInline(opts.out), summary: visibleInline(join(opts.out, SUMMARY_FILE)) })}\n`);
  if (kept) process.stdout.write(`${t('batch.kept', { count: kept })}\n`);
  const w = t('batch.warning');
  for (const warning of fileWarnings) process.stderr.write(`digiscan: ${w}: ${visible(warning)}\n`);
  const more = (n: number) => (n > LISTED ? [`digiscan: ${t('batch.more', { count: n - LISTED, file: visibleInline(join(opts.out, SUMMARY_FILE)) })}\n`] : []);
  if (warnedCount) {
    process.stderr.write(`digiscan: ${t('batch.warnings', { count: warnedCount })}\n`);
    for (const line of [...warned.map((l) => `digiscan: ${visible(l)}\n`), ...more(warnedCount)]) process.stderr.write(line);
  }
  if (failedCount) {
    process.stderr.write(`digiscan: ${t('batch.failures', { count: failedCount })}\n`);
    for (const line of [...failures.map((l) => `digiscan: ${visible(l)}\n`), ...more(failedCount)]) process.stderr.write(line);
    return 1;
  }
  return 0;
}

/**
 * Report numbers for firms of the same name and date ("-2", "-3"), given in input order whatever the
 * order workers finish in, so a resumed batch names every firm's reports as the first run did.
 */
class ClaimQueue {
  private next = 0;
  private readonly counts = new Map<string, number>();
  private readonly waiting = new Map<number, { base: string; resolve: (n: number) => void }>();
  private readonly skipped = new Set<number>();

  claim(seq: number, base: string): Promise<number> {
    return new Promise((resolve) => {
      this.waiting.set(seq, { base, resolve });
      this.advance();
    });
  }

  /** Input `seq` will not claim (it failed before, or without, naming a report). */
  skip(seq: number): void {
    if (seq < this.next) return;
    this.skipped.add(seq);
    this.advance();
  }

  private advance(): void {
    for (;;) {
      const claim = this.waiting.get(this.next);
      if (claim) {
        this.waiting.delete(this.next);
        const n = (this.counts.get(claim.base) ?? 0) + 1;
        this.counts.set(claim.base, n);
        claim.resolve(n);
      } else if (this.skipped.has(this.next)) {
        this.skipped.delete(this.next);
      } else return;
      this.next++;
    }
  }
}

/** Temporary files of an interrupted run (a kill -9 cannot clean up after itself). */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (/^\..+\.tmp$/.test(name)) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        // not ours to remove, or gone
      }
    }
  }
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function parseFormats(text: string): Format[] {
  const formats = [...new Set(text.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean))];
  const bad = formats.find((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad !== undefined || !formats.length) {
    throw new UserError(`--format takes a comma-separated list of ${FORMATS.join(', ')}${bad ? `, not "${bad}"` : ''}`);
  }
  return formats as Format[];
}

function parseJobs(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UserError(`--jobs must be a whole number from 1 to 256, not "${text}"`);
  return n;
}

function parseDateFormat(text: string | undefined): DateOrder | undefined {
  if (text === undefined) return undefined;
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  if (key === 'dmy' || key === 'ddmmyyyy' || key === 'ddmmyy') return 'dmy';
  if (key === 'mdy' || key === 'mmddyyyy' || key === 'mmddyy') return 'mdy';
  throw new UserError(`--date-format must be dmy (day first, 31/03/2026) or mdy (month first, 03/31/2026), not "${text}"`);
}

export type { Job };
