// The wrapped lines shipped with the build (dist/data/pdf-lines-<lang>.json, written by
// scripts/build.mjs from scripts/lines-entry.ts): the texts every report has, wrapped once at build time,
// so a process's first report skips their line breaking (~30 ms, most of it before V8 optimises the
// line breaker). Read once per language and process; running from the sources there is none.
import { readFileSync } from 'node:fs';
import type { Lang } from '../../core/lang.js';
import { keepWrappedLines, type WrappedLines } from './layout.js';

const read = new Set<Lang>();

export function useShippedLines(lang: Lang): void {
  if (read.has(lang)) return;
  read.add(lang);
  let entries: WrappedLines;
  try {
    entries = JSON.parse(readFileSync(new URL(`../data/pdf-lines-${lang}.json`, import.meta.url), 'utf8')) as WrappedLines;
  } catch {
    return; // none (running from the sources), or unreadable: the lines are wrapped as they come
  }
  keepWrappedLines(entries);
}
