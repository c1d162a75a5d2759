// Two packages pdfkit loads are patched (patches/, applied by the build through patch-package): their
// Unicode data tries are decoded on first use instead of when the module is imported, which every
// PDF-writing process paid (~15 ms) although digiscan's reports never look them up (fonts.ts lays
// text out without OpenType shaping). The patches change when the data is decoded, never what it says.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const require = createRequire(import.meta.url);

describe('patched dependencies', () => {
  it('are installed patched, at the versions the patches were written for', () => {
    // module.mjs is what the bundle takes (pdfkit's ESM build imports them), main.cjs what require() gets.
    for (const [name, file, tries] of [
      ['unicode-properties', 'dist/main.cjs', 1],
      ['unicode-properties', 'dist/module.mjs', 1],
      ['fontkit', 'dist/main.cjs', 3],
      ['fontkit', 'dist/module.mjs', 3],
    ] as const) {
      const dir = join(ROOT, 'node_modules', name);
      const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
      expect(readFileSync(join(ROOT, 'patches', `${name}+${version}.patch`), 'utf8')).toContain(`+++ b/node_modules/${name}/${file}`);
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code.match(/var\$trieDecoded \?\?= new/g) ?? []).toHaveLength(tries);
      expect(code).not.toMatch(/^const \$[0-9a-f]+\$var\$trie = new /m);
    }
  });

  it('still answer every lookup from the same data', () => {
    const unicode = require('unicode-properties') as {
      getCategory(cp: number): string;
      getScript(cp: number): string;
      getCombiningClass(cp: number): string;
      isAlphabetic(cp: number): boolean;
      getNumericValue(cp: number): number | null;
    };
    expect(unicode.getCategory(0x41)).toBe('Lu');
    expect(unicode.getCategory(0xe9)).toBe('Ll');
    expect(unicode.getCategory(0x20ac)).toBe('Sc');
    expect(unicode.getScript(0x627)).toBe('Arabic');
    expect(unicode.getScript(0x915)).toBe('Devanagari');
    expect(unicode.getCombiningClass(0x301)).toBe('Above');
    expect(unicode.isAlphabetic(0x4e00)).toBe(true);
    expect(unicode.getNumericValue(0x37)).toBe(7);
    expect(unicode.getNumericValue(0xbd)).toBe(0.5);
  });

  it('shape Arabic and Devanagari text with fontkit as before (its shapers read the patched tries)', () => {
    const fontkit = require('fontkit') as { create(buffer: Buffer): { layout(text: string): { glyphs: { id: number }[] } } };
    const font = fontkit.create(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
    // Joining forms: the same letter takes a different glyph at the start and at the end of a word.
    const arabic = font.layout('بب').glyphs.map((g) => g.id);
    expect(arabic).toHaveLength(2);
    expect(arabic[0]).not.toBe(arabic[1]);
    expect(font.layout('नमस्ते').glyphs.length).toBeGreaterThan(0);
  });
});
