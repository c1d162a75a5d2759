import type { Lang, Localized } from '../core/lang.js';

/** Interface strings by key, each with its text in every language (questionnaires/i18n/ui.yaml). */
export type UiStrings = Record<string, Localized>;

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A translator for one language; an unknown key is a bug, so it shows up loudly as the key itself. */
export function translator(lang: Lang, strings: UiStrings): Translate {
  return (key, vars) => {
    const entry = strings[key];
    const template = entry ? entry[lang] : `⟨${key}⟩`;
    return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : template;
  };
}
