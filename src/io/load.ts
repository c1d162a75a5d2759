// Reading the questionnaire data from disk: the only place the engine's validators meet the file system.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { dirname, join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { validateAids, AIDS_FILE, type AidCatalogue } from '../engine/aids/load.js';
import { advisorSchema } from '../engine/answers/schema.js';
import { parseAnswers, type Answers, type LoadAnswersOptions } from '../engine/answers/load.js';
import { validateBenchmarks, BENCHMARKS_FILE } from '../engine/benchmarks/load.js';
import type { BenchmarkData } from '../engine/benchmarks/schema.js';
import { validatePack, type Pack } from '../engine/pack/load.js';
import { validateSource } from '../engine/yaml/validate.js';
import { validatePlanData, PLAN_FILE } from '../engine/plan/load.js';
import type { PlanData } from '../engine/plan/schema.js';
import { FALLBACK_LANG, LANGS } from '../core/lang.js';
import type { UiStrings } from '../i18n/ui.js';
import { shippedUiStrings, UI_DIR } from './shipped.js';
import { readTextFile, readYamlFile } from './read.js';

export { builtinPackDir, UI_DIR } from './shipped.js';

export function loadPack(dir: string): Pack {
  const file = join(resolve(dir), 'pack.yaml');
  return validatePack(readYamlFile(file), resolve(dir));
}

export function loadAnswers(file: string, pack: Pack, options: LoadAnswersOptions = {}): Answers {
  return parseAnswers(readTextFile(file), file, pack, options);
}

/** The pack's aids.yaml, or undefined when the pack has none (custom packs may not). */
export function loadPackAids(pack: Pack): AidCatalogue | undefined {
  const file = join(pack.dir, AIDS_FILE);
  return existsSync(file) ? loadAids(file, pack) : undefined;
}

export function loadAids(file: string, pack?: Pack): AidCatalogue {
  return validateAids(readYamlFile(file), pack);
}

/** The pack's benchmarks.yaml, or undefined when the pack has none (benchmarks are optional). */
export function loadPackBenchmarks(pack: Pack): BenchmarkData | undefined {
  const file = join(pack.dir, BENCHMARKS_FILE);
  return existsSync(file) ? loadBenchmarks(file, pack) : undefined;
}

export function loadBenchmarks(file: string, pack?: Pack): BenchmarkData {
  return validateBenchmarks(readYamlFile(file), pack);
}

/** An --advisor-profile file: the advisor's identity, reused across sessions (the logo path is made absolute). */
export function loadAdvisorProfile(file: string): AdvisorProfile {
  const profile = validateSource(readYamlFile(file), advisorSchema);
  return profile.logo ? { ...profile, logo: resolve(dirname(resolve(file)), profile.logo) } : profile;
}

export type AdvisorProfile = z.infer<typeof advisorSchema>;

/** The logo's bytes after checking it is a PNG or a JPEG. */
export function readLogo(file: string, from?: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UserError(`cannot read the advisor's logo: ${code}`, { file }, from ? `named in ${from}` : undefined, {
      key: 'error.logo_unreadable',
      params: { code },
      ...(from ? { hintKey: 'error.hint.named_in', hintParams: { file: from } } : {}),
    });
  }
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) {
    throw new UserError("the advisor's logo must be a PNG or JPEG image", { file }, from ? `named in ${from}` : undefined, {
      key: 'error.logo_format',
      ...(from ? { hintKey: 'error.hint.named_in', hintParams: { file: from } } : {}),
    });
  }
  return bytes;
}

/** The pack's plan.yaml (action plan data), or undefined when the pack has none. */
export function loadPackPlan(pack: Pack): PlanData | undefined {
  const file = join(pack.dir, PLAN_FILE);
  return existsSync(file) ? validatePlanData(readYamlFile(file), pack) : undefined;
}

// Interface strings (terminal, reports) live in questionnaires/i18n/*.yaml (ui.yaml and one file per
// area), one entry per key with its text in the fallback language (English) and, where translated, in
// the others. A key defined in two files is a mistake, reported with both places.
export const uiSchema = z.record(
  z.string(),
  z.strictObject(Object.fromEntries(LANGS.map((lang) => [lang, lang === FALLBACK_LANG ? z.string() : z.optional(z.string())]))),
) as unknown as z.ZodMiniType<UiStrings>;
export const UI_FILE = join(UI_DIR, 'ui.yaml');

let cachedUi: UiStrings | undefined;

/** Every interface-strings file of the shipped folder merged, or one file. */
export function loadUiStrings(file?: string): UiStrings {
  if (file !== undefined) return validateSource(readYamlFile(file), uiSchema);
  return (cachedUi ??= shippedUiStrings() ?? loadUiFolder(UI_DIR));
}

/** The interface-strings files of one folder, merged in file-name order. */
export function loadUiFolder(dir: string): UiStrings {
  const merged: UiStrings = {};
  const origin = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const path = join(dir, name);
    const source = readYamlFile(path);
    const strings = validateSource(source, uiSchema);
    for (const [key, entry] of Object.entries(strings)) {
      const first = origin.get(key);
      if (first) {
        const { line, col } = source.locate([key], { key: true });
        throw new UserError(`interface string "${key}" is already defined in ${first}`, { file: path, line, col });
      }
      origin.set(key, name);
      merged[key] = entry;
    }
  }
  return merged;
}
