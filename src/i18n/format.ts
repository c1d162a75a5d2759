import type { Lang } from '../core/lang.js';

// Belgian usage: "10 000 €" in French, "€ 10.000" in Dutch; Irish English for "€10,000".
const LOCALES: Record<Lang, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-IE' };
const euroFormats = new Map<Lang, Intl.NumberFormat>();

/** A whole-euro amount in the report language. */
export function formatEuro(amount: number, lang: Lang): string {
  let format = euroFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    euroFormats.set(lang, format);
  }
  // Narrow no-break spaces keep "10 000 €" on one line but confuse terminals and tests alike.
  return format.format(Math.round(amount)).replace(/\u202f/g, '\u00a0');
}
