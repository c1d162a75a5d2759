// Golden results of the three example firms: every dimension score and level, the digital-intensity count
// and the matched aid ids. A change in scoring or data shows up here as a readable diff; when the change
// is meant, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts` and review the diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessAnswers } from '../src/app/context.js';
import { loadAnswers, loadPack } from '../src/io/load.js';
import { EXAMPLES, PACK_DIR, ROOT } from './helpers/cli.js';

const GOLDEN = join(ROOT, 'test/golden/examples.json');
const FIRMS = ['laggard', 'typical', 'leader'] as const;

function summary(name: string) {
  const pack = loadPack(PACK_DIR);
  const answers = loadAnswers(join(EXAMPLES, `${name}.yaml`), pack, { requireProfile: true });
  const a = assessAnswers(pack, answers, '2026-12-01', 'en');
  return {
    assessedOn: a.assessedOn,
    overall: { score: a.overall.score, level: a.overall.level },
    dimensions: Object.fromEntries(a.dimensions.map((d) => [d.id, { score: d.score, level: d.level, counts: d.counts, nextSteps: d.nextSteps.map((s) => s.questionId) }])),
    digitalIntensity: a.digitalIntensity ? { count: a.digitalIntensity.count, unknown: a.digitalIntensity.unknown, level: a.digitalIntensity.level } : null,
    aids: (a.aids ?? []).map((m) => m.id),
  };
}

describe('golden results of the example firms', () => {
  const actual = Object.fromEntries(FIRMS.map((f) => [f, summary(f)]));
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
  const golden = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as typeof actual) : {};

  for (const firm of FIRMS) {
    it(`${firm}: scores, levels, digital intensity and matched aids as recorded`, () => {
      expect(actual[firm]).toEqual(golden[firm]);
    });
  }

  it('orders the firms laggard < typical < leader', () => {
    expect(actual.laggard!.overall.score).toBeLessThan(actual.typical!.overall.score);
    expect(actual.typical!.overall.score).toBeLessThan(actual.leader!.overall.score);
  });
});
