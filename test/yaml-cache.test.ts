import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedMerged, cachedYamlData } from '../src/io/cache.js';
import { parseYaml } from '../src/io/read.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { validateSource } from '../src/engine/yaml/validate.js';
import { validateAids } from '../src/engine/aids/load.js';
import { validateBenchmarks } from '../src/engine/benchmarks/load.js';
import { validatePack } from '../src/engine/pack/load.js';
import { validatePlanData } from '../src/engine/plan/load.js';
import { uiSchema } from '../src/io/load.js';

// The build pre-parses shipped YAML into dist/data (npm test builds first).
describe('pre-parsed YAML data', () => {
  const file = join(ROOT, 'questionnaires/digiscan-sme/pack.yaml');
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');

  it('gives exactly what parsing the YAML gives', () => {
    const cached = cachedYamlData(file, bytes);
    expect(cached).toBeDefined();
    expect(cached!.data).toEqual(parseYaml(text, file).data);
  });

  it('is ignored once the YAML bytes differ from what was built', () => {
    expect(cachedYamlData(file, Buffer.from(text.replace(/^version: .*$/m, 'version: 9.9.9')))).toBeUndefined();
    // Same text, other bytes (a byte-order mark added): parsed again rather than trusted.
    expect(cachedYamlData(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]))).toBeUndefined();
    expect(cachedYamlData(file, bytes.subarray(0, bytes.length - 1))).toBeUndefined();
  });

  it('is never used for files outside the shipped questionnaires', () => {
    expect(cachedYamlData(join(ROOT, 'package.json'), Buffer.from('{}'))).toBeUndefined();
  });
});

describe('shipped JSON', () => {
  it('holds no character beyond Latin-1 (escaped instead), so it is read as one-byte text, and means the same', () => {
    const data = join(ROOT, 'dist/data');
    const files = readdirSync(data, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(join(data, f), 'utf8');
      expect([...text].filter((c) => c.charCodeAt(0) > 0xff).length, f).toBe(0);
    }
    // The escaped characters come back: the interface strings hold typographic quotes, dashes and €.
    const ui = JSON.parse(readFileSync(join(data, 'questionnaires/i18n/ui.yaml.checked.json'), 'utf8')) as { checked: Record<string, Record<string, string>> };
    expect(JSON.stringify(ui.checked)).toMatch(/[\u2019\u2014\u20ac\u202f]/);
  });
});

describe('pre-checked shipped data', () => {
  // What the CLI trusts at start must be exactly what the loaders produce from the YAML itself.
  const fresh = (rel: string) => {
    const file = join(ROOT, rel);
    const source = parseYaml(readFileSync(file, 'utf8'), file);
    return { file, source, cached: cachedYamlData(file, readFileSync(file)) };
  };

  it('holds the validated pack, aids, benchmarks and interface strings, equal to a fresh validation', () => {
    const pack = fresh('questionnaires/digiscan-sme/pack.yaml');
    const definition = validatePack(pack.source, join(ROOT, 'questionnaires/digiscan-sme')).definition;
    expect(pack.cached?.checked).toEqual(definition);
    const packObject = validatePack(pack.source, join(ROOT, 'questionnaires/digiscan-sme'));

    const aids = fresh('questionnaires/digiscan-sme/aids.yaml');
    const catalogue = validateAids(aids.source, packObject);
    expect(aids.cached?.checked).toMatchObject({ aids: catalogue.aids, regions: catalogue.regions });

    const benchmarks = fresh('questionnaires/digiscan-sme/benchmarks.yaml');
    expect(benchmarks.cached?.checked).toEqual(validateBenchmarks(benchmarks.source, packObject));

    const plan = fresh('questionnaires/digiscan-sme/plan.yaml');
    expect(plan.cached?.checked).toBeDefined();
    expect(cacheMismatch(plan.cached!.checked, validatePlanData(plan.source, packObject))).toBeUndefined();

    // Interface strings: the cached result against a fresh parse and check of the YAML text, not the cache itself.
    const ui = fresh('questionnaires/i18n/ui.yaml');
    expect(ui.cached?.checked).toBeDefined();
    expect(cacheMismatch(ui.cached!.checked, validateSource(ui.source, uiSchema))).toBeUndefined();
  });

  it('a corrupted cache entry is told apart from a fresh check', () => {
    const ui = fresh('questionnaires/i18n/ui.yaml');
    const corrupted = structuredClone(ui.cached!.checked) as Record<string, Record<string, string>>;
    corrupted['overall']!['fr'] = 'Indice global (corrompu)';
    expect(cacheMismatch(corrupted, validateSource(ui.source, uiSchema))).toMatch(/overall/);
  });

  it('never hides a cross-file mistake: a fact renamed in pack.yaml alone fails on benchmarks.yaml with its line', () => {
    // A copy of the built package, so the shipped cache applies to it exactly as after an install.
    const { dir, cleanup } = tempDir();
    try {
      for (const part of ['bin', 'dist', 'questionnaires', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      const packFile = join(dir, 'questionnaires/digiscan-sme/pack.yaml');
      writeFileSync(packFile, readFileSync(packFile, 'utf8').replace('facts: [has_website]', 'facts: [has_own_website]'));
      const bin = join(dir, 'bin/digiscan.js');
      const example = join(dir, 'questionnaires/digiscan-sme/examples/typical.yaml');
      const run = spawnSync(process.execPath, [bin, 'assess', '--answers', example, '--json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(run.status).toBe(2);
      const line = readFileSync(join(ROOT, 'questionnaires/digiscan-sme/benchmarks.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('fact: has_website')) + 1;
      expect(run.stderr).toContain(`benchmarks.yaml:${line}:`);
      expect(run.stderr).toMatch(/has_website/);
    } finally {
      cleanup();
    }
  });

  it('serves the interface strings merged only while questionnaires/i18n holds exactly the files built', () => {
    const dir = join(ROOT, 'questionnaires/i18n');
    const texts = new Map(readdirSync(dir).filter((n) => n.endsWith('.yaml')).map((n) => [n, readFileSync(join(dir, n))] as const));
    // Equal to a fresh parse and check of every file, merged.
    const fresh: Record<string, unknown> = {};
    for (const [name, bytes] of texts) Object.assign(fresh, validateSource(parseYaml(bytes.toString('utf8'), join(dir, name)), uiSchema));
    expect(Object.keys(fresh).length).toBeGreaterThan(500);
    expect(cacheMismatch(cachedMerged(dir, texts), fresh)).toBeUndefined();
    // Only the files asked for are read at once; a string of another is read at its first use.
    const [eager, later] = [...texts.keys()];
    const partial = cachedMerged(dir, texts, [eager!])!;
    const laterKey = Object.keys(validateSource(parseYaml(texts.get(later!)!.toString('utf8'), join(dir, later!)), uiSchema))[0]!;
    expect(Object.getOwnPropertyDescriptor(partial, laterKey)?.get).toBeTypeOf('function');
    expect(partial[laterKey]).toEqual(fresh[laterKey]);
    expect(Object.getOwnPropertyDescriptor(partial, laterKey)?.value).toEqual(fresh[laterKey]);
    expect(cacheMismatch(partial, fresh)).toBeUndefined();
    // One text edited, one file added, one file gone: no merged entry.
    const [first] = texts.keys();
    expect(cachedMerged(dir, new Map([...texts, [first!, Buffer.from(`${texts.get(first!)}\n# edited\n`)]]))).toBeUndefined();
    expect(cachedMerged(dir, new Map([...texts, ['extra.yaml', Buffer.from('x: {}\n')]]))).toBeUndefined();
    expect(cachedMerged(dir, new Map([...texts].slice(1)))).toBeUndefined();
  });

  it('is not trusted for a pack whose text changed: its problems are reported with lines', () => {
    const file = join(ROOT, 'questionnaires/digiscan-sme/pack.yaml');
    const text = readFileSync(file, 'utf8').replace(/weight: 2 #/, 'weight: -2 #');
    expect(cachedYamlData(file, Buffer.from(text))).toBeUndefined();
    expect(() => validatePack(parseYaml(text, file), join(ROOT, 'questionnaires/digiscan-sme'))).toThrow(/pack\.yaml:\d+:\d+: .*weight must be greater than 0/);
  });
});

/** The first key path where a cached result differs from a fresh one, or undefined when they are equal. */
function cacheMismatch(cached: unknown, fresh: unknown, path = ''): string | undefined {
  if (cached === fresh) return undefined;
  if (typeof cached !== 'object' || typeof fresh !== 'object' || cached === null || fresh === null) return path || '(top)';
  const keys = new Set([...Object.keys(cached), ...Object.keys(fresh)]);
  for (const key of keys) {
    const found = cacheMismatch((cached as Record<string, unknown>)[key], (fresh as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}
