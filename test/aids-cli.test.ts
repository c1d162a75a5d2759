import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/engine/assessment/index.js';
import { profileFromFlags, type AidsOptions } from '../src/app/aids.js';
import { UserError } from '../src/core/errors.js';
import { EXAMPLES, PACK_DIR, runCli, tempDir } from './helpers/cli.js';
import { loadAnswers, loadPack, loadPackAids, loadUiStrings } from '../src/io/load.js';

// These run the built command: `npm test` builds first; alone, run `npm run build` before.
const REQUIRED_KEYS = ['id', 'name', 'region', 'themes', 'rate', 'cap', 'url', 'asOf'];

describe('digiscan aids', () => {
  it('prints the matching aids as a JSON array', () => {
    const r = runCli(['aids', '--region', 'BE-BRU', '--employees', '6', '--nace', '47.11', '--legal-form', 'srl', '--date', '2026-03-02', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const aids = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(aids)).toBe(true);
    for (const aid of aids) for (const key of REQUIRED_KEYS) expect(aid, `${String(aid.id)} lacks ${key}`).toHaveProperty(key);
    expect(aids.map((a) => a.id)).toContain('bru-prime-digitalisation');
    expect(aids.map((a) => a.id)).not.toContain('wal-cheque-cybersecurite');
    expect(aids.every((a) => a.region === 'BE-BRU' || a.region === 'BE-FED')).toBe(true);
  });

  it('prints a readable table in the chosen language, with reasons and "apply before you start"', () => {
    const r = runCli(['aids', '-r', 'be-wal', '-e', '6', '--nace', '47.11', '--date', '2026-03-02', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Aides publiques\nProfil\u00a0: Wallonie, 6 travailleurs — à la date du 2\u00a0mars\u00a02026/);
    expect(r.stdout).toMatch(/#\s+Aide\s+Région\s+Taux\s+Plafond\s+Données au/);
    expect(r.stdout).toMatch(/Chèque « cybersécurité »\s+BE-WAL\s+75 %/);
    expect(r.stdout).toContain("siège d'exploitation en Wallonie ✓");
    expect(r.stdout).toContain('À demander avant de commencer');
    expect(r.stdout).not.toContain('Aides écartées');
    expect(r.stdout).not.toMatch(/^! /m); // the catalogue is recent on that date
  });

  it('explains the aids it rules out', () => {
    const r = runCli(['aids', '--region', 'BE-WAL', '--employees', '6', '--nace', '62.01', '--date', '2026-03-02', '--lang', 'en', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Aids ruled out');
    expect(r.stdout).toMatch(/✗ Cybersecurity cheque \(BE-WAL\): NACE 62\.01 excluded \(digital sector\)/);
    expect(r.stdout).toMatch(/✗ Digital recovery cheques \(BE-WAL\): closed since 2023-11-24/);
  });

  it('lists every aid with --json --explain, each saying whether it is eligible', () => {
    const r = runCli(['aids', '--region', 'BE-VLG', '--employees', '6', '--legal-form', 'asbl', '--date', '2026-03-02', '--json', '--explain', '--lang', 'en']);
    const aids = JSON.parse(r.stdout) as { id: string; eligible: boolean; reasons: string[] }[];
    expect(aids.length).toBe(20);
    const wallet = aids.find((a) => a.id === 'vl-kmo-portefeuille')!;
    expect(wallet.eligible).toBe(false);
    expect(wallet.reasons.join()).toMatch(/legal form Non-profit \(ASBL\/VZW\) excluded/);
  });

  it('keeps only the themes asked for', () => {
    const r = runCli(['aids', '--region', 'BE-VLG', '--employees', '6', '--theme', 'cybersecurity', '--theme', 'training', '--date', '2026-03-02', '--json']);
    const aids = JSON.parse(r.stdout) as { themes: string[] }[];
    expect(aids.length).toBeGreaterThan(0);
    for (const aid of aids) expect(aid.themes.some((t) => t === 'cybersecurity' || t === 'training')).toBe(true);
  });

  it('warns when the catalogue is more than a year old on the date asked', () => {
    const r = runCli(['aids', '--region', 'BE-BRU', '--employees', '6', '--date', '2029-01-01', '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^digiscan: warning: The aid data dates from \d{4}-\d{2}, \d+ months before 2029-01-01/);
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
  const profile = (opts: AidsOptions) => profileFromFlags(opts, pack, 'en');

  it.each([
    [{ employees: '6' }, /--region is required/],
    [{ region: 'BE-XX', employees: '6' }, /--region must be one of BE-BRU, .*not "BE-XX"/],
    [{ region: 'BE-BRU' }, /--employees is required/],
    [{ region: 'BE-BRU', employees: '-3' }, /--employees must be a whole number/],
    [{ region: 'BE-BRU', employees: '2.5' }, /--employees must be a whole number/],
    [{ region: 'BE-BRU', employees: '6', turnover: 'lots' }, /--turnover must be an amount in euros/],
    [{ region: 'BE-BRU', employees: '6', nace: 'abc' }, /--nace must be a NACE code/],
    [{ region: 'BE-BRU', employees: '6', legalForm: 'gmbh' }, /--legal-form must be one of sole-trader, srl/],
  ])('refuses %j', (opts, message) => {
    expect(() => profile(opts)).toThrow(UserError);
    expect(() => profile(opts)).toThrow(message);
  });

  it('reads an exact turnover, a band id, a lower-case region and legal form', () => {
    expect(profile({ region: 'be-vlg', employees: '12', turnover: '850000', legalForm: 'ASBL', nace: '62.01' })).toEqual({
      region: 'BE-VLG',
      employees: 12,
      turnover: { min: 850000, max: 850000, label: '€850,000' },
      nace: '62.01',
      legalForm: { id: 'asbl', label: 'Non-profit (ASBL/VZW)' },
    });
    expect(profile({ region: 'BE-VLG', employees: '0', turnover: '1m-2m' }).turnover).toEqual({ min: 1_000_000, max: 2_000_000, label: '€1m to €2m' });
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
    expect(r.stdout).toMatch(/Best-fitting public aids\n {2}→ .+ \((BE-BRU|BE-FED)\) — .+; as of /);
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
