import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type { Answers } from '../src/engine/answers/load.js';
import { assess } from '../src/engine/assessment/index.js';
import { assessmentSchema } from '../src/engine/assessment/schema.js';
import type { Assessment } from '../src/engine/assessment/types.js';
import { assessmentData } from '../src/app/context.js';
import { PACK_DIR } from './helpers/cli.js';
import { loadPack } from '../src/io/load.js';

const pack = loadPack(PACK_DIR);
const data = assessmentData(pack);
const def = pack.definition;
const questions = def.dimensions.flatMap((d) => d.questions);
const profile = new Map(def.profile.map((p) => [p.id, p]));

describe('published assessment schema', () => {
  it('is exactly the TypeScript contract', () => {
    expectTypeOf<z.output<typeof assessmentSchema>>().toEqualTypeOf<Assessment>();
  });
});

/** Any answers file the loader could accept: every profile value, option, subset or gap. */
const answersArb: fc.Arbitrary<Answers> = fc
  .record({
    language: fc.constantFrom('fr' as const, 'nl' as const, 'en' as const),
    name: fc.string({ maxLength: 300 }),
    region: fc.constantFrom(...profile.get('region')!.options!.map((o) => o.id)),
    employees: fc.integer({ min: 0, max: 1_000_000 }),
    turnover: fc.option(fc.constantFrom(...profile.get('turnover')!.options!.map((o) => o.id)), { nil: undefined }),
    nace: fc.option(fc.stringMatching(/^\d{2}\.\d{2}$/), { nil: undefined }),
    legal_form: fc.option(fc.constantFrom(...profile.get('legal_form')!.options!.map((o) => o.id)), { nil: undefined }),
    date: fc.date({ min: new Date('2019-01-01'), max: new Date('2031-12-31'), noInvalidDate: true }),
    answers: fc.record(
      Object.fromEntries(
        questions.map((q) => {
          const ids = q.options.map((o) => o.id);
          const plain = q.options.filter((o) => !o.exclusive).map((o) => o.id);
          const value: fc.Arbitrary<string | string[]> = q.type === 'single' ? fc.constantFrom(...ids) : fc.subarray(plain, { minLength: 1 });
          return [q.id, fc.option(value, { nil: undefined })];
        }),
      ),
    ),
    notes: fc.dictionary(fc.constantFrom(...def.dimensions.map((d) => d.id)), fc.string()),
  })
  .map(({ language, name, region, employees, turnover, nace, legal_form, date, answers, notes }) => {
    const company: Answers['company'] = { name, region, employees };
    if (turnover) company.turnover = turnover;
    if (nace) company.nace = nace;
    if (legal_form) company.legal_form = legal_form;
    const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Answers['answers'];
    return {
      questionnaire: { id: def.id, version: def.version },
      language,
      company,
      answers: given,
      notes,
      assessedOn: date.toISOString().slice(0, 10),
    };
  });

describe('the pipeline on random answers', () => {
  it('never throws, keeps scores in range and always prints JSON valid against the published schema', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(undefined, 'fr' as const, 'nl' as const, 'en' as const), (answers, lang) => {
        const a = assess({ pack, answers, today: '2026-11-24', lang, toolVersion: 'test', ...data });
        const json = JSON.parse(JSON.stringify(a));
        const check = assessmentSchema.safeParse(json);
        if (!check.success) throw new Error(JSON.stringify(check.error.issues.slice(0, 3)));
        for (const d of a.dimensions) expect(d.score).toBeGreaterThanOrEqual(0);
        expect(a.overall.score).toBeLessThanOrEqual(100);
        expect(a.dimensions.map((d) => d.id)).toEqual(def.dimensions.map((d) => d.id));
      }),
      { numRuns: 200 },
    );
  });
});
