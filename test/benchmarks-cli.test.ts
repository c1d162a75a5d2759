import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tempDir } from './helpers/cli.js';

describe('assess with benchmarks (built command)', () => {
  it('--json lists the comparisons per dimension and the digital intensity', () => {
    const r = runCli(['assess', '--answers', join(EXAMPLES, 'typical.yaml'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    for (const d of a.dimensions) {
      expect(d.benchmarks.length).toBeGreaterThan(0);
      for (const b of d.benchmarks) {
        expect(Object.keys(b)).toEqual(expect.arrayContaining(['id', 'indicator', 'value', 'year', 'population', 'source', 'company']));
        expect(b.source).toMatch(/^https:\/\//);
      }
    }
    expect(a.digitalIntensity).toMatchObject({ max: 12, definitionYear: expect.any(Number) });
    expect(a.digitalIntensity.criteria).toHaveLength(12);
    expect(a.digitalIntensity.count).toBe(a.digitalIntensity.criteria.filter((c: { met: boolean | null }) => c.met === true).length);
  });

  it('prints one comparison line per dimension and a digital-intensity line', () => {
    // assess also writes its PDF report under ./reports: run it in a scratch folder.
    const tmp = tempDir();
    const r = runCli(['assess', '--answers', join(EXAMPLES, 'leader.yaml'), '--lang', 'en'], { cwd: tmp.dir });
    tmp.cleanup();
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const comparisons = lines.filter((l) => /^\s+[✓◐✗?] .+ of .+ \(.+, \d{4}\) — You: (yes|partly|not yet|unknown)$/.test(l));
    expect(comparisons).toHaveLength(5);
    expect(lines.some((l) => /^Digital intensity \(Eurostat \d{4} definition\): \d+\/12 technologies/.test(l))).toBe(true);
    expect(r.stdout).toMatch(/2030 target: 90%/);
  });
});
