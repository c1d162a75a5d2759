// Picks the zlib level of the PDF streams (document.ts compresses page content at level 3): inflates
// every Flate stream of a report, sorts them by kind (page content, font files, ToUnicode maps, other),
// deflates each kind again at each level and prints CPU time and bytes per report (median of 15 runs).
//
//   node bench/zlib.mjs [report.pdf]   # default: a report of the example firm, rendered first
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let file = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'digiscan-zlib-'));
try {
  if (!file) {
    file = join(dir, 'report.pdf');
    execFileSync(process.execPath, [join(ROOT, 'bin/digiscan.js'), 'assess', '--answers', join(ROOT, 'questionnaires/digiscan-sme/examples/typical.yaml'), '--out', file], { cwd: dir, stdio: 'ignore' });
  }
  const pdf = readFileSync(file);
  const text = pdf.toString('latin1');
  const refs = (key) => new Set([...text.matchAll(new RegExp(`/${key} (\\d+) 0 R`, 'g'))].map((m) => m[1]));
  const contents = refs('Contents');
  const fontFiles = refs('FontFile2');
  const toUnicode = refs('ToUnicode');
  const kinds = new Map([['page content', []], ['font files', []], ['ToUnicode maps', []], ['other', []]]);
  const stored = new Map([...kinds.keys()].map((k) => [k, 0]));
  // Every object: its dictionary, then a stream when it has one (pdfkit writes "stream\n" after ">>").
  for (const m of text.matchAll(/(?:^|\n)(\d+) 0 obj\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('\nendobj', start);
    const body = text.slice(start, end);
    const at = body.indexOf('\nstream\n');
    if (at < 0 || !/\/Filter \/FlateDecode/.test(body.slice(0, at))) continue;
    const length = Number(/\/Length (\d+)/.exec(body.slice(0, at))[1]);
    const from = start + at + '\nstream\n'.length;
    const kind = contents.has(m[1]) ? 'page content' : fontFiles.has(m[1]) ? 'font files' : toUnicode.has(m[1]) ? 'ToUnicode maps' : 'other';
    kinds.get(kind).push(inflateSync(pdf.subarray(from, from + length)));
    stored.set(kind, stored.get(kind) + length);
  }
  for (const [kind, streams] of kinds) {
    const raw = streams.reduce((s, b) => s + b.length, 0);
    console.log(`\n${kind}: ${streams.length} streams, ${(raw / 1024).toFixed(1)} KB uncompressed, ${(stored.get(kind) / 1024).toFixed(1)} KB in the file`);
    if (!streams.length) continue;
    for (const level of [1, 2, 3, 4, 5, 6, 9]) {
      const times = [];
      let bytes = 0;
      for (let r = 0; r < 15; r++) {
        const c0 = process.cpuUsage();
        bytes = 0;
        for (const s of streams) bytes += deflateSync(s, { level }).length;
        const c = process.cpuUsage(c0);
        times.push((c.user + c.system) / 1000);
      }
      times.sort((a, b) => a - b);
      console.log(`  level ${level}: ${times[7].toFixed(2)} ms CPU per report, ${(bytes / 1024).toFixed(1)} KB`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
