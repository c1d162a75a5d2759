// CPU time (user + system) of a whole cold `digiscan assess --answers typical.yaml` process, to PDF
// and to --json, this checkout interleaved with a baseline: steadier than wall time on a shared
// machine, and unlike bench/report.mjs's cold render it counts what happens before the render.
//   node bench/assess-cpu.mjs [--runs 15] [--baseline /path/to/built/checkout]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const RUNS = Number(args.runs ?? 15);
const EXAMPLE = join(ROOT, 'questionnaires/digiscan-sme/examples/typical.yaml');
mkdirSync(join(ROOT, '.tmp'), { recursive: true });
// Preloaded in the child: its own CPU time when it exits, on stderr.
const PRELOAD = join(ROOT, '.tmp', 'cpu-at-exit.cjs');
writeFileSync(PRELOAD, "process.on('exit', () => { const c = process.cpuUsage(); process.stderr.write(`\\nCPU ${(c.user + c.system) / 1000}\\n`); });\n");

const checkouts = [['this checkout', ROOT]];
if (args.baseline) checkouts.push(['baseline', resolve(args.baseline)]);
const cases = [
  ['assess to PDF', (dir) => ['--out', join(dir, 'r.pdf'), '--force']],
  ['assess --json', () => ['--json']],
];
const results = new Map();
const out = mkdtempSync(join(tmpdir(), 'digiscan-cpu-'));
for (let run = 0; run < RUNS; run++)
  for (const [caseName, extra] of cases)
    for (const [name, dir] of checkouts) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['-r', PRELOAD, join(dir, 'bin/digiscan.js'), 'assess', '--answers', EXAMPLE, ...extra(out)], { cwd: out, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const wall = performance.now() - t0;
      if (r.status !== 0) throw new Error(`${name} ${caseName}: ${r.stderr}`);
      const cpu = Number(/CPU ([\d.]+)\s*$/.exec(r.stderr)?.[1]);
      const key = `${caseName}, ${name}`;
      if (!results.has(key)) results.set(key, { cpu: [], wall: [] });
      results.get(key).cpu.push(cpu);
      results.get(key).wall.push(wall);
    }
rmSync(out, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(1)} (min ${Math.min(...xs).toFixed(1)})`;
console.log(`node ${process.version}, ${RUNS} interleaved runs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const [key, x] of results) console.log(`${key.padEnd(30)} CPU ms ${fmt(x.cpu)}   wall ms ${fmt(x.wall)}`);
