// Our glyph lookup (src/reports/pdf/cmap.ts) stands in for fontkit's glyphsForString: for the same
// strings in the same order it must give glyphs with the same id, advance width and code points
// (pdfkit writes the widths and the ToUnicode map from them), for both report fonts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { glyphMapOf, type FontGlyph, type FontkitGlyphs, type GlyphMap } from '../src/reports/pdf/cmap.js';
import { useReportFonts } from '../src/reports/pdf/fonts.js';
import { FONT } from '../src/reports/pdf/layout.js';

interface FontkitFont extends FontkitGlyphs {
  glyphsForString(text: string): FontGlyph[];
  hasGlyphForCodePoint(cp: number): boolean;
  characterSet: number[];
}

const FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
const fileOf = (name: string) => readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));

/** A fontkit font as pdfkit loads it (its EmbeddedFont has already asked for glyph 0). */
function load(bytes: Uint8Array): FontkitFont {
  const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  probe.registerFont('f', Buffer.from(bytes));
  probe.font('f');
  return (probe as unknown as { _font: { font: FontkitFont } })._font.font;
}

/** Two independent copies of a font: fontkit's own lookup, and ours over the other copy. */
function pair(bytes: Uint8Array): { fontkit: FontkitFont; ours: GlyphMap } {
  const ours = glyphMapOf(bytes, load(bytes));
  expect(ours).not.toBeNull();
  return { fontkit: load(bytes), ours: ours! };
}

const plain = (glyphs: FontGlyph[]) => glyphs.map((g) => ({ id: g.id, advanceWidth: g.advanceWidth, codePoints: g.codePoints }));

/** The same strings through both, in order: every glyph must match. */
function compare({ fontkit, ours }: { fontkit: FontkitFont; ours: GlyphMap }, texts: string[]): void {
  for (const text of texts) expect(plain(ours.glyphsForString(text)), JSON.stringify(text)).toEqual(plain(fontkit.glyphsForString(text)));
}

function random(seed: number): () => number {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

const CORPUS = ['pack.yaml', 'plan.yaml', 'aids.yaml', 'benchmarks.yaml']
  .flatMap((f) => readFileSync(new URL(`../questionnaires/digiscan-sme/${f}`, import.meta.url), 'utf8').split('\n'))
  .filter((line) => /\b(fr|nl):/.test(line));

const SPECIAL = [
  '',
  'a',
  '😀',
  '👍🏽',
  '👩‍💻 🇧🇪 🇫🇷',
  '❤️ ☺︎ ✓︎ ≥︀',
  '\uFE0F',
  'a\uFE0F\uFE0E',
  '\uFE0Fa',
  'a\u{E0100}b',
  '\uD800',
  'x\uD800y\uDC00z',
  '\uDBFF\uDFFF',
  '\uDC00\uD800',
  '中文 日本語 한국어',
  'שלום مرحبا',
  '\u0000\u0001\t\n\r\u007f\u00a0\u00ad\u200b\u200d\u2028\uFEFF\uFFFD\uFFFE\uFFFF',
  '\u{1D400}\u{1F600}\u{10FFFF}\u{E0001}',
  'ﬁ ﬂ Ĳ ĳ œ Œ ẞ ß',
];

describe('glyph lookup from the cmap', () => {
  for (const file of FILES) {
    describe(file, () => {
      const bytes = fileOf(file);

      it('matches fontkit for every code point the cmap maps, one by one and all in a row', () => {
        const fonts = pair(bytes);
        const mapped = fonts.fontkit.characterSet;
        expect(mapped.length).toBeGreaterThan(5000);
        compare(fonts, mapped.map((cp) => String.fromCodePoint(cp)));
        compare(fonts, [String.fromCodePoint(...mapped), String.fromCodePoint(...mapped.reverse())]);
      });

      it('matches fontkit for unmapped code points, surrogates and variation selectors', () => {
        const fonts = pair(bytes);
        const all: string[] = [];
        for (let cp = 0; cp < 0x10000; cp++) all.push(String.fromCharCode(cp));
        for (let cp = 0x10000; cp <= 0x10ffff; cp += 251) all.push(String.fromCodePoint(cp));
        compare(fonts, [...SPECIAL, ...all]);
        for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : 97) expect(fonts.ours.hasGlyphForCodePoint(cp)).toBe(fonts.fontkit.hasGlyphForCodePoint(cp));
      });

      it('matches fontkit on French and Dutch texts, and gives glyphs their first code points', () => {
        // Unmapped characters first: glyph 0 keeps no code points, as fontkit's (made by pdfkit).
        const fonts = pair(bytes);
        compare(fonts, ['中', '\u00a0 ', ' \u00a0', ...SPECIAL, ...CORPUS, ...CORPUS.map((line) => line.toUpperCase())]);
        expect(CORPUS.length).toBeGreaterThan(100);
        expect(CORPUS.join('')).toMatch(/é/);
      });

      it('matches fontkit on random strings', () => {
        const fonts = pair(bytes);
        const mapped = fonts.fontkit.characterSet;
        const next = random(file.length);
        const pick = (): string => {
          const r = next();
          if (r < 0.6) return String.fromCodePoint(mapped[Math.floor(next() * mapped.length)]!);
          if (r < 0.7) return String.fromCharCode(0xd800 + Math.floor(next() * 0x800)); // a lone or paired surrogate
          if (r < 0.8) return String.fromCodePoint(next() < 0.5 ? 0xfe00 + Math.floor(next() * 16) : 0xe0100 + Math.floor(next() * 240));
          if (r < 0.9) return String.fromCodePoint(Math.floor(next() * 0x110000) & ~(next() < 0.5 ? 0 : 0xffff0000));
          return SPECIAL[Math.floor(next() * SPECIAL.length)]!;
        };
        const texts: string[] = [];
        for (let i = 0; i < 3000; i++) {
          let text = '';
          const n = Math.floor(next() * 12);
          for (let j = 0; j < n; j++) text += pick();
          texts.push(text);
        }
        compare(fonts, texts);
      });
    });
  }

  it('reads a format 4 subtable as fontkit does (the format 12 one hidden)', () => {
    const bytes = new Uint8Array(fileOf(FILES[0]!));
    eachEncodingRecord(bytes, (view, at) => {
      // (3,10) and (0,4)/(0,6) out of the way: fontkit takes (3,1), format 4.
      if (view.getUint16(at + 2) >= 4) view.setUint16(at + 2, 99);
    });
    const fonts = pair(bytes);
    expect((fonts.fontkit._cmapProcessor as unknown as { cmap: { version: number } }).cmap.version).toBe(4);
    compare(fonts, [...SPECIAL, ...CORPUS, ...fonts.fontkit.characterSet.map((cp) => String.fromCodePoint(cp))]);
    const all: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) all.push(String.fromCharCode(cp));
    compare(fonts, all);
  });

  it('reads a format 4 subtable with a glyph index array, and short metrics, as fontkit does', () => {
    const original = fileOf(FILES[0]!);
    const source = load(original);
    const bmp = source.characterSet.filter((cp) => cp < 0xfff0);
    // Segments of mapped code points, gaps of up to 3 taken in (glyph index entries 0).
    const segments: [number, number][] = [];
    for (const cp of bmp) {
      const last = segments[segments.length - 1];
      if (last && cp - last[1] <= 4) last[1] = cp;
      else segments.push([cp, cp]);
    }
    segments.push([0xffff, 0xffff]);
    const n = segments.length;
    const array: number[] = [];
    const deltas: number[] = [];
    const offsets: number[] = [];
    segments.forEach(([start, end], s) => {
      if ((s % 3 === 2 && s !== n - 2) || s === n - 1) {
        // Consecutive glyph ids from the delta alone.
        deltas.push(s === n - 1 ? 1 : (10 - start) & 0xffff);
        offsets.push(0);
      } else {
        const delta = s % 3 === 0 ? 0 : 7;
        deltas.push(delta);
        offsets.push(2 * (n - s) + 2 * array.length);
        for (let c = start; c <= end; c++) array.push((source._cmapProcessor!.lookup(c) - delta) & 0xffff);
      }
    });
    const table = new DataView(new ArrayBuffer(16 + 8 * n + 2 * array.length));
    const words = [4, table.byteLength - 2 /* the last entry (mapped) left out */, 0, 2 * n, 0, 0, 0];
    words.forEach((w, i) => table.setUint16(2 * i, w));
    segments.forEach(([start, end], s) => {
      table.setUint16(14 + 2 * s, end);
      table.setUint16(16 + 2 * n + 2 * s, start);
      table.setUint16(16 + 4 * n + 2 * s, deltas[s]!);
      table.setUint16(16 + 6 * n + 2 * s, offsets[s]!);
    });
    array.forEach((g, i) => table.setUint16(16 + 8 * n + 2 * i, g));

    const at = Math.ceil(original.length / 4) * 4;
    const bytes = new Uint8Array(at + table.byteLength);
    bytes.set(original);
    bytes.set(new Uint8Array(table.buffer), at);
    const view = new DataView(bytes.buffer);
    eachEncodingRecord(bytes, (_, entry, cmap) => {
      if (view.getUint16(entry + 2) >= 4) view.setUint16(entry + 2, 99);
      if (view.getUint16(entry) === 3 && view.getUint16(entry + 2) === 1) view.setUint32(entry + 4, at - cmap);
    });
    // Fewer long metrics: glyphs past them take the last one's advance.
    view.setUint16(tableOffset(bytes, 'hhea') + 34, 1000);
    const fonts = pair(bytes);
    const chosen = (fonts.fontkit._cmapProcessor as unknown as { cmap: { version: number; glyphIndexArray: { length: number } } }).cmap;
    expect(chosen.version).toBe(4);
    expect(chosen.glyphIndexArray.length).toBe(array.length - 1);
    const all: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) all.push(String.fromCharCode(cp));
    compare(fonts, [...SPECIAL, ...CORPUS, ...all]);
    expect(new Set(all.flatMap((c) => fonts.ours.glyphsForString(c).map((g) => g.advanceWidth))).size).toBeGreaterThan(50);
  });

  it('leaves a font without a Unicode cmap to fontkit', () => {
    const bytes = new Uint8Array(fileOf(FILES[0]!));
    eachEncodingRecord(bytes, (view, at) => {
      if (view.getUint16(at) !== 1) view.setUint16(at, 7);
    });
    expect(glyphMapOf(bytes, load(bytes))).toBeNull();
  });

  it('is what the report fonts use', () => {
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    useReportFonts(doc, PDFDocument);
    for (const name of [FONT.regular, FONT.bold]) {
      doc.font(name);
      const font = (doc as unknown as { _font: { font: FontkitFont } })._font.font;
      const fontkit = Object.getPrototypeOf(Object.getPrototypeOf(font)) as FontkitFont;
      expect(font.glyphsForString).not.toBe(fontkit.glyphsForString);
      expect(font.hasGlyphForCodePoint).not.toBe(fontkit.hasGlyphForCodePoint);
      expect(font.glyphsForString('Aé€').map((g) => g.id)).toEqual(fontkit.glyphsForString.call(font, 'Aé€').map((g) => g.id));
    }
  });
});

function tableOffset(bytes: Uint8Array, tag: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + 16 * i;
    if (String.fromCharCode(...bytes.subarray(at, at + 4)) === tag) return view.getUint32(at + 8);
  }
  throw new Error(`no ${tag}`);
}

const cmapOffset = (bytes: Uint8Array) => tableOffset(bytes, 'cmap');

/** Calls `edit` for each encoding record of the font's cmap (platform, encoding, subtable offset at `record`). */
function eachEncodingRecord(bytes: Uint8Array, edit: (view: DataView, record: number, cmap: number) => void): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cmap = cmapOffset(bytes);
  for (let i = 0; i < view.getUint16(cmap + 2); i++) edit(view, cmap + 4 + 8 * i, cmap);
}
