// Picks the zlib level of the PDF page content: inflates the page content streams of a report, then
// deflates them again at each level and prints CPU time and bytes (median of repeated runs).
//
//   node bench/zlib.mjs [report.pdf]      # default: a report of the example firm, rendered first
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
  // Page content streams: the objects a page's /Contents points at.
  const contents = new Set([...text.matchAll(/\/Contents (\d+) 0 R/g)].map((m) => m[1]));
  const streams = [];
  // A stream object's dictionary, whatever the order of its entries (document.ts writes /Filter first).
  for (const m of text.matchAll(/(?:^|\n)(\d+) 0 obj\n<<\n((?:\/[^\n]*\n)*?)>>\nstream\n/g)) {
    if (!contents.has(m[1])) continue;
    const length = /(?:^|\n)\/Length (\d+)\n/.exec(`\n${m[2]}`);
    if (!length || !/(?:^|\n)\/Filter \/FlateDecode\n/.test(`\n${m[2]}`)) continue;
    const start = m.index + m[0].length;
    streams.push(inflateSync(pdf.subarray(start, start + Number(length[1]))));
  }
  if (streams.length === 0 || streams.length !== contents.size) throw new Error(`found ${streams.length} of ${contents.size} page content streams`);
  const raw = streams.reduce((s, b) => s + b.length, 0);
  console.log(`${streams.length} page content streams, ${(raw / 1024).toFixed(0)} KB uncompressed`);
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
    console.log(`level ${level}: ${times[7].toFixed(2)} ms CPU per report, ${(bytes / 1024).toFixed(1)} KB`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
