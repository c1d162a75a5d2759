// The table directory of a TrueType font file, shared by our readers of its tables (subset.ts, cmap.ts,
// post.ts): each reproduces what fontkit does from those bytes, and hands over to fontkit otherwise.

/** A case our readers do not reproduce exactly: fontkit's own code takes over. */
export class Unsupported extends Error {}

export interface Table {
  offset: number;
  length: number;
}

/** The tables of a TrueType font (version 1.0 or 'true'; anything else is Unsupported). A tag given twice: the last wins, as in fontkit. */
export function readTables(bytes: Uint8Array): { view: DataView; tables: Map<string, Table> } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */) throw new Unsupported('not TrueType');
  const tables = new Map<string, Table>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return { view, tables };
}

/** `read()`, or null when it meets a case it does not reproduce or reads past the end of the file. */
export function orFontkit<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof Unsupported || error instanceof RangeError) return null;
    throw error;
  }
}
