// Font subsetting alone: fontkit's TTFSubset against ours (src/reports/pdf/subset.ts), for the
// glyphs pdfkit asks for in the example report in fr, nl and en (both fonts of each report).
//
//   node bench/subset.mjs [--rounds 7] [--warm 50]
//
// Every round starts one fresh process per subsetter (interleaved): its first report's two subsets
// are the cold figure (the first of a process, as `assess` does), then `--warm` more reports. The
// glyphs are recorded once from real renders of this checkout. Glyph metrics are read before timing,
// as pdfkit's layout has by the time it embeds. Figures: CPU (user + system) ms per report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildRenderHarness } from './render-harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const bundle = join(ROOT, '.tmp', 'bench-subset.mjs');
const glyphsFile = join(ROOT, '.tmp', 'bench-subset-glyphs.json');

if (args.child) {
  const { createSubset } = await import(pathToFileURL(bundle).href);
  const { default: PDFDocument } = await import('pdfkit');
  const req = createRequire(import.meta.url);
  const fonts = {};
  for (const name of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    const bytes = readFileSync(req.resolve(`dejavu-fonts-ttf/ttf/${name}`));
    const probe = new PDFDocument({ autoFirstPage: false, font: null });
    probe.registerFont('f', bytes);
    probe.font('f');
    fonts[name] = { bytes, font: probe._font.font };
  }
  const reports = JSON.parse(readFileSync(glyphsFile, 'utf8'));
  for (const report of reports) for (const { font, gids } of report) for (const gid of gids) fonts[font].font.getGlyph(gid).advanceWidth;
  const ours = args.child === 'ours';
  const once = (report) => {
    let size = 0;
    for (const { font, gids } of report) {
      const f = fonts[font];
      const subset = ours ? createSubset(f.bytes, f.font.createSubset()) : f.font.createSubset();
      for (const gid of gids) subset.includeGlyph(gid);
      size += subset.encode().length;
    }
    return size;
  };
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  let c0 = cpu();
  once(reports[0]);
  const cold = cpu() - c0;
  const warm = [];
  for (let i = 0; i < Number(args.warm); i++) {
    c0 = cpu();
    once(reports[(i + 1) % reports.length]);
    warm.push(cpu() - c0);
  }
  console.log(JSON.stringify({ cold, warm }));
  process.exit(0);
}

mkdirSync(join(ROOT, '.tmp'), { recursive: true });
await buildRenderHarness(ROOT, bundle, `export { createSubset, TrueTypeSubset } from '../src/reports/pdf/subset.js';`);

// The glyphs of real reports, in the order pdfkit includes them.
const { renderPdf, TrueTypeSubset, fixtureAssessment, translator } = await import(pathToFileURL(bundle).href);
const regularLength = readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).length;
const reports = [];
const { includeGlyph } = TrueTypeSubset.prototype;
let current;
TrueTypeSubset.prototype.includeGlyph = function (gid) {
  if (!current.has(this)) current.set(this, []);
  current.get(this).push(gid);
  return includeGlyph.call(this, gid);
};
for (const lang of ['fr', 'nl', 'en']) {
  current = new Map();
  await renderPdf(fixtureAssessment({ lang }), { t: translator(lang), deterministic: true });
  reports.push([...current].map(([subset, gids]) => ({ font: subset.font.bytes.length === regularLength ? 'DejaVuSans.ttf' : 'DejaVuSans-Bold.ttf', gids: gids.slice(1) })));
}
TrueTypeSubset.prototype.includeGlyph = includeGlyph;
writeFileSync(glyphsFile, JSON.stringify(reports));

const rounds = Number(args.rounds ?? 7);
const warmCount = Number(args.warm ?? 50);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(2)} (min ${Math.min(...xs).toFixed(2)})`;
console.log(`node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`includeGlyph calls (distinct glyphs) per report, fr nl en: ${reports.map((r) => r.map((s) => `${s.font} ${s.gids.length} (${new Set(s.gids).size})`).join(' + ')).join(', ')}`);
const results = { fontkit: { cold: [], warm: [] }, ours: { cold: [], warm: [] } };
for (let r = 0; r < rounds; r++) {
  for (const which of ['ours', 'fontkit']) {
    const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', which, '--warm', String(warmCount)], { cwd: ROOT, encoding: 'utf8' });
    if (p.status !== 0) throw new Error(`child failed: ${p.stderr}`);
    const out = JSON.parse(p.stdout.trim().split('\n').at(-1));
    results[which].cold.push(out.cold);
    results[which].warm.push(...out.warm);
  }
}
console.log(`\nsubsetting both fonts of one report, CPU ms (${rounds} interleaved processes, ${warmCount} warm reports each):`);
for (const [name, x] of Object.entries(results)) console.log(`${name.padEnd(8)} cold (first report of a process) ${fmt(x.cold)}   warm ${fmt(x.warm)}`);
