import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../src/engine/answers/load.js';
import { assess } from '../src/engine/assessment/index.js';
import { packSchema, type PackDefinition, type Question } from '../src/engine/pack/schema.js';
import { levelFor, scoreAssessment } from '../src/engine/scoring/index.js';
import { PACK_DIR } from './helpers/cli.js';
import { loadPack } from '../src/io/load.js';

const pack = loadPack(PACK_DIR);
const def = pack.definition;
const allQuestions: Question[] = def.dimensions.flatMap((d) => d.questions);
const company = { name: 'Test', region: 'BE-BRU', employees: 5 };

/** Random answers for the built-in pack: any option, any subset, or no answer at all. */
const answersArb = fc.record(
  Object.fromEntries(
    allQuestions.map((q) => {
      const ids = q.options.map((o) => o.id);
      const value: fc.Arbitrary<string | string[]> =
        q.type === 'single'
          ? fc.constantFrom(...ids)
          : fc.subarray(q.options.filter((o) => !o.exclusive).map((o) => o.id));
      return [q.id, fc.option(value, { nil: undefined })];
    }),
  ),
).map((raw) => Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>);

const L = (s: string) => ({ fr: s, nl: s, en: s });
const tinyPack: PackDefinition = packSchema.parse({
  id: 'tiny',
  version: '1.0.0',
  title: L('Tiny'),
  levels: [0, 21, 41, 61, 81].map((min, i) => ({ level: i + 1, min, name: L(`L${i + 1}`) })),
  profile: [
    { id: 'name', type: 'text', label: L('n'), help: L('h') },
    { id: 'region', type: 'text', label: L('r'), help: L('h') },
    { id: 'employees', type: 'number', label: L('e'), help: L('h') },
  ],
  dimensions: [
    {
      id: 'a',
      title: L('A'),
      weight: 1,
      questions: [
        { id: 'gate', type: 'single', text: L('q'), help: L('h'), options: [{ id: 'no', points: 0, label: L('no') }, { id: 'yes', points: 4, label: L('yes') }] },
        { id: 'follow', type: 'single', weight: 3, when: { question: 'gate', anyOf: ['yes'] }, text: L('q'), help: L('h'),
          options: [{ id: 'low', points: 1, label: L('l') }, { id: 'high', points: 2, label: L('h') }, { id: 'dk', dontKnow: true, label: L('?') }] },
        { id: 'staff', type: 'single', when: { profile: 'employees', atLeast: 1 }, ifHidden: 'exclude', text: L('q'), help: L('h'),
          options: [{ id: 'no', points: 0, label: L('no') }, { id: 'yes', points: 1, label: L('yes') }, { id: 'na', notApplicable: true, label: L('n/a') }] },
      ],
    },
    {
      id: 'b',
      title: L('B'),
      weight: 3,
      questions: [
        { id: 'channels', type: 'multi', maxPoints: 2, text: L('q'), help: L('h'),
          options: [{ id: 'x', points: 1, label: L('x') }, { id: 'y', points: 1, label: L('y') }, { id: 'z', points: 1, label: L('z') }, { id: 'none', exclusive: true, label: L('none') }] },
      ],
    },
  ],
});

describe('scoring method (hand-computed on a tiny pack)', () => {
  it('weights questions within a dimension and dimensions within the index', () => {
    // a: gate 4/4 (w1) + follow 1/2 (w3) + staff 1/1 (w1) = (1 + 1.5 + 1) / 5 = 70; b: 2 of 3 channels, capped at 2 → 100
    const r = scoreAssessment(tinyPack, { company: { employees: 3 }, answers: { gate: 'yes', follow: 'low', staff: 'yes', channels: ['x', 'y'] } });
    expect(r.dimensions.map((d) => d.score)).toEqual([70, 100]);
    expect(r.overall.score).toBe(Math.round((70 * 1 + 100 * 3) / 4));
    expect(r.overall.level).toBe(5);
  });

  it('scores a question hidden by its gate as 0, and leaves out one hidden with ifHidden: exclude', () => {
    // gate 0 (w1) + follow hidden → 0 (w3); staff hidden for 0 employees and excluded → 0 / 4
    const r = scoreAssessment(tinyPack, { company: { employees: 0 }, answers: { gate: 'no', follow: 'high' } });
    const a = r.dimensions[0]!;
    expect(a.score).toBe(0);
    expect(a.counts).toMatchObject({ answered: 1, hidden: 2 });
    expect(a.questions.find((q) => q.id === 'staff')!.counted).toBe(false);
    expect(a.questions.find((q) => q.id === 'follow')!.counted).toBe(true);
  });

  it('counts "don\'t know" and unanswered as 0, and "not applicable" not at all', () => {
    const dk = scoreAssessment(tinyPack, { company: { employees: 2 }, answers: { gate: 'yes', follow: 'dk', staff: 'na' } });
    // gate 1 (w1) + follow 0 (w3) = 1/4 → 25; staff left out
    expect(dk.dimensions[0]!.score).toBe(25);
    expect(dk.dimensions[0]!.counts).toMatchObject({ dontKnow: 1, notApplicable: 1 });
    expect(dk.dimensions[1]!.counts.missing).toBe(1);
    expect(dk.dimensions[1]!.score).toBe(0);
  });

  it('maps scores to the five levels at their thresholds', () => {
    expect([0, 20, 21, 40, 41, 60, 61, 80, 81, 100].map((s) => levelFor(s, tinyPack.levels))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe('scoring invariants (built-in pack, random answers)', () => {
  it('keeps every score in 0–100 and every level in 1–5', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const r = scoreAssessment(def, { company, answers });
        for (const s of [r.overall, ...r.dimensions]) {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
          expect(Number.isInteger(s.score)).toBe(true);
          expect(s.level).toBeGreaterThanOrEqual(1);
          expect(s.level).toBeLessThanOrEqual(5);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers a score when one answer is replaced by a better option', () => {
    const scored = allQuestions.filter((q) => q.options.filter((o) => !o.dontKnow && !o.notApplicable && !o.exclusive).length > 1);
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...scored), fc.nat(), fc.nat(), (answers, q, i, j) => {
        const plain = q.options.filter((o) => !o.dontKnow && !o.notApplicable && !o.exclusive);
        let worse = plain[i % plain.length]!;
        let better = plain[j % plain.length]!;
        if (worse.points > better.points) [worse, better] = [better, worse];
        const before = { ...answers, [q.id]: q.type === 'single' ? worse.id : [worse.id] };
        const after = { ...answers, [q.id]: q.type === 'single' ? better.id : [worse.id, better.id] };
        const a = scoreAssessment(def, { company, answers: before });
        const b = scoreAssessment(def, { company, answers: after });
        expect(b.overall.score).toBeGreaterThanOrEqual(a.overall.score);
        b.dimensions.forEach((d, k) => expect(d.score).toBeGreaterThanOrEqual(a.dimensions[k]!.score));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same scores whatever the report language', () => {
    fc.assert(
      fc.property(answersArb, (raw) => {
        const answers: Answers = { questionnaire: { id: def.id, version: def.version }, language: 'fr', company, answers: raw, notes: {} };
        const scores = (lang: 'fr' | 'nl' | 'en') => {
          const a = assess({ pack, answers, today: '2026-03-01', lang, toolVersion: 'test' });
          return [a.overall.score, ...a.dimensions.map((d) => d.score)];
        };
        expect(scores('nl')).toEqual(scores('fr'));
        expect(scores('en')).toEqual(scores('fr'));
      }),
      { numRuns: 100 },
    );
  });
});

describe('next steps', () => {
  it('gives as many next steps per area as the pack says (report.nextSteps), the largest gains first', () => {
    const answers: Answers = { questionnaire: { id: def.id, version: def.version }, language: 'en', company, answers: {}, notes: {} };
    for (const n of [1, 5]) {
      const custom = { ...pack, definition: { ...def, report: { nextSteps: n } } };
      const a = assess({ pack: custom, answers, today: '2026-03-01', toolVersion: 'test' });
      for (const d of a.dimensions) {
        const eligible = def.dimensions.find((x) => x.id === d.id)!.questions.filter((q) => q.advice && !q.when).length;
        expect(d.nextSteps.length, d.id).toBe(Math.min(n, eligible));
        const gains = d.nextSteps.map((s) => s.gain);
        expect(gains).toEqual([...gains].sort((x, y) => y - x));
      }
    }
  });
});
