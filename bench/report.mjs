// Time to render one PDF report and its size.
//
// Run from the repository root (no npm script; esbuild bundles the TypeScript sources first):
//   node bench/report.mjs            # 20 warm runs
//   node bench/report.mjs 50         # 50 warm runs
//
// Prints, in one fresh process: the pdfkit import, the first ("cold") render with fonts read and
// parsed, then the median and p95 of warm renders (pdfkit loaded, as in a batch worker), and the
// report size. Aim: < 150 ms rendering beyond process start, < 500 KB.
// The report is the typical example firm (real benchmarks, digital intensity and matched aids); the
// second size is a stress case with 15 aids.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const runs = Number(process.argv[2] ?? 20);
mkdirSync('.tmp', { recursive: true });
await build({
  entryPoints: ['bench/report-entry.ts'],
  outfile: '.tmp/bench-report.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',

  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
const { renderPdf, translator, fixtureAssessment } = await import(pathToFileURL('.tmp/bench-report.mjs').href);

const ms = (t0) => (performance.now() - t0).toFixed(1);
// CPU time (user + system) is also shown: on a busy machine wall time mostly measures the neighbours.
const cpuMs = (c0) => {
  const c = process.cpuUsage(c0);
  return ((c.user + c.system) / 1000).toFixed(1);
};
console.log(`load average: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
let t0 = performance.now();
await import('pdfkit');
console.log(`pdfkit import:            ${ms(t0)} ms`);

// Assessments are built before timing: only the rendering is measured.
const fixtures = { fr: fixtureAssessment({ lang: 'fr' }), nl: fixtureAssessment({ lang: 'nl' }), en: fixtureAssessment({ lang: 'en' }) };
const manyAids = fixtureAssessment({ lang: 'nl', aids: 15 });
const report = (lang, assessment = fixtures[lang]) => renderPdf(assessment, { t: translator(lang), deterministic: true });

t0 = performance.now();
let c0 = process.cpuUsage();
const first = await report('fr');
console.log(`first render (cold):      ${ms(t0)} ms wall, ${cpuMs(c0)} ms CPU  (fonts read and parsed, first layout)`);

const times = [];
const cpu = [];
let pdf = first;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  c0 = process.cpuUsage();
  pdf = await report(['fr', 'nl', 'en'][i % 3]);
  times.push(performance.now() - start);
  cpu.push(Number(cpuMs(c0)));
}
cpu.sort((a, b) => a - b);
times.sort((a, b) => a - b);
const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
console.log(`warm render (${runs} runs):   median ${pick(0.5)} ms wall (p95 ${pick(0.95)}), median ${cpu[Math.floor(cpu.length / 2)].toFixed(1)} ms CPU`);
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
console.log(`report size:              ${(first.length / 1024).toFixed(1)} KB, ${pages(first)} pages (fr, ${fixtures.fr.aids?.length ?? 0} matched aids)`);
const many = await report('nl', manyAids);
console.log(`report size, 15 aids:     ${(many.length / 1024).toFixed(1)} KB, ${pages(many)} pages`);
writeFileSync('.tmp/bench-report.pdf', pdf);
