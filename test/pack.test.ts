import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError, UserError } from '../src/core/errors.js';
import { PACK_DIR, tempDir } from './helpers/cli.js';
import { loadPack } from '../src/io/load.js';

const builtin = readFileSync(join(PACK_DIR, 'pack.yaml'), 'utf8');
const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

/** Writes a variant of the built-in pack and returns the problems its loading reports. */
function problemsOf(text: string): string[] {
  const dir = join(tmp.dir, `pack${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'pack.yaml'), text);
  try {
    loadPack(dir);
  } catch (err) {
    if (err instanceof UserError) return err.format().split('\n');
    throw err;
  }
  return [];
}

function lineOf(text: string, needle: string, occurrence = 1): number {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  expect(index).toBeGreaterThanOrEqual(0);
  return text.slice(0, index).split('\n').length;
}

describe('questionnaire pack validation', () => {
  it('accepts the built-in pack', () => {
    const pack = loadPack(PACK_DIR);
    expect(pack.definition.dimensions.map((d) => d.id)).toEqual(['website', 'ecommerce', 'invoicing', 'cybersecurity', 'ai']);
    expect(pack.questions.size).toBeGreaterThan(5);
  });

  it('reports a duplicate question id at its line', () => {
    const text = builtin.replace('- id: web_mobile', '- id: web_presence');
    const line = lineOf(text, '- id: web_presence', 2);
    const problems = problemsOf(text);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`pack\\.yaml:${line}:\\d+: duplicate id "web_presence"`)));
  });

  it('reports a condition on an unknown question', () => {
    const text = builtin.replace('when: { question: web_presence, anyOf: [yes] }', 'when: { question: web_nothing, anyOf: [yes] }');
    const line = lineOf(text, 'web_nothing');
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(new RegExp(`:${line}:\\d+: condition refers to unknown or later question "web_nothing"`)));
  });

  it('reports a condition on an unknown option', () => {
    const text = builtin.replace('when: { question: web_presence, anyOf: [yes] }', 'when: { question: web_presence, anyOf: [maybe] }');
    const line = lineOf(text, 'anyOf: [maybe]');
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(new RegExp(`:${line}:\\d+: condition refers to unknown option "maybe"`)));
  });

  it('reports a missing translation with the language', () => {
    const text = builtin.replace('          nl: Heeft uw onderneming een website?\n', '');
    const line = lineOf(text, 'fr: Votre entreprise a-t-elle un site web ?');
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(new RegExp(`:${line}:\\d+: missing "nl" translation in dimensions\\[0\\]\\.questions\\[0\\]\\.text`)));
  });

  it('reports a non-positive weight', () => {
    const text = builtin.replace("title: { fr: Commerce en ligne, nl: E-commerce, en: E-commerce }\n    weight: 1", "title: { fr: Commerce en ligne, nl: E-commerce, en: E-commerce }\n    weight: 0");
    const line = lineOf(text, 'weight: 0');
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(new RegExp(`:${line}:13: .*weight must be greater than 0`)));
  });

  it('reports an unknown key', () => {
    const text = builtin.replace('  - id: web_mobile\n', '  - id: web_mobile\n        colour: blue\n');
    const line = lineOf(text, 'colour: blue');
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(new RegExp(`:${line}:\\d+: unknown key "colour"`)));
  });

  it('reports a duplicate option id', () => {
    const text = builtin.replace('- { id: social-only, points: 3', '- { id: none, points: 3');
    const line = lineOf(text, '- { id: none, points: 3');
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(new RegExp(`:${line}:\\d+: duplicate option id "none"`)));
  });

  it('reports every problem, not only the first', () => {
    const text = builtin
      .replace('- id: web_mobile', '- id: web_presence')
      .replace('when: { question: ecom_sells_online, anyOf: [yes] }', 'when: { question: nope, anyOf: [yes] }');
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });

  it('reports malformed YAML with its line', () => {
    const text = builtin.replace('id: digiscan-sme', 'id: [digiscan-sme');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/pack\.yaml:\d+:\d+: invalid YAML/);
  });

  it('reports a missing pack as a user error', () => {
    expect(() => loadPack(join(tmp.dir, 'nowhere'))).toThrow(UserError);
    try {
      loadPack(join(tmp.dir, 'nowhere'));
    } catch (err) {
      expect((err as UserError).format()).toMatch(/nowhere\/pack\.yaml: no such file/);
      expect(err).not.toBeInstanceOf(ValidationError);
    }
  });
});
