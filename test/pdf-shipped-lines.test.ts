// The build ships the wrapped lines of the texts every report has (dist/data/pdf-lines-<lang>.json,
// scripts/lines-entry.ts), so that a first report skips their line breaking. A report must be the same
// bytes with them and without them; and they must really be used (a tampered entry shows in the PDF).
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, ROOT } from './helpers/cli.js';
import { SharedCache } from '../src/reports/pdf/shared-cache.js';
import type { WrappedLines } from '../src/reports/pdf/layout.js';

describe('shipped wrapped lines', () => {
  it('leave every report byte for byte as it is without them, and are read by the renderer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digiscan-lines-'));
    try {
      for (const part of ['bin', 'dist', 'questionnaires', 'package.json']) cpSync(join(ROOT, part), join(dir, 'pkg', part), { recursive: true });
      const data = join(dir, 'pkg/dist/data');
      const render = (example: string, lang: string, out: string) => {
        const r = spawnSync(process.execPath, [join(dir, 'pkg/bin/digiscan.js'), 'assess', '--answers', join(EXAMPLES, example), '--lang', lang, '--out', join(dir, out)], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1780000000' },
        });
        expect(r.stderr).toBe('');
        return readFileSync(join(dir, out));
      };
      const shipped = Object.fromEntries(['fr', 'nl', 'en'].map((lang) => [lang, readFileSync(join(data, `pdf-lines-${lang}.json`), 'utf8')]));
      for (const lang of ['fr', 'nl', 'en']) expect((JSON.parse(shipped[lang]!) as WrappedLines).flatMap(([, texts]) => texts).length, lang).toBeGreaterThan(300);
      const cases = [['typical.yaml', 'fr'], ['leader.yaml', 'nl'], ['laggard.yaml', 'en']] as const;
      const withLines = cases.map(([example, lang]) => render(example, lang, `with-${lang}.pdf`));
      for (const lang of ['fr', 'nl', 'en']) rmSync(join(data, `pdf-lines-${lang}.json`));
      const without = cases.map(([example, lang]) => render(example, lang, `without-${lang}.pdf`));
      cases.forEach(([example], i) => expect(withLines[i]!.equals(without[i]!), example).toBe(true));

      // The method section's heading, wrapped as shipped but with another text: the report shows it.
      const entries = JSON.parse(shipped.fr!) as WrappedLines;
      const heading = entries.flatMap(([, texts]) => texts).find(([text]) => text === 'Méthode et sources');
      expect(heading).toBeDefined();
      heading![1] = heading![1].map((line) => ({ ...line, text: 'Methode und Quellen' }));
      writeFileSync(join(data, 'pdf-lines-fr.json'), JSON.stringify(entries));
      expect(render('typical.yaml', 'fr', 'tampered.pdf').equals(withLines[0]!)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are kept for good in the shared cache, which can also say what two documents had in common', () => {
    const cache = new SharedCache<number>(100);
    cache.keep('shipped', 1);
    expect(cache.get({}, 'shipped', () => 2)).toBe(1);
    const [a, b] = [{}, {}];
    cache.get(a, 'common', () => 3);
    cache.get(a, 'own to a', () => 4);
    cache.get(b, 'common', () => 5);
    cache.get(b, 'own to b', () => 6);
    cache.get(b, 'common', () => 7, 'other scope');
    cache.get({}, 'common', () => 8, 'other scope');
    expect(cache.keptEntries()).toEqual([['', [['shipped', 1], ['common', 3]]], ['other scope', [['common', 7]]]]);
    expect(cache.sizes.kept).toBe(3);
    cache.clear();
    expect(cache.keptEntries()).toEqual([]);
    expect(cache.sizes).toEqual({ kept: 0, recent: 0 });
  });
});
