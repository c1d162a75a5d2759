import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { packageRoot } from './paths.js';

// The build parses the shipped YAML data (questionnaires/**) once and stores it as JSON in dist/data/,
// keyed by a hash of the text: parsing YAML costs far more than JSON at every start. A file edited
// after the build no longer matches its hash and is parsed as YAML again, so the cache is never stale.

export function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function cacheFile(file: string): string | undefined {
  const root = packageRoot();
  const rel = relative(root, resolve(file));
  if (!rel.startsWith(`questionnaires${sep}`)) return undefined;
  return join(root, 'dist', 'data', `${rel}.json`);
}

export interface CachedYaml {
  data: unknown;
  /** The loader's validated result, when the build ran the loader on this very text without a problem. */
  checked?: unknown;
}

/** A shipped YAML file as parsed (and checked) at build time, or undefined when there is no matching entry. */
export function cachedYamlData(file: string, text: string): CachedYaml | undefined {
  const entry = cacheFile(file);
  if (!entry) return undefined;
  try {
    const cached = JSON.parse(readFileSync(entry, 'utf8')) as CachedYaml & { hash: string };
    return cached.hash === digest(text) ? cached : undefined;
  } catch {
    return undefined; // no cache (e.g. running from source): parse the YAML
  }
}
