import type { Lang } from '../core/lang.js';

// Written out rather than through Intl.NumberFormat, whose locale data costs ~90 ms on first use.
// Belgian usage: "10 000 €" in French, "€ 10.000" in Dutch; "€10,000" in English. The spaces are
// no-break spaces so an amount never splits across lines.
const NBSP = '\u00a0';
const GROUP: Record<Lang, string> = { fr: NBSP, nl: '.', en: ',' };

/** A whole-euro amount in the report language. */
export function formatEuro(amount: number, lang: Lang): string {
  const rounded = Math.round(Math.abs(amount));
  const digits = String(rounded).replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[lang]);
  const sign = amount < 0 && rounded !== 0 ? '-' : '';
  if (lang === 'fr') return `${sign}${digits}${NBSP}€`;
  if (lang === 'nl') return `€${NBSP}${sign}${digits}`;
  return `${sign}€${digits}`;
}
