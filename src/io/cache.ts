import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { packageRoot } from './paths.js';

// The build parses the shipped YAML data (questionnaires/**) once and stores it as JSON in dist/data/,
// with a copy of the very bytes it parsed: parsing YAML costs far more than JSON at every start. A file
// edited after the build no longer equals that copy and is parsed as YAML again, so the cache is never
// stale. Comparing bytes needs no hash (node:crypto is not loaded before the first screen) and no
// decoding: a file that matches is read but never turned into text.
// Per file: <file>.source holds the bytes, <file>.json {data}, <file>.checked.json {checked} (the loader's
// validated result; the start reads only this one). questionnaires/i18n/ also has an index, merged.json
// (which file defines which keys), so that the start merges the files it needs first (cachedMerged).

function entryPath(file: string, suffix: string): string | undefined {
  const root = packageRoot();
  const rel = relative(root, resolve(file));
  if (!rel.startsWith(`questionnaires${sep}`)) return undefined;
  return join(root, 'dist', 'data', `${rel}${suffix}`);
}

/** Whether the build stored entries for `file` from exactly these bytes. */
function builtFrom(file: string, bytes: Uint8Array): boolean {
  const path = entryPath(file, '.source');
  if (!path) return false;
  try {
    return readFileSync(path).equals(bytes);
  } catch {
    return false; // no cache (e.g. running from source): parse the YAML
  }
}

/** An entry of a file already known to match (builtFrom), or undefined when the build wrote none. */
function readEntry<T>(file: string, suffix: string): T | undefined {
  try {
    return JSON.parse(readFileSync(entryPath(file, suffix)!, 'utf8')) as T;
  } catch {
    return undefined; // e.g. a file that parsed but did not check has no .checked.json
  }
}

export interface CachedYaml {
  data: unknown;
  /** The loader's validated result, when the build ran the loader on these very bytes without a problem. */
  checked?: unknown;
}

/** A shipped YAML file as parsed (and checked) at build time, or undefined when there is no matching entry. */
export function cachedYamlData(file: string, bytes: Uint8Array): CachedYaml | undefined {
  if (!builtFrom(file, bytes)) return undefined;
  const parsed = readEntry<{ data: unknown }>(file, '.json');
  if (!parsed) return undefined;
  return { data: parsed.data, checked: readEntry<{ checked: unknown }>(file, '.checked.json')?.checked };
}

/** Only the loader's validated result of a shipped file built from these very bytes (what the start needs). */
export function cachedChecked(file: string, bytes: Uint8Array): unknown {
  return builtFrom(file, bytes) ? readEntry<{ checked: unknown }>(file, '.checked.json')?.checked : undefined;
}

/**
 * The merged result of the YAML files of a shipped folder, when the folder holds exactly the files it was
 * built from, each with the same bytes (`files`: file name → bytes, every YAML file of the folder).
 * The files named in `eager` are read now; the others' keys are there at once but their values are read
 * at the first use of any of them (the interview's first screen needs a third of the strings).
 */
export function cachedMerged(dir: string, files: ReadonlyMap<string, Uint8Array>, eager: readonly string[] = [...files.keys()]): Record<string, unknown> | undefined {
  const path = entryPath(join(dir, 'merged'), '.json');
  if (!path) return undefined;
  try {
    // keys: file name → the keys it defines; the build writes this entry only when no key is defined twice.
    const entry = JSON.parse(readFileSync(path, 'utf8')) as { files: string[]; keys: Record<string, string[]> };
    if (entry.files.length !== files.size) return undefined;
    for (const name of entry.files) {
      const bytes = files.get(name);
      if (!bytes || !builtFrom(join(dir, name), bytes)) return undefined;
    }
    const read = (name: string) => readEntry<{ checked: Record<string, unknown> }>(join(dir, name), '.checked.json')?.checked;
    const merged: Record<string, unknown> = {};
    for (const name of entry.files.filter((n) => eager.includes(n))) {
      const checked = read(name);
      if (!checked) return undefined;
      Object.assign(merged, checked);
    }
    const later = entry.files.filter((n) => !eager.includes(n));
    let loaded = false;
    const load = () => {
      if (loaded) return;
      loaded = true;
      // The getters go first: a file unreadable by now leaves its keys absent, not asking again.
      for (const name of later) for (const key of entry.keys[name] ?? []) delete merged[key];
      for (const name of later) Object.assign(merged, read(name) ?? {});
    };
    for (const name of later) {
      for (const key of entry.keys[name] ?? []) {
        Object.defineProperty(merged, key, {
          get: () => (load(), merged[key]),
          enumerable: true,
          configurable: true,
        });
      }
    }
    return merged;
  } catch {
    return undefined;
  }
}
