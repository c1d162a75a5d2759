import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseAnswers, type Answers } from '../src/engine/answers/load.js';
import { serializeAnswers } from '../src/io/answers-write.js';
import { EXAMPLES, PACK_DIR } from './helpers/cli.js';
import { loadAnswers, loadPack } from '../src/io/load.js';

const pack = loadPack(PACK_DIR);
const def = pack.definition;

describe('serializeAnswers', () => {
  it('round-trips the examples through the loader', () => {
    for (const name of ['typical', 'laggard', 'leader']) {
      const original = loadAnswers(`${EXAMPLES}/${name}.yaml`, pack);
      const text = serializeAnswers(original, pack);
      expect(parseAnswers(text, `${name}.yaml`, pack)).toEqual(original);
    }
  });

  it('writes keys in questionnaire order with the schema comment and dimension titles', () => {
    const original = loadAnswers(`${EXAMPLES}/typical.yaml`, pack);
    // Insert answers in reverse order: the file must still follow the pack.
    const reversed: Answers = { ...original, answers: Object.fromEntries(Object.entries(original.answers).reverse()) };
    const text = serializeAnswers(reversed, pack, { file: 'reports/x.answers.yaml' });
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/answers\.schema\.json$/);
    const packOrder = def.dimensions.flatMap((d) => d.questions.map((q) => q.id)).filter((id) => id in original.answers);
    expect(Object.keys(parse(text).answers)).toEqual(packOrder);
    const profileOrder = def.profile.map((p) => p.id).filter((id) => id in original.company);
    expect(Object.keys(parse(text).company)).toEqual(profileOrder);
    const firstDim = def.dimensions.find((d) => d.questions.some((q) => q.id in original.answers))!;
    expect(text).toContain(`# ${firstDim.title[original.language]}\n`);
  });

  it('writes skipped questions as null, which the loader reads as unanswered', () => {
    const q = def.dimensions[0]!.questions[0]!;
    const answers: Answers = { questionnaire: { id: def.id, version: def.version }, language: 'nl', company: { name: 'X' }, answers: {}, notes: {} };
    const text = serializeAnswers(answers, pack, { skipped: new Set([q.id, 'region']) });
    expect(parse(text).answers).toEqual({ [q.id]: null });
    expect(parse(text).company).toEqual({ name: 'X', region: null });
    expect(parseAnswers(text, 'x.yaml', pack).answers).toEqual({});
  });

  it('round-trips any valid answers (property)', () => {
    const questionArbs = def.dimensions.flatMap((d) =>
      d.questions.map((q) => {
        const ids = q.options.map((o) => o.id);
        const value: fc.Arbitrary<string | string[]> =
          q.type === 'single'
            ? fc.constantFrom(...ids)
            : fc.subarray(q.options.filter((o) => !o.exclusive).map((o) => o.id), { minLength: 1 });
        return fc.option(value, { nil: undefined }).map((v) => [q.id, v] as const);
      }),
    );
    const text = fc.string({ maxLength: 40 });
    const arb = fc.record({
      language: fc.constantFrom('fr' as const, 'nl' as const, 'en' as const),
      name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
      employees: fc.integer({ min: 0, max: 1000 }),
      answers: fc.tuple(...questionArbs),
      note: fc.option(text, { nil: undefined }),
      completed: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (r) => {
        const answers: Answers = {
          questionnaire: { id: def.id, version: def.version },
          language: r.language,
          company: { name: r.name, employees: r.employees, nace: '62.01' },
          answers: Object.fromEntries(r.answers.filter(([, v]) => v !== undefined)) as Answers['answers'],
          notes: r.note === undefined ? {} : { [def.dimensions[0]!.id]: r.note },
          assessedOn: '2026-03-02',
          createdAt: '2026-03-02T09:00:00.000Z',
          updatedAt: '2026-03-02T09:30:00.000Z',
          completedAt: r.completed ? '2026-03-02T09:31:00.000Z' : undefined,
        };
        const back = parseAnswers(serializeAnswers(answers, pack), 'x.yaml', pack);
        expect(back).toEqual(answers);
      }),
      { numRuns: 200 },
    );
  });
});
