// The shipped data as the build parsed and checked it (dist/data, see cache.ts), without loading the
// YAML parser or the validators: what the CLI needs before its first screen. Anything the cache does
// not cover exactly (an edited or custom file, a key defined twice, running from source) is left to
// the full loaders of load.ts (see quick.ts, which imports them only then), which parse, check and word every problem.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILTIN_PACK, indexPack, type Pack } from '../engine/pack/pack.js';
import type { PackDefinition } from '../engine/pack/schema.js';
import type { UiStrings } from '../i18n/ui.js';
import { cachedChecked, cachedMerged } from './cache.js';
import { questionnairesDir } from './paths.js';
import { readRegularFile } from './text.js';

/** The packs shipped with the tool live in <package>/questionnaires/. */
export function builtinPackDir(name = BUILTIN_PACK): string {
  return questionnairesDir(name);
}

export const UI_DIR = questionnairesDir('i18n');

/** What the build's loader produced from these very bytes, or undefined (no entry, edited, unreadable). */
function shippedChecked(file: string): unknown {
  try {
    return cachedChecked(file, readRegularFile(file));
  } catch {
    return undefined; // the full loader reports it
  }
}

/** The pack in `dir` when it is a shipped one, unchanged since the build; else undefined. */
export function shippedPack(dir: string): Pack | undefined {
  const file = join(resolve(dir), 'pack.yaml');
  const definition = shippedChecked(file);
  return definition === undefined ? undefined : indexPack(definition as PackDefinition, resolve(dir), file);
}

let shippedUi: UiStrings | undefined;

/** The files holding the interview's strings, read at start; the others are read at their first use. */
const INTERVIEW_UI_FILES = ['ui.yaml', 'harden.yaml', 'plan.yaml'];

/**
 * The shipped interface strings merged, when every file is unchanged since the build and no key repeats
 * (the build merges them only then): one entry to read instead of one per file.
 */
export function shippedUiStrings(): UiStrings | undefined {
  if (shippedUi) return shippedUi;
  try {
    const files = new Map<string, Buffer>();
    for (const name of readdirSync(UI_DIR)) if (/\.ya?ml$/.test(name)) files.set(name, readRegularFile(join(UI_DIR, name)));
    return (shippedUi = cachedMerged(UI_DIR, files, INTERVIEW_UI_FILES) as UiStrings | undefined);
  } catch {
    return undefined; // the full loader reports it
  }
}
