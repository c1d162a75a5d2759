// Glyph lookup read straight from a TrueType file, standing in for fontkit's (2.0.4)
// TTFFont.glyphsForString: the same cmap subtable (CmapProcessor's choice), the same lookup rules
// and the same glyph objects as far as pdfkit reads them (id, advanceWidth, codePoints). fontkit
// decodes the cmap and hmtx through restructure's generic structs and builds a TTFGlyph per glyph
// (whose advanceWidth decodes the outline); here both tables become flat arrays once per font.
//
// Rules kept from fontkit:
// - subtable: the first of (3,10) (0,6) (0,4) (3,1) (0,3) (0,2) (0,1) (0,0), each pair looked up in
//   table order; handled when it is format 4 or 12 (otherwise, or with no Unicode subtable, fontkit);
// - a code point the font lacks gives glyph 0; a high surrogate followed by a low one is one code
//   point, a lone surrogate is looked up as it is;
// - a variation selector (U+FE00-FE0F, U+E0100-E01EF) after a character makes one glyph of the
//   pair, code points [character, selector], looked up in the (0,5) format 14 subtable if any (by
//   fontkit's own processor) else as the character alone; any other selector is dropped;
// - one glyph object per glyph id for the process: its code points are those of the first string
//   that met it (or of fontkit's own object for that id, if fontkit made one first: pdfkit's
//   EmbeddedFont asks fontkit for glyph 0, so glyph 0 has no code points, as with fontkit);
// - advance width: the glyph's hmtx advance, else the last long metric's.
import { orFontkit, readTables, Unsupported } from './sfnt.js';

/** The part of a fontkit glyph pdfkit reads. */
export interface FontGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** The part of fontkit's TTFFont used here. */
export interface FontkitGlyphs {
  _glyphs?: Record<number, FontGlyph | undefined>;
  getGlyph(id: number, codePoints?: number[]): FontGlyph;
  _cmapProcessor?: { lookup(codePoint: number, variationSelector?: number): number };
}

export interface GlyphMap {
  glyphsForString(text: string): FontGlyph[];
  glyphForCodePoint(codePoint: number): FontGlyph;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Unicode subtables in fontkit's order of preference. */
const PREFERRED: [number, number][] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

interface CmapData {
  /** Glyph id per BMP code point (0: none). */
  bmp: Uint16Array;
  /** Format 12 groups above the BMP, sorted: start, end, first glyph id. */
  starts: Uint32Array;
  ends: Uint32Array;
  firsts: Uint32Array;
  /** Advance width per glyph id. */
  advances: Uint16Array;
  numGlyphs: number;
  /** A format 14 subtable: variation sequences go to fontkit's processor. */
  hasUvs: boolean;
}

function readCmap(bytes: Uint8Array): CmapData {
  const { view, tables } = readTables(bytes);
  // Other glyph classes (bitmap, colour, CFF) or advances adjusted by variations: fontkit's.
  for (const tag of ['CFF ', 'CFF2', 'fvar', 'HVAR', 'sbix', 'COLR']) if (tables.has(tag)) throw new Unsupported(tag);
  const need = (tag: string) => {
    const table = tables.get(tag);
    if (!table) throw new Unsupported(`no ${tag}`);
    return table;
  };
  need('glyf');
  const cmap = need('cmap').offset;
  const numGlyphs = view.getUint16(need('maxp').offset + 4);
  const numberOfMetrics = view.getUint16(need('hhea').offset + 34);
  if (numberOfMetrics < 1 || numberOfMetrics > numGlyphs) throw new Unsupported('numberOfMetrics');
  const hmtx = need('hmtx').offset;
  const advances = new Uint16Array(numGlyphs);
  for (let g = 0; g < numberOfMetrics; g++) advances[g] = view.getUint16(hmtx + 4 * g);
  advances.fill(advances[numberOfMetrics - 1]!, numberOfMetrics);

  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const at = cmap + 4 + 8 * i;
    subtables.push({ platform: view.getUint16(at), encoding: view.getUint16(at + 2), offset: cmap + view.getUint32(at + 4) });
  }
  const find = (pairs: [number, number][]) => {
    for (const [platform, encoding] of pairs) {
      for (const s of subtables) if (s.platform === platform && s.encoding === encoding) return s.offset;
    }
    return -1;
  };
  const chosen = find(PREFERRED);
  if (chosen < 0) throw new Unsupported('no Unicode cmap');
  const uvs = find([[0, 5]]);
  const hasUvs = uvs >= 0 && view.getUint16(uvs) === 14;

  const bmp = new Uint16Array(0x10000);
  let starts = new Uint32Array(0);
  let ends = starts;
  let firsts = starts;
  const mapped = (gid: number) => {
    if (gid >= numGlyphs) throw new Unsupported('glyph id past the font');
    return gid;
  };
  const format = view.getUint16(chosen);
  if (format === 4) {
    // fontkit binary-searches the segments: the same as filling them in when they are sorted.
    const length = view.getUint16(chosen + 2);
    const segCount = view.getUint16(chosen + 6) >> 1;
    const endAt = chosen + 14;
    const startAt = endAt + 2 * segCount + 2;
    const deltaAt = startAt + 2 * segCount;
    const rangeAt = deltaAt + 2 * segCount;
    const arrayAt = rangeAt + 2 * segCount;
    // restructure's LazyArray: entries past this count read as missing.
    const arrayLength = (length - (16 + 8 * segCount)) / 2;
    let previousEnd = -1;
    for (let s = 0; s < segCount; s++) {
      const start = view.getUint16(startAt + 2 * s);
      const end = view.getUint16(endAt + 2 * s);
      if (start > end || start <= previousEnd) throw new Unsupported('unsorted segments');
      previousEnd = end;
      const delta = view.getInt16(deltaAt + 2 * s);
      const rangeOffset = view.getUint16(rangeAt + 2 * s);
      if (rangeOffset % 2) throw new Unsupported('odd idRangeOffset');
      for (let c = start; c <= end; c++) {
        let gid: number;
        if (rangeOffset === 0) gid = (c + delta) & 0xffff;
        else {
          const index = rangeOffset / 2 + (c - start) - (segCount - s);
          gid = index >= 0 && index < arrayLength ? view.getUint16(arrayAt + 2 * index) : 0;
          if (gid !== 0) gid = (gid + delta) & 0xffff;
        }
        bmp[c] = mapped(gid);
      }
    }
  } else if (format === 12) {
    const nGroups = view.getUint32(chosen + 12);
    const above: number[] = [];
    let previousEnd = -1;
    for (let i = 0; i < nGroups; i++) {
      const at = chosen + 16 + 12 * i;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const first = view.getUint32(at + 8);
      if (start > end || start <= previousEnd) throw new Unsupported('unsorted groups');
      previousEnd = end;
      mapped(first + (end - start));
      for (let c = start; c <= end && c < 0x10000; c++) bmp[c] = first + (c - start);
      if (end >= 0x10000) above.push(start, end, first);
    }
    const n = above.length / 3;
    starts = new Uint32Array(n);
    ends = new Uint32Array(n);
    firsts = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      starts[i] = above[3 * i]!;
      ends[i] = above[3 * i + 1]!;
      firsts[i] = above[3 * i + 2]!;
    }
  } else throw new Unsupported(`cmap format ${format}`);
  return { bmp, starts, ends, firsts, advances, numGlyphs, hasUvs };
}

const maps = new WeakMap<object, GlyphMap | null>();

/** The glyph lookup of a fontkit font loaded from `bytes`, one per font for the process; null: use fontkit's. */
export function glyphMapOf(bytes: Uint8Array, font: FontkitGlyphs): GlyphMap | null {
  let map = maps.get(font);
  if (map === undefined) {
    map = orFontkit(() => createGlyphMap(readCmap(bytes), font));
    maps.set(font, map);
  }
  return map;
}

function createGlyphMap(data: CmapData, font: FontkitGlyphs): GlyphMap {
  const { bmp, starts, ends, firsts, advances, hasUvs } = data;
  const glyphs: (FontGlyph | undefined)[] = [];

  const lookup = (cp: number): number => {
    if (cp < 0x10000) return bmp[cp]!;
    let min = 0;
    let max = starts.length - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      if (cp < starts[mid]!) max = mid - 1;
      else if (cp > ends[mid]!) min = mid + 1;
      else return firsts[mid]! + (cp - starts[mid]!);
    }
    return 0;
  };
  /** fontkit's getGlyph: the process's object for the id, made on first use with these code points. */
  const make = (id: number, codePoints: number[]): FontGlyph => {
    const theirs = font._glyphs?.[id];
    const glyph = { id, advanceWidth: advances[id]!, codePoints: theirs ? theirs.codePoints : codePoints };
    glyphs[id] = glyph;
    return glyph;
  };
  const glyphForCodePoint = (cp: number): FontGlyph => {
    const id = lookup(cp);
    return glyphs[id] ?? make(id, [cp]);
  };

  return {
    glyphForCodePoint,
    hasGlyphForCodePoint: (cp) => lookup(cp) !== 0,
    glyphsForString(text) {
      const out: FontGlyph[] = [];
      const len = text.length;
      let last = -1;
      let state = -1;
      for (let idx = 0; idx <= len; ) {
        let code = 0;
        let next = 0;
        if (idx < len) {
          code = text.charCodeAt(idx++);
          if (code >= 0xd800 && code <= 0xdbff && idx < len) {
            const low = text.charCodeAt(idx);
            if (low >= 0xdc00 && low <= 0xdfff) {
              idx++;
              code = ((code & 0x3ff) << 10) + (low & 0x3ff) + 0x10000;
            }
          }
          next = (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef) ? 1 : 0;
        } else idx++;
        if (state === 0) {
          if (next === 0) {
            // The common case, inlined: a BMP character.
            const id = last < 0x10000 ? bmp[last]! : lookup(last);
            out.push(glyphs[id] ?? make(id, [last]));
          } else {
            const id = (hasUvs && font._cmapProcessor?.lookup(last, code)) || lookup(last);
            out.push(glyphs[id] ?? make(id, [last, code]));
          }
        }
        last = code;
        state = next;
      }
      return out;
    },
  };
}
