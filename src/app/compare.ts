// `digiscan compare BEFORE AFTER`: two assessments of one firm (answers files or assessment JSON),
// what changed between them, on the terminal, as JSON or as a PDF progress report.
import { extname } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { VERSION } from '../core/version.js';
import type { DroppedAnswer } from '../engine/answers/load.js';
import { assess, type Assessment } from '../engine/assessment/index.js';
import { assessmentSchema } from '../engine/assessment/schema.js';
import { checkEnterpriseNumber } from '../engine/enterprise/index.js';
import type { Pack } from '../engine/pack/load.js';
import { compareAssessments, type Progress } from '../engine/progress/index.js';
import { translator } from '../i18n/ui.js';
import { writeFileAtomic } from '../io/files.js';
import { loadAnswers, loadUiStrings } from '../io/load.js';
import { readTextFile } from '../io/read.js';
import type { ProgressWords } from '../reports/progress.js';
import { renderProgressTerminal } from '../reports/progress.js';
import { useColor } from '../reports/terminal.js';
import { assessmentData, chooseDate, choosePack } from './context.js';

export interface CompareOptions {
  json?: boolean;
  out?: string;
  lang?: Lang;
  force?: boolean;
  pack?: string;
  date?: string;
  batch?: boolean;
  mapping?: string;
}

/** One side of a comparison: its assessment, and for an answers file the version it was written for. */
export interface Loaded {
  file: string;
  assessment: Assessment;
  /** The questionnaire version the answers were given on (answers files scored with today's pack). */
  answersVersion?: string;
  dropped: DroppedAnswer[];
}

export async function runCompare(before: string, after: string, opts: CompareOptions): Promise<number> {
  if (opts.batch) {
    const { runCompareBatch } = await import('./compare-batch.js');
    return runCompareBatch(before, after, opts);
  }
  const pack = choosePack(opts.pack);
  const today = chooseDate(opts.date);
  // The report speaks AFTER's language (the latest interview's) unless --lang says otherwise.
  const a = loadSide(after, pack, today, opts.lang);
  const lang = opts.lang ?? a.assessment.language;
  const bb = loadSide(before, pack, today, lang);
  const progress = progressOf(bb, a, Boolean(opts.force));
  const t = translator(lang, loadUiStrings());
  const words = progressWords(pack, lang, bb.assessment, a.assessment);

  // The PDF first: a closed standard output (| head) must not cost the file.
  if (opts.out) {
    if (extname(opts.out).toLowerCase() !== '.pdf') throw new UserError('--out writes a PDF progress report: give a file name ending in .pdf', { file: opts.out });
    const { renderProgressPdf } = await import('../reports/progress-pdf.js');
    const pdf = await renderProgressPdf(progress, { t, words, toolVersion: VERSION, deterministic: process.env.SOURCE_DATE_EPOCH !== undefined });
    writeFileAtomic(opts.out, pdf, { overwrite: Boolean(opts.force) });
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(progress, null, 2)}\n`);
  } else {
    process.stdout.write(renderProgressTerminal(progress, { color: useColor(process.stdout), t, words }));
  }
  if (opts.out) (opts.json ? process.stderr : process.stdout).write(`${t('report.written', { file: opts.out })}\n`);
  return 0;
}

export function progressOf(b: Loaded, a: Loaded, force: boolean): Progress {
  const versions =
    b.answersVersion !== undefined || a.answersVersion !== undefined
      ? { before: b.answersVersion ?? b.assessment.questionnaire.version, after: a.answersVersion ?? a.assessment.questionnaire.version }
      : undefined;
  return compareAssessments(b.assessment, a.assessment, { force, versions, removed: [...new Set(b.dropped.filter((d) => d.kind === 'question').map((d) => d.id))] });
}

/** An assessment JSON file (`assess --json`), or an answers file scored with the pack. */
export function loadSide(file: string, pack: Pack, today: string, lang: Lang | undefined): Loaded {
  if (extname(file).toLowerCase() === '.json') {
    const text = readTextFile(file);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new UserError(`not valid JSON: ${(err as Error).message}`, { file });
    }
    const parsed = assessmentSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(`not a digiscan assessment (assess --json): ${issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'unexpected shape'}`, { file });
    }
    return { file, assessment: parsed.data as Assessment, dropped: [] };
  }
  const dropped: DroppedAnswer[] = [];
  const answers = loadAnswers(file, pack, { requireProfile: true, dropped });
  const data = assessmentData(pack);
  const assessment = assess({ pack, answers, today, lang, toolVersion: VERSION, ...data });
  return { file, assessment, answersVersion: answers.questionnaire.version, dropped };
}

/** Names by id in the report language: from the questionnaire when it is the one assessed, else from the assessments. */
export function progressWords(pack: Pack | undefined, lang: Lang, before: Assessment, after: Assessment): ProgressWords {
  const def = pack && pack.definition.id === after.questionnaire.id ? pack.definition : undefined;
  const questions = new Map(def?.dimensions.flatMap((d) => d.questions.map((q) => [q.id, q] as const)) ?? []);
  // Fallbacks for a questionnaire that is not the one assessed (JSON files): the assessments' own words.
  const questionText = new Map<string, string>();
  const stepText = new Map<string, string>();
  for (const a of [before, after]) {
    for (const d of a.dimensions) {
      for (const q of d.questions) questionText.set(q.id, q.text);
      for (const s of d.nextSteps) stepText.set(s.questionId, s.text);
    }
  }
  const dims = new Map<string, string>([...before.dimensions, ...after.dimensions].map((d) => [d.id, d.title]));
  const aids = new Map<string, string>([...(before.aids ?? []), ...(after.aids ?? [])].map((x) => [x.id, x.name]));
  const levels = new Map<number, string>([[before.overall.level, before.overall.levelName], [after.overall.level, after.overall.levelName]]);
  for (const d of [...before.dimensions, ...after.dimensions]) levels.set(d.level, d.levelName);
  const number = after.company.enterprise_number ?? before.company.enterprise_number;
  const check = typeof number === 'string' ? checkEnterpriseNumber(number) : undefined;
  return {
    lang,
    company: after.company.name || before.company.name,
    enterpriseNumber: check?.ok ? check.formatted : undefined,
    dimension: (id) => def?.dimensions.find((d) => d.id === id)?.title[lang] ?? dims.get(id) ?? id,
    practice: (id) => questions.get(id)?.strength?.[lang] ?? questions.get(id)?.text[lang] ?? questionText.get(id) ?? id,
    step: (id) => questions.get(id)?.advice?.[lang] ?? stepText.get(id) ?? questionText.get(id) ?? id,
    question: (id) => questions.get(id)?.text[lang] ?? questionText.get(id) ?? id,
    answer: (id, which) => {
      const a = which === 'before' ? before : after;
      const q = a.dimensions.flatMap((d) => d.questions).find((x) => x.id === id);
      return q && q.answer.length ? q.answer.join(', ') : '—';
    },
    level: (n) => def?.levels.find((l) => l.level === n)?.name[lang] ?? levels.get(n) ?? String(n),
    aid: (id) => aids.get(id) ?? id,
  };
}
