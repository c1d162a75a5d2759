// Start-up cost of the built CLI against a bare `node -e 0`, as ratios (median of RUNS runs).
// Run after `npm run build`: node bench/startup.mjs [runs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 15);
const example = 'questionnaires/digiscan-sme/examples/typical.yaml';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const bare = time(['-e', '0']);
const rows = [
  ['node -e 0', bare],
  ['digiscan --version', time(['bin/digiscan.js', '--version'])],
  ['digiscan assess --answers <example> --json', time(['bin/digiscan.js', 'assess', '--answers', example, '--json'])],
];
console.log(`median of ${runs} runs`);
for (const [name, ms] of rows) console.log(`${name.padEnd(46)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / bare).toFixed(2)}x bare node`);
