// Commands printed in hints, whole and runnable: `npx digiscan …` when this run came through npx.

/** "npx digiscan" when run through npx (npm exec), else "digiscan". */
export function commandName(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_command === 'exec' || /\bnpx(-cli)?\.c?js$/.test(env.npm_execpath ?? '') ? 'npx digiscan' : 'digiscan';
}

/** One shell word: left as it is when safe, else in single quotes. */
export function shellQuote(word: string): string {
  return /^[\w./@:+,=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A full command line: `digiscan <args…>` with every argument quoted as needed. */
export function commandLine(args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return [commandName(env), ...args.map(shellQuote)].join(' ');
}
