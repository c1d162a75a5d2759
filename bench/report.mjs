// One PDF report: the cost of rendering it in a warm process (as a batch worker does) and the wall
// time of `digiscan assess --answers typical.yaml` writing it from a cold start, each interleaved with
// the same figure of a baseline checkout (e.g. main, built) when one is given.
//
//   node bench/report.mjs [--rounds 5] [--renders 20] [--runs 9] [--baseline /path/to/built/main-checkout]
//
// Warm renders: every round starts one fresh process per checkout (this one first, then the baseline)
// that renders the example firm in fr, nl and en `--renders` times after one cold render; CPU time
// (user + system) is the steady figure on a shared machine. Cold `assess`: every run spawns bare node,
// this CLI and the baseline CLI in turn. Aims (issue 21): assess to PDF <= 350 ms wall.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildRenderHarness } from './render-harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));

if (args.child) {
  // One measuring process: cold render, then warm renders; prints JSON.
  const { renderPdf, translator, fixtureAssessment } = await import(pathToFileURL(args.child).href);
  const langs = ['fr', 'nl', 'en'];
  const fixtures = langs.map((lang) => fixtureAssessment({ lang }));
  const ts = langs.map((lang) => translator(lang));
  const cpu = (c0) => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  const first = await renderPdf(fixtures[0], { t: ts[0], deterministic: true });
  const cold = { wall: performance.now() - t0, cpu: cpu(c0) };
  const warm = [];
  for (let i = 0; i < Number(args.renders); i++) {
    t0 = performance.now();
    c0 = process.cpuUsage();
    await renderPdf(fixtures[i % 3], { t: ts[i % 3], deterministic: true });
    warm.push({ wall: performance.now() - t0, cpu: cpu(c0) });
  }
  const pages = (first.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  console.log(JSON.stringify({ cold, warm, size: first.length, pages }));
  process.exit(0);
}

const rounds = Number(args.rounds ?? 5);
const renders = Number(args.renders ?? 20);
const runs = Number(args.runs ?? 9);
const checkouts = [['this checkout', ROOT]];
if (args.baseline) checkouts.push(['baseline', resolve(args.baseline)]);

// The renderer of each checkout, bundled from its own sources (pdfkit left to node_modules).
mkdirSync(join(ROOT, '.tmp'), { recursive: true });
const bundles = [];
for (const [i, [, dir]] of checkouts.entries()) {
  const outfile = join(ROOT, '.tmp', `bench-report-${i}.mjs`);
  await buildRenderHarness(dir, outfile);
  bundles.push(outfile);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(1)} (min ${Math.min(...xs).toFixed(1)})`;
console.log(`node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const results = checkouts.map(() => ({ cold: [], warmCpu: [], warmWall: [], size: 0, pages: 0 }));
for (let r = 0; r < rounds; r++) {
  for (const [i, bundle] of bundles.entries()) {
    const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', bundle, '--renders', String(renders)], { cwd: checkouts[i][1], encoding: 'utf8' });
    if (p.status !== 0) throw new Error(`render child failed: ${p.stderr}`);
    const out = JSON.parse(p.stdout.trim().split('\n').at(-1));
    results[i].cold.push(out.cold.cpu);
    results[i].warmCpu.push(...out.warm.map((w) => w.cpu));
    results[i].warmWall.push(...out.warm.map((w) => w.wall));
    Object.assign(results[i], { size: out.size, pages: out.pages });
  }
}
console.log(`\nrendering the example firm (${rounds} rounds of ${renders} warm renders each, interleaved), ms per report:`);
for (const [i, [name]] of checkouts.entries()) {
  const x = results[i];
  console.log(`${name.padEnd(14)} warm CPU ${fmt(x.warmCpu)}  warm wall ${fmt(x.warmWall)}  first (cold) render CPU ${fmt(x.cold)}  ${(x.size / 1024).toFixed(0)} KB, ${x.pages} pages`);
}
if (results.length > 1) console.log(`warm CPU per report: ${(median(results[0].warmCpu) / median(results[1].warmCpu)).toFixed(2)}x the baseline`);

// Cold start: assess writes the PDF (and the JSON beside it) into an empty folder.
const example = join(ROOT, 'questionnaires/digiscan-sme/examples/typical.yaml');
function timeRun(argv) {
  const cwd = mkdtempSync(join(tmpdir(), 'digiscan-bench-'));
  try {
    const start = performance.now();
    const p = spawnSync(process.execPath, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const ms = performance.now() - start;
    if (p.status !== 0) throw new Error(`${argv.join(' ')} failed: ${p.stderr}`);
    return ms;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
const cases = [['node -e 0', ['-e', '0']]];
for (const [name, dir] of checkouts) {
  cases.push([`assess to PDF, ${name}`, [join(dir, 'bin/digiscan.js'), 'assess', '--answers', example]]);
  cases.push([`assess --json, ${name}`, [join(dir, 'bin/digiscan.js'), 'assess', '--answers', example, '--json']]);
}
const walls = cases.map(() => []);
for (const [, argv] of cases) timeRun(argv); // warm the file cache
for (let r = 0; r < runs; r++) for (const [i, [, argv]] of cases.entries()) walls[i].push(timeRun(argv));
console.log(`\ncold start, wall ms (${runs} interleaved runs):`);
const bare = median(walls[0]);
for (const [i, [name]] of cases.entries()) console.log(`${name.padEnd(34)} ${fmt(walls[i])}  ${(median(walls[i]) / bare).toFixed(1)}x node`);
