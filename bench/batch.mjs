// Times `digiscan batch` on N synthetic answers files (bench/firms.mjs: random but valid for the
// built-in pack, seeded, so every run and every checkout scores the same firms) and prints wall time,
// CPU time (user + system of the whole process, worker threads included), CPU ms per report and peak
// memory. With --baseline, every run of this checkout is followed by the same run of the baseline
// checkout (e.g. main, built), so both see the same machine load.
//
// Run after `npm run build`:
//   node bench/batch.mjs                                     # N = 100 and 1000, --format json,csv
//   node bench/batch.mjs --n 100,1000 --format pdf --jobs 2 --repeat 2 --baseline /path/to/main
//
// Peak memory is the batch process's peak resident set (VmHWM): worker threads live in that same
// process, so it includes them. Aims (issue 21): <= 40 ms CPU per full PDF report, 1,000 PDF reports
// in <= 25 s wall on 2 quiet cores, peak <= 300 MiB and flat in N.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFirms } from './firms.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const sizes = (args.n ?? '100,1000').split(',').map(Number);
const format = args.format ?? 'json,csv';
const jobs = Number(args.jobs ?? availableParallelism());
const repeat = Number(args.repeat ?? 1);
const checkouts = [['this', root]];
if (args.baseline) checkouts.push(['base', resolve(args.baseline)]);

/** CPU seconds (user + system, all threads) the process has used so far. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function run(n, checkout) {
  const dir = mkdtempSync(join(tmpdir(), 'digiscan-bench-'));
  try {
    const inputs = join(dir, 'in');
    writeFirms(root, inputs, n);
    const start = performance.now();
    const child = spawn(process.execPath, ['bin/digiscan.js', 'batch', inputs, '--out', join(dir, 'out'), '--format', format, '--jobs', String(jobs)], {
      cwd: checkout,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peak = 0;
    let cpu;
    const sampler = setInterval(() => {
      peak = Math.max(peak, peakRss(child.pid));
      cpu = cpuSeconds(child.pid) ?? cpu;
    }, 25);
    const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
    clearInterval(sampler);
    const seconds = (performance.now() - start) / 1000;
    if (code !== 0) throw new Error(`batch exited ${code}:\n${stderr.split('\n').slice(-8).join('\n')}`);
    return { n, seconds, perSecond: n / seconds, peak, cpu };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`digiscan batch --format ${format} --jobs ${jobs} (${availableParallelism()} cores, node ${process.version}, load average ${loadavg()[0].toFixed(1)})`);
const line = (name, r) =>
  `${name}  N=${String(r.n).padStart(5)}  wall ${r.seconds.toFixed(2).padStart(6)} s  ${r.perSecond.toFixed(0).padStart(4)} files/s  ` +
  `CPU ${r.cpu === undefined ? '?' : `${r.cpu.toFixed(1)} s, ${((r.cpu * 1000) / r.n).toFixed(1)} ms/report`}  peak RSS ${(r.peak / 2 ** 20).toFixed(0)} MiB`;
const results = new Map(checkouts.map(([name]) => [name, new Map()]));
for (const n of sizes) {
  for (let k = 0; k < repeat; k++) {
    for (const [name, dir] of checkouts) {
      const r = await run(n, dir);
      (results.get(name).get(n) ?? results.get(name).set(n, []).get(n)).push(r);
      console.log(line(name, r));
    }
  }
}
const best = (rs, key) => Math.min(...rs.map((r) => r[key] ?? Infinity));
console.log(`\nbest of ${repeat} (load average now ${loadavg()[0].toFixed(1)}):`);
for (const [name, byN] of results) {
  for (const [n, rs] of byN) {
    console.log(`${name}  N=${String(n).padStart(5)}  best wall ${best(rs, 'seconds').toFixed(2)} s  best CPU ${best(rs, 'cpu').toFixed(1)} s = ${((best(rs, 'cpu') * 1000) / n).toFixed(1)} ms/report  max peak ${(Math.max(...rs.map((r) => r.peak)) / 2 ** 20).toFixed(0)} MiB`);
  }
  if (byN.size > 1) {
    const [[a, ra], [b, rb]] = [[...byN][0], [...byN].at(-1)];
    console.log(`${name}  N=${b} vs N=${a} (${(b / a).toFixed(0)}x the files, start-up included): best CPU ${(best(rb, 'cpu') / best(ra, 'cpu')).toFixed(2)}x, peak ${(Math.max(...rb.map((r) => r.peak)) / Math.max(...ra.map((r) => r.peak))).toFixed(2)}x`);
  }
}
if (checkouts.length > 1) {
  for (const n of sizes) console.log(`N=${n}: best CPU ${(best(results.get('this').get(n), 'cpu') / best(results.get('base').get(n), 'cpu')).toFixed(2)}x the baseline, best wall ${(best(results.get('this').get(n), 'seconds') / best(results.get('base').get(n), 'seconds')).toFixed(2)}x`);
}
console.log('CPU time is the steadier figure when other processes share the cores (see load average).');
