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

/** Language from LC_ALL / LC_MESSAGES / LANG (e.g. "nl_BE.UTF-8" → nl); English otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) {
    const code = env[key]?.slice(0, 2).toLowerCase();
    if (isLang(code)) return code;
  }
  return 'en';
}
