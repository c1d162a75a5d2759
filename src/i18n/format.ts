// Numbers, shares, money and dates in the report language, written by plain code for our three
// locales (LOCALES: fr-BE, nl-BE, en-IE) exactly as Intl writes them on Node 20 (ICU 78): the first
// Intl number or date formatter of a process costs ~10-18 ms of ICU start-up on every command.
// test/format-intl.test.ts compares every function with Intl over wide ranges.
import { LOCALES, type Lang } from '../core/lang.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/**
 * CLDR locale data (common/main/{fr,nl,en}.xml, as ICU carries it) for fr-BE, nl-BE and en-IE:
 * grouping and decimal symbols, where the percent and euro signs go, and the wide month names
 * (format context) of the patterns "d MMMM y" and "MMMM y". Spaces are already no-break ones, as
 * `unbreakable` makes them (fr groups with U+202F in CLDR).
 */
interface Symbols {
  group: string;
  decimal: string;
  percent: (body: string) => string;
  /** `sign` is "" or "-". */
  euro: (sign: string, body: string) => string;
  months: readonly string[];
}
const SYMBOLS: Record<Lang, Symbols> = {
  fr: {
    group: NBSP,
    decimal: ',',
    percent: (b) => `${b}${NBSP}%`,
    euro: (s, b) => `${s}${b}${NBSP}€`,
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  },
  nl: {
    group: '.',
    decimal: ',',
    percent: (b) => `${b}%`,
    euro: (s, b) => `€${NBSP}${s}${b}`,
    months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  },
  en: {
    group: ',',
    decimal: '.',
    percent: (b) => `${b}%`,
    euro: (s, b) => `${s}€${b}`,
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
};

/**
 * |value| × 10^shift rounded to `maxFraction` digits as ICU does: on the shortest decimal form of
 * the double (what String(value) shows), halves away from zero, so 0.15 → "0.2" where toFixed,
 * rounding the binary value, gives "0.1". Returns the integer digits and the fraction digits
 * without trailing zeros.
 */
function decimalDigits(value: number, shift: number, maxFraction: number): [string, string] {
  // toExponential() without argument: the shortest digits that read back as the same double.
  const text = Math.abs(value).toExponential();
  const e = text.indexOf('e');
  let digits = text[0]! + text.slice(2, e);
  // The decimal point sits after `point` digits (may be ≤ 0 or beyond the digits).
  let point = Number(text.slice(e + 1)) + 1 + shift;
  if (digits === '0') return ['0', ''];
  const keep = point + maxFraction;
  if (keep < digits.length) {
    if (keep < 0) return ['0', ''];
    const up = digits.charCodeAt(keep) >= 53; // '5'
    digits = digits.slice(0, keep);
    if (up) {
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === '9') i--;
      if (i < 0) {
        digits = '1' + '0'.repeat(digits.length);
        point++;
      } else digits = digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
    }
    if (digits === '') return ['0', ''];
  }
  let whole: string;
  let fraction: string;
  if (point <= 0) {
    whole = '0';
    fraction = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    fraction = '';
  } else {
    whole = digits.slice(0, point);
    fraction = digits.slice(point);
  }
  let end = fraction.length;
  while (end > 0 && fraction[end - 1] === '0') end--;
  return [whole, fraction.slice(0, end)];
}

/** The figure without sign: grouped by three, ICU's "∞" and "NaN" for the odd values. */
function body(value: number, shift: number, maxFraction: number, s: Symbols): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return '∞';
  const [whole, fraction] = decimalDigits(value, shift, maxFraction);
  const head = whole.length % 3 || 3;
  let out = whole.slice(0, head);
  for (let i = head; i < whole.length; i += 3) out += s.group + whole.slice(i, i + 3);
  return fraction ? out + s.decimal + fraction : out;
}

/** "-" for negative values, negative zero included (Intl writes "-0" for -0 and -0.04). */
const sign = (value: number) => (value < 0 || Object.is(value, -0) ? '-' : '');

/** Spaces inside a formatted figure never break: one kind of no-break space everywhere. */
const unbreakable = (text: string) => text.replace(/[\u202f ]/g, NBSP);

/** 1234.5 → "1 234,5" (fr), "1.234,5" (nl), "1,234.5" (en). */
export function formatNumber(value: number, lang: Lang): string {
  // Small whole numbers read the same in every locale we have (and -0 stays "0", as it always did).
  if (Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  return sign(value) + body(value, 0, 1, SYMBOLS[lang]);
}

/** A share given in percent: 26.5 → "26,5 %" (fr), "26,5%" (nl), "26.5%" (en). */
export function formatPercent(value: number, lang: Lang): string {
  // As Intl: the double value / 100, then its decimal digits shifted back by two places.
  const share = value / 100;
  const s = SYMBOLS[lang];
  return sign(share) + s.percent(body(share, 2, 1, s));
}

/** A whole-euro amount: "10 000 €" (fr), "€ 10.000" (nl), "€10,000" (en). */
export function formatEuro(amount: number, lang: Lang): string {
  const whole = Math.round(amount);
  const s = SYMBOLS[lang];
  return s.euro(sign(whole), body(whole, 0, 0, s));
}

/** "2026" → "2026"; "2026-01" → "janvier 2026"; "2026-01-01" → "1er janvier 2026". Anything else as given. */
export function formatDateWords(iso: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  if (!m[2]) return m[1]!;
  // Date.UTC as before: month 00 or day 32 roll over, years 0000-0099 mean 1900-1999.
  const date = new Date(Date.UTC(+m[1]!, +m[2] - 1, m[3] ? +m[3] : 1));
  if (Number.isNaN(date.getTime())) return iso;
  const monthYear = `${SYMBOLS[lang].months[date.getUTCMonth()]!}${NBSP}${date.getUTCFullYear()}`;
  if (!m[3]) return monthYear;
  const day = date.getUTCDate();
  return `${lang === 'fr' && +m[3] === 1 ? '1er' : day}${NBSP}${monthYear}`;
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
