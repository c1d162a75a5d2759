// `digiscan compare --batch BEFORE AFTER --out DIR`: a hub's two batches (answers files, folders, form
// exports — the inputs `batch` reads) paired firm by firm, progress.csv per firm and an anonymised
// impact.csv. A bad file is listed and the others go on; unpaired firms are listed, never dropped.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { VERSION } from '../core/version.js';
import type { Answers } from '../engine/answers/load.js';
import { assess, type Assessment } from '../engine/assessment/index.js';
import { checkEnterpriseNumber, enterpriseKey } from '../engine/enterprise/index.js';
import type { Pack } from '../engine/pack/load.js';
import { impactTable, pairFirms, sizeClass, type BatchFirm, type ImpactFirm } from '../engine/progress/batch.js';
import { CompareError, compareAssessments } from '../engine/progress/index.js';
import { translator } from '../i18n/ui.js';
import { ensureDir, writeFileAtomic } from '../io/files.js';
import { loadUiStrings } from '../io/load.js';
import { langFromEnv } from '../io/locale.js';
import { renderImpactCsv, renderProgressCsv, type ProgressCsvFirm } from '../reports/progress-csv.js';
import { isFormExport, readInputs } from './batch/inputs.js';
import { loadMapping, type FormMapping } from './batch/mapping.js';
import { isTestRun, loadJobAnswers } from './batch/job-answers.js';
// Test runs stay out of the aggregate (they are still listed in progress.csv).
import { chooseDate, choosePack } from './context.js';

export interface CompareBatchOptions {
  out?: string;
  json?: boolean;
  lang?: Lang;
  force?: boolean;
  pack?: string;
  date?: string;
  mapping?: string;
}

export const PROGRESS_FILE = 'progress.csv';
export const IMPACT_FILE = 'impact.csv';

interface Scored {
  source: string;
  answers: Answers;
  assessment: Assessment;
}

export async function runCompareBatch(beforeInput: string, afterInput: string, opts: CompareBatchOptions): Promise<number> {
  if (!opts.out) throw new UserError('--batch writes progress.csv and impact.csv: give the folder with --out DIR');
  if (opts.json) throw new UserError('--json compares two assessments; with --batch the results are the CSV files in --out');
  const pack = choosePack(opts.pack);
  const today = chooseDate(opts.date);
  const lang = opts.lang ?? langFromEnv();
  const ui = loadUiStrings();
  const t = translator(lang, ui);
  const outDir = opts.out;
  const files = [join(outDir, PROGRESS_FILE), join(outDir, IMPACT_FILE)];
  if (!opts.force) {
    const existing = files.find((f) => existsSync(f));
    if (existing) throw new UserError('already exists; not overwritten', { file: existing }, 'use --force to replace it, or choose another --out');
  }
  let mapping: FormMapping | undefined;
  const getMapping = () => (mapping ??= loadMapping(pack, opts.mapping).mapping);
  if (opts.mapping || [beforeInput, afterInput].some(isFormExport)) getMapping();

  const failures: string[] = [];
  const before = await scoreAll(beforeInput, pack, today, getMapping, ui, failures);
  const after = await scoreAll(afterInput, pack, today, getMapping, ui, failures);

  const keyed = (list: Scored[]): BatchFirm[] =>
    list.map((s) => ({ source: s.source, name: s.assessment.company.name, enterpriseNumber: enterpriseKey(s.assessment.company.enterprise_number), assessedOn: s.assessment.assessedOn }));
  const pairing = pairFirms(keyed(before), keyed(after));
  const dimensionIds = pack.definition.dimensions.map((d) => d.id);

  const rows: ProgressCsvFirm[] = [];
  const impact: ImpactFirm[] = [];
  const firmOf = (s: Scored) => ({
    name: s.assessment.company.name,
    enterpriseNumber: formattedNumber(s.assessment.company.enterprise_number),
    region: s.assessment.company.region,
    sizeClass: sizeClass(s.assessment.company.employees),
  });
  for (const pair of pairing.pairs) {
    const b = before[pair.before]!;
    const a = after[pair.after]!;
    try {
      const progress = compareAssessments(b.assessment, a.assessment, {
        versions: { before: b.answers.questionnaire.version, after: a.answers.questionnaire.version },
      });
      rows.push({ status: 'paired', ...firmOf(a), beforeSource: b.source, afterSource: a.source, beforeDate: b.assessment.assessedOn, afterDate: a.assessment.assessedOn, progress });
      // Size class and region of the later assessment: where the firm is now.
      if (!isTestRun(b.answers) && !isTestRun(a.answers)) impact.push({ region: a.assessment.company.region, employees: a.assessment.company.employees, progress });
    } catch (err) {
      if (!(err instanceof CompareError)) throw err;
      failures.push(`${a.source}: ${err.message} (paired with ${b.source})`);
      rows.push({ status: 'only-before', ...firmOf(b), beforeSource: b.source, beforeDate: b.assessment.assessedOn, only: scoresOf(b.assessment) });
      rows.push({ status: 'only-after', ...firmOf(a), afterSource: a.source, afterDate: a.assessment.assessedOn, only: scoresOf(a.assessment) });
    }
  }
  for (const u of pairing.unpairedBefore) {
    const s = before[u.index]!;
    rows.push({ status: u.reason === 'duplicate' ? 'duplicate-before' : 'only-before', ...firmOf(s), beforeSource: s.source, beforeDate: s.assessment.assessedOn, only: scoresOf(s.assessment) });
  }
  for (const u of pairing.unpairedAfter) {
    const s = after[u.index]!;
    rows.push({ status: u.reason === 'duplicate' ? 'duplicate-after' : 'only-after', ...firmOf(s), afterSource: s.source, afterDate: s.assessment.assessedOn, only: scoresOf(s.assessment) });
  }

  const title = (id: string) => pack.definition.dimensions.find((d) => d.id === id)?.title[lang] ?? id;
  ensureDir(outDir);
  writeFileAtomic(files[0]!, renderProgressCsv(rows, dimensionIds, t), { overwrite: Boolean(opts.force) });
  writeFileAtomic(files[1]!, renderImpactCsv(impactTable(impact, dimensionIds), title, t), { overwrite: Boolean(opts.force) });

  for (const f of failures) process.stderr.write(`digiscan: ${f}\n`);
  const undated = pairing.pairs.filter((p) => !before[p.before]!.answers.assessedOn && !after[p.after]!.answers.assessedOn).length;
  if (undated) {
    process.stderr.write(`digiscan: ${undated === 1 ? '1 paired firm has' : `${undated} paired firms have`} no assessment date on either side: both were dated ${today}, so "months" is 0 (give each file an assessedOn, or the form an "assessedOn" column)\n`);
  }
  const unpaired = rows.filter((r) => r.status !== 'paired').length;
  process.stdout.write(`${t('compare.batch.written', { pairs: rows.length - unpaired, unpaired })}\n`);
  for (const f of files) process.stdout.write(`${t('report.written', { file: f })}\n`);
  return failures.length ? 1 : 0;
}

/** As it is usually written (0123.456.749): a spreadsheet keeps the leading zero of text like this. */
function formattedNumber(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const check = checkEnterpriseNumber(value);
  return check.ok ? check.formatted : value;
}


function scoresOf(a: Assessment): ProgressCsvFirm['only'] {
  return { overall: a.overall.score, level: a.overall.level, dimensions: Object.fromEntries(a.dimensions.map((d) => [d.id, d.score])) };
}

/** Every firm of one side, scored (no aids or barometer figures: the hub's report does not use them). */
async function scoreAll(input: string, pack: Pack, today: string, mapping: () => FormMapping, ui: ReturnType<typeof loadUiStrings>, failures: string[]): Promise<Scored[]> {
  const out: Scored[] = [];
  for await (const event of readInputs([input], { pack, mapping })) {
    if (event.type === 'failed') failures.push(event.message);
    else if (event.type === 'warning') process.stderr.write(`digiscan: ${event.message}\n`);
    else if (event.type === 'job') {
      try {
        const answers = loadJobAnswers(event.job, pack);
        out.push({ source: event.job.source, answers, assessment: assess({ pack, answers, today, toolVersion: VERSION, ui }) });
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        failures.push(err.format());
      }
    }
  }
  return out;
}

