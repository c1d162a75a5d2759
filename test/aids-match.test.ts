import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchAids, naceOutcome, periodEnd, periodStart, type AidProfile } from '../src/engine/aids/index.js';
import { aidProfileFromCompany } from '../src/engine/aids/profile.js';
import { LANGS, type Lang } from '../src/core/lang.js';
import { translator } from '../src/i18n/ui.js';
import { PACK_DIR } from './helpers/cli.js';
import { loadPack, loadPackAids, loadUiStrings } from '../src/io/load.js';

const pack = loadPack(PACK_DIR);
const catalogue = loadPackAids(pack)!;
const aidById = new Map(catalogue.aids.map((a) => [a.id, a]));
const DATE = '2026-03-02';

function match(profile: Partial<AidProfile> & { region: string }, date = DATE, lang: Lang = 'en', extra: Partial<Parameters<typeof matchAids>[0]> = {}) {
  return matchAids({ catalogue, profile: { employees: 6, ...profile }, date, lang, t: translator(lang, loadUiStrings()), ...extra });
}
const ids = (r: ReturnType<typeof match>) => r.matches.map((m) => m.id);
const rejection = (r: ReturnType<typeof match>, id: string) => r.rejections.find((x) => x.id === id);
const band = (id: string): AidProfile['turnover'] => {
  const o = pack.profile.get('turnover')!.options!.find((x) => x.id === id)!;
  return { min: o.range![0], max: o.range![1], label: o.label.en };
};
const exact = (amount: number): AidProfile['turnover'] => ({ min: amount, max: amount, label: `€${amount}` });
const srl = { id: 'srl', label: 'SRL' };
const asbl = { id: 'asbl', label: 'ASBL/VZW' };

describe('aid eligibility', () => {
  // [case, profile, date, eligible ids, ruled-out ids, text a reason or rejection must contain]
  const cases: [string, Partial<AidProfile> & { region: string }, string, string[], string[], RegExp?][] = [
    ['Brussels micro-firm', { region: 'BE-BRU', employees: 6, nace: '47.11', legalForm: srl }, DATE,
      ['bru-prime-digitalisation', 'bru-prime-consultance', 'be-efacturation-deduction-120', 'be-deduction-investissement-numerique'],
      ['wal-cheque-maturite-numerique', 'vl-kmo-portefeuille', 'fr-osez-ia-diag-data-ia', 'bru-prime-web-2019', 'bru-prime-consultance-2019']],
    ['Walloon shop', { region: 'BE-WAL', nace: '47.11', legalForm: srl }, DATE,
      ['wal-cheque-maturite-numerique', 'wal-cheque-cybersecurite', 'wal-start-ia', 'wal-tremplin-ia'],
      ['wal-cheque-relance-numerique', 'bru-prime-digitalisation', 'vl-kmo-portefeuille']],
    ['Walloon IT firm (NACE 62.01)', { region: 'BE-WAL', nace: '62.01' }, DATE,
      ['wal-start-ia', 'be-efacturation-deduction-120'], ['wal-cheque-maturite-numerique', 'wal-cheque-cybersecurite'], /NACE 62\.01 excluded \(digital sector\)/],
    ['Walloon telecom firm (NACE 61.10)', { region: 'BE-WAL', nace: '61.10' }, DATE, [], ['wal-cheque-cybersecurite'], /NACE 61\.10 excluded/],
    ['Walloon other telecom (61.90, not listed)', { region: 'BE-WAL', nace: '61.90' }, DATE, ['wal-cheque-cybersecurite'], []],
    ['Walloon non-profit', { region: 'BE-WAL', nace: '88.99', legalForm: asbl }, DATE,
      ['wal-start-ia'], ['wal-cheque-maturite-numerique', 'wal-cheque-cybersecurite'], /legal form ASBL\/VZW excluded/],
    ['Flemish non-profit', { region: 'BE-VLG', legalForm: asbl }, DATE,
      ['vl-cybersecurity-verbetertraject', 'vl-kmo-groeisubsidie'], ['vl-kmo-portefeuille'], /legal form ASBL\/VZW excluded/],
    ['Walloon firm of 300', { region: 'BE-WAL', employees: 300 }, DATE, ['wal-start-ia'], ['wal-cheque-maturite-numerique'], /300 employees > 249/],
    ['Walloon firm over €50m', { region: 'BE-WAL', turnover: band('gt-50m') }, DATE, ['wal-start-ia'], ['wal-cheque-cybersecurite'], /over the limit \(< €50,000,000\)/],
    ['Walloon firm at €49.9m', { region: 'BE-WAL', turnover: exact(49_900_000) }, DATE, ['wal-cheque-cybersecurite'], []],
    ['Flemish firm of 250', { region: 'BE-VLG', employees: 250 }, DATE, [], ['vl-kmo-portefeuille', 'vl-cybersecurity-verbetertraject']],
    ['Brittany shop of 7', { region: 'FR-BRE', employees: 7, turnover: exact(1_000_000) }, DATE, ['fr-bretagne-pass-commerce-artisanat-numerique'], []],
    ['Brittany shop of 8', { region: 'FR-BRE', employees: 8 }, DATE, [], ['fr-bretagne-pass-commerce-artisanat-numerique'], /8 employees > 7/],
    ['Brittany shop over €1m', { region: 'FR-BRE', turnover: exact(1_000_001) }, DATE, [], ['fr-bretagne-pass-commerce-artisanat-numerique']],
    ['Occitanie sole trader (0 staff)', { region: 'FR-OCC', employees: 0 }, DATE, ['fr-osez-ia-diag-data-ia'], ['fr-occitanie-pass-occitanie'], /0 employees < 1/],
    ['Occitanie firm of 49', { region: 'FR-OCC', employees: 49 }, DATE, ['fr-occitanie-pass-occitanie'], []],
    ['Occitanie firm of 50', { region: 'FR-OCC', employees: 50 }, DATE, [], ['fr-occitanie-pass-occitanie']],
    ['Occitanie firm at exactly €10m (limit is "below")', { region: 'FR-OCC', turnover: exact(10_000_000) }, DATE, [], ['fr-occitanie-pass-occitanie']],
    ['Île-de-France firm of 9', { region: 'FR-IDF', employees: 9 }, DATE, ['fr-idf-cheque-numerique', 'fr-osez-ia-diag-data-ia'], ['fr-cheque-france-num']],
    ['Île-de-France firm of 10', { region: 'FR-IDF', employees: 10 }, DATE, [], ['fr-idf-cheque-numerique']],
    ['Luxembourg firm', { region: 'LU' }, DATE, [], ['be-efacturation-deduction-120', 'fr-osez-ia-diag-data-ia']],
    ['before the 120% deduction started', { region: 'BE-VLG' }, '2023-12-31', ['vl-kmo-portefeuille'], ['be-efacturation-deduction-120', 'be-deduction-investissement-numerique'], /not yet open on 2023-12-31 \(from 2024-01-01\)/],
    ['first day of the 120% deduction', { region: 'BE-VLG' }, '2024-01-01', ['be-efacturation-deduction-120'], ['be-deduction-investissement-numerique']],
    ['last day of the 120% deduction', { region: 'BE-VLG' }, '2027-12-31', ['be-efacturation-deduction-120', 'be-deduction-investissement-numerique'], []],
    ['after the 120% deduction ended', { region: 'BE-VLG' }, '2028-01-01', ['be-deduction-investissement-numerique'], ['be-efacturation-deduction-120'], /ended on 2027-12-31/],
    ['before Osez l\'IA was launched', { region: 'FR' }, '2025-06-30', [], ['fr-osez-ia-diag-data-ia']],
    ['back in 2022, the recovery cheque is still closed', { region: 'BE-WAL' }, '2022-06-01', [], ['wal-cheque-relance-numerique'], /closed since 2023-11-24/],
  ];

  it.each(cases)('%s', (_name, profile, date, eligible, ruledOut, text) => {
    const result = match(profile, date);
    for (const id of eligible) expect(ids(result), `${id} should be eligible`).toContain(id);
    for (const id of ruledOut) {
      expect(ids(result), `${id} should be ruled out`).not.toContain(id);
      expect(rejection(result, id)?.reasons.length, `${id} needs a reason`).toBeGreaterThan(0);
    }
    if (text) {
      const all = [...result.matches.flatMap((m) => m.reasons), ...result.rejections.flatMap((r) => r.reasons)];
      expect(all).toContainEqual(expect.stringMatching(text));
    }
  });

  it('words its reasons like "operating seat in Brussels ✓, 6 employees ≤ 49 ✓", flagging an unverified limit', () => {
    const m = match({ region: 'BE-BRU', employees: 6 }).matches.find((x) => x.id === 'bru-prime-digitalisation')!;
    expect(m.reasons[0]).toBe('operating seat in Brussels-Capital Region ✓');
    expect(m.reasons).toContain('6 employees ≤ 49 ✓ (unverified)');
    const fr = match({ region: 'BE-BRU', employees: 6 }, DATE, 'fr').matches.find((x) => x.id === 'bru-prime-digitalisation')!;
    expect(fr.reasons[0]).toBe("siège d'exploitation en Région de Bruxelles-Capitale ✓");
  });

  it('keeps an aid whose broken limit is unverified, marked "?" instead of rejecting it', () => {
    // Brussels' digitalisation premium: "<50 FTE" per one source, "SME" per another.
    const m = match({ region: 'BE-BRU', employees: 60 }).matches.find((x) => x.id === 'bru-prime-digitalisation')!;
    expect(m.reasons).toContain('60 employees > 49 ? (unverified)');
  });

  it('asks to check what the profile does not say, instead of guessing', () => {
    const m = match({ region: 'BE-WAL' }).matches.find((x) => x.id === 'wal-cheque-maturite-numerique')!;
    expect(m.reasons).toContainEqual(expect.stringMatching(/^turnover not given \(limit < €50,000,000\) \?$/));
    expect(m.reasons).toContainEqual(expect.stringMatching(/^NACE code not given: 61\.10, .* excluded \(digital sector\) \?$/));
    expect(m.reasons).toContainEqual(expect.stringMatching(/^legal form not given: ASBL excluded \?$/));
  });

  it('treats a broad NACE code as "check" and an inferred exclusion as unverified', () => {
    const broad = match({ region: 'BE-WAL', nace: '62' }).matches.find((x) => x.id === 'wal-cheque-maturite-numerique')!;
    expect(broad.reasons).toContainEqual(expect.stringMatching(/^NACE 62 too broad: .* \?$/));
    const farm = match({ region: 'BE-WAL', nace: '01.13' }).matches.find((x) => x.id === 'wal-cheque-maturite-numerique')!;
    expect(farm.reasons).toContainEqual(expect.stringMatching(/^NACE 01\.13 excluded \(fishing.*\) \? \(unverified\)$/));
    expect(naceOutcome('62.01', ['62.01'])).toBe('fail');
    expect(naceOutcome('62.019', ['62.01'])).toBe('fail');
    expect(naceOutcome('62.0', ['62.01'])).toBe('unknown');
    expect(naceOutcome('62.10', ['62.01'])).toBe('pass');
  });

  it('lets a firm over the EU turnover limit qualify on its balance sheet, as a point to check', () => {
    const m = match({ region: 'BE-VLG', turnover: exact(60_000_000) }).matches.find((x) => x.id === 'vl-kmo-portefeuille')!;
    expect(m.reasons).toContainEqual(expect.stringMatching(/eligible if the balance sheet total ≤ €43,000,000 \?$/));
  });

  it('filters by theme', () => {
    const result = match({ region: 'BE-WAL' }, DATE, 'en', { themes: ['ai'] });
    expect(ids(result).sort()).toEqual(['wal-start-ia', 'wal-tremplin-ia']);
    expect(rejection(result, 'wal-cheque-cybersecurite')!.reasons).toContain('none of the themes asked for (AI)');
  });

  it('never recommends a closed, replaced or not-yet-open aid, nor one outside its dates (any profile, any date)', () => {
    const regions = pack.profile.get('region')!.options!.map((o) => o.id);
    const dates = fc.date({ min: new Date('2015-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...regions), fc.integer({ min: 0, max: 2000 }), dates, (region, employees, date) => {
        const result = match({ region, employees }, date);
        for (const m of result.matches) {
          const aid = aidById.get(m.id)!;
          expect(['active', 'call-based']).toContain(aid.status.value);
          if (aid.validFrom) expect(periodStart(aid.validFrom.date) <= date).toBe(true);
          if (aid.validUntil) expect(periodEnd(aid.validUntil.date) >= date).toBe(true);
          expect(aid.eligibility.regions.some((r) => region === r || region.startsWith(`${r}-`))).toBe(true);
        }
        expect(result.matches.length + result.rejections.length).toBe(catalogue.aids.length);
      }),
      { numRuns: 200 },
    );
  });

  it('words every reason, condition and flag in each language without a missing string', () => {
    for (const lang of LANGS) {
      for (const region of pack.profile.get('region')!.options!.map((o) => o.id)) {
        const result = match({ region, employees: 6 }, '2027-06-01', lang);
        const text = JSON.stringify(result) + result.warnings.map((w) => translator(lang, loadUiStrings())(`warning.${w.code}`, w.params)).join();
        expect(text).not.toContain('⟨');
      }
    }
  });
});

describe('aid details', () => {
  it('flags the terms the research marks unverified and says so in rate and cap', () => {
    const ia = match({ region: 'BE-WAL' }).matches.find((x) => x.id === 'wal-tremplin-ia')!;
    expect(ia.unverified).toEqual(expect.arrayContaining(['rate', 'cap']));
    expect(ia.rate).toMatch(/\(unverified\)$/);
    const consult = match({ region: 'BE-BRU' }, DATE, 'fr').matches.find((x) => x.id === 'bru-prime-consultance')!;
    expect(consult.cap).toMatch(/\(non vérifié\)$/);
    expect(consult.unverified).toContain('plafond');
    expect(consult.capAmount).toBeUndefined();
  });

  it('says "apply before you start" where the research says so, and not for the SME wallet', () => {
    const result = match({ region: 'BE-VLG' });
    expect(result.matches.find((m) => m.id === 'vl-cybersecurity-verbetertraject')!.applyBefore).toBe(true);
    expect(result.matches.find((m) => m.id === 'vl-kmo-portefeuille')!.applyBefore).toBe(false);
    expect(result.matches.find((m) => m.id === 'be-efacturation-deduction-120')!.applyBefore).toBeNull();
  });

  it('estimates only from the catalogue rate, cap and spend range, and labels it as an estimate', () => {
    const all = LANGS.flatMap((lang) => ['BE-BRU', 'BE-WAL', 'BE-VLG', 'FR-BRE', 'FR-OCC', 'FR-IDF', 'FR'].flatMap((region) => match({ region }, DATE, lang).matches.map((m) => ({ m, lang }))));
    let estimated = 0;
    for (const { m, lang } of all) {
      const aid = aidById.get(m.id)!;
      if (!m.estimate) continue;
      estimated++;
      const rate = aid.rate.min! / 100;
      const cap = aid.cap.amount!;
      expect([aid.rate.confidence, aid.cap.confidence, aid.eligibleSpend!.confidence, aid.status.confidence]).not.toContain('unverified');
      expect(m.estimate.amount).toBe(aid.eligibleSpend!.max === undefined ? cap : Math.min(cap, Math.round(aid.eligibleSpend!.max * rate)));
      if (aid.eligibleSpend!.min !== undefined) expect(m.estimate.minAmount).toBe(Math.min(cap, Math.round(aid.eligibleSpend!.min * rate)));
      expect(m.estimate.basis).toMatch({ fr: /^estimation/, nl: /^schatting/, en: /^estimate/ }[lang]);
    }
    expect(estimated).toBeGreaterThan(0);
    const idf = match({ region: 'FR-IDF' }).matches.find((m) => m.id === 'fr-idf-cheque-numerique')!;
    expect(idf.estimate).toBeUndefined(); // its status today is unverified
  });
});

describe('aid ranking', () => {
  const scores = (weak: string) =>
    ['website', 'ecommerce', 'invoicing', 'cybersecurity', 'ai'].map((id) => ({ id, score: id === weak ? 5 : 80 }));

  it.each([
    ['BE-BRU', 'website', 'bru-prime-digitalisation'],
    ['BE-BRU', 'invoicing', 'be-efacturation-deduction-120'],
    ['BE-WAL', 'cybersecurity', 'wal-cheque-cybersecurite'],
    ['BE-WAL', 'ai', 'wal-start-ia'],
    ['BE-VLG', 'cybersecurity', 'vl-kmo-portefeuille'],
    ['BE-VLG', 'ai', 'vl-kmo-groeisubsidie'],
  ])('in %s, a firm weakest in %s gets %s first', (region, weak, first) => {
    const result = match({ region }, DATE, 'en', { scores: scores(weak) });
    expect(result.matches[0]!.id).toBe(first);
    expect(result.matches[0]!.fits[0]).toBe(weak);
  });

  it('does not rank by a theme the research could not confirm', () => {
    const result = match({ region: 'BE-BRU' }, DATE, 'en', { scores: scores('cybersecurity') });
    const deduction = result.matches.find((m) => m.id === 'be-deduction-investissement-numerique')!;
    expect(deduction.fits).not.toContain('cybersecurity');
    expect(deduction.unverified).toContain('theme cybersecurity');
  });

  it('lists fitting dimensions weakest first and leaves out a perfect one', () => {
    const result = match({ region: 'BE-WAL' }, DATE, 'en', {
      scores: [{ id: 'website', score: 50 }, { id: 'ecommerce', score: 10 }, { id: 'invoicing', score: 100 }, { id: 'cybersecurity', score: 90 }, { id: 'ai', score: 95 }],
    });
    const cheque = result.matches.find((m) => m.id === 'wal-cheque-maturite-numerique')!;
    expect(cheque.fits).toEqual(['ecommerce']);
    expect(result.matches[0]!.id).toBe('wal-cheque-maturite-numerique');
  });
});

describe('catalogue age', () => {
  const newest = catalogue.aids.map((a) => a.asOf).filter((d): d is string => d !== null).sort((a, b) => periodStart(b).localeCompare(periodStart(a)))[0]!;
  const start = periodStart(newest);
  const year = Number(start.slice(0, 4));

  it('warns once the newest as-of date is more than 12 months before the assessment date', () => {
    const anniversary = `${year + 1}${start.slice(4)}`;
    expect(match({ region: 'BE-BRU' }, anniversary).warnings).toEqual([]);
    const late = new Date(`${anniversary}T00:00:00Z`);
    late.setUTCDate(late.getUTCDate() + 1);
    const warnings = match({ region: 'BE-BRU' }, late.toISOString().slice(0, 10)).warnings;
    expect(warnings).toEqual([{ code: 'aids_stale', params: expect.objectContaining({ asOf: newest, months: 12 }) }]);
    expect(translator('en', loadUiStrings())('warning.aids_stale', warnings[0]!.params)).toContain(`dates from ${newest}`);
  });
});

describe('aids from an answers profile', () => {
  it('reads region, size, turnover band, NACE and legal form from the company answers', () => {
    const profile = aidProfileFromCompany(pack, { name: 'X', region: 'BE-WAL', employees: 12, turnover: '1m-2m', nace: '62.01', legal_form: 'asbl' }, 'fr');
    expect(profile).toEqual({
      region: 'BE-WAL',
      employees: 12,
      turnover: { min: 1_000_000, max: 2_000_000, label: '1 à 2 M€' },
      nace: '62.01',
      legalForm: { id: 'asbl', label: 'ASBL / VZW' },
    });
  });
});
