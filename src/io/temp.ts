// Temporary files beside their target: an unpredictable name (so nothing can be planted there in
// advance), created exclusively without following a symbolic link, and removed on failure and when
// the process is interrupted (SIGINT, SIGTERM, SIGHUP).
import { closeSync, constants, openSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

// node:crypto and node:worker_threads are loaded on first use, not with the interview's first screen
// (together ~4 ms to load): the first temporary file is written after the first answer.
let require_: NodeJS.Require | undefined;
const builtin = (id: string): unknown => (require_ ??= createRequire(import.meta.url))(id);
const randomBytes = (size: number): Buffer => (builtin('node:crypto') as typeof import('node:crypto')).randomBytes(size);
const isMainThread = (): boolean => (builtin('node:worker_threads') as typeof import('node:worker_threads')).isMainThread;

/** Exclusive creation that never follows a symlink, even a dangling one, at the temporary name. */
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

const live = new Set<string>();
const hooks = new Set<() => void | Promise<void>>();

/** The name of a fresh temporary file beside `file`: `.<name>.<32 random hex digits>.tmp`. */
export function tempNameBeside(file: string): string {
  // Long target names are cut so the temporary name stays within the file system's 255-byte limit.
  const name = Buffer.from(basename(file)).subarray(0, 120).toString('utf8').replace(/\uFFFD+$/, '');
  return join(dirname(file), `.${name}.${randomBytes(16).toString('hex')}.tmp`);
}

export interface TempFile {
  path: string;
  fd: number;
}

/**
 * Creates a temporary file beside `file`, open for writing. Throws the file system's error (EEXIST when
 * something already stands at the name: never reused, never followed).
 */
export function createTempBeside(file: string, mode = 0o644): TempFile {
  installHandlers();
  const path = tempNameBeside(file);
  const fd = openSync(path, EXCLUSIVE, mode);
  live.add(path);
  return { path, fd };
}

/** The temporary file is now in place (renamed) or removed by its owner: nothing left to clean. */
export function releaseTemp(path: string): void {
  live.delete(path);
}

/** Closes (if `fd` is given) and removes a temporary file, ignoring one that is already gone. */
export function removeTemp(path: string, fd?: number): void {
  if (fd !== undefined) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
  live.delete(path);
}

/** Removes `path` (a lock file) if the process exits or is interrupted before `keepOnExit(path)`. */
export function removeOnExit(path: string): void {
  installHandlers();
  live.add(path);
}

export function keepOnExit(path: string): void {
  live.delete(path);
}

/**
 * Runs `cleanup` (e.g. stopping batch workers between two files) before an interrupted process exits;
 * returns the function that unregisters it.
 */
export function onInterrupt(cleanup: () => void | Promise<void>): () => void {
  installHandlers();
  hooks.add(cleanup);
  return () => hooks.delete(cleanup);
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
let installed = false;

function installHandlers(): void {
  // Signals reach the main thread only; a worker's writes are synchronous, so none is half done when
  // the main thread asks it to stop.
  if (installed || !isMainThread()) return;
  installed = true;
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.on(signal, () => void interrupted(128 + number));
  }
  process.on('exit', removeAll);
}

let exiting = false;
async function interrupted(code: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  const pending = [...hooks].map(async (hook) => {
    try {
      await hook();
    } catch {
      // cleaning up must not stop the others
    }
  });
  // A cleanup that hangs must not keep an interrupted process alive.
  await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
  removeAll();
  process.exit(code);
}

function removeAll(): void {
  for (const path of [...live]) removeTemp(path);
}
