import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

// The build writes these from the zod definitions the loaders use (scripts/schemas-entry.ts).
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'));

describe('published JSON Schemas', () => {
  it('describes the pack as the validator sees it', () => {
    const pack = schema('pack');
    expect(pack.required).toEqual(expect.arrayContaining(['id', 'version', 'title', 'levels', 'profile', 'dimensions']));
    expect(pack.additionalProperties).toBe(false);
    const question = pack.properties.dimensions.items.properties.questions.items;
    expect(question.properties.type.enum).toEqual(['single', 'multi']);
    expect(question.properties.text.required).toEqual(['fr', 'nl', 'en']);
    // defaults make fields optional for the person writing the file
    expect(question.required).not.toContain('weight');
  });

  it('describes the answers file', () => {
    const answers = schema('answers');
    expect(answers.required).toEqual(expect.arrayContaining(['questionnaire', 'language']));
    expect(answers.properties.language.enum).toEqual(['fr', 'nl', 'en']);
  });

  it('is what the YAML files point their editors at', () => {
    const packYaml = readFileSync(join(ROOT, 'questionnaires/digiscan-sme/pack.yaml'), 'utf8');
    expect(packYaml).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/pack\.schema\.json$/m);
  });
});
