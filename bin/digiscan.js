#!/usr/bin/env node
// Launcher only: the CLI lives in the bundled dist/cli.js (see scripts/build.mjs).
// Node 22.1+ can keep the compiled code of dist/ on disk between runs (in the system's temp folder):
// later starts skip parsing and compiling it. Older Node versions have no such cache.
import module from 'node:module';

module.enableCompileCache?.();
// `digiscan` alone (the interview, the first run of most users): the chunk of its first screen is read
// beside the entry's instead of after it (dist/chunks/first-screen.js, see scripts/build.mjs).
if (process.argv.length === 2) import('../dist/chunks/first-screen.js').catch(() => {});
import('../dist/cli.js').then((cli) => cli.main(process.argv));
