import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { packageRoot } from './paths.js';

// The build parses the shipped YAML data (questionnaires/**) once and stores it as JSON in dist/data/,
// with the very text it parsed: parsing YAML costs far more than JSON at every start. A file edited
// after the build no longer equals that text and is parsed as YAML again, so the cache is never stale.
// (Comparing the text itself needs no hash, so node:crypto is not loaded before the first screen.)
// Per file: <file>.json holds {text, data}, <file>.checked.json {text, checked}: the start reads the
// second only. The interface strings of questionnaires/i18n/ are also stored merged (see shipped.ts).

function entryPath(file: string, suffix: string): string | undefined {
  const root = packageRoot();
  const rel = relative(root, resolve(file));
  if (!rel.startsWith(`questionnaires${sep}`)) return undefined;
  return join(root, 'dist', 'data', `${rel}${suffix}`);
}

/** The entry stored for `file` under `suffix` when it was built from this very text, else undefined. */
function readEntry<T>(file: string, suffix: string, text: string): T | undefined {
  const path = entryPath(file, suffix);
  if (!path) return undefined;
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as T & { text: string };
    return entry.text === text ? entry : undefined;
  } catch {
    return undefined; // no cache (e.g. running from source): parse the YAML
  }
}

export interface CachedYaml {
  data: unknown;
  /** The loader's validated result, when the build ran the loader on this very text without a problem. */
  checked?: unknown;
}

/** A shipped YAML file as parsed (and checked) at build time, or undefined when there is no matching entry. */
export function cachedYamlData(file: string, text: string): CachedYaml | undefined {
  const parsed = readEntry<{ data: unknown }>(file, '.json', text);
  if (!parsed) return undefined;
  return { data: parsed.data, checked: cachedChecked(file, text) };
}

/** Only the loader's validated result of a shipped file built from this very text (what the start needs). */
export function cachedChecked(file: string, text: string): unknown {
  return readEntry<{ checked: unknown }>(file, '.checked.json', text)?.checked;
}

/**
 * The merged result of the YAML files of a shipped folder, when the folder holds exactly the files it was
 * built from, each with the same text (`texts`: file name → text, every YAML file of the folder).
 */
export function cachedMerged(dir: string, texts: ReadonlyMap<string, string>): unknown {
  const path = entryPath(join(dir, 'merged'), '.json');
  if (!path) return undefined;
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as { texts: Record<string, string>; merged: unknown };
    const built = Object.keys(entry.texts);
    if (built.length !== texts.size) return undefined;
    for (const name of built) if (texts.get(name) !== entry.texts[name]) return undefined;
    return entry.merged;
  } catch {
    return undefined;
  }
}
