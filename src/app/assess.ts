import { visibleInline } from '../core/sanitize.js';
import { existsSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { chooseDate, choosePackQuick } from './choose.js';
import { sourceDateEpoch } from './outputs.js';
import type { Edition } from '../reports/pdf/plan.js';
import type { SessionType } from '../engine/answers/schema.js';
import { commandLine, commandName } from './command.js';
import { defaultReportPath } from '../io/files.js';
import { ANSWERS_SUFFIX, stemOf } from './interview/names.js';

export interface AssessOptions {
  answers?: string;
  resume?: string;
  from?: string;
  advisor?: boolean;
  force?: boolean;
  json?: boolean;
  lang?: Lang;
  pack?: string;
  date?: string;
  out?: string;
  /** Also write the calendar (iCalendar) to this file. */
  calendar?: string;
  edition?: Edition;
  /** The advisor's identity, reused across sessions (answers `advisor:` fields win). */
  advisorProfile?: string;
  /** The kind of session: stored by the interview; when scoring, overrides the file's for this report. */
  session?: SessionType;
}

/**
 * Scores an answers file (--answers FILE), or on a terminal runs the interview: a fresh one (saving
 * to --answers FILE when that file does not exist yet) or a resumed one (--resume FILE, or an
 * unfinished --answers FILE). Without a terminal, or with --json, an existing file is only scored.
 */
export async function runAssess(opts: AssessOptions): Promise<void> {
  const pack = await choosePackQuick(opts.pack);
  const profile = opts.advisorProfile === undefined ? undefined : (await import('./assess-score.js')).loadAdvisorProfile(opts.advisorProfile);
  const today = chooseDate(opts.date);
  sourceDateEpoch(); // a malformed SOURCE_DATE_EPOCH stops the command before anything is shown or written
  const interactive = isInteractive();
  if (opts.resume !== undefined) {
    if (opts.answers !== undefined) throw new UserError('use --answers FILE or --resume FILE, not both', undefined, undefined, { key: 'error.answers_or_resume' });
    if (!interactive) {
      throw new UserError('--resume continues the interview and needs a terminal; to score the file as it is, use --answers FILE', undefined, undefined, { key: 'error.resume_needs_terminal' });
    }
    if (!existsSync(opts.resume)) {
      const command = commandLine(['assess']);
      throw new UserError('no such file', { file: opts.resume }, `start a new interview with: ${command}`, { key: 'error.no_file', hintKey: 'error.hint.new_interview', hintParams: { command } });
    }
  }
  if (opts.from !== undefined) {
    if (opts.resume !== undefined) throw new UserError('use --from FILE (a new re-assessment) or --resume FILE (continue one), not both');
    if (!interactive) throw new UserError('--from starts a new interview and needs a terminal', undefined, 'to compare two answers files, use: digiscan compare BEFORE AFTER');
    if (opts.json) throw new UserError('--json prints the assessment of a finished answers file: pass --answers FILE');
    if (!existsSync(opts.from)) throw new UserError('no such file', { file: opts.from });
    if (opts.answers !== undefined && existsSync(opts.answers)) {
      throw new UserError('already exists; a re-assessment writes a new answers file', { file: opts.answers }, 'leave out --answers to get <company>-<date>.answers.yaml');
    }
    const { runInterviewCommand } = await import('./interview/index.js');
    await runInterviewCommand({ pack, today, lang: opts.lang, advisor: opts.advisor, answersFile: opts.answers, fromFile: opts.from, force: opts.force });
    return;
  }
  let interview = opts.resume !== undefined || (interactive && (opts.answers === undefined || !existsSync(opts.answers)));
  if (interview && opts.json) throw new UserError('--json prints the assessment of a finished answers file: pass --answers FILE', undefined, undefined, { key: 'error.json_needs_answers' });
  let resume = opts.resume;
  if (!interview && interactive && !opts.json && opts.answers !== undefined) {
    // On a terminal, --answers names the interview's file: an unfinished one is continued.
    const { isUnfinished } = await import('./interview/files.js');
    if (isUnfinished(opts.answers, pack)) {
      interview = true;
      resume = opts.answers;
    }
  }
  if (interview) {
    const { runInterviewCommand } = await import('./interview/index.js');
    await runInterviewCommand({
      pack,
      today,
      lang: opts.lang,
      advisor: opts.advisor,
      answersFile: resume === undefined ? opts.answers : undefined,
      resumeFile: resume,
      force: opts.force,
      advisorProfile: profile,
      edition: opts.edition,
      calendar: opts.calendar,
      session: opts.session,
    });
    return;
  }
  if (!opts.answers) {
    throw new UserError('no answers to score: pass --answers FILE (the interactive interview needs a terminal)', undefined, undefined, { key: 'error.no_terminal' });
  }
  // Scoring a file: the loaders (YAML parser, validators) only now, the interview never waits for them.
  const { loadAnswers, loadUiStrings, assessAnswers, translator, renderJson, renderTerminal, useColor, writeReportFiles, writeCalendar, langFromEnv, wordAnswersError, advisorLogo } = await import('./assess-score.js');
  let answers;
  try {
    answers = loadAnswers(opts.answers, pack, { requireProfile: true });
  } catch (err) {
    // Said in the user's language (--lang, else the locale), as the batch says it.
    const lang = opts.lang ?? langFromEnv();
    throw wordAnswersError(err, pack, { t: translator(lang, loadUiStrings()), lang });
  }
  if (opts.session) answers.session = { ...answers.session, type: opts.session };
  const assessment = assessAnswers(pack, answers, today, opts.lang, profile);
  const logo = advisorLogo(answers, opts.answers, profile, opts.advisorProfile);
  const t = translator(assessment.language, loadUiStrings());
  const edition = opts.edition ?? 'client';
  if (opts.json) {
    // stdout stays pure JSON for pipelines; a report file is written only when asked for with --out.
    process.stdout.write(renderJson(assessment));
    const files = opts.out
      ? await writeReportFiles(assessment, { out: opts.out, force: opts.force, edition, logo, calendar: opts.calendar })
      : opts.calendar
        ? [await writeCalendar(assessment, opts.calendar, opts.force)]
        : [];
    for (const file of files) process.stderr.write(`${t('report.written', { file: visibleInline(file) })}\n`);
    return;
  }
  process.stdout.write(renderTerminal(assessment, { color: useColor(process.stdout), t, command: commandName() }));
  process.stdout.write('\n');
  // A finished assessment whose report is already there: show it and say where, rather than fail.
  // (With --out the person named a file: an existing one is refused, as any file we would overwrite.)
  // The interview writes the report beside its answers file; a scored file gets reports/<company>-<date>.pdf.
  const candidates = [`${defaultReportPath('reports', assessment.company.name, assessment.assessedOn, '')}.pdf`];
  if (opts.answers.endsWith(ANSWERS_SUFFIX)) candidates.unshift(`${stemOf(opts.answers)}.pdf`);
  const pdf = candidates.find((f) => existsSync(f));
  if (!opts.force && opts.out === undefined && pdf !== undefined) {
    process.stdout.write(`${t('assess.finished', { file: visibleInline(pdf) })}\n`);
    process.stdout.write(`${t('assess.finished.redo', { command: visibleInline(commandLine(rerunArgs(opts))) })}\n`);
    if (opts.calendar) process.stdout.write(`${t('report.written', { file: visibleInline(await writeCalendar(assessment, opts.calendar, opts.force)) })}\n`);
    return;
  }
  const files = await writeReportFiles(assessment, { out: opts.out, force: opts.force, edition, logo, calendar: opts.calendar });
  for (const file of files) process.stdout.write(`${t('report.written', { file: visibleInline(file) })}\n`);
}

/** The same command with --force, to write the report again. */
function rerunArgs(opts: AssessOptions): string[] {
  const args = ['assess', '--answers', opts.answers!];
  if (opts.out) args.push('--out', opts.out);
  if (opts.lang) args.push('--lang', opts.lang);
  if (opts.edition && opts.edition !== 'client') args.push('--edition', opts.edition);
  if (opts.advisorProfile) args.push('--advisor-profile', opts.advisorProfile);
  if (opts.pack) args.push('--pack', opts.pack);
  if (opts.date) args.push('--date', opts.date);
  args.push('--force');
  return args;
}




/** The interview reads keys from a terminal and draws on one. */
function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}
