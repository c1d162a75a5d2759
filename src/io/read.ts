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
    if (st.isDirectory()) throw new UserError('is a directory, expected a file', { file }, undefined, { key: 'error.is_dir' });
    size = st.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw fsError(err, file);
  }
  if (size > maxBytes) {
    throw new UserError(`file is too large (${size} bytes, limit ${maxBytes})`, { file }, undefined, { key: 'error.too_large', params: { size, limit: maxBytes } });
  }
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw fsError(err, file);
  }
  return decodeText(buf, file);
}

/** UTF-8 (with or without BOM); anything else is refused rather than silently mangled. */
export function decodeText(buf: Buffer, file: string): string {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new UserError('file is UTF-16 encoded; save it as UTF-8', { file }, undefined, { key: 'error.utf16' });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UserError('file is not valid UTF-8 (Latin-1 or another encoding?); save it as UTF-8', { file }, undefined, { key: 'error.not_utf8' });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What went wrong with a file, in English and as the key of its translation. */
export function fsProblem(err: unknown): { message: string; key?: string } {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { message: 'no such file', key: 'error.no_file' };
    case 'EACCES':
    case 'EPERM':
      return { message: 'permission denied', key: 'error.permission' };
    case 'EISDIR':
      return { message: 'is a directory, expected a file', key: 'error.is_dir' };
    case 'ENOTDIR':
      return { message: 'a part of the path is not a directory', key: 'error.not_dir' };
    case 'ENOSPC':
      return { message: 'no space left on the device', key: 'error.no_space' };
    case 'EROFS':
      return { message: 'the file system is read-only', key: 'error.read_only' };
    default:
      return { message: (err as Error | undefined)?.message ?? String(err) };
  }
}

export function describeFsError(err: unknown): string {
  return fsProblem(err).message;
}

/** A file problem as a UserError, translated where a key exists. */
export function fsError(err: unknown, file: string): UserError {
  const { message, key } = fsProblem(err);
  return new UserError(message, { file }, undefined, key ? { key } : undefined);
}

export function readYamlFile(file: string): YamlSource {
  const text = readTextFile(file);
  const cached = cachedYamlData(file, text);
  if (cached === undefined) return parseYaml(text, file);
  // Positions are only needed to report a problem: parse the YAML then, not before.
  let parsed: YamlSource | undefined;
  return { file, data: cached.data, checked: cached.checked, locate: (path, options) => (parsed ??= parseYaml(text, file)).locate(path, options) };
}

