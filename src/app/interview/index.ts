// `digiscan` / `digiscan assess` on a terminal: the interview, saved after every answer, then the
// summary and the report files.
import { visible, visibleInline } from '../../core/sanitize.js';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Answers, DroppedAnswer } from '../../engine/answers/load.js';
import { writeFileAtomic } from '../../io/files.js';
import { type Lang } from '../../core/lang.js';
import { langFromEnv } from '../../io/locale.js';
import { translator } from '../../i18n/ui.js';
import type { Pack } from '../../engine/pack/load.js';
import { useColor } from '../../reports/color.js';
import { acquireLock } from '../../io/lock.js';
import { holdAnswersFile } from './lock.js';
import { ANSWERS_SUFFIX, answersFileNames, freeStem, stemOf } from './names.js';
import { progress, runInterview, type InterviewState } from './flow.js';
import { isPromptExit, terminalPrompter } from './inquirer.js';
import type { Choice } from './prompter.js';
import { loadUiStringsQuick } from '../../io/quick.js';
import type { AdvisorProfile } from '../../io/load.js';
import type { Edition } from '../../reports/pdf/plan.js';
import type { SessionType } from '../../engine/answers/schema.js';
import { commandLine, commandName } from '../command.js';
import { offerToOpen } from './open.js';
import { interviewStyles } from './style.js';

// What reads or writes answers files (the YAML parser, the validators) and what scores them is loaded
// when first needed: a new interview shows its first question without them, and saves after it.
const answersFiles = () => import('./files.js');
const assessAnswers = async (...args: Parameters<typeof import('../context.js').assessAnswers>) => (await import('../context.js')).assessAnswers(...args);
const renderTerminal = async (...args: Parameters<typeof import('../../reports/terminal.js').renderTerminal>) => (await import('../../reports/terminal.js')).renderTerminal(...args);

export interface InterviewCommandOptions {
  pack: Pack;
  /** YYYY-MM-DD: the assessment date of a new interview. */
  today: string;
  lang?: Lang | undefined;
  advisor?: boolean | undefined;
  /** A new answers file to create (must not exist). */
  answersFile?: string | undefined;
  /** An existing answers file to continue. */
  resumeFile?: string | undefined;
  /** A re-assessment: the earlier answers file, whose answers are offered as defaults (never written to). */
  fromFile?: string | undefined;
  /** Replace report files that already exist. */
  force?: boolean | undefined;
  /** Where default files go and unfinished ones are looked for. */
  reportsDir?: string;
  /** The advisor's identity (--advisor-profile), stored in a new answers file. */
  advisorProfile?: AdvisorProfile | undefined;
  edition?: Edition | undefined;
  /** Also write the calendar (iCalendar) here at the end. */
  calendar?: string | undefined;
  /** The kind of session (--session), stored in the answers file. */
  session?: SessionType | undefined;
}

export async function runInterviewCommand(opts: InterviewCommandOptions): Promise<void> {
  const { pack } = opts;
  const reportsDir = opts.reportsDir ?? 'reports';
  const color = useColor(process.stdout);
  const c = interviewStyles(color);
  const prompter = terminalPrompter({ color });
  let file: string | undefined;
  let created = false;
  let state: InterviewState | undefined;
  let advisor = Boolean(opts.advisor);
  if (opts.resumeFile) {
    state = (await answersFiles()).loadForResume(opts.resumeFile, pack);
    if (opts.lang) state.answers.language = opts.lang;
    file = opts.resumeFile;
    created = true;
  }

  // A re-assessment (--from, or a resumed file that records the one it follows) offers the earlier answers.
  const dropped: DroppedAnswer[] = [];
  let previous: Answers | undefined;
  let previousFile = opts.fromFile;
  if (previousFile) previous = await loadPrevious(previousFile, pack, dropped);
  else if (state?.answers.previous && file) {
    const candidate = resolve(dirname(file), state.answers.previous.file);
    if (existsSync(candidate)) {
      previousFile = candidate;
      try {
        previous = await loadPrevious(candidate, pack, dropped);
      } catch {
        previous = undefined; // the earlier file was edited into something unreadable: no defaults
      }
    }
  }

  const startLang = state?.answers.language ?? opts.lang ?? previous?.language ?? langFromEnv();
  const ui = await loadUiStringsQuick();
  let t = translator(startLang, ui);
  prompter.say(c.bold(visible(pack.definition.title[startLang])));
  prompter.say(c.dim(interviewLength(pack, t)));
  prompter.say(c.dim(t('interview.intro')));
  if (previous && opts.fromFile) {
    prompter.say(t('compare.from.starting', { name: String(previous.company.name ?? '—'), date: previous.assessedOn ?? '—' }));
    for (const d of dropped) {
      prompter.say(c.yellow(t('compare.from.dropped', { kind: d.kind, id: d.id, before: previous.questionnaire.version, after: pack.definition.version })));
    }
  }
  try {
    if (opts.answersFile) {
      file = opts.answersFile;
    } else if (!state && !previous) {
      const unfinished = answersFileNames(reportsDir).length ? (await answersFiles()).findUnfinished(reportsDir, pack) : [];
      if (unfinished.length) {
        const choices: Choice<number>[] = unfinished.map((u, i) => {
          const { done, total } = progress(pack, u.state);
          const name = String(u.state.answers.company.name ?? '—');
          return { value: i, name: t('interview.resume.item', { name, done, total, date: localStamp(u.modified) }), description: u.file };
        });
        choices.push({ value: -1, name: t('interview.resume.new') });
        prompter.say('');
        const chosen = await prompter.select({ message: t('interview.resume.message'), choices, default: 0, keys: t('interview.keys.select') });
        if (chosen >= 0) {
          state = unfinished[chosen]!.state;
          file = unfinished[chosen]!.file;
          created = true;
        }
      }
    }
    if (state) {
      if (opts.lang) state.answers.language = opts.lang;
      t = translator(state.answers.language, ui);
    }
    // One interview at a time on a file: another one holding it is waited for, or the file is shown read-only.
    // (A file in a folder not created yet cannot be held by anyone: its lock is taken at the first save.)
    let locked = false;
    if (file && existsSync(dirname(file))) {
      const hold = await holdAnswersFile(file, prompter, t);
      locked = true;
      if (hold.kind === 'quit') return;
      if (hold.kind === 'read-only') {
        if (state) process.stdout.write(`\n${await renderTerminal(await assessAnswers(pack, state.answers, opts.today), { color, t })}\n`);
        prompter.say(t('interview.lock.read_only_note'));
        return;
      }
      // While waiting, the other interview saved: continue from what it left.
      if (hold.waited && state) state = (await answersFiles()).loadForResume(file, pack);
      if (opts.lang && state) state.answers.language = opts.lang;
    }
    if (state) {
      prompter.say(t('interview.resuming', { file: visibleInline(file!) }));
    } else {
      state = newState(pack, opts.today, opts.lang ?? startLang, opts.lang !== undefined);
      if (previous && previousFile) state.answers.previous = { file: previousFile, ...(previous.assessedOn ? { assessedOn: previous.assessedOn } : {}) };
      // The plan's owners, dates and statuses and the advisor carry over to the next session.
      if (previous?.plan) state.answers.plan = structuredClone(previous.plan);
      if (previous?.advisor) state.answers.advisor = { ...previous.advisor };
    }
    // Advisor mode is kept in the answers file from the start, so a resumed session keeps asking for notes.
    const answers = state.answers;
    const advisorMode = Boolean(opts.advisor) || Boolean(answers.session?.advisorMode) || Object.keys(answers.notes).length > 0;
    answers.session ??= { type: advisorMode ? 'facilitated' : 'self-assessment', date: answers.assessedOn ?? opts.today };
    if (advisorMode) answers.session.advisorMode = true;
    if (opts.session) answers.session.type = opts.session;
    if (opts.advisorProfile) answers.advisor = { ...opts.advisorProfile, ...answers.advisor };
    advisor = advisorMode;

    const save = async (s: InterviewState) => {
      const { serializeAnswers } = await import('../../io/answers-write.js');
      if (!file) {
        // The default name needs the company name: the file appears once that question is answered.
        if (s.answers.company.name === undefined && !s.skipped.has('name')) return;
        file = `${freeStem(reportsDir, String(s.answers.company.name ?? ''), s.answers.assessedOn ?? opts.today)}${ANSWERS_SUFFIX}`;
      }
      if (s.answers.previous && opts.fromFile && s.answers.previous.file === opts.fromFile) {
        // Recorded relative to the new file, so the two can move together.
        s.answers.previous.file = relative(dirname(resolve(file)), resolve(opts.fromFile)).split(sep).join('/');
      }
      writeFileAtomic(file, serializeAnswers(s.answers, pack, { skipped: s.skipped, file }), { overwrite: created });
      // A new file (or folder) just written: nobody else can hold it yet. Released when the process ends.
      if (!locked) locked = acquireLock(file).held;
      if (!created) {
        created = true;
        prompter.say(c.dim(translator(s.answers.language, ui)('interview.saving_to', { file: visibleInline(file) })));
      }
    };
    state = await runInterview({ pack, state, prompter, advisor, previous, translate: (l) => translator(l, ui), save });
  } catch (err) {
    if (!isPromptExit(err)) throw err;
    const lang = state?.answers.language ?? startLang;
    const tr = translator(lang, ui);
    process.stdout.write('\n');
    if (file && created) {
      prompter.say(tr('interview.interrupted', { file: visibleInline(file) }));
      prompter.say(tr('interview.continue_with', { command: visibleInline(commandLine(['assess', '--resume', file, ...(advisor ? ['--advisor'] : [])])) }));
    } else {
      prompter.say(tr('interview.interrupted_nothing'));
    }
    process.exitCode = 130;
    return;
  }

  t = translator(state.answers.language, ui);
  prompter.say('');
  prompter.say(c.green(t('interview.done')));
  const assessment = await assessAnswers(pack, state.answers, opts.today, undefined, opts.advisorProfile);
  process.stdout.write(`\n${await renderTerminal(assessment, { color, t, command: commandName() })}\n`);
  const [{ advisorLogo }, { writeReportFiles }] = await Promise.all([import('../advisor.js'), import('../outputs.js')]);
  const logo = advisorLogo(state.answers, file!, opts.advisorProfile, undefined);
  const written = await writeReportFiles(assessment, { dir: reportsDir, stem: stemOf(file!), force: opts.force, edition: opts.edition, logo, calendar: opts.calendar });
  for (const path of [file!, ...written]) prompter.say(t('interview.written', { file: visibleInline(path) }));
  const pdf = written.find((f) => f.endsWith('.pdf'));
  if (pdf) await offerToOpen(pdf, prompter, t);
}

/**
 * "About 55 questions, 15 to 20 minutes.": every question that may be asked (follow-ups often are
 * not), at 15 to 20 seconds each, in five-minute steps.
 */
function interviewLength(pack: Pack, t: ReturnType<typeof translator>): string {
  const questions = pack.definition.profile.length + pack.definition.dimensions.reduce((n, d) => n + d.questions.length, 0);
  const min = Math.max(5, Math.round((questions * 15) / 60 / 5) * 5);
  return t('interview.length', { questions, min, max: min + 5 });
}

/** The earlier answers of a re-assessment; what this version of the questionnaire no longer has is left out. */
async function loadPrevious(file: string, pack: Pack, dropped: DroppedAnswer[]): Promise<Answers> {
  const [{ validateAnswers }, { parseYaml, readTextFile }] = await Promise.all([import('../../engine/answers/load.js'), import('../../io/read.js')]);
  return validateAnswers(parseYaml(readTextFile(file), file), pack, { requireProfile: false, dropped });
}

function newState(pack: Pack, today: string, language: Lang, languageChosen: boolean): InterviewState {
  const answers: Answers = {
    questionnaire: { id: pack.definition.id, version: pack.definition.version },
    language,
    company: {},
    answers: {},
    notes: {},
    assessedOn: today,
  };
  return { answers, skipped: new Set(), languageChosen };
}


function localStamp(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
