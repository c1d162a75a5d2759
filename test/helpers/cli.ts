import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/digiscan.js');
export const PACK_DIR = join(ROOT, 'questionnaires/digiscan-sme');
export const EXAMPLES = join(PACK_DIR, 'examples');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command as a user would: no terminal, no colour, no standard input. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; nodeArgs?: string[] } = {},
): RunResult {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    // English unless a test asks for another locale, whatever the machine's locale is. npm_command and
    // npm_execpath say "run through npx" (hints then print `npx digiscan`): not inherited from the test runner.
    env: {
      ...process.env,
      LANG: 'C.UTF-8',
      LC_ALL: undefined,
      LC_MESSAGES: undefined,
      LANGUAGE: undefined,
      NO_COLOR: '1',
      FORCE_COLOR: undefined,
      CI: 'true',
      npm_command: undefined,
      npm_execpath: undefined,
      ...options.env,
    },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'digiscan-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function readExample(name: string): string {
  return readFileSync(join(EXAMPLES, `${name}.yaml`), 'utf8');
}

export function writeFile(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
