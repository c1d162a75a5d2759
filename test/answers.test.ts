import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.js';
import { EXAMPLES, PACK_DIR, readExample, tempDir, writeFile } from './helpers/cli.js';
import { loadAnswers, loadPack } from '../src/io/load.js';

const pack = loadPack(PACK_DIR);
const tmp = tempDir();
afterAll(tmp.cleanup);
const typical = readExample('typical');

function errorOf(text: string, name = 'answers.yaml'): string {
  const file = writeFile(tmp.dir, name, text);
  try {
    loadAnswers(file, pack, { requireProfile: true });
  } catch (err) {
    if (err instanceof UserError) return err.format();
    throw err;
  }
  throw new Error('expected the answers to be refused');
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  expect(index).toBeGreaterThanOrEqual(0);
  return text.slice(0, index).split('\n').length;
}

describe('answers file', () => {
  it('loads every example with its company and answers', () => {
    for (const name of ['laggard', 'typical', 'leader']) {
      const answers = loadAnswers(join(EXAMPLES, `${name}.yaml`), pack, { requireProfile: true });
      expect(typeof answers.company.name).toBe('string');
      expect(Object.keys(answers.answers).length).toBeGreaterThan(3);
      for (const id of Object.keys(answers.answers)) expect(pack.questions.has(id)).toBe(true);
    }
  });

  it('refuses an unknown question id at its line', () => {
    const text = typical.replace('answers:\n', 'answers:\n  web_colour: blue\n');
    expect(errorOf(text)).toMatch(new RegExp(`answers\\.yaml:${lineOf(text, 'web_colour')}:3: unknown question id "web_colour"`));
  });

  it('refuses an option that the question does not have', () => {
    const text = typical.replace(/web_presence: \S+/, 'web_presence: maybe');
    expect(errorOf(text)).toMatch(new RegExp(`:${lineOf(text, 'web_presence: maybe')}:\\d+: "maybe" is not an option of "web_presence"`));
  });

  it('refuses a list where one option is expected', () => {
    const text = typical.replace(/web_presence: \S+/, 'web_presence: [yes, none]');
    expect(errorOf(text)).toMatch(/"web_presence" takes one option, not a list/);
  });

  it('refuses an out-of-range number and a wrong type', () => {
    expect(errorOf(typical.replace(/employees: \d+/, 'employees: -3'))).toMatch(/"employees" is -3, outside 0\.\./);
    expect(errorOf(typical.replace(/employees: \d+/, 'employees: many'))).toMatch(/"employees" must be a number/);
  });

  it('asks for quotes around a NACE code written as a number', () => {
    expect(errorOf(typical.replace(/nace: "[\d.]+"/, 'nace: 10.71'))).toMatch(/"nace" must be quoted text \(write "10\.71" in quotes\)/);
  });

  it('refuses an answers file for another questionnaire version', () => {
    const text = typical.replace(/version: 1\.\d+\.\d+/, 'version: 2.0.0');
    expect(errorOf(text)).toMatch(new RegExp(`:${lineOf(text, 'version: 2.0.0')}:\\d+: answers are for digiscan-sme version 2\\.0\\.0, this questionnaire is version 1\\.`));
  });

  it('refuses an answers file for another questionnaire', () => {
    expect(errorOf(typical.replace('id: digiscan-sme', 'id: other-pack'))).toMatch(/answers are for questionnaire "other-pack"/);
  });

  it('requires the company region and employees', () => {
    expect(errorOf(typical.replace(/ {2}region: \S+\n/, ''))).toMatch(/missing company "region"/);
  });

  it('refuses malformed YAML with a line and column', () => {
    expect(errorOf('questionnaire: { id: digiscan-sme\nlanguage: fr\n')).toMatch(/answers\.yaml:\d+:\d+: invalid YAML/);
  });

  it('refuses a YAML alias bomb without expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(errorOf(bomb.join('\n') + '\n')).toMatch(/too many YAML aliases/);
  });

  it('refuses an empty file, a directory and a missing file', () => {
    expect(errorOf('  \n')).toMatch(/answers\.yaml: file is empty/);
    const dir = join(tmp.dir, 'folder.yaml');
    mkdirSync(dir);
    expect(() => loadAnswers(dir, pack)).toThrow(/is a directory/);
    expect(() => loadAnswers(join(tmp.dir, 'missing.yaml'), pack)).toThrow(/no such file/);
  });

  it('reads a file with a byte-order mark and Windows line ends', () => {
    const file = writeFile(tmp.dir, 'bom.yaml', '\ufeff' + typical.replace(/\n/g, '\r\n'));
    expect(loadAnswers(file, pack, { requireProfile: true }).company.name).toBe('Boulangerie Dupont');
  });

  it('refuses a Latin-1 file instead of mangling accents', () => {
    const file = join(tmp.dir, 'latin1.yaml');
    writeFile(tmp.dir, 'latin1.yaml', '');
    writeFileSync(file, Buffer.from(typical.replace('Boulangerie Dupont', 'Pâtisserie Hélène'), 'latin1'));
    expect(() => loadAnswers(file, pack)).toThrow(/not valid UTF-8/);
  });
});
