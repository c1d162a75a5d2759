#!/usr/bin/env node
// Launcher only: the CLI lives in the bundled dist/cli.js (see scripts/build.mjs).
import('../dist/cli.js').then((cli) => cli.main(process.argv));
