// The header of a TrueType font's `post` table read from the file, for pdfkit's font descriptor
// (it reads post.isFixedPitch, and italicAngle through fontkit). fontkit decodes the whole table on
// first use, with its thousands of glyph names, the costliest table of a cold render after the cmap.
import { orFontkit, readTables } from './sfnt.js';

/** The fields of fontkit's (2.0.4) decoded post header; the per-version ones are fontkit's own, on demand. */
export interface PostHeader {
  version: number;
  italicAngle: number;
  underlinePosition: number;
  underlineThickness: number;
  isFixedPitch: number;
  minMemType42: number;
  maxMemType42: number;
  minMemType1: number;
  maxMemType1: number;
}

/** The versions fontkit's post struct knows (any other makes it throw). */
const VERSIONS = new Set([1, 2, 2.5, 3, 4]);
const PER_VERSION = ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map'];

/** The post header of the font file, or null when fontkit's own should be read. */
export function postHeaderOf(bytes: Uint8Array, font: { post?: Record<string, unknown> }): PostHeader | null {
  return orFontkit(() => {
    const { view, tables } = readTables(bytes);
    const post = tables.get('post');
    if (!post || post.length < 32 || post.offset + 32 > bytes.length) return null;
    const at = post.offset;
    // restructure's fixed32: a signed 16.16 number.
    const version = view.getInt32(at) / 65536;
    if (!VERSIONS.has(version)) return null;
    const header: PostHeader = {
      version,
      italicAngle: view.getInt32(at + 4) / 65536,
      underlinePosition: view.getInt16(at + 8),
      underlineThickness: view.getInt16(at + 10),
      isFixedPitch: view.getUint32(at + 12),
      minMemType42: view.getUint32(at + 16),
      maxMemType42: view.getUint32(at + 20),
      minMemType1: view.getUint32(at + 24),
      maxMemType1: view.getUint32(at + 28),
    };
    for (const key of PER_VERSION) Object.defineProperty(header, key, { get: () => font.post?.[key] });
    return header;
  });
}
