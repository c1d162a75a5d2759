import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, runCli, tempDir } from './helpers/cli.js';

// Answers never leave the machine: with every network entry point booby-trapped, the commands
// still work, and any attempt would end the process with code 99 and a NETWORK ATTEMPT line.
const noNetwork = ['--require', join(ROOT, 'test/helpers/no-network.cjs')];

describe('no network', () => {
  it('the booby trap itself fires on a connection attempt', () => {
    const r = spawnSync(process.execPath, [...noNetwork, '-e', "require('node:net').connect(80, '127.0.0.1')"], { encoding: 'utf8' });
    expect(r.status).toBe(99);
    expect(r.stderr).toMatch(/NETWORK ATTEMPT/);
    // and in worker threads, where batch scoring runs
    const w = spawnSync(process.execPath, [...noNetwork, '-e', "new (require('node:worker_threads').Worker)(\"require('node:net').connect(80, '127.0.0.1')\", { eval: true })"], { encoding: 'utf8' });
    expect(w.stderr).toMatch(/NETWORK ATTEMPT/);
  });

  it('assess makes no network call', () => {
    // The run without --json also writes the PDF report, under the working folder.
    const tmp = tempDir();
    afterAll(tmp.cleanup);
    for (const args of [['assess', '--answers', join(EXAMPLES, 'typical.yaml'), '--json'], ['assess', '--answers', join(EXAMPLES, 'leader.yaml')]]) {
      const r = runCli(args, { nodeArgs: noNetwork, cwd: tmp.dir });
      expect(r.stderr).not.toMatch(/NETWORK ATTEMPT/);
      expect(r.code).toBe(0);
    }
  });

  it('writing the PDF, batch scoring in worker threads and the aids look-up make no network call either', () => {
    const tmp = tempDir();
    try {
      const runs = [
        ['assess', '--answers', join(EXAMPLES, 'leader.yaml')],
        ['batch', EXAMPLES, '--out', 'batch-out', '--format', 'pdf,json,csv', '--jobs', '2'],
        ['aids', '--region', 'BE-WAL', '--employees', '4', '--json'],
        ['template', '--csv'],
      ];
      for (const args of runs) {
        const r = runCli(args, { nodeArgs: noNetwork, cwd: tmp.dir });
        expect(r.stderr).not.toMatch(/NETWORK ATTEMPT/);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      }
      expect(readdirSync(join(tmp.dir, 'batch-out')).filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    } finally {
      tmp.cleanup();
    }
  });
});
