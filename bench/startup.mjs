// Start-up cost of the built CLI against a bare `node -e 0`, as ratios (median of several runs),
// including the time to the interview's first prompt in a pseudo-terminal.
// Run after `npm run build`: node bench/startup.mjs [runs]. Aim: every figure under 2x bare node.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node-pty';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/digiscan.js');
const EXAMPLE = join(ROOT, 'questionnaires/digiscan-sme/examples/typical.yaml');
const RUNS = Number(process.argv[2] ?? process.env.RUNS ?? 15);

function timeSpawn(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

/** Milliseconds from spawning `node args` in a pseudo-terminal to "⏎" on its screen. */
function timeToPrompt(args) {
  const cwd = mkdtempSync(join(tmpdir(), 'digiscan-bench-'));
  return new Promise((done, fail) => {
    const start = performance.now();
    let out = '';
    const term = spawn(process.execPath, args, { cwd, cols: 120, rows: 40, env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(fn) {
  await fn(); // warm the file cache
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await fn());
  return { median: median(times), min: Math.min(...times) };
}

const cases = [
  ['node -e 0 (baseline)', () => timeSpawn(['-e', '0'])],
  ['digiscan --version', () => timeSpawn([BIN, '--version'])],
  ['digiscan assess --answers typical.yaml --json', () => timeSpawn([BIN, 'assess', '--answers', EXAMPLE, '--json'])],
  // The same baseline in a pseudo-terminal (its own spawn cost), for the first-prompt figure.
  ['node printing "⏎" in a pseudo-terminal', () => timeToPrompt(['-e', 'process.stdout.write("⏎")'])],
  ['digiscan (interview): first prompt on screen', () => timeToPrompt([BIN])],
];

const results = [];
for (const [name, fn] of cases) results.push([name, await measure(fn)]);
const base = results[0][1];
console.log(`${RUNS} runs each, node ${process.version}; ratio = median / median of bare node (min in brackets)`);
for (const [name, { median: ms, min }] of results) {
  const ratio = (ms / base.median).toFixed(2);
  const minRatio = (min / base.min).toFixed(2);
  console.log(`${name.padEnd(48)} ${ms.toFixed(0).padStart(5)} ms  ${ratio}x  (min ${min.toFixed(0)} ms, ${minRatio}x)`);
}
