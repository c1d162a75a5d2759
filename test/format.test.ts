import { describe, expect, it } from 'vitest';
import { formatEuro } from '../src/i18n/format.js';

describe('formatEuro', () => {
  it('writes amounts the Belgian way in each language, like Intl does', () => {
    for (const [lang, locale] of [['fr', 'fr-BE'], ['nl', 'nl-BE'], ['en', 'en-IE']] as const) {
      const intl = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
      for (const amount of [0, 7, 500, 1500, 10000, 17500, 1000000, 43000000, 1234567.6]) {
        expect(formatEuro(amount, lang), `${lang} ${amount}`).toBe(intl.format(Math.round(amount)).replace(/[\u202f ]/g, '\u00a0'));
      }
    }
  });
});
