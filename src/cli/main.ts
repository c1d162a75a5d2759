import { Command, CommanderError, Option } from 'commander';
import { UserError } from '../core/errors.js';
import { LANGS } from '../core/lang.js';
import { VERSION } from '../core/version.js';

// Each command's module is imported only when it runs, so `--version` and `--help` stay fast.
export function buildProgram(): Command {
  const program = new Command('digiscan')
    .description('How digital is your small business? Scores, barometer comparisons, public aids and a PDF report — offline.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(commanderError(message)) });

  program
    .command('assess', { isDefault: true })
    .description('run the questionnaire (or score an answers file) and report the results')
    .option('-a, --answers <file>', 'score this answers file; on a terminal, a new or unfinished file is where the interview saves (and continues)')
    .option('-r, --resume <file>', 'continue an unfinished interview at its first unanswered question')
    .option('--force', 'replace report files that already exist')
    .option('--advisor', 'advisor mode: after each area, type a free note (kept in the answers and the report)')
    .option('--json', 'print the assessment as JSON on stdout (writes no report file unless --out is given)')
    .option('-o, --out <file>', 'write the PDF report to this file (default: reports/<company>-<yyyy-mm-dd>.pdf, with a .json beside it)')
    .addOption(new Option('-l, --lang <lang>', 'language of the output').choices(LANGS))
    .option('--pack <dir>', 'use the questionnaire pack in this folder instead of the built-in one')
    .option('--date <yyyy-mm-dd>', 'assess as of this date (default: the answers file date, else today)')
    .option('--calendar <file.ics>', 'also write a calendar: plan target dates, legal deadlines, aid windows that close, the follow-up review')
    .addOption(new Option('--edition <edition>', 'client: the report the firm keeps; advisor: adds the annex for the advisor').choices(['client', 'advisor']).default('client'))
    .option('--advisor-profile <file.yaml>', 'the advisor shown on the cover and in the footer (name, organisation, email, phone, logo)')
    .addHelpText(
      'after',
      '\nThe PDF report is in the answers\' language (or --lang). Set SOURCE_DATE_EPOCH (seconds) to get\nbyte-identical PDFs for equal answers: the date and document id are then fixed.',
    )
    .action(async (opts) => {
      const { runAssess } = await import('../app/assess.js');
      await runAssess(opts);
    });

  program
    .command('aids')
    .description('list the public aids a firm is eligible for, best fit first')
    .option('-r, --region <code>', 'region of the operating seat, e.g. BE-BRU, BE-WAL, BE-VLG, FR-OCC')
    .option('-e, --employees <n>', 'number of employees (FTE); 0 for a self-employed person alone')
    .option('--turnover <eur>', 'annual turnover in euros (or a band id such as 250k-1m)')
    .option('--nace <code>', 'NACE code of the main activity, e.g. 47.11')
    .option('--legal-form <form>', 'sole-trader, srl, sa, sc, asbl or other')
    .option('--theme <theme>', 'only aids for this theme (repeatable): website, ecommerce, invoicing, cybersecurity, ai, consulting, training', collect)
    .option('--date <yyyy-mm-dd>', 'match as of this date (default: today)')
    .option('-l, --lang <lang>', 'language of the output: fr, nl or en (default: from the environment)')
    .option('--json', 'print the matching aids as a JSON array on stdout (with --explain: every aid, with "eligible")')
    .option('--explain', 'also list the aids ruled out, and why')
    .option('--pack <dir>', 'use the aids of the questionnaire pack in this folder')
    .action(async (opts) => {
      const { runAids } = await import('../app/aids.js');
      await runAids(opts);
    });

  program
    .command('batch')
    .description('score many answers files or the rows of a form export (CSV): a report per firm, summary.csv and a portfolio view')
    .argument('<input...>', 'answers files (.yaml), folders of them, or CSV exports of an online form')
    .requiredOption('-o, --out <dir>', 'folder for the reports and summary.csv')
    .option('-f, --format <list>', 'report formats, comma-separated: pdf, json, csv', 'pdf')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)')
    .addOption(new Option('-l, --lang <lang>', 'language of the reports (default: each firm\'s own)').choices(LANGS))
    .option('--pack <dir>', 'use the questionnaire pack in this folder instead of the built-in one')
    .option('--mapping <file>', 'form mapping YAML (default: the pack\'s forms/mapping.yaml)')
    .option('--date <yyyy-mm-dd>', 'assess as of this date when an answers file has no date (default: today)')
    .option('--force', 'replace existing report files and summary.csv')
    .action(async (inputs: string[], opts) => {
      const { runBatchCommand } = await import('../app/batch/command.js');
      await runBatchCommand(inputs, opts);
    });

  program
    .command('template')
    .description('write a blank answers file (YAML), or the question list for building an online form (CSV)')
    .addOption(new Option('--csv', 'the form question list: column header, allowed answers').conflicts('yaml'))
    .addOption(new Option('--yaml', 'a blank answers file with every question and its options (default)'))
    .addOption(new Option('-l, --lang <lang>', 'language of the texts').choices(LANGS))
    .option('--pack <dir>', 'use the questionnaire pack in this folder instead of the built-in one')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('--force', 'replace an existing --out file')
    .action(async (opts) => {
      const { runTemplate } = await import('../app/template.js');
      await runTemplate(opts);
    });

  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput({ outputError: (message, write) => write(commanderError(message)) });
  }
  return program;
}

/** commander's own errors, in the same one-line form as ours. */
function commanderError(message: string): string {
  return `digiscan: ${message.trim().replace(/^error: /, '')} (see --help)\n`;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = exitCodeFor(err);
  }
}

/** Maps any failure to an exit code after printing it as one line: 2 for the user's mistakes, 1 for bugs. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander has already printed its message (or the help/version text).
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof UserError) {
    for (const line of err.format().split('\n')) process.stderr.write(`digiscan: ${line}\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`digiscan: unexpected error: ${message.split('\n')[0]}\n`);
  if (process.env.DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('digiscan: this is a bug; run again with DEBUG=1 for details and report it\n');
  return 1;
}
