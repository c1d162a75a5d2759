import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { parseYaml, type YamlSource } from '../engine/yaml/source.js';
import { cachedYamlData } from './cache.js';

export { parseYaml } from '../engine/yaml/source.js';
export type { YamlPath, YamlSource } from '../engine/yaml/source.js';

const MAX_BYTES = 5 * 1024 * 1024;

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

