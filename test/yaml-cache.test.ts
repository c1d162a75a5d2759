import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedYamlData } from '../src/io/cache.js';
import { parseYaml } from '../src/io/read.js';
import { ROOT } from './helpers/cli.js';
import { validateAids } from '../src/engine/aids/load.js';
import { validateBenchmarks } from '../src/engine/benchmarks/load.js';
import { validatePack } from '../src/engine/pack/load.js';
import { loadUiStrings } from '../src/io/load.js';

// The build pre-parses shipped YAML into dist/data (npm test builds first).
describe('pre-parsed YAML data', () => {
  const file = join(ROOT, 'questionnaires/digiscan-sme/pack.yaml');
  const text = readFileSync(file, 'utf8');

  it('gives exactly what parsing the YAML gives', () => {
    const cached = cachedYamlData(file, text);
    expect(cached).toBeDefined();
    expect(cached!.data).toEqual(parseYaml(text, file).data);
  });

  it('is ignored once the YAML text differs from what was built', () => {
    expect(cachedYamlData(file, text.replace(/^version: .*$/m, 'version: 9.9.9'))).toBeUndefined();
  });

  it('is never used for files outside the shipped questionnaires', () => {
    expect(cachedYamlData(join(ROOT, 'package.json'), '{}')).toBeUndefined();
  });
});

describe('pre-checked shipped data', () => {
  // What the CLI trusts at start must be exactly what the loaders produce from the YAML itself.
  const fresh = (rel: string) => {
    const file = join(ROOT, rel);
    const source = parseYaml(readFileSync(file, 'utf8'), file);
    return { file, source, cached: cachedYamlData(file, readFileSync(file, 'utf8')) };
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

    const ui = fresh('questionnaires/i18n/ui.yaml');
    expect(ui.cached?.checked).toEqual(loadUiStrings(ui.file));
  });

  it('is not trusted for a pack whose text changed: its problems are reported with lines', () => {
    const file = join(ROOT, 'questionnaires/digiscan-sme/pack.yaml');
    const text = readFileSync(file, 'utf8').replace(/weight: 2 #/, 'weight: -2 #');
    expect(cachedYamlData(file, text)).toBeUndefined();
    expect(() => validatePack(parseYaml(text, file), join(ROOT, 'questionnaires/digiscan-sme'))).toThrow(/pack\.yaml:\d+:\d+: .*weight must be greater than 0/);
  });
});
