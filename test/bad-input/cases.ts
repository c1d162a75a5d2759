// The bad-input corpus: each case is a command a user might run with a file they might have, and the
// one line and exit code they must get back. test/bad-input.test.ts runs them all against the built CLI.
import { chmodSync as chmod, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, ROOT } from '../helpers/cli.js';

export interface BadInputCase {
  name: string;
  /** Files to create in a fresh folder (the test's working directory). */
  files?: Record<string, string | Buffer>;
  args: string[];
  code: number;
  /** The one line expected on stderr. */
  stderr: RegExp;
  /** Node options such as a preload that makes writes fail. */
  nodeArgs?: string[];
  /** Skip when running as root (permissions do not apply to root). */
  needsNonRoot?: boolean;
  setup?: (dir: string) => void;
}

export const typical = readFileSync(join(EXAMPLES, 'typical.yaml'), 'utf8');
export const packYaml = readFileSync(join(ROOT, 'questionnaires/digiscan-sme/pack.yaml'), 'utf8');

const edit = (from: string | RegExp, to: string) => typical.replace(from, to);
const assess = (file = 'a.yaml', ...more: string[]) => ['assess', '--answers', file, ...more];
const aliasBomb = (() => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
})();

export const assessCases: BadInputCase[] = [
  { name: 'missing answers file', args: assess('nope.yaml'), code: 2, stderr: /^digiscan: nope\.yaml: no such file$/ },
  { name: 'a folder instead of a file', files: { 'dir/x': '' }, args: assess('dir'), code: 2, stderr: /^digiscan: dir: is a directory, expected a file$/ },
  { name: 'empty file', files: { 'a.yaml': '' }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: file is empty$/ },
  { name: 'whitespace-only file', files: { 'a.yaml': '  \n\n\t\n' }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: file is empty$/ },
  { name: 'unclosed flow sequence', files: { 'a.yaml': edit('answers:', 'answers: [') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: invalid YAML: / },
  { name: 'tab indentation', files: { 'a.yaml': edit(/\n {2}web_presence/, '\n\tweb_presence') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:1: invalid YAML: Tabs are not allowed/ },
  { name: 'alias bomb', files: { 'a.yaml': aliasBomb }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: too many YAML aliases/ },
  { name: 'huge file', files: { 'a.yaml': typical + `# ${'x'.repeat(6 * 1024 * 1024)}\n` }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: file is too large \(\d+ bytes, limit 5242880\)$/ },
  { name: 'deep nesting', files: { 'a.yaml': `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n` }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:1:\d+: invalid YAML: nested too deeply$/ },
  { name: 'top level is a list', files: { 'a.yaml': '- a\n- b\n' }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:1:1: an answers file must be a YAML mapping/ },
  { name: 'top level is a scalar', files: { 'a.yaml': 'hello\n' }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:1:1: an answers file must be a YAML mapping/ },
  { name: 'duplicate key', files: { 'a.yaml': edit('answers:\n', 'answers:\n  web_presence: none\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: invalid YAML: Map keys must be unique$/ },
  { name: 'unknown top-level key', files: { 'a.yaml': typical + 'colour: blue\n' }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:1: unknown key "colour"$/ },
  { name: 'no questionnaire field', files: { 'a.yaml': edit(/^questionnaire:.*\n/m, '') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: missing required field "questionnaire"$/ },
  { name: 'unsupported language', files: { 'a.yaml': edit('language: fr', 'language: de') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:11: language: Invalid option: expected one of "fr"\|"nl"\|"en"$/ },
  { name: 'another questionnaire', files: { 'a.yaml': edit('id: digiscan-sme', 'id: other') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: answers are for questionnaire "other", not "digiscan-sme" \(use --pack/ },
  { name: 'another major version', files: { 'a.yaml': edit(/version: 1\.\d+\.\d+/, 'version: 2.0.0') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: answers are for digiscan-sme version 2\.0\.0, this questionnaire is version 1\./ },
  { name: 'unknown question id', files: { 'a.yaml': edit('answers:\n', 'answers:\n  web_colour: blue\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:3: unknown question id "web_colour"$/ },
  { name: 'unknown option id', files: { 'a.yaml': edit(/web_presence: \S+/, 'web_presence: maybe') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: "maybe" is not an option of "web_presence" \(one of: / },
  { name: 'list for a single-choice question', files: { 'a.yaml': edit(/web_presence: \S+/, 'web_presence: [yes, none]') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: "web_presence" takes one option, not a list$/ },
  { name: 'number as an answer', files: { 'a.yaml': edit(/web_presence: \S+/, 'web_presence: 3') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: answers\.web_presence: a number is not allowed here$/ },
  { name: 'mapping as an answer', files: { 'a.yaml': edit(/web_presence: \S+/, 'web_presence: { a: 1 }') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: answers\.web_presence: a mapping is not allowed here$/ },
  { name: 'negative employees', files: { 'a.yaml': edit(/employees: \d+/, 'employees: -3') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: "employees" is -3, outside 0\.\.1000000$/ },
  { name: 'employees as text', files: { 'a.yaml': edit(/employees: \d+/, 'employees: six') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: "employees" must be a number$/ },
  { name: 'fractional employees', files: { 'a.yaml': edit(/employees: \d+/, 'employees: 2.5') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: "employees" must be a whole number$/ },
  { name: 'NACE code as a number', files: { 'a.yaml': edit(/nace: "[\d.]+"/, 'nace: 10.71') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: "nace" must be quoted text \(write "10\.71" in quotes\)$/ },
  { name: 'malformed NACE code', files: { 'a.yaml': edit(/nace: "[\d.]+"/, 'nace: "food"') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: "food" is not a valid nace/ },
  { name: 'unknown region', files: { 'a.yaml': edit(/region: \S+/, 'region: BE-XXX') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: "BE-XXX" is not a valid region \(one of: BE-BRU/ },
  { name: 'missing region', files: { 'a.yaml': edit(/ {2}region: \S+\n/, '') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: missing company "region"$/ },
  { name: 'unknown profile field', files: { 'a.yaml': edit('company:\n', 'company:\n  vat: BE0123\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:3: unknown profile field "vat" \(known: name, region/ },
  { name: 'company as a list', files: { 'a.yaml': edit(/company:\n(  .*\n)+/, 'company: [a, b]\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: company: a list is not allowed here$/ },
  { name: 'notes for an unknown dimension', files: { 'a.yaml': typical.replace('notes:\n', 'notes:\n  marketing: hello\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:3: notes are keyed by dimension id; "marketing" is not one$/ },
  { name: 'Latin-1 file', files: { 'a.yaml': Buffer.from(typical.replace('Boulangerie Dupont', 'Pâtisserie Hélène'), 'latin1') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: file is not valid UTF-8 \(Latin-1 or another encoding\?\); save it as UTF-8$/ },
  { name: 'UTF-16 file', files: { 'a.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(typical, 'utf16le')]) }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: file is UTF-16 encoded; save it as UTF-8$/ },
  { name: 'binary garbage', files: { 'a.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xd8]) }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: file is not valid UTF-8/ },
  { name: 'unreadable file', files: { 'a.yaml': typical }, setup: (dir) => chmod(join(dir, 'a.yaml'), 0o000), needsNonRoot: true, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: permission denied$/ },
  { name: 'unsupported output language', files: { 'a.yaml': typical }, args: assess('a.yaml', '--lang', 'de'), code: 2, stderr: /^digiscan: option '-l, --lang <lang>' argument 'de' is invalid\. Allowed choices are fr, nl, en\. \(see --help\)$/ },
  { name: 'impossible date', files: { 'a.yaml': typical }, args: assess('a.yaml', '--date', '2026-02-30'), code: 2, stderr: /^digiscan: --date must be a real date like 2026-03-31, not "2026-02-30"$/ },
  { name: 'unknown option', args: ['assess', '--frobnicate'], code: 2, stderr: /^digiscan: unknown option '--frobnicate' \(see --help\)$/ },
  { name: 'stray argument', args: ['frobnicate'], code: 2, stderr: /^digiscan: too many arguments for 'assess'\. Expected 0 arguments but got 1\. \(see --help\)$/ },
  { name: 'no terminal and no answers', args: ['assess'], code: 2, stderr: /^digiscan: .*--answers/ },
  { name: 'pack folder that does not exist', files: { 'a.yaml': typical }, args: assess('a.yaml', '--pack', 'nowhere'), code: 2, stderr: /^digiscan: \/.*nowhere\/pack\.yaml: no such file$/ },
  { name: 'pack with malformed YAML', files: { 'a.yaml': typical, 'p/pack.yaml': packYaml.replace('id: digiscan-sme', 'id: [digiscan-sme') }, args: assess('a.yaml', '--pack', 'p'), code: 2, stderr: /^digiscan: \/.*p\/pack\.yaml:\d+:\d+: invalid YAML: / },
  { name: 'pack with a missing translation', files: { 'a.yaml': typical, 'p/pack.yaml': packYaml.replace(/\n {10}nl: Heeft uw onderneming een website\?/, '') }, args: assess('a.yaml', '--pack', 'p'), code: 2, stderr: /^digiscan: \/.*p\/pack\.yaml:\d+:\d+: missing "nl" translation in dimensions\[0\]\.questions\[0\]\.text$/ },
];
