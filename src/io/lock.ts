// A lock beside an answers file while an interview edits it (`<file>.lock`, holding the pid, host and
// start time), so a second interview on the same file does not silently erase what the first saved.
import { closeSync, constants, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { removeOnExit, keepOnExit } from './temp.js';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export type LockResult = { held: true; release: () => void; tookOver?: LockHolder } | { held: false; holder: LockHolder | undefined };

export function lockPath(file: string): string {
  return `${file}.lock`;
}

/**
 * Takes the lock of `file`, or says who holds it. A lock left by a process that no longer runs on
 * this host (a crash, kill -9) is taken over; one from another host is never presumed dead.
 */
export function acquireLock(file: string, now: () => Date = () => new Date()): LockResult {
  const path = lockPath(file);
  let stale: LockHolder | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
      try {
        writeSync(fd, `pid: ${process.pid}\nhost: ${JSON.stringify(hostname())}\nsince: ${now().toISOString()}\n`);
      } finally {
        closeSync(fd);
      }
      removeOnExit(path);
      const release = () => {
        keepOnExit(path);
        try {
          if (readLock(path)?.pid === process.pid) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      return { held: true, release, ...(stale ? { tookOver: stale } : {}) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // No folder yet, or one that cannot be written: no other interview can save there either, and
      // the save itself reports the problem.
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { held: true, release: () => {} };
      if (code !== 'EEXIST') throw err;
    }
    const holder = readLock(path);
    if (holder && !isDead(holder)) return { held: false, holder };
    if (!holder && attempt === 0) {
      // Being written this very moment, or unreadable: look again once before judging it.
      continue;
    }
    if (!holder) return { held: false, holder: undefined };
    stale = holder;
    try {
      unlinkSync(path);
    } catch {
      // another process took it over first: try again
    }
  }
  return { held: false, holder: readLock(path) };
}

export function readLock(path: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').slice(0, 1000);
  } catch {
    return undefined;
  }
  const pid = Number(/^pid: (\d+)$/m.exec(text)?.[1]);
  const hostLine = /^host: (.*)$/m.exec(text)?.[1];
  let host: string | undefined;
  try {
    host = hostLine === undefined ? undefined : String(JSON.parse(hostLine));
  } catch {
    host = hostLine;
  }
  if (!Number.isInteger(pid) || pid <= 0 || host === undefined) return undefined;
  return { pid, host, since: /^since: (.*)$/m.exec(text)?.[1] ?? '' };
}

/** Whether the holder is known to be gone: a process of this host that no longer exists. */
function isDead(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
