export const LANGS = ['fr', 'nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** A text in every supported language. */
export type Localized = Record<Lang, string>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function t(text: Localized, lang: Lang): string {
  return text[lang];
}
