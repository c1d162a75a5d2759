// The entry point: no command line is built before it is needed (see program.ts).
import { guardStream } from '../core/sanitize.js';
import { isLang, type Lang } from '../core/lang.js';
import { UserError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import type { Translate } from '../i18n/ui.js';

/** Whether digiscan's own escape sequences (colours, spinner, prompts) may reach this stream. */
function ansiAllowed(stream: NodeJS.WriteStream): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0') return true;
  return Boolean(stream.isTTY) && process.env.TERM !== 'dumb';
}

/** --lang from the command line when it names a language, else the locale. */
function chooseCliLang(argv: readonly string[], fromEnv: () => Lang): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' || arg === '-l' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (isLang(value)) return value;
  }
  return fromEnv();
}

export async function main(argv: string[]): Promise<void> {
  // No control character from input reaches the terminal raw, whichever command or writer prints it.
  guardStream(process.stdout, () => ansiAllowed(process.stdout));
  guardStream(process.stderr, () => ansiAllowed(process.stderr));
  // A reader that stops early (`digiscan … | head`) is not an error: stop writing, quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const args = argv.slice(2);
  // The version needs no strings, no pack and no locale: answer it before loading anything.
  if (args.length === 1 && (args[0] === '-v' || args[0] === '--version')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (args.length === 0) {
    // `digiscan` alone, the first run of most users: the default command (the interview on a terminal),
    // run as commander would run it, without building the command line and its help first (no option
    // given: commander would pass none but `edition`'s default, "client", which runAssess also assumes).
    try {
      const { runAssess } = await import('../app/assess.js');
      await runAssess({});
    } catch (err) {
      const [{ exitCodeFor }, t] = await Promise.all([import('./program.js'), cliTranslator(args)]);
      process.exitCode = exitCodeFor(err, t);
    }
    return;
  }
  const [{ buildProgram, exitCodeFor, unknownCommand }, t] = await Promise.all([import('./program.js'), cliTranslator(args)]);
  const program = buildProgram(t);
  try {
    const typo = unknownCommand(program, args);
    if (typo) throw new UserError(`${t('cli.error.unknown_command', { name: typo.name, suggestion: typo.suggestion ?? 'none' })} ${t('cli.error.see_help', { command: 'digiscan' })}`);
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = exitCodeFor(err, t);
  }
}

async function cliTranslator(args: string[]): Promise<Translate> {
  // The shipped strings come from the build's checked JSON: no YAML parser or validator at start.
  const [{ translator }, { loadUiStringsQuick }, { langFromEnv }] = await Promise.all([import('../i18n/ui.js'), import('../io/quick.js'), import('../io/locale.js')]);
  const lang = chooseCliLang(args, () => langFromEnv());
  try {
    return translator(lang, await loadUiStringsQuick());
  } catch {
    // Unreadable strings must not hide the real problem: fall back to the keys' English defaults.
    return translator(lang, {});
  }
}
