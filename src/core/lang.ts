// The one list of languages: schemas, flags, prompts and formats derive from it.
export const LANGS = ['fr', 'nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** Messages missing in a language fall back to this one. */
export const FALLBACK_LANG: Lang = 'en';
/** The locale of each language, for numbers, money, dates and plural rules (Belgian usage; English as in Ireland: euros). */
export const LOCALES: Record<Lang, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-IE' };
/** Each language's own name, as the language choice shows it. */
export const LANGUAGE_NAMES: Record<Lang, string> = { fr: 'Français', nl: 'Nederlands', en: 'English' };
/** A text in every supported language. */
export type Localized = Record<Lang, string>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function t(text: Localized, lang: Lang): string {
  return text[lang];
}
