import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/engine/assessment/index.js';
import { profileFromFlags, type AidsOptions } from '../src/app/aids.js';
import { UserError } from '../src/core/errors.js';
import { EXAMPLES, PACK_DIR, runCli, tempDir } from './helpers/cli.js';
import { loadAnswers, loadPack, loadPackAids, loadUiStrings } from '../src/io/load.js';

// These run the built command: `npm test` builds first; alone, run `npm run build` before.
const REQUIRED_KEYS = ['id', 'name', 'status', 'url', 'asOf', 'stale', 'rate', 'rateValue', 'cap', 'reasons', 'strands', 'region', 'themes'];

describe('digiscan aids', () => {
  it('prints the matching aids as a JSON array', () => {
    const r = runCli(['aids', '--region', 'BE-BRU', '--employees', '6', '--nace', '47.11', '--legal-form', 'srl', '--date', '2026-03-02', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/error/i);
    const aids = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(aids)).toBe(true);
    for (const aid of aids) for (const key of REQUIRED_KEYS) expect(aid, `${String(aid.id)} lacks ${key}`).toHaveProperty(key);
    expect(aids.map((a) => a.id)).toContain('bru-prime-digitalisation');
    expect(aids.map((a) => a.id)).not.toContain('wal-cheque-cybersecurite');
    expect(aids.every((a) => a.region === 'BE-BRU' || a.region === 'BE-FED')).toBe(true);
    for (const aid of aids) {
      expect(typeof aid.stale).toBe('boolean');
      expect(['open', 'call-based', 'to-confirm']).toContain(aid.status);
      expect(aid.rate === null || typeof aid.rate === 'number').toBe(true);
      for (const r of aid.reasons as { rule: string; outcome: string }[]) expect(['met', 'not-met', 'to-check']).toContain(r.outcome);
    }
    const digitalisation = aids.find((a) => a.id === 'bru-prime-digitalisation')!;
    expect(digitalisation).toMatchObject({ status: 'to-confirm', rate: 70, rateValue: { unit: 'percent', min: 25, max: 70 }, cap: 10000, asOf: '2026-01-14' });
  });

  it('prints a readable table in the chosen language, with reasons and "apply before you start"', () => {
    const r = runCli(['aids', '-r', 'Wallonie', '-e', '6', '--nace', '47.11', '--independent', '--turnover', '800000', '--date', '2026-03-02', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Aides publiques\nProfil\u00a0: Wallonie, 6 travailleurs — à la date du 2\u00a0mars\u00a02026/);
    expect(r.stdout).toMatch(/#\s+Aide\s+Région\s+Taux\s+Plafond\s+À jour en/);
    expect(r.stdout).toMatch(/Chèque «\scybersécurit[^\n]*\s+Wallonie\s+75\u00a0%/);
    expect(r.stdout).toContain("Pourquoi\u00a0: ✓ siège d'exploitation en Wallonie");
    expect(r.stdout).toMatch(/✓ PME \(définition européenne\)\s: oui/);
    expect(r.stdout).toContain('À demander avant de commencer');
    expect(r.stdout).not.toContain('Aides écartées');
    expect(r.stdout).not.toContain('Notes de recherche');
  });

  it('explains the aids it rules out, and shows the research notes to the advisor', () => {
    const r = runCli(['aids', '--region', 'BE-WAL', '--employees', '6', '--nace', '62.01', '--date', '2026-03-02', '--lang', 'en', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Aids ruled out');
    expect(r.stdout).toMatch(/✗ Chèque « maturité numérique » \(BE-WAL\): NACE 62\.01 excluded \(digital sector\)/);
    expect(r.stdout).toMatch(/✗ Chèques « Relance par le numérique » \(BE-WAL\): closed since 24\sNovember\s2023/);
    expect(r.stdout).toContain('Research notes:');
  });

  it.each([
    [['--region', 'Bruxelles'], 'BE-BRU'],
    [['--region', 'Brussel'], 'BE-BRU'],
    [['--region', 'vlaanderen'], 'BE-VLG'],
    [['--region', 'Wallonië'], 'BE-WAL'],
    [['--region', 'be-wal'], 'BE-WAL'],
  ])('accepts the region as people write it: %j', (args, region) => {
    const r = runCli(['aids', ...args, '--employees', '6', '--date', '2026-03-02', '--json']);
    expect(r.code).toBe(0);
    const aids = JSON.parse(r.stdout) as { region: string }[];
    expect(aids.some((a) => a.region === region)).toBe(true);
  });

  it('suggests the nearest region on a typo', () => {
    const r = runCli(['aids', '--region', 'Bruxeles', '--employees', '6']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--region must be one of .*not "Bruxeles" — did you mean BE-BRU\?/);
  });

  it('rules out the Brussels primes for a subsidiary of a large group, and a medium firm from the federal deductions', () => {
    const group = runCli(['aids', '--region', 'Bruxelles', '--employees', '30', '--group-employees', '400', '--date', '2026-03-02', '--json']);
    expect((JSON.parse(group.stdout) as { id: string }[]).map((a) => a.id)).not.toContain('bru-prime-digitalisation');
    const medium = runCli(['aids', '--region', 'BE-VLG', '--employees', '120', '--turnover', '15000000', '--legal-form', 'nv', '--date', '2026-03-02', '--json']);
    const ids = (JSON.parse(medium.stdout) as { id: string }[]).map((a) => a.id);
    expect(ids).not.toContain('be-efacturation-deduction-120');
    expect(ids).not.toContain('be-deduction-investissement-numerique');
    const b2b = runCli(['aids', '--region', 'Bretagne', '--employees', '3', '--b2b', '--date', '2026-03-02', '--json']);
    expect((JSON.parse(b2b.stdout) as { id: string }[]).map((a) => a.id)).not.toContain('fr-bretagne-pass-commerce-artisanat-numerique');
    const big = runCli(['aids', '--region', 'BE-WAL', '--employees', '40', '--turnover', '60m', '--balance-sheet', '40000000', '--independent', '--date', '2026-03-02', '--json']);
    expect((JSON.parse(big.stdout) as { id: string }[]).map((a) => a.id)).toContain('wal-cheque-cybersecurite');
  });

  it('lists every aid with --json --explain, each saying whether it is eligible', () => {
    const r = runCli(['aids', '--region', 'BE-VLG', '--employees', '6', '--legal-form', 'asbl', '--date', '2026-03-02', '--json', '--explain', '--lang', 'en']);
    const aids = JSON.parse(r.stdout) as { id: string; eligible: boolean; reasons: { rule: string; outcome: string; value?: string }[]; words: { reasons: string[] } }[];
    expect(aids.filter((a) => a.eligible).length).toBeGreaterThan(0);
    const wallet = aids.find((a) => a.id === 'vl-kmo-portefeuille')!;
    expect(wallet.eligible).toBe(false);
    expect(wallet.reasons).toContainEqual(expect.objectContaining({ rule: 'legalForm', outcome: 'not-met', value: 'asbl' }));
    expect(wallet.words.reasons.join()).toMatch(/legal form Non-profit \(ASBL\/VZW\) excluded/);
    expect(aids.find((a) => a.id === 'vl-cybersecurity-verbetertraject')!.eligible).toBe(true);
  });

  it('keeps only the themes asked for', () => {
    const r = runCli(['aids', '--region', 'BE-VLG', '--employees', '6', '--theme', 'cybersecurity', '--theme', 'training', '--date', '2026-03-02', '--json']);
    const aids = JSON.parse(r.stdout) as { themes: string[] }[];
    expect(aids.length).toBeGreaterThan(0);
    for (const aid of aids) expect(aid.themes.some((t) => t === 'cybersecurity' || t === 'training')).toBe(true);
  });

  it('flags each aid whose facts are more than a year old on the date asked', () => {
    const r = runCli(['aids', '--region', 'BE-BRU', '--employees', '6', '--date', '2029-01-01', '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { stale: boolean }[]).every((a) => a.stale)).toBe(true);
    expect(r.stderr).toMatch(/^digiscan: warning: \d+ aids? rests? on sources more than 12 months old \(or undated\) on 1\sJanuary\s2029/);
    const table = runCli(['aids', '--region', 'BE-VLG', '--employees', '6', '--date', '2026-12-01', '--lang', 'en']);
    expect(table.stdout).toMatch(/Facts checked in March\s2023, more than 12 months ago: check them before you apply\./);
  });

  it.each([
    [['--employees', '6'], /--region is required/],
    [['--region', 'BE-BRU', '--employees', 'six'], /--employees must be a whole number/],
    [['--region', 'BE-BRU', '--employees', '6', '--theme', 'crypto'], /--theme must be one of website, ecommerce/],
    [['--region', 'BE-BRU', '--employees', '6', '--colour'], /unknown option '--colour'/],
  ])('refuses bad flags %j with one line and exit 2', (args, message) => {
    const r = runCli(['aids', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('aids flags', () => {
  const pack = loadPack(PACK_DIR);
  const catalogue = loadPackAids(pack)!;
  const profile = (opts: AidsOptions) => profileFromFlags(opts, pack, catalogue);

  it.each([
    [{ employees: '6' }, /--region is required/],
    [{ region: 'BE-XX', employees: '6' }, /--region must be one of BE-BRU, .*not "BE-XX"/],
    [{ region: 'BE-BRU' }, /--employees is required/],
    [{ region: 'BE-BRU', employees: '-3' }, /--employees must be a whole number/],
    [{ region: 'BE-BRU', employees: '2.5' }, /--employees must be a whole number/],
    [{ region: 'BE-BRU', employees: '6', turnover: 'lots' }, /--turnover must be an amount in euros/],
    [{ region: 'BE-BRU', employees: '6', balanceSheet: 'big' }, /--balance-sheet must be an amount in euros/],
    [{ region: 'BE-BRU', employees: '6', groupEmployees: 'many' }, /--group-employees must be the whole headcount/],
    [{ region: 'BE-BRU', employees: '6', groupEmployees: '40', independent: true }, /cannot be used together/],
    [{ region: 'BE-BRU', employees: '6', b2c: true, b2b: true }, /cannot be used together/],
    [{ region: 'BE-BRU', employees: '6', nace: 'abc' }, /--nace must be a NACE code/],
    [{ region: 'BE-BRU', employees: '6', legalForm: 'gmbh' }, /--legal-form must be one of sole-trader, srl/],
    [{ region: 'BE-BRU', employees: '6', legalForm: 'vzv' }, /did you mean asbl\?/],
  ])('refuses %j', (opts, message) => {
    expect(() => profile(opts)).toThrow(UserError);
    expect(() => profile(opts)).toThrow(message);
  });

  it('reads amounts, a band id, a region by name and a legal form as people write it', () => {
    expect(profile({ region: 'Vlaanderen', employees: '12', turnover: '850 000', balanceSheet: '1,2m', legalForm: 'BV', nace: '62.01', groupEmployees: '80', b2c: true })).toEqual({
      region: 'BE-VLG',
      employees: 12,
      turnover: { min: 850000, max: 850000 },
      balanceSheet: { min: 1_200_000, max: 1_200_000 },
      group: true,
      groupEmployees: 80,
      b2c: true,
      nace: '62.01',
      legalForm: 'srl',
    });
    expect(profile({ region: 'BE-VLG', employees: '0', turnover: '1m-2m', independent: true }).turnover).toEqual({ min: 1_000_000, max: 2_000_000 });
  });

  it.each([
    ['eenmanszaak', 'sole-trader'], ['sole trader', 'sole-trader'], ['indépendant', 'sole-trader'], ['bv', 'srl'], ['SRL', 'srl'], ['B.V.', 'srl'],
    ['nv', 'sa'], ['sa', 'sa'], ['cv', 'sc'], ['sc', 'sc'], ['vzw', 'asbl'], ['ASBL', 'asbl'],
  ])('reads the legal form "%s" as %s', (text, id) => {
    expect(profile({ region: 'BE-BRU', employees: '1', legalForm: text }).legalForm).toBe(id);
  });
});

describe('aids in an assessment', () => {
  it('assess --json gains aids[] in the same shape, matched from the answers', () => {
    const r = runCli(['assess', '--answers', join(EXAMPLES, 'typical.yaml'), '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as { aids: Record<string, unknown>[]; company: { region: string } };
    expect(a.aids.length).toBeGreaterThan(0);
    for (const aid of a.aids) for (const key of REQUIRED_KEYS) expect(aid).toHaveProperty(key);
    expect(a.aids.every((aid) => aid.region === a.company.region || aid.region === 'BE-FED')).toBe(true);

    const direct = runCli(['aids', '--region', 'BE-BRU', '--employees', '6', '--turnover', '250k-1m', '--nace', '10.71', '--legal-form', 'srl', '--date', '2026-03-02', '--lang', 'fr', '--json']);
    const ids = (JSON.parse(direct.stdout) as { id: string }[]).map((x) => x.id);
    expect(a.aids.map((x) => x.id).sort()).toEqual([...ids].sort());
  });

  it('shows the best-fitting aids in the terminal summary', () => {
    // assess also writes its PDF report under ./reports: run it in a scratch folder.
    const tmp = tempDir();
    const r = runCli(['assess', '--answers', join(EXAMPLES, 'typical.yaml'), '--lang', 'en'], { cwd: tmp.dir });
    tmp.cleanup();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Best-fitting public aids\n {2}→ .+ \((Brussels-Capital Region|Belgium \(federal\))\) — .+; (as of|undated)/);
  });

  it('ranks the aids by the weakest dimensions of the assessment', () => {
    const pack = loadPack(PACK_DIR);
    const answers = loadAnswers(join(EXAMPLES, 'typical.yaml'), pack, { requireProfile: true });
    const a = assess({ pack, answers, today: '2026-11-24', toolVersion: 'test', aids: { catalogue: loadPackAids(pack)!, ui: loadUiStrings() } });
    const weakest = [...a.dimensions].sort((x, y) => x.score - y.score).map((d) => d.id);
    const first = a.aids![0]!;
    expect(first.fits.length).toBeGreaterThan(0);
    // No other aid covers a weaker dimension than the first one does.
    const rank = (id: string) => weakest.indexOf(id);
    for (const other of a.aids!) if (other.fits.length) expect(rank(other.fits[0]!)).toBeGreaterThanOrEqual(rank(first.fits[0]!));
  });

  it('has no aids section without a catalogue (a custom pack without aids.yaml)', () => {
    const pack = loadPack(PACK_DIR);
    const answers = loadAnswers(join(EXAMPLES, 'typical.yaml'), pack, { requireProfile: true });
    const a = assess({ pack, answers, today: '2026-11-24', toolVersion: 'test' });
    expect(a.aids).toBeUndefined();
  });
});
