// Proves two sets of PDF reports show the same thing: for every page, the text (each run's string,
// position, size and font) and every drawing operator (paths, colours, marked content) as pdf.js
// reads them. Font subset bytes, object numbers and compression may differ; what a reader sees may not.
//
//   node bench/compare-pdf.mjs <dir-a> <dir-b>        # the PDFs of both folders, matched by path
//   (bench/identical.mjs renders the same firms with two checkouts and calls this)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const round = (n) => Math.round(n * 1000) / 1000;

/** Everything pdf.js draws on each page, with glyphs as their Unicode text and width. */
export async function pageContents(data) {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const text = (await page.getTextContent({ includeMarkedContent: true })).items.map((item) =>
      'str' in item ? [item.str, item.transform.map(round), round(item.width), round(item.height), item.fontName.replace(/^g_d\d+_/, '')] : [item.type, item.tag ?? ''],
    );
    const ops = await page.getOperatorList();
    const drawing = ops.fnArray.map((fn, i) => [fn, JSON.stringify(ops.argsArray[i], (key, value) => {
      if (value && typeof value === 'object' && 'fontChar' in value) return [value.unicode, round(value.width)]; // a glyph
      if (typeof value === 'number') return round(value);
      if (typeof value === 'string' && /^g_d\d+_/.test(value)) return value.replace(/^g_d\d+_/, '');
      return value;
    })]);
    pages.push({ text, drawing });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

/** The first difference between two PDFs as a sentence, or undefined when they show the same. */
export async function firstDifference(a, b) {
  const [pa, pb] = await Promise.all([pageContents(a), pageContents(b)]);
  if (pa.length !== pb.length) return `${pa.length} pages against ${pb.length}`;
  for (let p = 0; p < pa.length; p++) {
    for (const part of ['text', 'drawing']) {
      const [x, y] = [pa[p][part], pb[p][part]];
      const n = Math.max(x.length, y.length);
      for (let i = 0; i < n; i++) {
        if (JSON.stringify(x[i]) !== JSON.stringify(y[i])) return `page ${p + 1}, ${part} item ${i}: ${JSON.stringify(x[i])} against ${JSON.stringify(y[i])}`;
      }
    }
  }
  return undefined;
}

export function pdfFiles(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.pdf')).sort();
}

/** Compares the PDFs of two folders; returns a summary and the differences found. */
export async function compareFolders(dirA, dirB) {
  const [a, b] = [pdfFiles(dirA), pdfFiles(dirB)];
  const problems = [];
  if (a.join('\n') !== b.join('\n')) problems.push(`different file lists: ${a.length} against ${b.length} PDFs`);
  let pages = 0;
  let items = 0;
  for (const file of a.filter((f) => b.includes(f))) {
    const [da, db] = [readFileSync(join(dirA, file)), readFileSync(join(dirB, file))];
    const diff = await firstDifference(da, db);
    if (diff) problems.push(`${file}: ${diff}`);
    const contents = await pageContents(da);
    pages += contents.length;
    items += contents.reduce((s, p) => s + p.text.length + p.drawing.length, 0);
  }
  return { files: a.length, pages, items, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dirA, dirB] = process.argv.slice(2);
  const { files, pages, items, problems } = await compareFolders(dirA, dirB);
  console.log(`${files} PDFs, ${pages} pages, ${items} text runs and drawing operators compared`);
  for (const p of problems) console.log(`DIFFERENT ${p}`);
  console.log(problems.length ? `${problems.length} PDFs differ` : 'identical text, positions and drawing on every page');
  process.exitCode = problems.length ? 1 : 0;
}
