// Our TrueType subsetter (src/reports/pdf/subset.ts) stands in for fontkit's TTFSubset in pdfkit's
// EmbeddedFont: for the same includeGlyph calls it must give the same glyph ids and the same bytes,
// for both report fonts, whatever the glyphs (accented letters are composite glyphs in DejaVu).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { translator } from '../src/i18n/ui.js';
import { loadUiStrings } from '../src/io/load.js';
import { renderPdf } from '../src/reports/pdf/index.js';
import { createSubset, TrueTypeSubset, type FontSubset } from '../src/reports/pdf/subset.js';
import { fixtureAssessment } from './fixtures/pdf-assessment.js';

interface FontkitFont {
  numGlyphs: number;
  hhea: { numberOfMetrics: number };
  createSubset(): FontSubset;
  glyphsForString(text: string): { id: number }[];
  getGlyph(id: number): { _decode(): { numberOfContours: number; components?: { glyphID: number }[] } | null };
}

const FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
const fonts = FILES.map((name) => {
  const bytes = readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));
  // fontkit as pdfkit loads it, not a copy of our own.
  const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  probe.registerFont('f', bytes);
  probe.font('f');
  const font = (probe as unknown as { _font: { font: FontkitFont } })._font.font;
  return { name, bytes, font };
});

/** A fontkit font (pdfkit's fontkit: its classes taken from a font it loaded) for other bytes. */
function fontkitFont(name: string, bytes: Uint8Array): (typeof fonts)[number] {
  const base = fonts[0]!.font as unknown as { constructor: new (stream: unknown) => FontkitFont; stream: { constructor: new (b: Uint8Array) => unknown } };
  return { name, bytes: Buffer.from(bytes), font: new base.constructor(new base.stream.constructor(bytes)) };
}

/** The tables of an sfnt, by tag. */
function tablesOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + 16 * i;
    tables.set(String.fromCharCode(...bytes.subarray(at, at + 4)), bytes.subarray(view.getUint32(at + 8), view.getUint32(at + 8) + view.getUint32(at + 12)));
  }
  return tables;
}

/** An sfnt of these tables (4-byte aligned, checksums left 0). */
function sfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const header = 12 + 16 * tables.size;
  let size = header;
  for (const t of tables.values()) size += (t.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tables.size);
  let offset = header;
  [...tables].forEach(([tag, t], i) => {
    for (let k = 0; k < 4; k++) out[12 + 16 * i + k] = tag.charCodeAt(k);
    view.setUint32(12 + 16 * i + 8, offset);
    view.setUint32(12 + 16 * i + 12, t.length);
    out.set(t, offset);
    offset += (t.length + 3) & ~3;
  });
  return out;
}

/** The first offset where two byte strings differ, or -1. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Feeds both subsetters the same glyphs; they must agree on every id and on the encoded bytes. */
function compare(font: (typeof fonts)[number], gids: number[]): Uint8Array {
  const theirs = font.font.createSubset();
  const ours = createSubset(font.bytes, font.font.createSubset());
  expect(ours).toBeInstanceOf(TrueTypeSubset);
  for (const gid of gids) expect(ours.includeGlyph(gid)).toBe(theirs.includeGlyph(gid));
  const expected = theirs.encode();
  const actual = ours.encode();
  expect((ours as TrueTypeSubset).handedToFontkit).toBe(false);
  expect(firstDifference(actual, expected), `${font.name}: first differing byte`).toBe(-1);
  // Glyphs included after encoding (components meanwhile) keep agreeing too.
  for (const gid of gids.slice(0, 5)) expect(ours.includeGlyph(gid)).toBe(theirs.includeGlyph(gid));
  return actual;
}

/** A seeded pseudo-random sequence (glyph ids with repeats), the same on every run. */
function randomGlyphs(seed: number, count: number, numGlyphs: number): number[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % numGlyphs;
  });
}

const TEXTS = {
  fr: 'Évaluation de la maturité numérique : l’entreprise à 58 % ; ≥ 10 salariés, « facturation électronique » ✓ 1 250 € — œuvre, Noël, naïf, çà et là.',
  nl: 'Digitale rijpheid van uw kmo: één score, geïnformeerd, coöperatie, ruïne, Ĳsselmeer, € 2.500 ≥ 50 % ✓ — “e-facturatie” via Peppol.',
  en: 'How digital is your small business? Score 62/100, “cybersecurity” ≥ median ✓ £ $ € – fine print: naïve café résumé.',
};

describe('TrueType subset', () => {
  for (const font of fonts) {
    describe(font.name, () => {
      it('is the same as fontkit for no glyph at all (.notdef only)', () => {
        compare(font, []);
      });

      for (const [lang, text] of Object.entries(TEXTS)) {
        it(`is the same as fontkit for the glyphs of a ${lang} text, composites included`, () => {
          const gids = font.font.glyphsForString(text).map((g) => g.id);
          expect(gids.some((gid) => (font.font.getGlyph(gid)._decode()?.numberOfContours ?? 0) < 0)).toBe(true);
          compare(font, gids);
        });
      }

      it('is the same as fontkit for random glyphs, past numberOfMetrics too', () => {
        const { numGlyphs, hhea } = font.font;
        expect(hhea.numberOfMetrics).toBeLessThan(numGlyphs); // so the bearings-only glyphs are tried
        const tail = Array.from({ length: numGlyphs - hhea.numberOfMetrics }, (_, i) => hhea.numberOfMetrics + i);
        for (const seed of [1, 2, 3]) compare(font, randomGlyphs(seed, 300, numGlyphs));
        compare(font, [...tail, ...randomGlyphs(4, 50, numGlyphs)]);
      });

      it('is the same as fontkit for composites of composites, and for every glyph of the font', () => {
        const nested: number[] = [];
        for (let gid = 0; gid < font.font.numGlyphs && nested.length < 20; gid++) {
          const components = font.font.getGlyph(gid)._decode()?.components ?? [];
          if (components.some((c) => (font.font.getGlyph(c.glyphID)._decode()?.numberOfContours ?? 0) < 0)) nested.push(gid);
        }
        expect(nested.length).toBeGreaterThan(0);
        compare(font, nested);
        // Descending order: most components are then met again after their first use.
        compare(font, Array.from({ length: font.font.numGlyphs }, (_, i) => font.font.numGlyphs - 1 - i));
      });
    });
  }

  it('writes, in real reports in fr, nl and en, what fontkit writes for the same glyphs', async () => {
    // Record every subset the reports use: the glyphs pdfkit asks for, in order, and the bytes.
    const calls = new Map<TrueTypeSubset, number[]>();
    const encoded = new Map<TrueTypeSubset, Uint8Array>();
    const { includeGlyph, encode } = TrueTypeSubset.prototype;
    TrueTypeSubset.prototype.includeGlyph = function (this: TrueTypeSubset, gid: number) {
      if (!calls.has(this)) calls.set(this, []);
      if (!encoded.has(this)) calls.get(this)!.push(gid);
      return includeGlyph.call(this, gid);
    };
    TrueTypeSubset.prototype.encode = function (this: TrueTypeSubset) {
      const bytes = encode.call(this);
      encoded.set(this, bytes);
      return bytes;
    };
    try {
      for (const lang of ['fr', 'nl', 'en'] as const) {
        const a = fixtureAssessment({ lang, example: lang === 'nl' ? 'leader' : 'typical' });
        await renderPdf(a, { t: translator(lang, loadUiStrings()), deterministic: true });
      }
    } finally {
      Object.assign(TrueTypeSubset.prototype, { includeGlyph, encode });
    }
    expect(encoded.size).toBe(6); // two fonts per report
    for (const [subset, bytes] of encoded) {
      const gids = calls.get(subset)!.slice(1); // the .notdef of the constructor
      const font = fonts.find((f) => (subset as unknown as { font: { bytes: Uint8Array } }).font.bytes.length === f.bytes.length)!;
      expect(gids.length).toBeGreaterThan(0);
      expect(subset.handedToFontkit).toBe(false);
      expect(firstDifference(bytes, compare(font, gids))).toBe(-1);
    }
  });

  /**
   * A small font from a subset of DejaVu, with `extra` glyphs appended (each its hmtx entry), and
   * short loca offsets (glyphs padded to even lengths) or long ones.
   */
  function smallFont(shortLoca: boolean, extra: Uint8Array[] = []): { font: (typeof fonts)[number]; numGlyphs: number; composite: number } {
    const regular = fonts[0]!;
    const subset = regular.font.createSubset();
    for (const g of regular.font.glyphsForString(Object.values(TEXTS).join(' '))) subset.includeGlyph(g.id);
    const tables = tablesOf(subset.encode());
    const loca = new DataView(tables.get('loca')!.slice().buffer);
    const glyf = tables.get('glyf')!;
    const count = tables.get('loca')!.length / 4 - 1;
    const glyphs = [...Array.from({ length: count }, (_, i) => glyf.subarray(loca.getUint32(4 * i), loca.getUint32(4 * i + 4))), ...extra];
    const numGlyphs = glyphs.length;
    const pad = (n: number) => (shortLoca ? (n + 1) & ~1 : n);
    const newLoca = new DataView(new ArrayBuffer((numGlyphs + 1) * (shortLoca ? 2 : 4)));
    const newGlyf = new Uint8Array(glyphs.reduce((n, g) => n + pad(g.length), 0));
    let at = 0;
    glyphs.forEach((g, i) => {
      if (shortLoca) newLoca.setUint16(2 * i, at / 2);
      else newLoca.setUint32(4 * i, at);
      newGlyf.set(g, at);
      at += pad(g.length);
    });
    if (shortLoca) newLoca.setUint16(2 * numGlyphs, at / 2);
    else newLoca.setUint32(4 * numGlyphs, at);
    const hmtx = new Uint8Array(4 * numGlyphs);
    hmtx.set(tables.get('hmtx')!);
    for (let i = count; i < numGlyphs; i++) new DataView(hmtx.buffer).setUint32(4 * i, ((600 + i) << 16) | (i & 0x7f));
    const head = tables.get('head')!.slice();
    new DataView(head.buffer).setInt16(50, shortLoca ? 0 : 1);
    const hhea = tables.get('hhea')!.slice();
    new DataView(hhea.buffer).setUint16(34, numGlyphs);
    const maxp = tables.get('maxp')!.slice();
    new DataView(maxp.buffer).setUint16(4, numGlyphs);
    tables.set('head', head).set('hhea', hhea).set('maxp', maxp).set('hmtx', hmtx);
    tables.set('loca', new Uint8Array(newLoca.buffer)).set('glyf', newGlyf);
    const font = fontkitFont(shortLoca ? 'short loca' : 'long loca', sfnt(tables));
    expect(font.font.numGlyphs).toBe(numGlyphs);
    const composite = Array.from({ length: count }, (_, i) => i).find((i) => glyphs[i]!.length && new DataView(glyphs[i]!.buffer, glyphs[i]!.byteOffset).getInt16(0) < 0)!;
    return { font, numGlyphs, composite };
  }

  it('is the same as fontkit for a font with short loca offsets', () => {
    const { font, numGlyphs } = smallFont(true);
    compare(font, Array.from({ length: numGlyphs }, (_, i) => numGlyphs - 1 - i));
    compare(font, randomGlyphs(5, 40, numGlyphs));
  });

  it('is the same as fontkit for composites with byte offsets, scales, 2x2 matrices and instructions', () => {
    // DejaVu's composites all have word offsets and no scale: these are made up, one of each kind.
    const composite = (components: [flags: number, gid: number, rest: number[]][], instructions: number[] = []) => {
      const bytes = [0xff, 0xff, 0, 0, 0, 0, 0, 100, 0, 100];
      components.forEach(([flags, gid, rest], i) => {
        const more = i < components.length - 1 ? 1 << 5 : 0;
        const withInstructions = instructions.length && !more ? 1 << 8 : 0;
        const f = flags | more | withInstructions;
        bytes.push(f >> 8, f & 0xff, gid >> 8, gid & 0xff, ...rest);
      });
      if (instructions.length) bytes.push(0, instructions.length, ...instructions);
      return Uint8Array.from(bytes);
    };
    const base = smallFont(false);
    const XY = 1 << 1;
    const first = base.numGlyphs; // the ids the made-up glyphs get
    const made = [
      composite([
        [XY, 3, [1, 2]],
        [XY | (1 << 7), 5, [9, 10, 0x40, 0, 0, 0, 0, 0, 0x40, 0]],
        [XY | 1 | (1 << 3), 4, [0, 5, 0, 6, 0x40, 0]],
        [XY | (1 << 6), base.composite, [7, 8, 0x40, 0, 0x20, 0]],
        [XY, 8, [1, 1]],
      ], [0xb0, 0x01, 0x2b]),
      composite([[XY, first, [1, 1]], [XY | 1, 6, [0, 1, 0, 2]], [XY, first + 2, [3, 3]]]),
      composite([[XY | (1 << 7), 7, [2, 2, 0x40, 0, 0, 0, 0, 0, 0x40, 0]], [XY, 9, [0, 0]]], [0x01]),
    ];
    for (const shortLoca of [false, true]) {
      const { font, numGlyphs } = smallFont(shortLoca, made);
      compare(font, [first + 1, 2, first]);
      compare(font, [first + 2, first, base.composite, first + 1]);
      compare(font, [...randomGlyphs(6, 30, numGlyphs), first + 1]);
    }
  });

  it('is the same as fontkit for a font with more macStyle bits than fontkit names and reserved hhea words set', () => {
    const bytes = Uint8Array.from(fonts[1]!.bytes);
    const tables = tablesOf(bytes);
    const head = tables.get('head')!;
    head[44] = 0xff;
    head[45]! |= 0x80;
    tables.get('hhea')!.fill(0x5a, 24, 32);
    const odd = fontkitFont('odd header fields', bytes);
    compare(odd, fonts[1]!.font.glyphsForString(TEXTS.fr).map((g) => g.id));
  });

  it('leaves fonts it does not reproduce to fontkit', () => {
    const fontkitSubset = fonts[0]!.font.createSubset();
    const cff = Uint8Array.from(fonts[0]!.bytes);
    cff.set([0x43, 0x46, 0x46, 0x20], 12); // the first table renamed 'CFF '
    expect(createSubset(cff, fontkitSubset)).toBe(fontkitSubset);
    const notSfnt = Uint8Array.from(fonts[0]!.bytes);
    notSfnt.set([0x4f, 0x54, 0x54, 0x4f], 0); // 'OTTO'
    expect(createSubset(notSfnt, fontkitSubset)).toBe(fontkitSubset);
    // An odd-length 'cvt ': fontkit reads a last int16 half out of the table.
    const oddCvt = Uint8Array.from(fonts[0]!.bytes);
    const view = new DataView(oddCvt.buffer);
    for (let i = 0; i < view.getUint16(4); i++) if (view.getUint32(12 + 16 * i) === 0x63767420) view.setUint32(12 + 16 * i + 12, view.getUint32(12 + 16 * i + 12) - 1);
    expect(createSubset(oddCvt, fontkitSubset)).toBe(fontkitSubset);
  });

  it('hands a subset to fontkit, same ids, when a glyph is beyond what it reads', () => {
    const font = fonts[0]!;
    const fontkitSubset = font.font.createSubset();
    const ours = createSubset(font.bytes, fontkitSubset);
    const gids = font.font.glyphsForString('Aé').map((g) => g.id);
    for (const gid of gids) ours.includeGlyph(gid);
    // A glyph past numGlyphs: fontkit's business (it may write junk or throw, as it does without us).
    ours.includeGlyph(font.font.numGlyphs + 3);
    let fromFontkit: unknown;
    try {
      fromFontkit = ours.encode();
    } catch (error) {
      fromFontkit = error;
    }
    expect((fontkitSubset as unknown as { glyphs: number[] }).glyphs.slice(0, 4)).toEqual([0, ...gids, font.font.numGlyphs + 3]);
    expect(fromFontkit).toBeDefined();
    expect((ours as TrueTypeSubset).handedToFontkit).toBe(true);
  });
});
