import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tempDir } from './helpers/cli.js';

const TYPICAL = join(EXAMPLES, 'typical.yaml');
const EPOCH = { SOURCE_DATE_EPOCH: '1772452800' };

describe('digiscan assess writes the PDF report', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('writes reports/<company>-<date>.pdf, prints the path, and on a second run shows the result and where the report is', () => {
    const first = runCli(['assess', '--answers', TYPICAL], { cwd: dir, env: EPOCH });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const file = join(dir, 'reports', 'boulangerie-dupont-2026-03-02.pdf');
    expect(first.stdout).toContain(join('reports', 'boulangerie-dupont-2026-03-02.pdf'));
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    // The answers file is French: so is the report.
    expect(bytes.toString('latin1')).toContain('/Lang (fr)');

    writeFileSync(file, 'kept');
    const again = runCli(['assess', '--answers', TYPICAL], { cwd: dir, env: EPOCH });
    // A finished assessment whose report exists: the result, where the report is and how to rewrite it; exit 0.
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('Indice global');
    const plain = again.stdout.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain).toContain(`Ce diagnostic est terminé et son rapport existe déjà : ${join('reports', 'boulangerie-dupont-2026-03-02.pdf')}`);
    expect(plain).toContain(`Pour le refaire : digiscan assess --answers ${TYPICAL} --force`);
    expect(readFileSync(file, 'utf8')).toBe('kept');

    const forced = runCli(['assess', '--answers', TYPICAL, '--force'], { cwd: dir, env: EPOCH });
    expect(forced.code).toBe(0);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('honours --out and --lang, and SOURCE_DATE_EPOCH makes the bytes reproducible', () => {
    const a = runCli(['assess', '--answers', TYPICAL, '--lang', 'nl', '--out', 'a.pdf'], { cwd: dir, env: EPOCH });
    const b = runCli(['assess', '--answers', TYPICAL, '--lang', 'nl', '--out', 'sub/b.pdf'], { cwd: dir, env: EPOCH });
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stdout).toContain('Rapport geschreven: a.pdf');
    const bytesA = readFileSync(join(dir, 'a.pdf'));
    expect(bytesA.toString('latin1')).toContain('/Lang (nl)');
    expect(bytesA.equals(readFileSync(join(dir, 'sub/b.pdf')))).toBe(true);
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });

  it('--json keeps stdout pure JSON and writes a PDF only with --out', () => {
    const json = runCli(['assess', '--answers', TYPICAL, '--json'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).company.name).toBe('Boulangerie Dupont');
    expect(existsSync(join(dir, 'reports'))).toBe(false);

    const both = runCli(['assess', '--answers', TYPICAL, '--json', '--out', 'r.pdf'], { cwd: dir });
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout).language).toBe('fr');
    expect(both.stderr).toContain('r.pdf');
    expect(statSync(join(dir, 'r.pdf')).size).toBeGreaterThan(10_000);
  });

  it('rejects a malformed SOURCE_DATE_EPOCH in one line', () => {
    const bad = runCli(['assess', '--answers', TYPICAL, '--out', 'x.pdf'], { cwd: dir, env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^digiscan: SOURCE_DATE_EPOCH must be whole seconds/);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
