import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { slugify } from '../src/io/files.js';
import { readExample, runCli, tempDir, writeFile } from './helpers/cli.js';

const tmp = tempDir('digiscan-names-');
afterAll(tmp.cleanup);
const typical = readExample('typical');

describe('report file names from company names', () => {
  const cases: [string, string, RegExp][] = [
    ['a path that climbs out', '../../etc/passwd', /^etc-passwd-2026-03-02\.(pdf|json)$/],
    ['emoji only', '🍞🥐', /^company-2026-03-02\.(pdf|json)$/],
    ['accents and symbols', 'Café « Chez Éloïse » & Fils', /^cafe-chez-eloise-fils-2026-03-02\.(pdf|json)$/],
    ['300 characters', 'A'.repeat(150) + ' ' + 'B'.repeat(149), /^a{60}-2026-03-02\.(pdf|json)$/],
    ['a Windows device name', 'CON', /^con-2026-03-02\.(pdf|json)$/],
  ];
  it.each(cases)('%s stays inside reports/ with a safe name', (_label, name, pattern) => {
    const dir = join(tmp.dir, slugify(_label));
    const answers = writeFile(tmp.dir, `${slugify(_label)}.yaml`, typical.replace(/name: .*\n/, `name: ${JSON.stringify(name)}\n`));
    mkdirSync(dir);
    const r = runCli(['assess', '--answers', answers], { cwd: dir });
    // Characters the PDF font lacks (these emoji) are drawn as "�", with one warning.
    if (_label === 'emoji only') expect(r.stderr).toMatch(/^digiscan: warning: [^\n]*�[^\n]*\n$/);
    else expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['reports']);
    const files = readdirSync(join(dir, 'reports'));
    expect(files).toHaveLength(2);
    for (const f of files) expect(f).toMatch(pattern);
  });

  it('keeps slugs short, plain and never empty', () => {
    for (const name of ['', '   ', '////', '..', '\u0000\u0001', 'x'.repeat(5000)]) {
      const slug = slugify(name);
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slug.length).toBeLessThanOrEqual(60);
    }
  });
});
