// "A better answer never lowers a score" for every pack the loader accepts: random packs (gates on
// single and multi questions, both ifHidden modes, chains) are either refused by the loader with a
// located problem, or keep the property for random answers.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/core/errors.js';
import { validatePack, type Pack } from '../src/engine/pack/load.js';
import { scoreAssessment } from '../src/engine/scoring/index.js';
import { parseYaml } from '../src/engine/yaml/source.js';

const text = (s: string) => ({ fr: s, nl: s, en: s });

interface QSpec {
  multi: boolean;
  points: number[];
  gate?: { on: number; anyOf: number[]; exclude: boolean };
}

const questionArb = (index: number): fc.Arbitrary<QSpec> =>
  fc.record({
    multi: fc.boolean(),
    points: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 4 }).filter((p) => p.some((x) => x > 0)),
    gate: index === 0 ? fc.constant(undefined) : fc.option(fc.record({ on: fc.nat(index - 1), anyOf: fc.array(fc.nat(3), { minLength: 1, maxLength: 3 }), exclude: fc.boolean() }), { nil: undefined }),
  }) as fc.Arbitrary<QSpec>;

const packArb = fc.integer({ min: 2, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => questionArb(i))));

function buildPack(specs: QSpec[]): { pack?: Pack; refused?: string } {
  const questions = specs.map((q, i) => {
    const options = q.points.map((points, oi) => ({ id: `o${oi}`, points, label: text(`O${oi}`) }));
    const question: Record<string, unknown> = { id: `q${i}`, type: q.multi ? 'multi' : 'single', text: text(`Q${i}?`), help: text('h'), options };
    if (q.gate) {
      const gate = specs[q.gate.on]!;
      const anyOf = [...new Set(q.gate.anyOf.map((k) => `o${k % gate.points.length}`))];
      question.when = { question: `q${q.gate.on}`, anyOf };
      if (q.gate.exclude) question.ifHidden = 'exclude';
    }
    return question;
  });
  const def = {
    id: 'random',
    version: '1.0.0',
    title: text('Random'),
    levels: [0, 21, 41, 61, 81].map((min, i) => ({ level: i + 1, min, name: text(`L${i + 1}`) })),
    profile: [
      { id: 'name', type: 'text', label: text('Name'), help: text('h') },
      { id: 'region', type: 'choice', label: text('Region'), help: text('h'), options: [{ id: 'BE-BRU', label: text('Brussels') }] },
      { id: 'employees', type: 'number', integer: true, min: 0, label: text('Employees'), help: text('h') },
    ],
    dimensions: [{ id: 'd', title: text('D'), weight: 1, questions }],
  };
  try {
    return { pack: validatePack(parseYaml(stringify(def), 'random.yaml'), '/random') };
  } catch (err) {
    if (err instanceof ValidationError) return { refused: err.format() };
    throw err;
  }
}

describe('a better answer never lowers a score', () => {
  it('holds for every random pack the loader accepts, and the loader refuses the others with a located reason', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(packArb, fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), fc.nat(), fc.nat(), fc.nat(), (specs, picks, qi, i, j) => {
        const { pack, refused: why } = buildPack(specs);
        if (!pack) {
          refused++;
          expect(why).toMatch(/random\.yaml:\d+:\d+: .*could lower/);
          return;
        }
        accepted++;
        const questions = pack.definition.dimensions[0]!.questions;
        const answers: Record<string, string | string[]> = {};
        questions.forEach((q, k) => {
          const o = q.options[picks[k]! % q.options.length]!.id;
          answers[q.id] = q.type === 'single' ? o : [o];
        });
        const q = questions[qi % questions.length]!;
        let worse = q.options[i % q.options.length]!;
        let better = q.options[j % q.options.length]!;
        if (worse.points > better.points) [worse, better] = [better, worse];
        const company = { name: 'X', region: 'BE-BRU', employees: 3 };
        const before = scoreAssessment(pack.definition, { company, answers: { ...answers, [q.id]: q.type === 'single' ? worse.id : [worse.id] } });
        const after = scoreAssessment(pack.definition, { company, answers: { ...answers, [q.id]: q.type === 'single' ? better.id : [worse.id, better.id] } });
        expect(after.overall.score).toBeGreaterThanOrEqual(before.overall.score);
      }),
      { numRuns: 400 },
    );
    // Both outcomes must really occur, or the property says nothing.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(20);
  });
});
