import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedYamlData } from '../src/yaml/cache.js';
import { parseYaml } from '../src/yaml/read.js';
import { ROOT } from './helpers/cli.js';

// The build pre-parses shipped YAML into dist/data (npm test builds first).
describe('pre-parsed YAML data', () => {
  const file = join(ROOT, 'questionnaires/digiscan-sme/pack.yaml');
  const text = readFileSync(file, 'utf8');

  it('gives exactly what parsing the YAML gives', () => {
    const cached = cachedYamlData(file, text);
    expect(cached).toBeDefined();
    expect(cached).toEqual(parseYaml(text, file).data);
  });

  it('is ignored once the YAML text differs from what was built', () => {
    expect(cachedYamlData(file, text.replace(/^version: .*$/m, 'version: 9.9.9'))).toBeUndefined();
  });

  it('is never used for files outside the shipped questionnaires', () => {
    expect(cachedYamlData(join(ROOT, 'package.json'), '{}')).toBeUndefined();
  });
});
