// `digiscan batch`: many answers files or form rows in, one set of reports per firm, a summary.csv
// and a portfolio view out. The main thread reads inputs and writes the summary; worker threads score
// and render. A bad file or row is listed at the end and does not stop the others.
import { onInterrupt } from '../../io/temp.js';
import { visible, visibleInline } from '../../core/sanitize.js';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { type Lang } from '../../core/lang.js';
import { langFromEnv } from '../../io/locale.js';
import { packageRoot } from '../../io/paths.js';
import { translator } from '../../i18n/ui.js';
import { assessmentData, chooseDate, choosePack } from '../context.js';
import { ensureDir } from '../../io/files.js';
import { countJobs, isFormExport, readInputs, type Job } from './inputs.js';
import { loadMapping, type FormMapping } from './mapping.js';
import { WorkerPool } from './pool.js';
import { Portfolio } from './portfolio.js';
import { startProgress } from './progress.js';
import { FORMATS, type Format, type WorkerConfig } from './protocol.js';
import { loadRenderers } from './report.js';
import { SummaryWriter, summaryHeader } from './summary.js';
import { loadUiStrings } from '../../io/load.js';

export interface BatchOptions {
  out: string;
  format?: string;
  jobs?: string;
  lang?: Lang;
  pack?: string;
  mapping?: string;
  date?: string;
  force?: boolean;
}

export const SUMMARY_FILE = 'summary.csv';
export const DEFAULT_FORMATS = 'pdf';

/** Runs the batch and returns the exit code: 0 when every firm was scored, 1 when any failed. */
export async function runBatch(inputs: string[], opts: BatchOptions): Promise<number> {
  const pack = choosePack(opts.pack);
  const today = chooseDate(opts.date);
  const formats = parseFormats(opts.format ?? DEFAULT_FORMATS);
  const jobs = parseJobs(opts.jobs);
  const uiLang = opts.lang ?? langFromEnv();
  const t = translator(uiLang, loadUiStrings());
  const outDir = resolve(opts.out);
  ensureDir(outDir);
  const summaryFile = join(outDir, SUMMARY_FILE);
  if (existsSync(summaryFile) && !opts.force) {
    throw new UserError('already exists; not overwritten', { file: join(opts.out, SUMMARY_FILE) }, 'use --force to replace it, or choose another --out');
  }
  if (formats.includes('pdf')) await loadRenderers(['pdf']); // fail now, not once per firm
  let mapping: FormMapping | undefined;
  const getMapping = () => (mapping ??= loadMapping(pack, opts.mapping).mapping);
  if (opts.mapping || inputs.some(isFormExport)) getMapping(); // a bad mapping stops the batch before it starts

  const total = await countJobs(inputs);
  const config: WorkerConfig = { pack, data: assessmentData(pack), outDir, formats, lang: opts.lang, today, force: Boolean(opts.force) };
  const claims = new Map<string, number>();
  const portfolio = new Portfolio(pack);
  const failures: { seq: number; message: string }[] = [];
  const warnings: string[] = [];
  const summary = new SummaryWriter(summaryFile, summaryHeader(pack), Boolean(opts.force));
  const progress = await startProgress(total, t);
  const fail = (seq: number, message: string) => {
    failures.push({ seq, message });
    summary.put(seq, null);
    progress.tick(true);
  };
  const pool = new WorkerPool(join(packageRoot(), 'dist', 'batch-worker.js'), config, Math.max(1, Math.min(jobs, total)), {
    claim(base) {
      const n = (claims.get(base) ?? 0) + 1;
      claims.set(base, n);
      return n;
    },
    done(job, row, levels, scores) {
      portfolio.add(levels, scores);
      summary.put(job.seq, row);
      progress.tick(false);
    },
    failed(job, message) {
      fail(job.seq, message.startsWith(job.file) ? message : `${job.source}: ${message}`);
    },
  });
  // Interrupted (SIGINT, SIGTERM, SIGHUP): workers stop between two files, then no temporary file is left.
  const offInterrupt = onInterrupt(async () => {
    await pool.stop();
    summary.discard();
  });
  try {
    for await (const event of readInputs(inputs, { pack, mapping: getMapping, lang: opts.lang })) {
      if (event.type === 'job') await pool.submit(event.job);
      else if (event.type === 'failed') fail(event.seq, event.message);
      else if (event.type === 'warning') warnings.push(event.message);
      else progress.uncount();
    }
    await pool.close();
  } catch (err) {
    progress.stop();
    summary.discard();
    await pool.close(true);
    throw err;
  } finally {
    offInterrupt();
  }
  progress.stop();
  summary.finish();

  process.stdout.write('\n' + portfolio.render(t, uiLang));
  process.stdout.write(`\n${t('batch.written', { count: portfolio.firms, dir: visibleInline(opts.out), summary: visibleInline(join(opts.out, SUMMARY_FILE)) })}\n`);
  for (const warning of warnings) process.stderr.write(`digiscan: warning: ${visible(warning)}\n`);
  if (failures.length) {
    process.stderr.write(`digiscan: ${t('batch.failures', { count: failures.length })}\n`);
    failures.sort((a, b) => a.seq - b.seq);
    for (const { message } of failures) for (const line of message.split('\n')) process.stderr.write(`digiscan: ${visible(line)}\n`);
    return 1;
  }
  return 0;
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

export type { Job };
