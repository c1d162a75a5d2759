// Renders the same synthetic firms with this checkout and a baseline checkout (e.g. main, built) and
// checks that every PDF shows the same text at the same places with the same drawing (compare-pdf.mjs).
//
//   node bench/identical.mjs --baseline /path/to/main-checkout [--n 20]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareFolders } from './compare-pdf.mjs';
import { writeFirms } from './firms.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
if (!args.baseline) throw new Error('usage: node bench/identical.mjs --baseline <built checkout> [--n 20]');
const n = Number(args.n ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'digiscan-identical-'));
try {
  writeFirms(root, join(dir, 'in'), n);
  for (const [name, checkout] of [['base', resolve(args.baseline)], ['this', root]]) {
    const r = spawnSync(process.execPath, [join(checkout, 'bin/digiscan.js'), 'batch', join(dir, 'in'), '--out', join(dir, name), '--format', 'pdf', '--jobs', '2'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${name}: batch exited ${r.status}\n${r.stderr}`);
  }
  const { files, pages, items, problems } = await compareFolders(join(dir, 'base'), join(dir, 'this'));
  console.log(`${files} reports (${pages} pages, ${items} text runs and drawing operators) from ${args.baseline} and this checkout`);
  for (const p of problems) console.log(`DIFFERENT ${p}`);
  console.log(problems.length ? `${problems.length} reports differ` : 'identical text, positions and drawing on every page');
  process.exitCode = problems.length ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
