import { FALLBACK_LANG, type Lang } from '../core/lang.js';
import { frenchTypography } from './format.js';
import { formatMessage, type MessageVars } from './messages.js';

/** Interface strings by key (questionnaires/i18n/*.yaml): each in the fallback language, and in the others where translated. */
export type UiStrings = Record<string, Partial<Record<Lang, string>>>;

export type Translate = (key: string, vars?: MessageVars) => string;

/**
 * A translator for one language: ICU message templates (plurals, numbers, money, dates; see messages.ts),
 * falling back to English for a message not yet translated. An unknown key is a bug, so it shows up
 * loudly as the key itself.
 */
export function translator(lang: Lang, strings: UiStrings): Translate {
  return (key, vars) => {
    const entry = strings[key];
    const template = entry?.[lang] ?? entry?.[FALLBACK_LANG];
    if (template === undefined) return `⟨${key}⟩`;
    const text = formatMessage(template, vars, lang);
    return lang === 'fr' ? frenchTypography(text) : text;
  };
}
