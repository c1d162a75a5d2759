import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { formatDateWords, formatEuro, formatNumber, formatPercent, frenchTypography } from '../src/i18n/format.js';
import { formatMessage, parseMessage } from '../src/i18n/messages.js';
import { translator } from '../src/i18n/ui.js';
import { loadUiFolder, loadUiStrings } from '../src/io/load.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from './helpers/cli.js';
import type { UserError } from '../src/core/errors.js';

const NBSP = '\u00a0';

describe('message templates', () => {
  it('chooses the plural form by the language rules, with # as the number', () => {
    const tpl = '{n, plural, =0 {no firm} one {# firm} other {# firms}}';
    expect([0, 1, 2, 1000].map((n) => formatMessage(tpl, { n }, 'en'))).toEqual(['no firm', '1 firm', '2 firms', '1,000 firms']);
    // French: 0 and 1 are singular; Dutch: only 1.
    const fr = '{n, plural, one {# aide} other {# aides}}';
    expect([0, 1, 2].map((n) => formatMessage(fr, { n }, 'fr'))).toEqual(['0 aide', '1 aide', '2 aides']);
    const nl = '{n, plural, one {# aanvraag} other {# aanvragen}}';
    expect([0, 1, 2].map((n) => formatMessage(nl, { n }, 'nl'))).toEqual(['0 aanvragen', '1 aanvraag', '2 aanvragen']);
  });

  it('selects, nests and formats typed arguments', () => {
    const tpl = '{who, select, firm {{n, plural, one {# firm} other {# firms}}} other {someone}} pays {a, money} at {p, percent} from {d, month}';
    expect(formatMessage(tpl, { who: 'firm', n: 3, a: 7500, p: 26.5, d: '2026-01' }, 'en')).toBe(`3 firms pays €7,500 at 26.5% from January${NBSP}2026`);
    expect(formatMessage(tpl, { who: 'x', n: 3, a: 7500, p: 26.5, d: '2026-01' }, 'fr')).toBe(`someone pays 7${NBSP}500${NBSP}€ at 26,5${NBSP}% from janvier${NBSP}2026`);
  });

  it('keeps a variable the caller forgot visible, and refuses a broken template', () => {
    expect(formatMessage('Hello {name}', {}, 'en')).toBe('Hello {name}');
    expect(() => parseMessage('{n, plural, one {x}}')).toThrow(/other/);
    expect(() => parseMessage('{n, plural, one {x} other {y}')).toThrow();
    expect(() => parseMessage('{n, colour}')).toThrow(/unknown format/);
  });
});

describe('formats', () => {
  it('writes numbers, shares, money and dates the Belgian way in each language', () => {
    expect(LANGS.map((l) => formatNumber(1234.56, l))).toEqual([`1${NBSP}234,6`, '1.234,6', '1,234.6']);
    expect(LANGS.map((l) => formatPercent(26.5, l))).toEqual([`26,5${NBSP}%`, '26,5%', '26.5%']);
    expect(LANGS.map((l) => formatEuro(10000, l))).toEqual([`10${NBSP}000${NBSP}€`, `€${NBSP}10.000`, '€10,000']);
    expect(LANGS.map((l) => formatDateWords('2026-01', l))).toEqual([`janvier${NBSP}2026`, `januari${NBSP}2026`, `January${NBSP}2026`]);
    expect(LANGS.map((l) => formatDateWords('2026-01-01', l))).toEqual([`1er${NBSP}janvier${NBSP}2026`, `1${NBSP}januari${NBSP}2026`, `1${NBSP}January${NBSP}2026`]);
    expect(formatDateWords('2026', 'fr')).toBe('2026');
    expect(formatDateWords('not a date', 'fr')).toBe('not a date');
  });

  it('puts French no-break spaces before : ; ! ? and inside guillemets', () => {
    expect(frenchTypography('Profil : « oui » ; vraiment ? https://x.be')).toBe(`Profil${NBSP}: «${NBSP}oui${NBSP}»\u202f; vraiment\u202f? https://x.be`);
  });
});

describe('interface strings', () => {
  const strings = loadUiStrings();

  it('parse in every language', () => {
    const broken: string[] = [];
    for (const [key, entry] of Object.entries(strings)) {
      for (const lang of LANGS) {
        const text = entry[lang];
        if (text === undefined) continue;
        try {
          parseMessage(text);
        } catch (err) {
          broken.push(`${key}.${lang}: ${(err as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('have real plurals, never "(s)", "(en)" or "a/b" forms', () => {
    const forms = /\w\((s|en|e|es|x)\)|\bvraag\/vragen\b|criterium\/criteria|criterion\/criteria/;
    const found = Object.entries(strings).flatMap(([key, entry]) => LANGS.filter((l) => entry[l] && forms.test(entry[l]!)).map((l) => `${key}.${l}`));
    expect(found).toEqual([]);
  });

  it('merge the files of the folder and refuse a key defined twice, naming the file and line', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'a.yaml'), 'one:\n  en: One\n  fr: Un\n');
      writeFileSync(join(dir, 'b.yaml'), 'two:\n  en: Two\n');
      expect(loadUiFolder(dir)).toEqual({ one: { en: 'One', fr: 'Un' }, two: { en: 'Two' } });
      writeFileSync(join(dir, 'c.yaml'), '# again\none:\n  en: Once more\n');
      let message = '';
      try {
        loadUiFolder(dir);
      } catch (err) {
        message = (err as UserError).format();
      }
      expect(message).toMatch(/c\.yaml:2:1: interface string "one" is already defined in a\.yaml/);
    } finally {
      cleanup();
    }
  });

  it('word every translated error the code raises', () => {
    const src = join(ROOT, 'src');
    const code = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(src, f), 'utf8')).join('\n');
    const keys = [...code.matchAll(/\b(?:key|hintKey): '([\w-]+\.[\w.-]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k) => !(k in strings))).toEqual([]);
  });

  it('fall back to English for a message not yet translated', () => {
    const t = translator('nl', { greet: { en: 'Hello {name}' }, both: { en: 'Hi', nl: 'Hoi' } });
    expect(t('greet', { name: 'Ann' })).toBe('Hello Ann');
    expect(t('both')).toBe('Hoi');
    expect(t('missing.key')).toBe('⟨missing.key⟩');
  });
});

describe('errors in the user language', () => {
  it('words a missing file and a bad date in Dutch and French, on one line, exit 2', () => {
    const nl = runCli(['assess', '--answers', 'nothere.yaml'], { env: { LANG: 'nl_BE.UTF-8' } });
    expect([nl.code, nl.stderr]).toEqual([2, 'digiscan: nothere.yaml: bestand niet gevonden\n']);
    const fr = runCli(['assess', '--answers', 'x.yaml', '--date', '2026-02-30', '--lang', 'fr']);
    expect([fr.code, fr.stderr]).toEqual([2, 'digiscan: --date doit être une date réelle comme 2026-03-31, pas «\u00a02026-02-30\u00a0»\n']);
  });
});
