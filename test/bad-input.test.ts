import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aidsCases, assessCases, batchCases, outputCases, type BadInputCase } from './bad-input/cases.js';
import { BIN, tempDir } from './helpers/cli.js';
import { spawnSync } from 'node:child_process';

const tmp = tempDir('digiscan-bad-');
afterAll(tmp.cleanup);
const isRoot = process.getuid?.() === 0;

function run(c: BadInputCase, name: string) {
  const dir = join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  c.setup?.(dir);
  const before = snapshot(dir);
  const r = spawnSync(process.execPath, [...(c.nodeArgs ?? []), BIN, ...c.args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', CI: 'true', ...c.env },
    input: '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...r, dir, before };
}

function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

const groups: [string, BadInputCase[]][] = [
  ['assess', assessCases],
  ['outputs', outputCases],
  ['aids', aidsCases],
  ['batch', batchCases],
];

describe.each(groups)('bad input: %s', (group, cases) => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    if (c.needsNonRoot && isRoot) return; // root reads and writes anything: this case cannot happen there
    const r = run(c, `${group}-${i}`);
    const expected = Array.isArray(c.stderr) ? c.stderr : [c.stderr];
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(expected.map((line) => expect.stringMatching(line)));
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(r.status).toBe(c.code);
    // Nothing written beside the inputs: no report, no temporary file. A batch that ran keeps its own
    // output folder (summary.csv lists the failures), and nothing else.
    const written = snapshot(r.dir).filter((f) => !(group === 'batch' && c.code !== 2 && f.startsWith('out')));
    expect(written).toEqual(r.before);
  });
});

it('has a corpus of at least 50 cases', () => {
  expect(groups.reduce((n, [, cases]) => n + cases.length, 0)).toBeGreaterThanOrEqual(50);
});
