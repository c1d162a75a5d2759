// Reading files as text, with one-line errors for every way it can go wrong. No YAML here: the
// start of the CLI reads the shipped data through the build's JSON cache (see cache.ts, shipped.ts).
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { UserError } from '../core/errors.js';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Reads a file as UTF-8 text, with one-line errors for every way it can go wrong. Regular files only:
 * a named pipe or a device (`/dev/zero`) could block forever or never end, so it is refused before
 * anything is read, and no read ever takes more than `maxBytes` (even if the file grows meanwhile).
 */
export function readTextFile(file: string, maxBytes = MAX_BYTES): string {
  return decodeText(readRegularFile(file, maxBytes), file);
}

/** The bytes of a regular file of at most `maxBytes`; see readTextFile. */
export function readRegularFile(file: string, maxBytes = MAX_BYTES): Buffer {
  let fd: number;
  try {
    checkRegular(file, statSync(file));
    // Non-blocking: if a pipe took the file's place since the check, opening it does not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw fsError(err, file);
  }
  const tooLarge = (size: number) =>
    new UserError(`file is too large (${size} bytes, limit ${maxBytes})`, { file }, undefined, { key: 'error.too_large', params: { size, limit: maxBytes } });
  try {
    checkRegular(file, fstatSync(fd));
    const size = fstatSync(fd).size;
    if (size > maxBytes) throw tooLarge(size);
    const buf = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      // The file grew since it was measured: still never more than the limit.
      if (length === buf.length || length > maxBytes) throw tooLarge(length);
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buf.subarray(0, length);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw fsError(err, file);
  } finally {
    closeSync(fd);
  }
}

/** Refuses a folder, a named pipe, a device or a socket, saying which. */
export function checkRegular(file: string, st: Stats): void {
  if (st.isFile()) return;
  if (st.isDirectory()) throw new UserError('is a directory, expected a file', { file }, undefined, { key: 'error.is_dir' });
  const [kind, key] = specialKind(st);
  throw new UserError(`is ${kind}, not a regular file; only regular files are read`, { file }, undefined, { key: `error.not_regular.${key}` });
}

function specialKind(st: Stats): [string, string] {
  if (st.isFIFO()) return ['a named pipe', 'fifo'];
  if (st.isSocket()) return ['a socket', 'socket'];
  return ['a device', 'device'];
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
