// Scores one firm and writes its reports: the work of a batch worker, kept apart from the thread
// plumbing so it reads (and could run) like any other command.
import { join } from 'node:path';
import { assess } from '../../engine/assessment/index.js';
import type { Assessment } from '../../engine/assessment/types.js';
import { UserError } from '../../core/errors.js';
import { defaultReportPath, slugify, writeFileAtomic } from '../../io/files.js';
import { VERSION } from '../../core/version.js';
import { translator, type Translate } from '../../i18n/ui.js';
import { renderCsv } from '../../reports/csv.js';
import { renderJson } from '../../reports/json.js';
import { existsSync } from 'node:fs';
import type { Job } from './inputs.js';
import type { Format, WorkerConfig } from './protocol.js';
import { firmResult, type FirmResult } from './summary.js';
import { wordAnswersError } from '../answers-words.js';
import { icsEvents } from '../../reports/ics.js';
import { isTestRun, loadJobAnswers } from './job-answers.js';

type Render = (a: Assessment, t: Translate) => Promise<string | Uint8Array>;

type RenderPdf = (assessment: Assessment, options: { t: Translate; deterministic?: boolean }) => Promise<Buffer>;

// The PDF renderer pulls in pdfkit: loaded only when a PDF is asked for.

export async function loadRenderers(formats: Format[]): Promise<Map<Format, Render>> {
  const renderers = new Map<Format, Render>();
  for (const format of formats) {
    if (format === 'json') renderers.set(format, async (a) => renderJson(a));
    else if (format === 'csv') renderers.set(format, async (a, t) => renderCsv(a, { t }));
    else {
      let renderPdf: RenderPdf;
      try {
        ({ renderPdf } = (await import('../../reports/pdf/index.js')) as { renderPdf: RenderPdf });
      } catch {
        throw new UserError('PDF reports are not available in this build', undefined, 'use --format json,csv');
      }
      renderers.set(format, (a, t) => renderPdf(a, { t }));
    }
  }
  return renderers;
}

export interface Reporter {
  /** Scores the job, asks `claim` for the report's number among same-named firms, writes the files. */
  run(job: Job, claim: (base: string) => Promise<number>): Promise<FirmResult>;
}

export async function createReporter(config: WorkerConfig): Promise<Reporter> {
  const { pack } = config;
  const renderers = await loadRenderers(config.formats);
  const translators = new Map<string, Translate>();
  const relative = (files: string[]) => files.map((f) => f.slice(join(config.outDir, '/').length));
  const t = (lang: Assessment['language']) => {
    if (!translators.has(lang)) translators.set(lang, translator(lang, config.data.ui));
    return translators.get(lang)!;
  };
  return {
    async run(job, claim) {
      let answers;
      try {
        answers = loadJobAnswers(job, pack);
      } catch (err) {
        throw wordAnswersError(err, pack, { t: t(config.uiLang), lang: config.uiLang });
      }
      const assessment = assess({ pack, answers, today: config.today, lang: config.lang, toolVersion: VERSION, ...config.data });
      const number = await claim(`${slugify(assessment.company.name)}-${assessment.assessedOn}`);
      const suffix = number > 1 ? `-${number}` : '';
      const files = config.formats.map((format) => defaultReportPath(config.outDir, assessment.company.name, assessment.assessedOn, `${suffix}.${format}`));
      const testRun = isTestRun(answers);
      const calendar = config.calendar && !testRun ? { calendar: icsEvents([{ assessment, t: t(assessment.language) }]) } : {};
      // --resume: a firm whose reports are all there (each was written whole, then renamed) is kept.
      if (config.resume && files.every((f) => existsSync(f))) return { ...firmResult(assessment, relative(files), true), testRun, ...calendar };
      if (!config.force && !config.resume) {
        const existing = files.find((f) => existsSync(f));
        if (existing) throw new UserError('already exists; not overwritten', { file: existing }, 'use --force to replace it, or --resume to keep it');
      }
      for (const [i, format] of config.formats.entries()) {
        const data = await renderers.get(format)!(assessment, t(assessment.language));
        writeFileAtomic(files[i]!, data, { overwrite: config.force || config.resume, durable: false });
      }
      return { ...firmResult(assessment, relative(files), false), testRun, ...calendar };
    },
  };
}

