// The aids engine's rules on small fixture catalogues (not the live aids.yaml): each size test, limit,
// status, window, strand, staleness and ranking rule, both sides of each limit.
import { describe, expect, it } from 'vitest';
import { compareLimit, matchAids, sizeReason, type AidProfile } from '../src/engine/aids/index.js';
import type { AidCatalogue } from '../src/engine/aids/load.js';
import { aidCatalogueSchema, type SizeRule } from '../src/engine/aids/schema.js';
import type { AidReason } from '../src/engine/assessment/types.js';

const L = (text: string) => ({ fr: text, nl: text, en: text });
const source = { url: 'https://example.org/law', publisher: 'Test', date: '2020', confidence: 'official' as const };

const SIZE_RULES: Record<string, SizeRule> = {
  'eu-sme': { kind: 'eu', name: L('SME'), staff: 249, turnover: 50_000_000, balanceSheet: 43_000_000, linked: true, source },
  'eu-small': { kind: 'eu', name: L('small'), staff: 49, turnover: 10_000_000, balanceSheet: 10_000_000, linked: true, source },
  'be-small-company': {
    kind: 'count',
    maxExceeded: 1,
    name: L('small company'),
    staff: 50,
    turnover: [9_000_000, 11_250_000],
    balanceSheet: [4_500_000, 6_000_000],
    linked: true,
    passLegalForms: ['sole-trader'],
    source: { ...source, confidence: 'secondary' },
  },
};

/** A minimal aid; `over` replaces any of its terms. */
function aid(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    region: 'BE-BRU',
    name: L(id),
    themes: ['website'],
    spend: ['advice'],
    status: { value: 'open', confidence: 'official' },
    eligibility: { regions: ['BE-BRU'] },
    rate: { unit: 'percent', min: 50, max: 50, text: L('50%'), confidence: 'official' },
    cap: { amount: 1000, text: L('€1,000'), confidence: 'official' },
    applyBefore: { value: true, confidence: 'official' },
    url: null,
    asOf: '2026-01',
    confidence: 'official',
    ...over,
  };
}

function catalogue(aids: Record<string, unknown>[], staleAfterMonths = 12): AidCatalogue {
  const data = aidCatalogueSchema.parse({
    settings: {
      staleAfterMonths,
      summaryCount: 3,
      profile: {},
      themes: [{ id: 'website', dimension: true }, { id: 'cybersecurity', dimension: true }, { id: 'consulting' }, { id: 'training' }],
    },
    sizeRules: SIZE_RULES,
    regions: { BE: L('Belgium'), 'BE-BRU': L('Brussels'), 'BE-WAL': L('Wallonia') },
    aids,
  });
  return { file: 'fixture', ...data };
}

const run = (cat: AidCatalogue, profile: Partial<AidProfile>, date = '2026-06-01', extra: Partial<Parameters<typeof matchAids>[0]> = {}) =>
  matchAids({ catalogue: cat, profile: { region: 'BE-BRU', employees: 5, ...profile }, date, lang: 'en', ...extra });
const ids = (r: ReturnType<typeof run>) => r.matches.map((m) => m.id);
const reasonOf = (r: ReturnType<typeof run>, id: string, rule: AidReason['rule']) =>
  [...r.matches.filter((m) => m.id === id).flatMap((m) => m.strands.flatMap((s) => s.reasons)), ...r.rejections.filter((x) => x.id === id).flatMap((x) => x.reasons)].find(
    (x) => x.rule === rule,
  );

const exact = (n: number) => ({ min: n, max: n });

describe('limits', () => {
  it.each([
    [49, 49, 'within'],
    [50, 49, 'exceeded'],
    [49, [49, 249], 'within'],
    [50, [49, 249], 'unsure'],
    [249, [49, 249], 'unsure'],
    [250, [49, 249], 'exceeded'],
    [{ min: 0, max: 250_000 }, 250_000, 'within'],
    [{ min: 250_000, max: 1_000_000 }, 500_000, 'unsure'],
    [{ min: 50_000_000, max: null }, 50_000_000, 'exceeded'],
    [{ min: 10_000_000, max: 50_000_000 }, [9_000_000, 11_250_000], 'unsure'],
    [undefined, 10, 'unknown'],
  ] as const)('%j against %j is %s', (value, limit, verdict) => {
    expect(compareLimit(value as never, limit as never)).toBe(verdict);
  });
});

describe('EU SME test (staff < 250 and turnover ≤ €50m or balance sheet ≤ €43m, group counted)', () => {
  const rule = SIZE_RULES['eu-sme']!;
  const cases: [string, Partial<AidProfile>, AidReason['outcome'], string[]?][] = [
    ['249 staff, independent, small turnover', { employees: 249, group: false, turnover: exact(1_000_000) }, 'met'],
    ['250 staff', { employees: 250, group: false, turnover: exact(1_000_000) }, 'not-met'],
    ['turnover exactly €50m', { employees: 10, group: false, turnover: exact(50_000_000) }, 'met'],
    ['turnover €50m + 1, balance sheet unknown', { employees: 10, group: false, turnover: exact(50_000_001) }, 'to-check', ['balanceSheet']],
    ['turnover €60m but balance sheet €43m (the alternative)', { employees: 10, group: false, turnover: exact(60_000_000), balanceSheet: exact(43_000_000) }, 'met'],
    ['turnover €60m and balance sheet €43m + 1', { employees: 10, group: false, turnover: exact(60_000_000), balanceSheet: exact(43_000_001) }, 'not-met'],
    ['turnover unknown, balance sheet within', { employees: 10, group: false, balanceSheet: exact(1_000_000) }, 'met'],
    ['nothing known but staff', { employees: 10, group: false }, 'to-check', ['turnover', 'balanceSheet']],
    ['30 staff in a group of 400', { employees: 30, group: true, groupEmployees: 400, turnover: exact(3_000_000) }, 'not-met'],
    ['30 staff in a group of 249', { employees: 30, group: true, groupEmployees: 249, turnover: exact(3_000_000) }, 'to-check', ['groupFigures']],
    ['in a group of unknown size', { employees: 30, group: true, turnover: exact(3_000_000) }, 'to-check', ['groupEmployees', 'groupFigures']],
    ['in a group, own turnover and balance sheet already over', { employees: 30, group: true, turnover: exact(60_000_000), balanceSheet: exact(50_000_000) }, 'not-met'],
    ['group not said: a lone 320-staff firm is out anyway', { employees: 320 }, 'not-met'],
    ['group not said, small firm', { employees: 6, turnover: exact(500_000) }, 'to-check', ['group']],
  ];
  it.each(cases)('%s → %s', (_name, profile, outcome, missing) => {
    const r = sizeReason('eu-sme', rule, { region: 'BE-BRU', employees: 0, ...profile }, 'en');
    expect(r.outcome).toBe(outcome);
    if (missing) expect(r.missing).toEqual(missing);
    if (outcome === 'met') expect(r.missing).toBeUndefined();
    expect(r).toMatchObject({ rule: 'size', test: 'eu-sme', source: 'https://example.org/law' });
  });
});

describe('Belgian fiscal small company (not more than one of 50 FTE, turnover, balance sheet exceeded)', () => {
  const rule = SIZE_RULES['be-small-company']!;
  const cases: [string, Partial<AidProfile>, AidReason['outcome'], string[]?][] = [
    ['50 FTE, €5m, €3m', { employees: 50, group: false, turnover: exact(5_000_000), balanceSheet: exact(3_000_000) }, 'met'],
    ['120 FTE but small figures: one limit exceeded is allowed', { employees: 120, group: false, turnover: exact(5_000_000), balanceSheet: exact(3_000_000) }, 'met'],
    ['120 FTE and €15m turnover: two exceeded', { employees: 120, group: false, turnover: exact(15_000_000), legalForm: 'srl' }, 'not-met'],
    ['120 FTE, turnover unknown', { employees: 120, group: false, legalForm: 'srl' }, 'to-check', ['turnover', 'balanceSheet']],
    ['10 FTE, €12m turnover, €7m balance sheet', { employees: 10, group: false, turnover: exact(12_000_000), balanceSheet: exact(7_000_000), legalForm: 'srl' }, 'not-met'],
    ['10 FTE, turnover €10m (between the old and new limit), balance sheet €7m', { employees: 10, group: false, turnover: exact(10_000_000), balanceSheet: exact(7_000_000), legalForm: 'srl' }, 'to-check'],
    ['10 FTE, turnover €9m (within every reading), balance sheet €7m', { employees: 10, group: false, turnover: exact(9_000_000), balanceSheet: exact(7_000_000) }, 'met'],
    ['a sole trader whatever the size', { employees: 300, legalForm: 'sole-trader' }, 'met'],
    ['form unknown and over two limits: a natural person would still qualify', { employees: 120, group: false, turnover: exact(15_000_000) }, 'to-check', ['legalForm']],
    ['company in a group of 400', { employees: 20, group: true, groupEmployees: 400, turnover: exact(20_000_000), legalForm: 'srl' }, 'not-met'],
  ];
  it.each(cases)('%s → %s', (_name, profile, outcome, missing) => {
    const r = sizeReason('be-small-company', rule, { region: 'BE-BRU', employees: 0, ...profile }, 'en');
    expect(r.outcome).toBe(outcome);
    if (missing) expect(r.missing).toEqual(missing);
  });
});

describe('eligibility rules', () => {
  const cat = catalogue([
    aid('sme', { eligibility: { regions: ['BE-BRU'], size: ['eu-sme'] } }),
    aid('range', { eligibility: { regions: ['BE-BRU'], maxEmployees: { value: [49, 249], confidence: 'secondary' } } }),
    aid('doubt', { eligibility: { regions: ['BE-BRU'], maxEmployees: { value: 9, confidence: 'unverified' } } }),
    aid('min', { eligibility: { regions: ['BE-BRU'], minEmployees: { value: 1, confidence: 'official' } } }),
    aid('turnover', { eligibility: { regions: ['BE-BRU'], maxTurnover: { value: 1_000_000, confidence: 'official' } } }),
    aid('b2c', { eligibility: { regions: ['BE-BRU'], b2c: { confidence: 'official' } } }),
    aid('nace', {
      eligibility: { regions: ['BE-BRU'], excludedNace: [{ codes: ['62.01', '63'], label: L('digital'), confidence: 'official' }] },
    }),
    aid('form', { eligibility: { regions: ['BE-BRU'], excludedLegalForms: { forms: ['asbl'], confidence: 'official' } } }),
    aid('federal', { region: 'BE', eligibility: { regions: ['BE'], established: true } }),
    aid('wallonia', { region: 'BE-WAL', eligibility: { regions: ['BE-WAL'] } }),
  ]);
  const cases: [string, Partial<AidProfile>, string, AidReason['outcome'] | 'absent', AidReason['rule']][] = [
    ['range limit, low side', { employees: 49 }, 'range', 'met', 'maxEmployees'],
    ['range limit, between', { employees: 120 }, 'range', 'to-check', 'maxEmployees'],
    ['range limit, beyond', { employees: 250 }, 'range', 'not-met', 'maxEmployees'],
    ['an unverified limit never rules out', { employees: 10 }, 'doubt', 'to-check', 'maxEmployees'],
    ['an unverified limit, within', { employees: 9 }, 'doubt', 'met', 'maxEmployees'],
    ['minimum staff, 0', { employees: 0 }, 'min', 'not-met', 'minEmployees'],
    ['minimum staff, 1', { employees: 1 }, 'min', 'met', 'minEmployees'],
    ['turnover at the limit', { turnover: exact(1_000_000) }, 'turnover', 'met', 'maxTurnover'],
    ['turnover over the limit', { turnover: exact(1_000_001) }, 'turnover', 'not-met', 'maxTurnover'],
    ['turnover band straddling the limit', { turnover: { min: 250_000, max: 2_000_000 } }, 'turnover', 'to-check', 'maxTurnover'],
    ['turnover not given', {}, 'turnover', 'to-check', 'maxTurnover'],
    ['mostly consumers', { b2c: true }, 'b2c', 'met', 'b2c'],
    ['mostly businesses', { b2c: false }, 'b2c', 'not-met', 'b2c'],
    ['customers not said', {}, 'b2c', 'to-check', 'b2c'],
    ['excluded NACE code', { nace: '62.01' }, 'nace', 'not-met', 'nace'],
    ['excluded NACE division', { nace: '63.12' }, 'nace', 'not-met', 'nace'],
    ['too broad a NACE code', { nace: '62' }, 'nace', 'to-check', 'nace'],
    ['other NACE code', { nace: '62.02' }, 'nace', 'met', 'nace'],
    ['excluded legal form', { legalForm: 'asbl' }, 'form', 'not-met', 'legalForm'],
    ['accepted legal form', { legalForm: 'srl' }, 'form', 'met', 'legalForm'],
    ['legal form not given', {}, 'form', 'to-check', 'legalForm'],
    ['federal measure: established in Belgium, from any Belgian region', { region: 'BE-WAL' }, 'federal', 'met', 'established'],
    ['federal measure from abroad', { region: 'FR-OCC' }, 'federal', 'not-met', 'established'],
    ['regional aid elsewhere', { region: 'BE-BRU' }, 'wallonia', 'not-met', 'region'],
  ];
  it.each(cases)('%s', (_name, profile, id, outcome, rule) => {
    const r = run(cat, profile);
    const reason = reasonOf(r, id, rule);
    expect(reason?.outcome, JSON.stringify(reason)).toBe(outcome);
    // An aid is offered exactly when none of its rules is "not met".
    expect(ids(r).includes(id)).toBe(outcome !== 'not-met');
    if (outcome === 'to-check' && reason!.rule !== 'maxEmployees' && reason!.rule !== 'nace') expect(reason!.missing ?? []).not.toEqual([]);
  });

  it('names the federal reason "established in Belgium", not the regional seat', () => {
    const reasons = run(cat, { region: 'BE-WAL' }).matches.find((m) => m.id === 'federal')!.reasons;
    expect(reasons[0]).toMatchObject({ rule: 'established', outcome: 'met', country: 'BE', regionName: 'Belgium' });
  });
});

describe('status, dates and strands', () => {
  const cat = catalogue([
    aid('open'),
    aid('call', { status: { value: 'call-based', confidence: 'official' } }),
    aid('confirm', { status: { value: 'to-confirm', confidence: 'secondary' } }),
    aid('closed', { status: { value: 'closed', confidence: 'official' } }),
    aid('ended', { status: { value: 'closed', confidence: 'official' }, validUntil: { date: '2024-11-24', confidence: 'official' } }),
    aid('proposal', { status: { value: 'closed', proposal: true, confidence: 'official' } }),
    aid('window', { validFrom: { date: '2026-02', confidence: 'official' }, validUntil: { date: '2027-12-31', confidence: 'official' } }),
    aid('wallet', {
      themes: ['training', 'cybersecurity', 'consulting'],
      strands: [
        { id: 'training', name: L('training'), spend: ['training'], themes: ['training'], rate: { unit: 'percent', min: 20, max: 30, bySize: { rule: 'eu-small', met: 30, otherwise: 20 }, text: L('30/20'), confidence: 'official' } },
        { id: 'cyber-advice', name: L('cyber advice'), themes: ['cybersecurity', 'consulting'] },
        { id: 'advice', name: L('advice'), themes: ['consulting'], validUntil: { date: '2026-01-31', confidence: 'official' } },
      ],
    }),
  ]);

  it('offers open, call-based and to-confirm aids, never closed ones or proposals', () => {
    const r = run(cat, {});
    expect(ids(r)).toEqual(expect.arrayContaining(['open', 'call', 'confirm']));
    for (const id of ['closed', 'proposal', 'ended']) expect(ids(r)).not.toContain(id);
    expect(r.matches.find((m) => m.id === 'confirm')!.status).toBe('to-confirm');
    expect(r.matches.find((m) => m.id === 'confirm')!.confirmTerms).toBe(true);
    expect(reasonOf(r, 'proposal', 'status')).toMatchObject({ outcome: 'not-met', proposal: true });
  });

  it.each([
    ['2024-11-24', 'ended', true],
    ['2024-11-25', 'ended', false],
    ['2026-01-31', 'window', false],
    ['2026-02-01', 'window', true],
    ['2027-12-31', 'window', true],
    ['2028-01-01', 'window', false],
  ])('on %s, %s offered: %s', (date, id, offered) => {
    expect(ids(run(cat, {}, date)).includes(id)).toBe(offered);
  });

  it('offers only the strands still open: advice for other topics ends on 31 January 2026', () => {
    const before = run(cat, {}, '2026-01-31').matches.find((m) => m.id === 'wallet')!;
    const after = run(cat, {}, '2026-02-01').matches.find((m) => m.id === 'wallet')!;
    expect(before.strands.map((s) => s.id)).toEqual(['training', 'cyber-advice', 'advice']);
    expect(after.strands.map((s) => s.id)).toEqual(['training', 'cyber-advice']);
    const consulting = run(cat, {}, '2026-02-01', { themes: ['consulting'] }).matches.find((m) => m.id === 'wallet')!;
    expect(consulting.strands.map((s) => s.id)).toEqual(['cyber-advice']);
    expect(run(cat, {}, '2026-02-01', { themes: ['website'] }).matches.map((m) => m.id)).not.toContain('wallet');
  });

  it.each([
    [{ employees: 10, group: false, turnover: exact(2_000_000) }, { min: 30, max: 30 }],
    [{ employees: 60, group: false, turnover: exact(2_000_000) }, { min: 20, max: 20 }],
    [{ employees: 10 }, { min: 20, max: 30 }],
  ])('narrows a size-dependent rate to the firm: %j → %j', (profile, value) => {
    const training = run(cat, profile).matches.find((m) => m.id === 'wallet')!.strands.find((s) => s.id === 'training')!;
    expect(training.rateValue).toEqual({ unit: 'percent', ...value });
  });
});

describe('staleness per aid', () => {
  const cat = catalogue([aid('recent', { asOf: '2025-11' }), aid('old', { asOf: '2023-03-01' }), aid('undated', { asOf: null })]);
  it.each([
    ['2026-11-30', 'recent', false],
    ['2026-12-01', 'recent', true],
    ['2024-03-01', 'old', false],
    ['2024-03-02', 'old', true],
    ['2026-01-01', 'undated', true],
  ])('on %s, %s is stale: %s', (date, id, stale) => {
    const r = run(cat, {}, date);
    const m = r.matches.find((x) => x.id === id)!;
    expect(m.stale).toBe(stale);
    expect(m.strands.every((s) => s.stale === stale)).toBe(true);
  });

  it('follows the limit in the data, and warns with the count of stale aids', () => {
    const r = matchAids({ catalogue: catalogue([aid('recent', { asOf: '2025-11' })], 24), profile: { region: 'BE-BRU', employees: 5 }, date: '2026-12-15', lang: 'en' });
    expect(r.matches[0]!.stale).toBe(false);
    expect(run(catalogue([aid('recent', { asOf: '2025-11' })]), {}, '2026-12-15').warnings).toEqual([
      { code: 'aids_stale', params: { count: 1, months: 12, date: '2026-12-15' } },
    ]);
  });
});

describe('ranking', () => {
  const scores = [
    { id: 'website', score: 10 },
    { id: 'cybersecurity', score: 60 },
  ];
  it('puts the weakest dimension first, then open before call-based before to confirm, then known terms', () => {
    const cat = catalogue([
      aid('cyber', { themes: ['cybersecurity'] }),
      aid('web-confirm', { status: { value: 'to-confirm', confidence: 'secondary' } }),
      aid('web-call', { status: { value: 'call-based', confidence: 'official' } }),
      aid('web-unknown-cap', { cap: { text: L('?'), confidence: 'unverified' } }),
      aid('web-open'),
    ]);
    expect(ids(run(cat, {}, '2026-06-01', { scores }))).toEqual(['web-open', 'web-unknown-cap', 'web-call', 'web-confirm', 'cyber']);
  });

  it('never puts an aid with neither rate nor cap known on top', () => {
    const cat = catalogue([
      aid('vague', { rate: { unit: 'none', text: L('per call'), confidence: 'unverified' }, cap: { text: L('per call'), confidence: 'unverified' } }),
      aid('known', { themes: ['cybersecurity'] }),
    ]);
    const r = run(cat, {}, '2026-06-01', { scores });
    expect(r.matches[0]!.id).toBe('known');
    expect(r.matches[0]!.fits).toEqual(['cybersecurity']);
  });
});

describe('data, not code', () => {
  it('ranks by a theme that is a new dimension once aids.yaml marks it so', () => {
    const data = aidCatalogueSchema.parse({
      settings: { staleAfterMonths: 12, summaryCount: 3, profile: {}, themes: [{ id: 'website', dimension: true }, { id: 'data', dimension: true }] },
      sizeRules: SIZE_RULES,
      regions: { 'BE-BRU': L('Brussels') },
      aids: [aid('web'), aid('data-aid', { themes: ['data'] })],
    });
    const r = matchAids({
      catalogue: { file: 'fixture', ...data },
      profile: { region: 'BE-BRU', employees: 5 },
      scores: [{ id: 'website', score: 70 }, { id: 'data', score: 10 }],
      date: '2026-06-01',
      lang: 'en',
    });
    expect(r.matches.map((m) => m.id)).toEqual(['data-aid', 'web']);
    expect(r.matches[0]!.fits).toEqual(['data']);
  });
});

describe('wording of every reason record', () => {
  const records: AidReason[] = [];
  const outcomes = ['met', 'not-met', 'to-check'] as const;
  for (const outcome of outcomes) {
    const c = { outcome, confidence: 'official' as const };
    // Region and establishment are always decided (the region is required).
    if (outcome !== 'to-check') {
      records.push(
        { rule: 'region', ...c, value: 'BE-BRU', regions: ['BE-WAL'], regionName: 'Brussels', regionNames: ['Wallonia'] },
        { rule: 'established', ...c, value: 'BE-BRU', country: 'BE', regionName: 'Belgium' },
      );
    }
    records.push(
      { rule: 'size', ...c, test: 'eu-sme', testName: 'SME', exceeded: ['staff'], group: true, missing: ['group', 'groupFigures'] },
      { rule: 'size', ...c, test: 'be-small-company', testName: 'small company', exceeded: [], group: false, form: 'sole-trader' },
      { rule: 'maxEmployees', ...c, limit: 49, limitMax: 249, value: 120 },
      { rule: 'minEmployees', ...c, limit: 1, value: 0 },
      { rule: 'maxTurnover', ...c, limit: 1_000_000, valueMin: 250_000, valueMax: null, missing: ['turnover'] },
      { rule: 'b2c', ...c, missing: ['b2c'] },
      { rule: 'nace', ...c, codes: ['62.01'], sector: 'digital', value: '62.01' },
      { rule: 'legalForm', ...c, excluded: ['asbl'], excludedLabels: ['ASBL'], value: 'asbl', formLabel: 'ASBL' },
      { rule: 'legalForm', ...c, excluded: ['asbl'], excludedLabels: ['ASBL'], missing: ['legalForm'] },
    );
  }
  records.push(
    { rule: 'status', outcome: 'not-met', confidence: 'official', status: 'closed', until: '2023-11-24', replacedBy: 'x', replacedByName: 'New aid' },
    { rule: 'status', outcome: 'not-met', confidence: 'official', status: 'closed', proposal: true },
    { rule: 'window', outcome: 'not-met', confidence: 'official', from: '2026-02', date: '2026-01-15' },
    { rule: 'window', outcome: 'not-met', confidence: 'official', until: '2026-01-31', date: '2026-03-02' },
    { rule: 'theme', outcome: 'not-met', confidence: 'official', themes: ['website'] },
  );
  it.each(['fr', 'nl', 'en'] as const)('in %s, with no missing template and no "(s)" plural', async (lang) => {
    const { translator } = await import('../src/i18n/ui.js');
    const { loadUiStrings } = await import('../src/io/load.js');
    const { reasonText } = await import('../src/reports/aids.js');
    const t = translator(lang, loadUiStrings());
    for (const r of records) {
      const text = reasonText(r, t, lang);
      expect(text, JSON.stringify(r)).not.toMatch(/⟨|\(s\)|undefined|NaN/);
      if (r.outcome === 'to-check') expect(text).toMatch(/—/);
    }
  });
});
