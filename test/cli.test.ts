import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, readExample, runCli, tempDir, writeFile } from './helpers/cli.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const example = (name: string) => join(EXAMPLES, `${name}.yaml`);
/** A fresh working folder: assess writes its PDF report under ./reports and never overwrites one. */
const freshCwd = (name: string) => {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  return dir;
};

/** A user error: exactly one line on stderr (per problem), exit 2, and never a stack trace. */
function expectUserError(result: ReturnType<typeof runCli>, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
}

describe('digiscan command', () => {
  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('has help for the program and for assess', () => {
    const top = runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/assess/);
    const assess = runCli(['assess', '--help']);
    expect(assess.code).toBe(0);
    expect(assess.stdout).toMatch(/--answers <file>/);
    expect(assess.stdout).toMatch(/--json/);
  });

  it('prints the assessment as JSON with the documented fields', () => {
    const r = runCli(['assess', '--answers', example('typical'), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.questionnaire).toMatchObject({ id: 'digiscan-sme', version: expect.stringMatching(/^1\./) });
    expect(doc.company).toMatchObject({ name: 'Boulangerie Dupont', region: 'BE-BRU' });
    expect(doc.overall.score).toBeGreaterThanOrEqual(0);
    expect(doc.overall.level).toBeGreaterThanOrEqual(1);
    expect(doc.dimensions.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining(['website', 'ecommerce', 'invoicing', 'cybersecurity', 'ai']));
    for (const d of doc.dimensions) {
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(100);
      expect(d.level).toBeGreaterThanOrEqual(1);
    }
  });

  it('ranks the three example firms laggard < typical < leader', () => {
    const overall = (name: string) => JSON.parse(runCli(['--answers', example(name), '--json']).stdout).overall;
    const [laggard, typical, leader] = ['laggard', 'typical', 'leader'].map(overall);
    expect(laggard.score).toBeLessThan(typical.score);
    expect(typical.score).toBeLessThan(leader.score);
    expect(new Set([laggard.level, typical.level, leader.level]).size).toBe(3);
  });

  it('prints a readable summary in the chosen language, without colour when NO_COLOR is set', () => {
    const fr = runCli(['assess', '--answers', example('typical')], { cwd: freshCwd('summary-fr') });
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/Indice global .*\/100/);
    expect(fr.stdout).toMatch(/Cybersécurité/);
    expect(fr.stdout).not.toMatch(/\u001b\[/);
    const nl = runCli(['assess', '--answers', example('typical'), '--lang', 'nl'], { cwd: freshCwd('summary-nl') });
    expect(nl.stdout).toMatch(/Totale index/);
    expect(nl.stdout).toMatch(/Cyberveiligheid/);
  });

  it('colours the summary when colour is forced', () => {
    const r = runCli(['assess', '--answers', example('typical')], { cwd: freshCwd('colour'), env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.stdout).toMatch(/\u001b\[/);
  });

  it('refuses bad usage with exit 2', () => {
    expectUserError(runCli(['assess', '--frobnicate']), /unknown option/);
    expectUserError(runCli(['assess', '--answers', example('typical'), '--lang', 'de']), /'de' is not allowed for --lang: choose fr, nl, en/);
    expectUserError(runCli(['assess', '--answers', example('typical'), '--date', '2026-02-30']), /--date must be a real date/);
  });

  it('names --answers when there is no terminal to ask questions', () => {
    expectUserError(runCli(['assess']), /--answers/);
  });

  it('answers a missing file, a folder and an empty file with one line each', () => {
    expectUserError(runCli(['assess', '--answers', join(tmp.dir, 'nope.yaml')]), /^digiscan: .*nope\.yaml: no such file\n$/);
    const folder = join(tmp.dir, 'folder');
    mkdirSync(folder);
    expectUserError(runCli(['assess', '--answers', folder]), /folder: is a directory, expected a file\n$/);
    expectUserError(runCli(['assess', '--answers', writeFile(tmp.dir, 'empty.yaml', '')]), /empty\.yaml: file is empty/);
  });

  it('points at the line of malformed YAML', () => {
    const text = readExample('typical').replace('answers:', 'answers: [');
    const line = text.split('\n').findIndex((l) => l.startsWith('answers: [')) + 1;
    const r = runCli(['assess', '--answers', writeFile(tmp.dir, 'broken.yaml', text)]);
    expectUserError(r, /broken\.yaml:\d+:\d+: invalid YAML/);
    expect(Number(/broken\.yaml:(\d+):/.exec(r.stderr)![1])).toBeGreaterThanOrEqual(line);
  });

  it('reports a pack with mistakes with one line per problem', () => {
    const dir = join(tmp.dir, 'badpack');
    mkdirSync(dir);
    writeFile(dir, 'pack.yaml', readFileSync(join(ROOT, 'questionnaires/digiscan-sme/pack.yaml'), 'utf8').replace('- id: web_mobile', '- id: web_presence').replace(/weight: 1\n/, 'weight: -1\n'));
    const r = runCli(['assess', '--pack', dir, '--answers', example('typical')]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(l).toMatch(/^digiscan: .*pack\.yaml:\d+:\d+: /);
  });
});

describe('the command line in the user language', () => {
  it('shows the help in French with --lang fr or a French locale, and says that digiscan alone starts the interview', () => {
    const byFlag = runCli(['--lang', 'fr', '--help']);
    const byLocale = runCli(['--help'], { env: { LANG: 'fr_BE.UTF-8', LC_ALL: '' } });
    for (const r of [byFlag, byLocale]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Utilisation\u00a0: digiscan/);
      expect(r.stdout).toMatch(/Lancez digiscan seul pour commencer le questionnaire/);
      expect(r.stdout).toMatch(/--advisor/);
      expect(r.stdout).toMatch(/Exemples\u00a0:/);
    }
    const nl = runCli(['aids', '--help'], { env: { LANG: 'nl_BE.UTF-8', LC_ALL: '' } });
    expect(nl.stdout).toMatch(/^Gebruik: digiscan aids/);
    expect(nl.stdout).toMatch(/aantal werknemers \(vte\)/);
  });

  it('suggests the nearest command or option for a typo, in the user language', () => {
    expect(runCli(['asess']).stderr).toBe("digiscan: unknown command 'asess' — did you mean assess? (see digiscan --help)\n");
    const nl = runCli(['aids', '--regoin', 'BE-BRU'], { env: { LANG: 'nl_BE.UTF-8', LC_ALL: '' } });
    expect(nl.code).toBe(2);
    expect(nl.stderr).toBe('digiscan: onbekende optie ‘--regoin’ — bedoelde u --region? (zie digiscan --help)\n');
    expect(runCli(['zzzzzz']).stderr).toBe("digiscan: unknown command 'zzzzzz' (see digiscan --help)\n");
  });

  it('takes the interview options before the command: digiscan --lang nl --advisor', () => {
    const r = runCli(['--lang', 'nl', '--advisor']);
    // No terminal here: the interview cannot start, and says so in Dutch-independent terms (exit 2, one line).
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a reader that stops early', () => {
  it('ends quietly with exit 0 when stdout is closed mid-way (digiscan … | head -1)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, 'assess', '--answers', example('typical'), '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.destroy(); // the reader is gone before the first line is written
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });
});
