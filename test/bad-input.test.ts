import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assessCases, type BadInputCase } from './bad-input/cases.js';
import { BIN, tempDir } from './helpers/cli.js';
import { spawnSync } from 'node:child_process';

const tmp = tempDir('digiscan-bad-');
afterAll(tmp.cleanup);
const isRoot = process.getuid?.() === 0;

function run(c: BadInputCase, index: number) {
  const dir = join(tmp.dir, String(index));
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  c.setup?.(dir);
  const before = snapshot(dir);
  const r = spawnSync(process.execPath, [...(c.nodeArgs ?? []), BIN, ...c.args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
    input: '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...r, dir, before };
}

function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe.each([['assess', assessCases]])('bad input: %s', (_group, cases) => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    if (c.needsNonRoot && isRoot) return; // root reads any file: this case cannot happen there
    const r = run(c, i);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(c.stderr)]);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(r.status).toBe(c.code);
    // nothing was written beside the inputs
    expect(snapshot(r.dir)).toEqual(r.before);
  });
});

it('has a corpus of at least 40 cases so far', () => {
  expect(assessCases.length).toBeGreaterThanOrEqual(40);
});
