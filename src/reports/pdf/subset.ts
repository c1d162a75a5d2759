// A TrueType subsetter that writes the very bytes of fontkit's TTFSubset (fontkit 2.0.4,
// src/subset/TTFSubset.js), for pdfkit's EmbeddedFont. fontkit decodes every glyph's outline just to
// learn whether it is composite and re-encodes every table through restructure; here glyphs are
// copied straight from the font file and the fixed tables are prepared once per font and process.
//
// What fontkit writes, and so what this writes: an sfnt tagged 'true' with, in this order, head,
// hhea, loca, maxp, 'cvt ', prep, glyf, hmtx, fpgm (those the font has); every checksum 0; the
// tables back to back without padding; glyphs in first-use order (.notdef first, then the
// components of composite glyphs as encode() meets them), component ids remapped.
import { orFontkit, readTables, Unsupported, type Table } from './sfnt.js';

/** What pdfkit's EmbeddedFont uses of a subset (it also reads `cff`, absent for TrueType). */
export interface FontSubset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** What is pure about one font file, kept for the process. */
interface FontData {
  bytes: Uint8Array;
  view: DataView;
  numGlyphs: number;
  numberOfMetrics: number;
  longLoca: boolean;
  loca: number;
  glyf: Table;
  hmtx: number;
  /** head, hhea and maxp as fontkit re-encodes them; hhea and maxp get their counts per subset. */
  head: Uint8Array;
  hhea: Uint8Array;
  maxp: Uint8Array;
  cvt?: Uint8Array;
  prep?: Uint8Array;
  fpgm?: Uint8Array;
  /** Per composite glyph: pairs of (offset of a component id in the glyph, component id). */
  components: Map<number, number[]>;
}

const fonts = new WeakMap<Uint8Array, FontData | null>();

/** The font's data, or null when it is not a plain TrueType font this reproduces exactly. */
function fontData(bytes: Uint8Array): FontData | null {
  let data = fonts.get(bytes);
  if (data === undefined) {
    data = orFontkit(() => readFont(bytes));
    fonts.set(bytes, data);
  }
  return data;
}

function readFont(bytes: Uint8Array): FontData {
  const { view, tables } = readTables(bytes);
  for (const [tag, table] of tables) if (table.offset + table.length > bytes.length) throw new Unsupported(`${tag} outside the file`);
  // fontkit subsets CFF fonts otherwise, re-encodes variation glyphs and has other glyph classes
  // for bitmap and colour fonts.
  for (const tag of ['CFF ', 'CFF2', 'fvar', 'gvar', 'sbix', 'COLR']) if (tables.has(tag)) throw new Unsupported(tag);
  const need = (tag: string, min = 0): Table => {
    const table = tables.get(tag);
    if (!table || table.length < min) throw new Unsupported(`no ${tag}`);
    return table;
  };
  const head = need('head', 54);
  const hhea = need('hhea', 36);
  const maxp = need('maxp', 32);
  const loca = need('loca');
  const glyf = need('glyf');
  const hmtx = need('hmtx');
  const indexToLocFormat = view.getInt16(head.offset + 50);
  if (indexToLocFormat !== 0 && indexToLocFormat !== 1) throw new Unsupported('indexToLocFormat');
  const longLoca = indexToLocFormat === 1;
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const numberOfMetrics = view.getUint16(hhea.offset + 34);
  if (numberOfMetrics < 1 || numberOfMetrics > numGlyphs) throw new Unsupported('numberOfMetrics');
  if (loca.length < (numGlyphs + 1) * (longLoca ? 4 : 2)) throw new Unsupported('short loca');
  if (hmtx.length < 4 * numberOfMetrics + 2 * (numGlyphs - numberOfMetrics)) throw new Unsupported('short hmtx');

  const copy = (table: Table, length = table.length) => bytes.slice(table.offset, table.offset + length);
  const headBytes = copy(head, 54);
  // restructure's Bitfield keeps the seven named macStyle bits only.
  headBytes[45]! &= 0x7f;
  headBytes[44] = 0;
  const hheaBytes = copy(hhea, 36);
  hheaBytes.fill(0, 24, 32); // reserved, written as zeros
  const optional = (tag: string): Uint8Array | undefined => {
    const table = tables.get(tag);
    return table ? copy(table) : undefined;
  };
  const cvt = tables.get('cvt ');
  // fontkit reads 'cvt ' as int16s up to its end: an odd length would take a byte of the next table.
  if (cvt && cvt.length % 2) throw new Unsupported('odd cvt');
  return {
    bytes,
    view,
    numGlyphs,
    numberOfMetrics,
    longLoca,
    loca: loca.offset,
    glyf,
    hmtx: hmtx.offset,
    head: headBytes,
    hhea: hheaBytes,
    maxp: copy(maxp, 32),
    cvt: optional('cvt '),
    prep: optional('prep'),
    fpgm: optional('fpgm'),
    components: new Map(),
  };
}

const MORE_COMPONENTS = 1 << 5;

/** A glyph's place in glyf (relative to the table) and length, as fontkit reads them from loca. */
function glyphRange(font: FontData, gid: number): [number, number] {
  if (gid >= font.numGlyphs) throw new Unsupported('glyph id beyond numGlyphs');
  const { view, loca } = font;
  const start = font.longLoca ? view.getUint32(loca + 4 * gid) : view.getUint16(loca + 2 * gid) * 2;
  const end = font.longLoca ? view.getUint32(loca + 4 * gid + 4) : view.getUint16(loca + 2 * gid + 2) * 2;
  if (end < start || end > font.glyf.length || (end > start && end - start < 10)) throw new Unsupported('bad loca');
  return [start, end - start];
}

/** The component ids of a composite glyph and where they are, walking the flags as fontkit does. */
function componentsOf(font: FontData, gid: number, start: number, length: number): number[] {
  let found = font.components.get(gid);
  if (found) return found;
  found = [];
  const { view } = font;
  const base = font.glyf.offset + start;
  let at = 10;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    if (at + 4 > length) throw new Unsupported('truncated composite');
    flags = view.getUint16(base + at);
    found.push(at + 2, view.getUint16(base + at + 2));
    at += 4 + (flags & 1 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    // fontkit's order of tests: WE_HAVE_A_SCALE, else X_AND_Y_SCALE, else TWO_BY_TWO.
    at += flags & (1 << 3) ? 2 : flags & (1 << 6) ? 4 : flags & (1 << 7) ? 8 : 0;
  }
  if (at > length) throw new Unsupported('truncated composite');
  font.components.set(gid, found);
  return found;
}

/** fontkit's TTFSubset, the same ids and bytes, for a font fontData() accepts. */
export class TrueTypeSubset implements FontSubset {
  readonly glyphs: number[] = [];
  /** New id + 1 by font glyph id (0: not included): pdfkit calls includeGlyph for every glyph drawn. */
  private readonly ids: Int32Array;
  /** Ids past the font's glyphs (then fontkit writes the subset). */
  private readonly otherIds = new Map<number, number>();
  /** fontkit's subset, once this has met something it does not reproduce. */
  private delegate?: FontSubset;

  constructor(
    private readonly font: FontData,
    private readonly fallback: FontSubset,
  ) {
    this.ids = new Int32Array(font.numGlyphs);
    this.includeGlyph(0);
  }

  /** Whether fontkit's subset took over (for tests: it would hide a mistake here). */
  get handedToFontkit(): boolean {
    return this.delegate !== undefined;
  }

  includeGlyph(gid: number): number {
    // Kept short: pdfkit calls it for every glyph it draws, often before V8 has optimised it.
    const id = this.ids[gid];
    return id ? id - 1 : this.add(gid);
  }

  private add(gid: number): number {
    if (this.delegate) return this.delegate.includeGlyph(gid);
    const { ids } = this;
    if (gid >= 0 && gid < ids.length && Number.isInteger(gid)) {
      ids[gid] = this.glyphs.push(gid);
      return ids[gid]! - 1;
    }
    let id = this.otherIds.get(gid);
    if (id === undefined) {
      id = this.glyphs.push(gid) - 1;
      this.otherIds.set(gid, id);
    }
    return id;
  }

  encode(): Uint8Array {
    if (this.delegate) return this.delegate.encode();
    const replay = this.glyphs.slice();
    try {
      return this.write();
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      // Let fontkit do it, given the same glyphs in the same order (so the same ids).
      this.delegate = this.fallback;
      this.ids.fill(0); // every later call goes to fontkit's subset
      for (const gid of replay) this.delegate.includeGlyph(gid);
      return this.delegate.encode();
    }
  }

  private write(): Uint8Array {
    const font = this.font;
    // Walk the glyphs as fontkit does, adding components as they are met.
    const ranges: number[] = [];
    let glyfLength = 0;
    for (let i = 0; i < this.glyphs.length; i++) {
      const gid = this.glyphs[i]!;
      const [start, length] = glyphRange(font, gid);
      ranges.push(start, length);
      glyfLength += length;
      if (length && font.view.getInt16(font.glyf.offset + start) < 0) {
        const components = componentsOf(font, gid, start, length);
        for (let c = 1; c < components.length; c += 2) this.includeGlyph(components[c]!);
      }
    }
    const n = this.glyphs.length;
    const tables: [string, number][] = [
      ['head', 54],
      ['hhea', 36],
      ['loca', (n + 1) * (font.longLoca ? 4 : 2)],
      ['maxp', 32],
    ];
    if (font.cvt) tables.push(['cvt ', font.cvt.length]);
    if (font.prep) tables.push(['prep', font.prep.length]);
    tables.push(['glyf', glyfLength], ['hmtx', 4 * n]);
    if (font.fpgm) tables.push(['fpgm', font.fpgm.length]);

    const numTables = tables.length;
    let size = 12 + 16 * numTables;
    for (const [, length] of tables) size += length;
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    // restructure's Directory.preEncode, expression for expression (floating point included).
    const maxExponentFor2 = Math.floor(Math.log(numTables) / Math.LN2);
    const maxPowerOf2 = Math.pow(2, maxExponentFor2);
    view.setUint32(0, 0x74727565); // 'true'
    view.setUint16(4, numTables);
    view.setUint16(6, maxPowerOf2 * 16);
    view.setUint16(8, Math.log(maxPowerOf2) / Math.LN2);
    view.setUint16(10, numTables * 16 - maxPowerOf2 * 16);
    let offset = 12 + 16 * numTables;
    const at: Record<string, number> = {};
    tables.forEach(([tag, length], i) => {
      const entry = 12 + 16 * i;
      for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
      view.setUint32(entry + 8, offset); // the checksum stays 0
      view.setUint32(entry + 12, length);
      at[tag] = offset;
      offset += length;
    });

    out.set(font.head, at.head!);
    out.set(font.hhea, at.hhea!);
    view.setUint16(at.hhea! + 34, n);
    out.set(font.maxp, at.maxp!);
    view.setUint16(at.maxp! + 4, n);
    if (font.cvt) out.set(font.cvt, at['cvt ']!);
    if (font.prep) out.set(font.prep, at.prep!);
    if (font.fpgm) out.set(font.fpgm, at.fpgm!);

    const src = font.bytes;
    const { hmtx, numberOfMetrics } = font;
    const lastAdvance = hmtx + 4 * (numberOfMetrics - 1);
    let loca = at.loca!;
    let glyf = at.glyf!;
    let metrics = at.hmtx!;
    for (let i = 0; i < n; i++) {
      const gid = this.glyphs[i]!;
      const start = ranges[2 * i]!;
      const length = ranges[2 * i + 1]!;
      const written = glyf - at.glyf!;
      if (font.longLoca) {
        view.setUint32(loca, written);
        loca += 4;
      } else {
        view.setUint16(loca, written >>> 1);
        loca += 2;
      }
      out.set(src.subarray(font.glyf.offset + start, font.glyf.offset + start + length), glyf);
      if (length && view.getInt16(glyf) < 0) {
        const components = font.components.get(gid)!;
        for (let c = 0; c < components.length; c += 2) view.setUint16(glyf + components[c]!, this.ids[components[c + 1]!]! - 1);
      }
      glyf += length;
      // Advance and left side bearing, past numberOfMetrics the last advance and its own bearing.
      if (gid < numberOfMetrics) {
        out.set(src.subarray(hmtx + 4 * gid, hmtx + 4 * gid + 4), metrics);
      } else {
        out.set(src.subarray(lastAdvance, lastAdvance + 2), metrics);
        const bearing = hmtx + 4 * numberOfMetrics + 2 * (gid - numberOfMetrics);
        out.set(src.subarray(bearing, bearing + 2), metrics + 2);
      }
      metrics += 4;
    }
    const written = glyf - at.glyf!;
    if (font.longLoca) view.setUint32(loca, written);
    else view.setUint16(loca, written >>> 1);
    return out;
  }
}

/**
 * A subset of the font in `bytes` for pdfkit, in place of `fontkitSubset` (fontkit's own, still
 * empty, for the same font): ours when it reproduces fontkit's output for the font, else fontkit's.
 */
export function createSubset(bytes: Uint8Array, fontkitSubset: FontSubset): FontSubset {
  if (fontkitSubset instanceof TrueTypeSubset) return fontkitSubset;
  const font = fontData(bytes);
  return font ? new TrueTypeSubset(font, fontkitSubset) : fontkitSubset;
}
