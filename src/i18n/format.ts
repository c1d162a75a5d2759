// Numbers, shares, money and dates in the report language, through Intl formatters made once per
// language and kept: the terminal, the PDF, CSV and JSON words all print a figure the same way.
import { LOCALES, type Lang } from '../core/lang.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, kind: 'number' | 'percent' | 'money'): Intl.NumberFormat {
  const key = `${lang}:${kind}`;
  let f = numberFormats.get(key);
  if (!f) {
    const locale = LOCALES[lang];
    f =
      kind === 'money'
        ? new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 })
        : kind === 'percent'
          ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
          : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    numberFormats.set(key, f);
  }
  return f;
}

/** Spaces inside a formatted figure never break: one kind of no-break space everywhere. */
const unbreakable = (text: string) => text.replace(/[\u202f ]/g, NBSP);

/** 1234.5 → "1 234,5" (fr), "1.234,5" (nl), "1,234.5" (en). */
export function formatNumber(value: number, lang: Lang): string {
  // Small whole numbers read the same in every locale we have; Intl's first NumberFormat costs ~12 ms.
  if (Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  return unbreakable(numberFormat(lang, 'number').format(value));
}

/** A share given in percent: 26.5 → "26,5 %" (fr), "26,5%" (nl), "26.5%" (en). */
export function formatPercent(value: number, lang: Lang): string {
  return unbreakable(numberFormat(lang, 'percent').format(value / 100));
}

/** A whole-euro amount: "10 000 €" (fr), "€ 10.000" (nl), "€10,000" (en). */
export function formatEuro(amount: number, lang: Lang): string {
  return unbreakable(numberFormat(lang, 'money').format(Math.round(amount)));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, kind: 'day' | 'month'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = dateFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = kind === 'day' ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
    f = new Intl.DateTimeFormat(LOCALES[lang], options);
    dateFormats.set(key, f);
  }
  return f;
}

/** "2026" → "2026"; "2026-01" → "janvier 2026"; "2026-01-01" → "1er janvier 2026". Anything else as given. */
export function formatDateWords(iso: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  if (!m[2]) return m[1]!;
  const date = new Date(Date.UTC(+m[1]!, +m[2] - 1, m[3] ? +m[3] : 1));
  if (Number.isNaN(date.getTime())) return iso;
  if (!m[3]) return unbreakable(dateFormat(lang, 'month').format(date));
  const text = unbreakable(dateFormat(lang, 'day').format(date));
  return lang === 'fr' && +m[3] === 1 ? text.replace(/^1(?=\D)/, '1er') : text;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
/** The plural category of `n` in the language ("one", "other", …). */
export function pluralCategory(n: number, lang: Lang): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(LOCALES[lang])));
  return rules.select(n);
}

/**
 * French typography: a no-break space before « : » and inside « guillemets », a narrow one before ; ! ?
 * Applied to finished French messages, so translators type ordinary spaces.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/ ([:%])(?=\s|$)/g, `${NBSP}$1`)
    .replace(/ ([;!?])(?=\s|$|["»”)])/g, `${NNBSP}$1`)
    .replace(/« /g, `«${NBSP}`)
    .replace(/ »/g, `${NBSP}»`);
}
