import * as z from 'zod/mini';
import { questionnairesDir } from '../core/paths.js';
import type { Lang } from '../core/lang.js';
import { localizedSchema } from '../pack/schema.js';
import { readYamlFile } from '../yaml/read.js';
import { validateSource } from '../yaml/validate.js';

// Interface strings (terminal, reports) live in questionnaires/i18n/ui.yaml, one entry per key
// with its French, Dutch and English text. `{name}` placeholders are filled by `format`.

const uiSchema = z.record(z.string(), localizedSchema);
export type UiStrings = z.infer<typeof uiSchema>;

export const UI_FILE = questionnairesDir('i18n', 'ui.yaml');

let cached: UiStrings | undefined;

export function loadUiStrings(file = UI_FILE): UiStrings {
  if (cached && file === UI_FILE) return cached;
  const source = readYamlFile(file);
  const strings = validateSource(source, uiSchema);
  if (file === UI_FILE) cached = strings;
  return strings;
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A translator for one language; an unknown key is a bug, so it shows up loudly as the key itself. */
export function translator(lang: Lang, strings: UiStrings = loadUiStrings()): Translate {
  return (key, vars) => {
    const entry = strings[key];
    const template = entry ? entry[lang] : `⟨${key}⟩`;
    return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : template;
  };
}
