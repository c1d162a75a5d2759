// Reading the questionnaire data from disk: the only place the engine's validators meet the file system.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { validateAids, AIDS_FILE, type AidCatalogue } from '../engine/aids/load.js';
import { parseAnswers, type Answers, type LoadAnswersOptions } from '../engine/answers/load.js';
import { validateBenchmarks, BENCHMARKS_FILE } from '../engine/benchmarks/load.js';
import type { BenchmarkData } from '../engine/benchmarks/schema.js';
import { BUILTIN_PACK, validatePack, type Pack } from '../engine/pack/load.js';
import { validateSource } from '../engine/yaml/validate.js';
import { FALLBACK_LANG, LANGS } from '../core/lang.js';
import type { UiStrings } from '../i18n/ui.js';
import { questionnairesDir } from './paths.js';
import { readTextFile, readYamlFile } from './read.js';

/** The packs shipped with the tool live in <package>/questionnaires/. */
export function builtinPackDir(name = BUILTIN_PACK): string {
  return questionnairesDir(name);
}

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

// Interface strings (terminal, reports) live in questionnaires/i18n/ui.yaml, one entry per key with
// its text in the fallback language (English) and, where translated, in the others.
export const uiSchema = z.record(
  z.string(),
  z.strictObject(Object.fromEntries(LANGS.map((lang) => [lang, lang === FALLBACK_LANG ? z.string() : z.optional(z.string())]))),
) as unknown as z.ZodMiniType<UiStrings>;
export const UI_FILE = questionnairesDir('i18n', 'ui.yaml');

let cachedUi: UiStrings | undefined;

export function loadUiStrings(file = UI_FILE): UiStrings {
  if (cachedUi && file === UI_FILE) return cachedUi;
  const strings = validateSource(readYamlFile(file), uiSchema);
  if (file === UI_FILE) cachedUi = strings;
  return strings;
}
