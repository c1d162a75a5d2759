// Start-up cost of the built CLI: wall time to the end of `--version`, of `assess --json` and to the
// interview's first prompt on screen (in a pseudo-terminal), against bare node and against the floor
// of the first prompt: a script showing one @inquirer select prompt (bench/one-prompt.mjs), bundled and
// minified as the CLI is, so the floor is the least a select prompt can cost.
// Every round runs every case once, so all cases see the same machine load (interleaved).
//
// Run after `npm run build`:
//   node bench/startup.mjs [--runs 15] [--baseline /path/to/built/main-checkout]
// Aim (issue 21): first prompt <= 1.15x the single-prompt floor. The CPU rows (time the process used
// until its prompt was on screen, bench/prompt-mark.mjs) are the steadier figure on a shared machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { spawn } from 'node-pty';

const ROOT = resolve(import.meta.dirname, '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const RUNS = Number(args.runs ?? 15);
const EXAMPLE = join(ROOT, 'questionnaires/digiscan-sme/examples/typical.yaml');

function timeSpawn(argv) {
  const start = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  return ms;
}

/** Milliseconds from spawning `node argv` in a pseudo-terminal to "⏎" on its screen. */
function timeToPrompt(argv) {
  const cwd = mkdtempSync(join(tmpdir(), 'digiscan-bench-'));
  return new Promise((done, fail) => {
    const start = performance.now();
    let out = '';
    const term = spawn(process.execPath, argv, { cwd, cols: 120, rows: 40, env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
    const timer = setTimeout(() => fail(new Error(`no prompt after 20 s:\n${out}`)), 20_000);
    term.onData((data) => {
      out += data;
      if (out.includes('⏎') && timer) {
        const ms = performance.now() - start;
        clearTimeout(timer);
        term.onExit(() => {
          rmSync(cwd, { recursive: true, force: true });
          done(ms);
        });
        term.kill('SIGKILL');
      }
    });
  });
}


const MARK = join(ROOT, 'bench/prompt-mark.mjs');
/** CPU milliseconds the process used until its first prompt was on screen (bench/prompt-mark.mjs). */
function cpuToPrompt(argv) {
  const cwd = mkdtempSync(join(tmpdir(), 'digiscan-bench-'));
  return new Promise((done, fail) => {
    let out = '';
    const term = spawn(process.execPath, ['--import', MARK, ...argv], { cwd, cols: 120, rows: 40, env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
    const timer = setTimeout(() => fail(new Error(`no prompt after 20 s:\n${out}`)), 20_000);
    term.onData((data) => (out += data));
    term.onExit(() => {
      clearTimeout(timer);
      rmSync(cwd, { recursive: true, force: true });
      const m = /PROMPT-CPU ([\d.]+)/.exec(out);
      if (m) done(Number(m[1]));
      else fail(new Error(`no CPU figure:\n${out}`));
    });
  });
}

const FLOOR = join(ROOT, '.tmp/one-prompt.mjs');
await build({ entryPoints: [join(ROOT, 'bench/one-prompt.mjs')], outfile: FLOOR, bundle: true, minify: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });

const checkouts = [['', ROOT]];
if (args.baseline) checkouts.push([' (baseline)', resolve(args.baseline)]);
const cases = [
  ['node -e 0', () => timeSpawn(['-e', '0'])],
  ['floor: one @inquirer select prompt', () => timeToPrompt([FLOOR])],
  ['floor, CPU ms to the prompt', () => cpuToPrompt([FLOOR])],
];
for (const [tag, dir] of checkouts) {
  const bin = join(dir, 'bin/digiscan.js');
  cases.push([`digiscan --version${tag}`, () => timeSpawn([bin, '--version'])]);
  cases.push([`digiscan assess --json${tag}`, () => timeSpawn([bin, 'assess', '--answers', EXAMPLE, '--json'])]);
  cases.push([`first interview prompt${tag}`, () => timeToPrompt([bin])]);
  cases.push([`first prompt, CPU ms${tag}`, () => cpuToPrompt([bin])]);
}

const times = cases.map(() => []);
for (const [, fn] of cases) await fn(); // warm the file cache
for (let r = 0; r < RUNS; r++) for (const [i, [, fn]] of cases.entries()) times[i].push(await fn());

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bare = median(times[0]);
const floor = median(times[1]);
console.log(`${RUNS} interleaved rounds, node ${process.version}, load average ${loadavg()[0].toFixed(1)}; median wall ms (min), ratio to bare node and to the prompt floor`);
const floorCpu = median(times[2]);
for (const [i, [name]] of cases.entries()) {
  const m = median(times[i]);
  if (name.includes('CPU')) {
    console.log(`${name.padEnd(44)} ${m.toFixed(0).padStart(5)} ms CPU (${Math.min(...times[i]).toFixed(0)})  ${(m / floorCpu).toFixed(2)}x floor CPU`);
    continue;
  }
  const prompt = name.startsWith('first interview prompt') || name.startsWith('floor');
  console.log(`${name.padEnd(44)} ${m.toFixed(0).padStart(5)} ms (${Math.min(...times[i]).toFixed(0)})  ${(m / bare).toFixed(2)}x node${prompt ? `  ${(m / floor).toFixed(2)}x floor` : ''}`);
}
