import { Command, CommanderError, Option, type Help } from 'commander';
import { UserError } from '../core/errors.js';
import { visible } from '../core/sanitize.js';
import { LANGS } from '../core/lang.js';
import { VERSION } from '../core/version.js';
import type { Translate } from '../i18n/ui.js';

// The command line (commander): flags, help and exit codes. Each command's module is imported only when
// it runs, so `--version` and `--help` stay fast.
// Help, commander's own words and flag errors follow --lang, else the locale (see questionnaires/i18n/cli.yaml).
export function buildProgram(t: Translate): Command {
  const program = new Command('digiscan')
    .description(`${t('cli.description')}\n\n${t('cli.intro')}`)
    .version(VERSION, '-v, --version', t('cli.opt.version'))
    .helpOption('-h, --help', t('cli.opt.help'))
    .helpCommand('help [command]', t('cli.cmd.help'))
    .addHelpText('after', `\n${t('cli.examples')}`)
    // Options of the interview, also accepted before any command: `digiscan --lang nl --advisor`.
    .addOption(new Option('-l, --lang <lang>', t('cli.opt.lang')).choices(LANGS))
    .option('--advisor', t('cli.opt.advisor'))
    .exitOverride();

  program
    .command('assess', { isDefault: true })
    .description(t('cli.assess'))
    .option('-a, --answers <file>', t('cli.assess.answers'))
    .option('-r, --resume <file>', t('cli.assess.resume'))
    .option('--from <file>', t('cli.assess.from'))
    .option('--force', t('cli.opt.force'))
    .option('--advisor', t('cli.opt.advisor'))
    .option('--json', t('cli.assess.json'))
    .option('-o, --out <file>', t('cli.assess.out'))
    .addOption(new Option('-l, --lang <lang>', t('cli.opt.lang')).choices(LANGS))
    .option('--pack <dir>', t('cli.opt.pack'))
    .option('--date <yyyy-mm-dd>', t('cli.assess.date'))
    .option('--calendar <file.ics>', t('cli.assess.calendar'))
    .addOption(new Option('--edition <edition>', t('cli.assess.edition')).choices(['client', 'advisor']).default('client'))
    .option('--advisor-profile <file.yaml>', t('cli.assess.advisor_profile'))
    .addOption(new Option('--session <type>', t('cli.assess.session')).choices(['self-assessment', 'facilitated', 'test-run']))
    .addHelpText('after', `\n${t('cli.assess.after')}`)
    .action(async (opts, cmd: Command) => {
      const { runAssess } = await import('../app/assess.js');
      await runAssess({ ...cmd.parent!.opts(), ...opts });
    });

  program
    .command('aids')
    .description(t('cli.aids'))
    .option('-r, --region <region>', t('cli.aids.region_names'))
    .option('-e, --employees <n>', t('cli.aids.employees'))
    .option('--turnover <eur>', t('cli.aids.turnover_amount'))
    .option('--balance-sheet <eur>', t('cli.aids.balance_sheet'))
    .option('--group-employees <n>', t('cli.aids.group_employees'))
    .option('--independent', t('cli.aids.independent'))
    .option('--b2c', t('cli.aids.b2c'))
    .option('--b2b', t('cli.aids.b2b'))
    .option('--nace <code>', t('cli.aids.nace'))
    .option('--legal-form <form>', t('cli.aids.legal_form_spelled'))
    .option('--theme <theme>', t('cli.aids.theme'), collect)
    .option('--date <yyyy-mm-dd>', t('cli.aids.date'))
    .option('-l, --lang <lang>', t('cli.opt.lang'))
    .option('--json', t('cli.aids.json'))
    .option('--explain', t('cli.aids.explain'))
    .option('--pack <dir>', t('cli.aids.pack'))
    .action(async (opts, cmd: Command) => {
      const { runAids } = await import('../app/aids.js');
      await runAids({ lang: cmd.parent!.opts().lang, ...opts });
    });

  program
    .command('batch')
    .description(t('cli.batch'))
    .argument('<input...>', t('cli.batch.input'))
    .requiredOption('-o, --out <dir>', t('cli.batch.out'))
    .option('-f, --format <list>', t('cli.batch.format'), 'pdf')
    .option('-j, --jobs <n>', t('cli.batch.jobs'))
    .addOption(new Option('-l, --lang <lang>', t('cli.batch.lang')).choices(LANGS))
    .option('--pack <dir>', t('cli.opt.pack'))
    .option('--mapping <file>', t('cli.batch.mapping'))
    .option('--date <yyyy-mm-dd>', t('cli.batch.date'))
    .option('--date-format <order>', t('cli.batch.date_format'))
    .option('--resume', t('cli.batch.resume'))
    .option('--calendar <file.ics>', t('cli.batch.calendar'))
    .option('--force', t('cli.batch.force'))
    .addHelpText('after', `\n${t('cli.batch.after')}`)
    .action(async (inputs: string[], opts, cmd: Command) => {
      const { runBatchCommand } = await import('../app/batch/command.js');
      // --lang is also an option of the program: after the command, commander gives it to the program.
      await runBatchCommand(inputs, { ...opts, lang: opts.lang ?? cmd.parent!.opts().lang });
    });

  program
    .command('compare')
    .description(t('cli.compare'))
    .argument('<before>', t('cli.compare.before'))
    .argument('<after>', t('cli.compare.after'))
    .option('--json', t('cli.compare.json'))
    .option('-o, --out <path>', t('cli.compare.out'))
    .option('--batch', t('cli.compare.batch'))
    .addOption(new Option('-l, --lang <lang>', t('cli.compare.lang')).choices(LANGS))
    .option('--force', t('cli.compare.force'))
    .option('--pack <dir>', t('cli.opt.pack'))
    .option('--mapping <file>', t('cli.batch.mapping'))
    .option('--date <yyyy-mm-dd>', t('cli.compare.date'))
    .action(async (before: string, after: string, opts, cmd: Command) => {
      const { runCompare } = await import('../app/compare.js');
      process.exitCode = await runCompare(before, after, { lang: cmd.parent!.opts().lang, ...opts });
    });

  program
    .command('template')
    .description(t('cli.template'))
    .addOption(new Option('--csv', t('cli.template.csv')).conflicts('yaml'))
    .addOption(new Option('--yaml', t('cli.template.yaml')))
    .addOption(new Option('-l, --lang <lang>', t('cli.template.lang')).choices(LANGS))
    .option('--pack <dir>', t('cli.opt.pack'))
    .option('-o, --out <file>', t('cli.template.out'))
    .option('--force', t('cli.template.force'))
    .action(async (opts, cmd: Command) => {
      const { runTemplate } = await import('../app/template.js');
      await runTemplate({ lang: cmd.parent!.opts().lang, ...opts });
    });

  localise(program, t);
  return program;
}

/** Help headings, option notes and commander's error messages in the user's language, on every command. */
function localise(program: Command, t: Translate): void {
  const titles: Record<string, string> = {
    'Usage:': t('cli.title.usage'),
    'Options:': t('cli.title.options'),
    'Arguments:': t('cli.title.arguments'),
    'Commands:': t('cli.title.commands'),
  };
  const help: Partial<Help> = {
    styleTitle: (title: string) => titles[title] ?? title,
    // commander breaks lines at any white space, no-break spaces included: break at ordinary ones only.
    boxWrap: (text: string, width: number) => wrapAtSpaces(text, width),
    optionDescription: (option) => {
      const extra: string[] = [];
      if (option.argChoices) extra.push(t('cli.choices', { choices: option.argChoices.join(', ') }));
      if (option.defaultValue !== undefined && !option.negate && typeof option.defaultValue !== 'boolean') {
        extra.push(t('cli.default', { value: String(option.defaultValue) }));
      }
      return extra.length ? `${option.description} (${extra.join('; ')})` : option.description;
    },
  };
  for (const cmd of [program, ...program.commands]) {
    cmd.configureHelp(help).exitOverride().configureOutput({ outputError: () => {} });
    if (cmd !== program) cmd.helpOption('-h, --help', t('cli.opt.help'));
  }
}

/** Wraps help text to `width` columns at ordinary spaces, keeping commander's hanging indent of continued lines. */
export function wrapAtSpaces(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)![0];
      const words = line.slice(indent.length).split(/ +/);
      const out: string[] = [];
      let current = indent;
      for (const word of words) {
        if (current.trim() && current.length + 1 + word.length > width) {
          out.push(current);
          current = indent + word;
        } else current = current.trim() ? `${current} ${word}` : indent + word;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * A first word that is neither a command nor an option would be taken as an argument of the default
 * command ("too many arguments"): name it as the mistyped command it is, with the nearest command.
 */
export function unknownCommand(program: Command, args: readonly string[]): { name: string; suggestion?: string } | undefined {
  // Skip the interview options that may stand before a command (`digiscan --lang fr aids …`).
  let i = 0;
  while (args[i] === '--advisor' || args[i] === '--lang' || args[i] === '-l' || args[i]?.startsWith('--lang=')) i += args[i] === '--lang' || args[i] === '-l' ? 2 : 1;
  const first = args[i];
  if (first === undefined || first.startsWith('-')) return undefined;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]).concat('help');
  if (names.includes(first)) return undefined;
  const suggestion = nearest(first, names);
  return suggestion === undefined ? { name: first } : { name: first, suggestion };
}

/** The closest word within an edit distance of about a third of its length. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** Edit distance counting a swap of two neighbouring letters as one edit ("aisd" → "aids"). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Maps any failure to an exit code after printing it as one line: 2 for the user's mistakes, 1 for bugs. */
export function exitCodeFor(err: unknown, t: Translate): number {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
    // Option names and values are the user's input: control characters shown, never sent raw.
    process.stderr.write(`digiscan: ${visible(commanderMessage(err, t))} ${t('cli.error.see_help', { command: 'digiscan' })}\n`);
    return 2;
  }
  if (err instanceof UserError) {
    for (const line of err.format(t).split('\n')) process.stderr.write(`digiscan: ${line}\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`digiscan: ${t('cli.error.unexpected', { message: visible(message.split('\n')[0]!) })}\n`);
  if (process.env.DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write(`digiscan: ${t('cli.error.bug')}\n`);
  return 1;
}

/** commander's error in the user's language; its English words for the rare kinds we do not word. */
function commanderMessage(err: CommanderError, t: Translate): string {
  const text = err.message.replace(/^error: /, '').trim();
  const quoted = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const optionName = (term: string | undefined) => (term ?? '').split(/[ ,]/).filter((w) => w.startsWith('--')).pop() ?? term ?? '';
  const suggestion = /Did you mean (\S+?)\?/.exec(text)?.[1] ?? 'none';
  switch (err.code) {
    case 'commander.unknownOption':
      return t('cli.error.unknown_option', { name: quoted[0] ?? '', suggestion });
    case 'commander.unknownCommand':
      return t('cli.error.unknown_command', { name: quoted[0] ?? '', suggestion });
    case 'commander.optionMissingArgument':
      return t('cli.error.missing_value', { name: optionName(quoted[0]) });
    case 'commander.missingMandatoryOptionValue':
      return t('cli.error.missing_option', { name: optionName(quoted[0]) });
    case 'commander.missingArgument':
      return t('cli.error.missing_argument', { name: quoted[0] ?? '' });
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(text)?.[1] ?? '';
      return t('cli.error.bad_choice', { value: quoted[1] ?? '', name: optionName(quoted[0]), choices });
    }
    case 'commander.excessArguments':
      return t('cli.error.too_many', { command: quoted[0] ?? 'digiscan', value: '' });
    case 'commander.conflictingOption':
      return t('cli.error.conflict', { first: optionName(quoted[0]), second: optionName(quoted[1]) });
    default:
      return text.split('\n')[0]!;
  }
}
