import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { describeFsError } from './text.js';
import { createTempBeside, releaseTemp, removeTemp, type TempFile } from './temp.js';

/**
 * A file-name-safe slug from a company name: ASCII letters, digits and "-", at most 60 characters,
 * never empty and never a path (so "../../etc" stays inside the output folder).
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'company';
}

/** reports/<company-slug>-<yyyy-mm-dd><suffix>, e.g. ".pdf" or ".answers.yaml". */
export function defaultReportPath(dir: string, companyName: string, date: string, suffix: string): string {
  return join(dir, `${slugify(companyName)}-${date}${suffix}`);
}

export interface WriteOptions {
  /** Replace an existing file (without it, an existing file is an error). */
  overwrite?: boolean;
  /**
   * Flush the data to disk before putting the file in place (default true). A batch writing thousands
   * of reports it can regenerate turns this off: one fsync per file costs more than rendering it.
   */
  durable?: boolean;
}

/**
 * Creates a folder and its missing parents, one level at a time. Node's `mkdirSync(…, { recursive })`
 * spins forever on file systems that answer ENOENT for a folder under an existing parent (/proc, some
 * FUSE mounts), so it is not used.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new UserError(`cannot create the folder: ${describeFsError(err)}`, { file: dir });
    }
  }
  if (!statSync(resolve(dir), { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError('cannot create the folder: a file of that name is in the way', { file: dir });
  }
}

/**
 * Writes a whole file or nothing: the data goes to a temporary file beside the target (unpredictable
 * name, created exclusively, never through a symlink), is flushed, then renamed (replace) or
 * hard-linked (no-replace, so an existing file is never clobbered even in a race). The temporary file
 * is removed on failure and if the process is interrupted.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const dir = dirname(file);
  ensureDir(dir);
  let temp: TempFile;
  try {
    temp = createTempBeside(file);
  } catch (err) {
    throw new UserError(`cannot write: ${tempError(err)}`, { file });
  }
  let fd: number | undefined = temp.fd;
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < buf.length) offset += writeSync(fd, buf, offset, buf.length - offset);
    if (options.durable !== false) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.overwrite) renameSync(temp.path, file);
    else {
      linkSync(temp.path, file);
      unlinkSync(temp.path);
    }
    releaseTemp(temp.path);
  } catch (err) {
    removeTemp(temp.path, fd);
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' && !options.overwrite) {
      throw new UserError('already exists; not overwritten', { file }, 'use --force to replace it, or choose another path');
    }
    throw new UserError(`cannot write: ${describeFsError(err)}`, { file });
  }
}

/** Why a temporary file could not be created; EEXIST means something was planted at its name. */
export function tempError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EEXIST' || code === 'ELOOP') return 'a file already stands at the temporary name (not followed)';
  return describeFsError(err);
}
