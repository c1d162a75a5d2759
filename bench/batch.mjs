// Times `digiscan batch` on N synthetic answers files (random but valid for the built-in pack,
// seeded, so every run scores the same firms) and prints wall time, files/s and peak memory.
//
// Run after `npm run build`:
//   node bench/batch.mjs                         # N = 100 and 1000, --format json,csv, --jobs = cores
//   node bench/batch.mjs --n 100,1000,2000 --format pdf --jobs 2
//
// Peak memory is the batch process's peak resident set (VmHWM): worker threads live in that same
// process, so it includes them. Aim (issue 8): 1,000 PDF reports in < 20 s on 2 cores, < 300 MB,
// cost linear in N.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const sizes = (args.n ?? '100,1000').split(',').map(Number);
const format = args.format ?? 'json,csv';
const jobs = Number(args.jobs ?? availableParallelism());
const pack = parse(readFileSync(join(root, 'questionnaires/digiscan-sme/pack.yaml'), 'utf8'));

// mulberry32: a small seeded generator, so the synthetic firms are the same on every run.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Boulangerie', 'Garage', 'Atelier', 'Bakkerij', 'Studio', 'Plomberie', 'Fiduciaire', 'Drukkerij', 'Café', 'Consult'];
const TOWNS = ['Namur', 'Gent', 'Liège', 'Anvers', 'Brugge', 'Mons', 'Leuven', 'Ixelles', 'Rennes', 'Toulouse'];

/** One firm's answers: every profile field and question drawn from the pack's own options. */
function firm(i, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const company = {};
  for (const q of pack.profile) {
    if (q.required === false && rand() < 0.3) continue;
    if (q.id === 'name') company.name = `${pick(NAMES)} ${pick(TOWNS)} ${i % 997}`; // some names repeat
    else if (q.type === 'choice') company[q.id] = pick(q.options).id;
    else if (q.type === 'number') company[q.id] = Math.floor((q.min ?? 0) + rand() * Math.min(250, (q.max ?? 250) - (q.min ?? 0)));
    else if (q.pattern) company[q.id] = `${String(10 + Math.floor(rand() * 80))}.${String(Math.floor(rand() * 99)).padStart(2, '0')}`;
    else company[q.id] = `${q.id} ${i}`;
  }
  const answers = {};
  for (const d of pack.dimensions) {
    for (const q of d.questions) {
      if (rand() < 0.05) continue; // a few left unanswered
      if (q.type === 'single') answers[q.id] = pick(q.options).id;
      else {
        const plain = q.options.filter((o) => !o.exclusive);
        const chosen = plain.filter(() => rand() < 0.4).map((o) => o.id);
        answers[q.id] = chosen.length ? chosen : [pick(q.options).id];
      }
    }
  }
  const month = String(1 + Math.floor(rand() * 3)).padStart(2, '0');
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  return {
    questionnaire: { id: pack.id, version: pack.version },
    language: pick(['fr', 'nl', 'en']),
    assessedOn: `2026-${month}-${day}`,
    company,
    answers,
  };
}

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

async function run(n) {
  const dir = mkdtempSync(join(tmpdir(), 'digiscan-bench-'));
  try {
    const inputs = join(dir, 'in');
    const rand = random(20260401);
    for (let i = 0; i < n; i++) {
      const sub = join(inputs, `batch-${Math.floor(i / 250)}`); // nested folders, as a consultant keeps them
      if (i % 250 === 0) mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `firm-${String(i).padStart(5, '0')}.yaml`), stringify(firm(i, rand)));
    }
    const start = performance.now();
    const child = spawn(process.execPath, ['bin/digiscan.js', 'batch', inputs, '--out', join(dir, 'out'), '--format', format, '--jobs', String(jobs)], {
      cwd: root,
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
const results = [];
for (const n of sizes) {
  const r = await run(n);
  results.push(r);
  console.log(
    `N=${String(n).padStart(5)}  wall ${r.seconds.toFixed(2).padStart(6)} s  ${r.perSecond.toFixed(0).padStart(5)} files/s  ` +
      `${((r.seconds * 1000) / n).toFixed(1).padStart(6)} ms/file  CPU ${r.cpu === undefined ? '?' : `${r.cpu.toFixed(1)} s`}  peak RSS ${(r.peak / 2 ** 20).toFixed(0)} MB`,
  );
}
if (results.length > 1) {
  const [a, b] = [results[0], results.at(-1)];
  console.log(`N=${b.n} vs N=${a.n} (${(b.n / a.n).toFixed(0)}x the files, start-up included): wall ${(b.seconds / a.seconds).toFixed(2)}x, CPU ${b.cpu && a.cpu ? (b.cpu / a.cpu).toFixed(2) : '?'}x`);
  console.log('CPU time is the steadier figure when other processes share the cores (see load average).');
}
