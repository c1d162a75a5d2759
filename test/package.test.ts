// What npm installs is the packed folder alone: the bundle carries every module it runs (pdfkit too)
// and the two fonts the report embeds, with their licence. Run from a copy of the package's files
// with no node_modules anywhere above it, the CLI must still score a firm and write its PDF report.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, ROOT } from './helpers/cli.js';

describe('packed package', () => {
  it('runs assess to PDF with no node_modules, from bin, dist and questionnaires only', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[]; dependencies?: Record<string, string> };
    expect(pkg.dependencies ?? {}).toEqual({});
    const dir = mkdtempSync(join(tmpdir(), 'digiscan-package-'));
    try {
      for (const entry of ['bin', 'dist', 'questionnaires', 'package.json']) cpSync(join(ROOT, entry), join(dir, 'digiscan', entry), { recursive: true });
      for (const f of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE']) expect(existsSync(join(dir, 'digiscan/dist/fonts', f)), f).toBe(true);
      const r = spawnSync(process.execPath, [join(dir, 'digiscan/bin/digiscan.js'), 'assess', '--answers', join(EXAMPLES, 'typical.yaml'), '--out', join(dir, 'out.pdf')], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', NODE_PATH: '' },
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const pdf = readFileSync(join(dir, 'out.pdf')).toString('latin1');
      expect(pdf).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans\b/);
      expect(pdf).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans-Bold\b/);
      expect(pkg.files).toContain('dist');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out the AES and Brotli code the reports never run, and a call to it says why', () => {
    const chunks = join(ROOT, 'dist/chunks');
    const code = readdirSync(chunks).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(chunks, f), 'utf8')).join('\n');
    expect(code).toContain('PDF encryption is not part of digiscan');
    expect(code).toContain('WOFF2 fonts are not supported');
    // The messages of Brotli's decoder and of the AES code are absent with them.
    expect(code).not.toContain('[BrotliDecompress]');
    expect(code).not.toContain('aes: invalid key size');
  });

  it('shows the interview\'s first screen from two modules of the bundle (the entry and the first screen\'s chunk), with no YAML parser or validator among them', () => {
    // What Node loads before the first prompt: the entry's static imports, then the chunk holding
    // assess.ts and the interview (scripts/build.mjs, firstScreen) with its own static imports.
    const chunks = join(ROOT, 'dist/chunks');
    const staticImports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*['"](\.\.?\/[^'"]+)['"]/g)].map((m) => join(file, '..', m[1]!));
    const closure = (start: string) => {
      const seen = new Set<string>();
      const walk = (f: string) => {
        if (seen.has(f)) return;
        seen.add(f);
        staticImports(f).forEach(walk);
      };
      walk(start);
      return seen;
    };
    const firstScreen = readdirSync(chunks).filter((f) => f === 'first-screen.js');
    expect(firstScreen).toHaveLength(1); // a fixed name: bin/digiscan.js loads it beside the entry
    expect(readFileSync(join(ROOT, 'bin/digiscan.js'), 'utf8')).toContain("import('../dist/chunks/first-screen.js')");
    const loaded = new Set([...closure(join(ROOT, 'dist/cli.js')), ...closure(join(chunks, firstScreen[0]!))]);
    expect(loaded.size).toBe(2);
    const code = [...loaded].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(code).toContain('interview.intro'); // the interview itself is there
    expect(code).not.toContain('Nested mappings are not allowed'); // the yaml package
    expect(code).not.toContain('ZodError'); // zod
  });
});

