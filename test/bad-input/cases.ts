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
  /** The one line expected on stderr, or each line in order (batch lists every failure on its own line). */
  stderr: RegExp | RegExp[];
  env?: NodeJS.ProcessEnv;
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
  { name: 'unknown question id', files: { 'a.yaml': edit('answers:\n', 'answers:\n  web_colour: blue\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:3: “web_colour” is not a question of this questionnaire\.$/ },
  { name: 'unknown option id', files: { 'a.yaml': edit(/web_presence: \S+/, 'web_presence: maybe') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “Does your business have a website\? \(web_presence\)”: “maybe” is not one of the answers \(“none = No”, / },
  { name: 'list for a single-choice question', files: { 'a.yaml': edit(/web_presence: \S+/, 'web_presence: [yes, none]') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “Does your business have a website\? \(web_presence\)”: one answer only, not a list\.$/ },
  { name: 'number as an answer', files: { 'a.yaml': edit(/web_presence: \S+/, 'web_presence: 3') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: answers\.web_presence: a number is not allowed here$/ },
  { name: 'mapping as an answer', files: { 'a.yaml': edit(/web_presence: \S+/, 'web_presence: { a: 1 }') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: answers\.web_presence: a mapping is not allowed here$/ },
  { name: 'negative employees', files: { 'a.yaml': edit(/employees: \d+/, 'employees: -3') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “Number of employees \(FTE\) \(employees\)”: “-3” is outside the accepted values \(0 to 1000000\)\.$/ },
  { name: 'employees as text', files: { 'a.yaml': edit(/employees: \d+/, 'employees: six') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “Number of employees \(FTE\) \(employees\)”: “six” is not a number\.$/ },
  { name: 'NACE code as a number', files: { 'a.yaml': edit(/nace: "[\d.]+"/, 'nace: 10.71') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “NACE code of the main activity \(nace\)”: write “10\.71” in quotes, as text\.$/ },
  { name: 'malformed NACE code', files: { 'a.yaml': edit(/nace: "[\d.]+"/, 'nace: "food"') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “NACE code of the main activity \(nace\)”: “food” is not in the expected form \(For example 47\.11 or 62\.01; some aids exclude sectors\)\.$/ },
  { name: 'unknown region', files: { 'a.yaml': edit(/region: \S+/, 'region: BE-XXX') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “Region of the operating seat \(region\)”: “BE-XXX” is not one of the answers \(“BE-BRU = Brussels-Capital Region”, / },
  { name: 'missing region', files: { 'a.yaml': edit(/ {2}region: \S+\n/, '') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “Region of the operating seat \(region\)” is missing: the firm cannot be scored without it\.$/ },
  { name: 'unknown profile field', files: { 'a.yaml': edit('company:\n', 'company:\n  vat: BE0123\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:3: “vat” is not a company field \(expected: “name”, “enterprise_number”, “region”, / },
  { name: 'company as a list', files: { 'a.yaml': edit(/company:\n(  .*\n)+/, 'company: [a, b]\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: company: a list is not allowed here$/ },
  { name: 'notes for an unknown dimension', files: { 'a.yaml': typical.replace('notes:\n', 'notes:\n  marketing: hello\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:3: notes: “marketing” is not an area of the questionnaire \(expected: “profile”, “general”, “website”, / },
  { name: 'Latin-1 file', files: { 'a.yaml': Buffer.from(typical.replace('Boulangerie Dupont', 'Pâtisserie Hélène'), 'latin1') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: file is not valid UTF-8 \(Latin-1 or another encoding\?\); save it as UTF-8$/ },
  { name: 'UTF-16 file', files: { 'a.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(typical, 'utf16le')]) }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: file is UTF-16 encoded; save it as UTF-8$/ },
  { name: 'binary garbage', files: { 'a.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xd8]) }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: file is not valid UTF-8/ },
  { name: 'unreadable file', files: { 'a.yaml': typical }, setup: (dir) => chmod(join(dir, 'a.yaml'), 0o000), needsNonRoot: true, args: assess(), code: 2, stderr: /^digiscan: a\.yaml: permission denied$/ },
  { name: 'unsupported output language', files: { 'a.yaml': typical }, args: assess('a.yaml', '--lang', 'de'), code: 2, stderr: /^digiscan: 'de' is not allowed for --lang: choose fr, nl, en \(see digiscan --help\)$/ },
  { name: 'impossible date', files: { 'a.yaml': typical }, args: assess('a.yaml', '--date', '2026-02-30'), code: 2, stderr: /^digiscan: --date must be a real date like 2026-03-31, not "2026-02-30"$/ },
  { name: 'unknown option', args: ['assess', '--frobnicate'], code: 2, stderr: /^digiscan: unknown option '--frobnicate' \(see digiscan --help\)$/ },
  { name: 'stray argument', args: ['frobnicate'], code: 2, stderr: /^digiscan: unknown command 'frobnicate' \(see digiscan --help\)$/ },
  { name: 'mistyped command', args: ['asess', '--answers', 'a.yaml'], code: 2, stderr: /^digiscan: unknown command 'asess' — did you mean assess\? \(see digiscan --help\)$/ },
  { name: 'mistyped command, in French', args: ['--lang', 'fr', 'aisd'], code: 2, stderr: /^digiscan: commande inconnue «\u00a0aisd\u00a0» — vouliez-vous dire aids\u202f\? \(voir digiscan --help\)$/ },
  { name: 'no terminal and no answers', args: ['assess'], code: 2, stderr: /^digiscan: .*--answers/ },
  { name: 'pack folder that does not exist', files: { 'a.yaml': typical }, args: assess('a.yaml', '--pack', 'nowhere'), code: 2, stderr: /^digiscan: \/.*nowhere\/pack\.yaml: no such file$/ },
  { name: 'pack with malformed YAML', files: { 'a.yaml': typical, 'p/pack.yaml': packYaml.replace('id: digiscan-sme', 'id: [digiscan-sme') }, args: assess('a.yaml', '--pack', 'p'), code: 2, stderr: /^digiscan: \/.*p\/pack\.yaml:\d+:\d+: invalid YAML: / },
  { name: 'pack with a missing translation', files: { 'a.yaml': typical, 'p/pack.yaml': packYaml.replace(/\n {10}nl: Heeft uw onderneming een website\?/, '') }, args: assess('a.yaml', '--pack', 'p'), code: 2, stderr: /^digiscan: \/.*p\/pack\.yaml:\d+:\d+: missing "nl" translation in dimensions\[0\]\.questions\[0\]\.text$/ },
  { name: 'impossible assessedOn date', files: { 'a.yaml': edit(/assessedOn: .*/, 'assessedOn: 2026-13-45') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: assessedOn must be a real date like 2026-03-31, not "2026-13-45"$/ },
  { name: 'assessedOn on the 30th of February', files: { 'a.yaml': edit(/assessedOn: .*/, 'assessedOn: "2025-02-29"') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: assessedOn must be a real date like 2026-03-31, not "2025-02-29"$/ },
  { name: 'CR-only line endings with a mistake on line 10', files: { 'a.yaml': edit(/region: \S+/, 'region: BE-XX').replace(/\n/g, '\r') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:10:11: “Region of the operating seat \(region\)”: “BE-XX” is not one of the answers/ },
  { name: 'a mapping with 80,000 keys', files: { 'a.yaml': edit('answers:\n', `answers:\n${Array.from({ length: 80_000 }, (_, i) => `  k${i}: v\n`).join('')}`) }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:3: a mapping with 80047 keys; at most 10000 are allowed$/ },
  {
    name: '9,000 unknown question ids: 20 lines, then a count',
    files: { 'a.yaml': edit('answers:\n', `answers:\n${Array.from({ length: 9000 }, (_, i) => `  k${i}: v\n`).join('')}`) },
    args: assess(),
    code: 2,
    stderr: [...Array.from({ length: 20 }, (_, i) => new RegExp(`^digiscan: a\\.yaml:${typical.split('\n').indexOf('answers:') + 2 + i}:3: “k${i}” is not a question of this questionnaire\\.$`)), /^digiscan: a\.yaml: and 8980 more problems \(fix these first\)$/],
  },
  { name: '__proto__ as a question id', files: { 'a.yaml': edit('answers:\n', 'answers:\n  __proto__: yes\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:3: "__proto__" is a reserved word and cannot be used as a key$/ },
  { name: '__proto__ in the company profile', files: { 'a.yaml': edit('company:\n', 'company:\n  __proto__: { name: x }\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:3: "__proto__" is a reserved word and cannot be used as a key$/ },
  { name: 'constructor as a note key', files: { 'a.yaml': typical.replace('notes:\n', 'notes:\n  constructor: hello\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:3: "constructor" is a reserved word and cannot be used as a key$/ },
  { name: 'quoted "__proto__" key at the top level', files: { 'a.yaml': typical + '"__proto__": { polluted: true }\n' }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:1: "__proto__" is a reserved word and cannot be used as a key$/ },
  { name: 'pack dimension id "constructor"', files: { 'a.yaml': typical, 'p/pack.yaml': packYaml.replace('  - id: website\n', '  - id: constructor\n') }, args: assess('a.yaml', '--pack', 'p'), code: 2, stderr: /^digiscan: \/.*p\/pack\.yaml:\d+:\d+: .*reserved word/ },
  { name: 'pack question id "constructor"', files: { 'a.yaml': typical, 'p/pack.yaml': packYaml.replace('      - id: web_updated\n', '      - id: constructor\n') }, args: assess('a.yaml', '--pack', 'p'), code: 2, stderr: /^digiscan: \/.*p\/pack\.yaml:\d+:\d+: .*reserved word/ },
  { name: 'pack region option "constructor"', files: { 'a.yaml': typical, 'p/pack.yaml': packYaml.replace('{ id: BE-BRU,', '{ id: constructor,') }, args: assess('a.yaml', '--pack', 'p'), code: 2, stderr: /^digiscan: \/.*p\/pack\.yaml:\d+:\d+: .*reserved word/ },
  ...['(\\d+)+$', '^(\\d*)*x', '^(a|aa)+$', '^([0-9.]+)*$', '^(?:\\d\\.?){2,}$', '^(\\d+){2,5}$'].map((pattern) => ({
    name: `pack pattern with nested quantifiers ${pattern}`,
    files: { 'a.yaml': typical, 'p/pack.yaml': packYaml.replace(/pattern: '.*'/, () => `pattern: '${pattern}'`) },
    args: assess('a.yaml', '--pack', 'p'),
    code: 2,
    stderr: /^digiscan: \/.*p\/pack\.yaml:\d+:\d+: pattern of "nace" repeats a group that itself repeats or has alternatives \(nested quantifiers can take exponential time\)$/,
  })),
  { name: 'pack pattern with a back-reference', files: { 'a.yaml': typical, 'p/pack.yaml': packYaml.replace(/pattern: '.*'/, () => `pattern: '^(\\d)\\1$'`) }, args: assess('a.yaml', '--pack', 'p'), code: 2, stderr: /^digiscan: \/.*p\/pack\.yaml:\d+:\d+: pattern of "nace" uses a back-reference/ },
  // The advisor's deliverable: plan fields, the session, the advisor's profile and logo.
  { name: 'unknown plan status', files: { 'a.yaml': edit('notes:', 'plan:\n  ai_rules: { status: finished }\nnotes:') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: .*status/ },
  { name: 'plan due date not a date', files: { 'a.yaml': edit('notes:', 'plan:\n  ai_rules: { due: next week }\nnotes:') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: .*a date must look like 2026-03-31/ },
  { name: 'unknown session type', files: { 'a.yaml': edit('notes:', 'session: { type: rehearsal }\nnotes:') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: .*type/ },
  { name: 'logo that is not an image', files: { 'a.yaml': edit('notes:', 'advisor: { name: C, logo: logo.png }\nnotes:'), 'logo.png': 'not a picture' }, args: assess(), code: 2, stderr: /^digiscan: .*logo\.png: the advisor's logo must be a PNG or JPEG image \(named in a\.yaml\)$/ },
  { name: 'missing logo', files: { 'a.yaml': edit('notes:', 'advisor: { name: C, logo: gone.jpg }\nnotes:') }, args: assess(), code: 2, stderr: /^digiscan: .*gone\.jpg: cannot read the advisor's logo: ENOENT \(named in a\.yaml\)$/ },
  { name: 'advisor profile with an unknown key', files: { 'a.yaml': typical, 'me.yaml': 'name: C\nmobile: 1\n' }, args: assess('a.yaml', '--advisor-profile', 'me.yaml'), code: 2, stderr: /^digiscan: me\.yaml:2:1: unknown key "mobile"/ },
  { name: 'unknown edition', files: { 'a.yaml': typical }, args: assess('a.yaml', '--edition', 'bank'), code: 2, stderr: /^digiscan: 'bank' is not allowed for --edition: choose client, advisor/ },
];

const example = join(EXAMPLES, 'typical.yaml');
const fullDisk = ['--import', join(ROOT, 'test/helpers/full-disk.mjs')];

export const outputCases: BadInputCase[] = [
  { name: 'report folder on a file system that refuses it', args: ['assess', '--answers', example, '--out', '/proc/digiscan-nope/r.pdf'], code: 2, stderr: /^digiscan: \/proc\/digiscan-nope: cannot create the folder: / },
  { name: 'report folder where a file stands', files: { blocker: 'x' }, args: ['assess', '--answers', example, '--out', 'blocker/r.pdf'], code: 2, stderr: /^digiscan: blocker: cannot create the folder: a file of that name is in the way$/ },
  { name: 'read-only report folder', files: { 'ro/.keep': '' }, setup: (dir) => chmod(join(dir, 'ro'), 0o555), needsNonRoot: true, args: ['assess', '--answers', example, '--out', 'ro/r.pdf'], code: 2, stderr: /^digiscan: ro\/r\.pdf: cannot write: permission denied$/ },
  { name: 'existing report without --force', files: { 'r.pdf': 'mine' }, args: ['assess', '--answers', example, '--out', 'r.pdf'], code: 2, stderr: /^digiscan: r\.pdf: already exists; not overwritten \(use --force/ },
  { name: 'full disk while writing the report', nodeArgs: fullDisk, args: ['assess', '--answers', example, '--out', 'r.pdf'], code: 2, stderr: /^digiscan: r\.pdf: cannot write: no space left on the device$/ },
  { name: 'malformed SOURCE_DATE_EPOCH', env: { SOURCE_DATE_EPOCH: 'yesterday' }, args: ['assess', '--answers', example, '--out', 'r.pdf'], code: 2, stderr: /^digiscan: SOURCE_DATE_EPOCH must be whole seconds since 1970, not "yesterday"$/ },
  { name: 'company name beyond its maximum length', files: { 'a.yaml': edit(/name: .*\n/, `name: ${'A'.repeat(20000)}\n`) }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “Company name \(name\)”: “A{40}…” is longer than 300 characters\.$/ },
  { name: 'company name one character too long (spaces and accents count)', files: { 'a.yaml': edit(/name: .*\n/, `name: "${'é '.repeat(150)}x"\n`) }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “Company name \(name\)”: “(é ){20}…” is longer than 300 characters\.$/ },
  { name: 'advisor note beyond its maximum length', files: { 'a.yaml': typical.replace('notes:\n', `notes:\n  general: ${'n'.repeat(4001)}\n`) }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:3: the note "general" is 4001 characters long, at most 4000 are allowed$/ },
  { name: 'long unknown option quoted short', files: { 'a.yaml': edit(/web_presence: \S+/, `web_presence: ${'z'.repeat(5000)}`) }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “Does your business have a website\? \(web_presence\)”: “z{40}…” is not one of the answers \(/ },
  { name: 'SOURCE_DATE_EPOCH beyond the year 9999', env: { SOURCE_DATE_EPOCH: '99999999999999999999' }, args: ['assess', '--answers', example, '--out', 'r.pdf'], code: 2, stderr: /^digiscan: SOURCE_DATE_EPOCH is out of range: at most 253402300799 \(the end of the year 9999\), not "99999999999999999999"$/ },
  { name: 'SOURCE_DATE_EPOCH one second too late', env: { SOURCE_DATE_EPOCH: '253402300800' }, args: ['assess', '--answers', example, '--out', 'r.pdf'], code: 2, stderr: /^digiscan: SOURCE_DATE_EPOCH is out of range/ },
  { name: 'empty company name', files: { 'a.yaml': edit(/name: .*\n/, 'name: ""\n') }, args: assess(), code: 2, stderr: /^digiscan: a\.yaml:\d+:\d+: “Company name \(name\)” is missing: the firm cannot be scored without it\.$/ },
  { name: 'template over an existing file', files: { 't.yaml': 'mine' }, args: ['template', '--yaml', '--out', 't.yaml'], code: 2, stderr: /^digiscan: t\.yaml: already exists; not overwritten/ },
];

export const aidsCases: BadInputCase[] = [
  { name: 'employees not a number', args: ['aids', '--region', 'BE-BRU', '--employees', 'abc'], code: 2, stderr: /^digiscan: --employees must be a whole number of employees like 6, not "abc"$/ },
  { name: 'negative employees', args: ['aids', '--region', 'BE-BRU', '--employees', '-4'], code: 2, stderr: /^digiscan: .*employees/ },
  { name: 'turnover not an amount', args: ['aids', '--region', 'BE-BRU', '--employees', '5', '--turnover', 'lots'], code: 2, stderr: /^digiscan: --turnover must be an amount in euros like 850000, not "lots"$/ },
  { name: 'unknown theme', args: ['aids', '--region', 'BE-BRU', '--employees', '5', '--theme', 'magic'], code: 2, stderr: /^digiscan: --theme must be one of website, ecommerce, invoicing, cybersecurity, ai, consulting, training, not "magic"$/ },
  { name: 'malformed NACE code', args: ['aids', '--region', 'BE-BRU', '--employees', '5', '--nace', 'x1'], code: 2, stderr: /^digiscan: --nace must be a NACE code like 47\.11 or 62\.01, not "x1"$/ },
  { name: 'unknown region', args: ['aids', '--region', 'BE-XX', '--employees', '5'], code: 2, stderr: /^digiscan: --region must be one of BE-BRU, /  },
  { name: 'no region', args: ['aids', '--employees', '5'], code: 2, stderr: /^digiscan: --region is required: one of BE-BRU/ },
  { name: 'impossible date', args: ['aids', '--region', 'BE-BRU', '--employees', '5', '--date', '2026-13-01'], code: 2, stderr: /^digiscan: --date must be a real date/ },
  { name: 'unknown legal form', args: ['aids', '--region', 'BE-BRU', '--employees', '5', '--legal-form', 'gmbh'], code: 2, stderr: /^digiscan: --legal-form must be one of / },
];

const header = 'Timestamp,Company name,Region of the operating seat,Number of employees (FTE)';
export const batchCases: BadInputCase[] = [
  { name: 'no input given', args: ['batch', '--out', 'out'], code: 2, stderr: /^digiscan: missing argument 'input' \(see digiscan --help\)$/ },
  { name: 'no output folder given', args: ['batch', 'x.yaml'], code: 2, stderr: /^digiscan: required option '--out' is missing \(see digiscan --help\)$/ },
  { name: 'unknown report format', args: ['batch', example, '--out', 'out', '--format', 'docx'], code: 2, stderr: /^digiscan: .*docx/ },
  { name: 'zero jobs', args: ['batch', example, '--out', 'out', '--jobs', '0'], code: 2, stderr: /^digiscan: .*--jobs/ },
  { name: 'output folder where a file stands', files: { out: 'x' }, args: ['batch', example, '--out', 'out', '--format', 'json'], code: 2, stderr: /^digiscan: .*out: cannot create the folder: a file of that name is in the way$/ },
  {
    name: 'form export without the required columns',
    files: { 'f.csv': 'Name,Where\nA,BE-BRU\n' },
    args: ['batch', 'f.csv', '--out', 'out', '--format', 'json'],
    code: 1,
    stderr: [
      /^digiscan: 1\/1 firms processed, 1 failed$/,
      /^digiscan: warning: f\.csv:1: no column “Company name”; no row of this file can be scored/,
      /^digiscan: warning: f\.csv:1: no column “Region of the operating seat”/,
      /^digiscan: warning: f\.csv:1: no column “Number of employees \(FTE\)”/,
      /^digiscan: warning: f\.csv:1: columns ignored \(not in the questionnaire nor the mapping\): “Where”$/,
      /^digiscan: 1 failed:$/,
      /^digiscan: f\.csv, row 2: Not scored: the form has no column “Company name”/,
    ],
  },
  {
    name: 'form export with a broken row among good ones',
    files: { 'f.csv': `${header}\n2026-01-05,Alpha,Bruxelles-Capitale,3\n2026-01-05,Beta,Atlantis,3\n2026-01-05,Gamma,Wallonie,12\n` },
    args: ['batch', 'f.csv', '--out', 'out', '--format', 'json'],
    code: 1,
    stderr: [
      /^digiscan: 1\/3 firms processed/,
      /^digiscan: 2\/3 firms processed/,
      /^digiscan: 3\/3 firms processed, 1 failed$/,
      /^digiscan: 1 failed:$/,
      /^digiscan: f\.csv, row 3 \(Beta\): Not scored: “Region of the operating seat”: “Atlantis” is not one of the answers \(“Brussels-Capital Region”, “Wallonia”, /,
    ],
  },
  // Every path is checked before anything is written: no output folder, no summary.
  { name: 'missing input file', args: ['batch', example, 'nope.yaml', '--out', 'out', '--format', 'json'], code: 2, stderr: /^digiscan: nope\.yaml: no such file$/ },
  {
    // Rows pasted from another file end in LF inside a CRLF file, or in a lone CR (old Mac Excel):
    // spreadsheet programs end a row at any of them, so must the batch (before: two firms run together).
    name: 'form export with mixed line endings',
    files: { 'f.csv': `${header}\r\n2026-01-05,Alpha,Wallonie,3\n2026-01-05,Beta,Flandre,4\r2026-01-05,Gamma,Wallonie,12\r\n` },
    args: ['batch', 'f.csv', '--out', 'out', '--format', 'json'],
    code: 0,
    stderr: [/^digiscan: 1\/3 firms processed, 0 failed$/, /^digiscan: 2\/3 firms processed, 0 failed$/, /^digiscan: 3\/3 firms processed, 0 failed$/],
  },
  {
    // Mac Roman puts é at 0x8E (Ž in Windows-1252): refused rather than misread silently.
    name: 'form export in Mac Roman',
    files: { 'f.csv': Buffer.concat([Buffer.from(`${header}\n2026-01-05,Soci`), Buffer.from([0x8e]), Buffer.from('t\x8e Dupont,Wallonie,3\n')]) },
    args: ['batch', 'f.csv', '--out', 'out', '--format', 'json'],
    code: 1,
    stderr: [/^digiscan: 1\/1 firms processed, 1 failed$/, /^digiscan: 1 failed:$/, /^digiscan: f\.csv: file looks Mac Roman encoded \(byte 0x8E at byte \d+ is no letter in Windows-1252\) \(save it again as "CSV UTF-8"\)$/],
  },
  {
    name: 'ambiguous --date-format',
    args: ['batch', example, '--out', 'out', '--date-format', 'yyyy'],
    code: 2,
    stderr: /^digiscan: --date-format must be dmy \(day first, 31\/03\/2026\) or mdy \(month first, 03\/31\/2026\), not "yyyy"$/,
  },
  {
    name: 'form export with a company name beyond its maximum length',
    files: { 'f.csv': `${header}\n2026-01-05,${'W'.repeat(5000)},Bruxelles-Capitale,3\n2026-01-05,Gamma,Wallonie,12\n` },
    args: ['batch', 'f.csv', '--out', 'out', '--format', 'json'],
    code: 1,
    stderr: [/^digiscan: 1\/2 firms processed, 1 failed$/, /^digiscan: 2\/2 firms processed, 1 failed$/, /^digiscan: 1 failed:$/, /^digiscan: f\.csv, row 2: Not scored: “Company name”: “W{40}…” is longer than 300 characters\.$/],
  },
  // Progress over time (issue 17): enterprise numbers, and comparisons that cannot be made.
  {
    name: 'enterprise number with wrong check digits',
    files: { 'a.yaml': edit('  region: BE-BRU', '  enterprise_number: 0123.456.748\n  region: BE-BRU') },
    args: assess(),
    code: 2,
    stderr: /^digiscan: a\.yaml:10:22: “Enterprise number \(BCE\/KBO\) or SIREN \(enterprise_number\)”: “0123\.456\.748” is not a valid enterprise number: its check digits do not match\. For example 0123\.456\.749 \(BCE\/KBO\) or 123 456 782 \(SIREN\)\.$/,
  },
  {
    name: 'enterprise number of the wrong length',
    files: { 'a.yaml': edit('  region: BE-BRU', '  enterprise_number: "12345"\n  region: BE-BRU') },
    args: assess(),
    code: 2,
    stderr: /^digiscan: a\.yaml:10:22: “Enterprise number \(BCE\/KBO\) or SIREN \(enterprise_number\)”: “12345” is not a valid enterprise number: 10 digits in Belgium, 9 in France\. For example 0123\.456\.749 \(BCE\/KBO\) or 123 456 782 \(SIREN\)\.$/,
  },
  {
    name: 'compare two different firms',
    files: { 'a.yaml': typical, 'b.yaml': edit('Boulangerie Dupont', 'Garage Martin').replace('2026-03-02', '2026-09-01') },
    args: ['compare', 'a.yaml', 'b.yaml'],
    code: 2,
    stderr: /^digiscan: these look like two different firms \("Boulangerie Dupont" and "Garage Martin": different names and no common enterprise number\) \(use --force to compare them anyway\)$/,
  },
  {
    name: 'compare with AFTER older than BEFORE',
    files: { 'a.yaml': typical, 'b.yaml': edit('2026-03-02', '2025-11-20') },
    args: ['compare', 'a.yaml', 'b.yaml'],
    code: 2,
    stderr: /^digiscan: AFTER \(2025-11-20\) is older than BEFORE \(2026-03-02\) \(give the earlier assessment first\)$/,
  },
  {
    name: 'compare a JSON file that is not an assessment',
    files: { 'a.json': '{"hello": 1}', 'b.yaml': typical },
    args: ['compare', 'a.json', 'b.yaml'],
    code: 2,
    stderr: /^digiscan: a\.json: not a digiscan assessment \(assess --json\): /,
  },
  { name: 'compare --batch without --out', args: ['compare', '--batch', 'x', 'y'], code: 2, stderr: /^digiscan: --batch writes progress\.csv and impact\.csv: give the folder with --out DIR$/ },
  {
    name: 'assess --from without a terminal',
    files: { 'a.yaml': typical },
    args: ['assess', '--from', 'a.yaml'],
    code: 2,
    stderr: /^digiscan: --from starts a new interview and needs a terminal \(to compare two answers files, use: digiscan compare BEFORE AFTER\)$/,
  },
];
