import { readFileSync, statSync } from 'node:fs';
import { LineCounter, isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
import { UserError } from '../core/errors.js';
import { cachedYamlData } from './cache.js';

export type PathKey = string | number;
export type YamlPath = readonly PathKey[];

/** A parsed YAML file that can point back at the line and column of any value in it. */
export interface YamlSource {
  file: string;
  data: unknown;
  /**
   * Line and column (1-based) of the value at `path`, or of the nearest parent that exists;
   * with `key`, of the map key that names it (for "unknown key" messages).
   */
  locate(path: YamlPath, options?: { key?: boolean }): { line: number; col: number };
  /** For shipped data only: what the file's loader produced from it when the build checked it. */
  checked?: unknown;
}

const MAX_BYTES = 5 * 1024 * 1024;
// A sane pack or answers file uses no aliases at all; this refuses "billion laughs" documents.
const MAX_ALIAS_COUNT = 50;

/** Reads a file as UTF-8 text, with one-line errors for every way it can go wrong. */
export function readTextFile(file: string, maxBytes = MAX_BYTES): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError('is a directory, expected a file', { file });
    size = st.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(describeFsError(err), { file });
  }
  if (size > maxBytes) {
    throw new UserError(`file is too large (${size} bytes, limit ${maxBytes})`, { file });
  }
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new UserError(describeFsError(err), { file });
  }
  return decodeText(buf, file);
}

/** UTF-8 (with or without BOM); anything else is refused rather than silently mangled. */
export function decodeText(buf: Buffer, file: string): string {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new UserError('file is UTF-16 encoded; save it as UTF-8', { file });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UserError('file is not valid UTF-8 (Latin-1 or another encoding?); save it as UTF-8', { file });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return (err as Error | undefined)?.message ?? String(err);
  }
}

export function readYamlFile(file: string): YamlSource {
  const text = readTextFile(file);
  const cached = cachedYamlData(file, text);
  if (cached === undefined) return parseYaml(text, file);
  // Positions are only needed to report a problem: parse the YAML then, not before.
  let parsed: YamlSource | undefined;
  return { file, data: cached.data, checked: cached.checked, locate: (path, options) => (parsed ??= parseYaml(text, file)).locate(path, options) };
}

export function parseYaml(text: string, file: string): YamlSource {
  if (text.trim() === '') throw new UserError('file is empty', { file });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const pos = (offset: number) => lineCounter.linePos(offset);
  const first = doc.errors[0];
  if (first) {
    const { line, col } = pos(first.pos[0]);
    throw new UserError(`invalid YAML: ${yamlMessage(first.message)}`, { file, line, col });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const msg = (err as Error).message;
    if (/alias/i.test(msg)) throw new UserError('too many YAML aliases (possible alias bomb); refusing to expand', { file });
    throw new UserError(`invalid YAML: ${yamlMessage(msg)}`, { file });
  }
  return {
    file,
    data,
    locate(path, options) {
      if (options?.key && path.length) {
        const parent = doc.getIn(path.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
          const range = (pair?.key as Node | undefined)?.range;
          if (range) return pos(range[0]);
        }
      }
      const node = nearestNode(doc, path);
      const offset = node?.range?.[0] ?? 0;
      return pos(offset);
    },
  };
}

function yamlMessage(message: string): string {
  if (/call stack/i.test(message)) return 'nested too deeply';
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
}

function nearestNode(doc: Document, path: YamlPath): Node | undefined {
  // A missing key or index points at the nearest parent that exists.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return undefined;
}
