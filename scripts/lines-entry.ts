// Run by scripts/build.mjs: renders the reports of synthetic firms (random but valid answers, seeded) in
// each language and edition, and returns per language the wrapped lines that at least two firms' reports
// had in common: the texts that do not depend on the firm (method, aids, benchmarks, advice). The build
// ships them (dist/data/pdf-lines-<lang>.json), so a first report does not wrap them again (see
// src/reports/pdf/shipped-lines.ts). Firm names and other one-firm texts are left out by that rule.
import { stringify } from 'yaml';
import { LANGS, type Lang } from '../src/core/lang.js';
import { parseAnswers } from '../src/engine/answers/load.js';
import type { Pack } from '../src/engine/pack/load.js';
import { assessAnswers } from '../src/app/context.js';
import { translator } from '../src/i18n/ui.js';
import { builtinPackDir, loadPack, loadUiStrings } from '../src/io/load.js';
import { renderPdf } from '../src/reports/pdf/index.js';
import { takeCommonWrappedLines, type WrappedLines } from '../src/reports/pdf/layout.js';
import { seeded } from '../test/helpers/seeded.js';

/** Firms per language: enough for each aid, benchmark and piece of advice to come up in two reports. */
const FIRMS = 24;

function firmAnswers(pack: Pack, lang: Lang, i: number, rand: () => number): string {
  const def = pack.definition;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const company: Record<string, unknown> = {};
  for (const q of def.profile) {
    if (q.when) continue;
    if (q.id === 'name') company.name = `Firm ${lang} ${i}`;
    else if (q.type === 'choice' && q.options) company[q.id] = pick(q.options).id;
    else if (q.type === 'number') company[q.id] = Math.floor((q.min ?? 0) + rand() * Math.min(250, (q.max ?? 250) - (q.min ?? 0)));
  }
  const answers: Record<string, unknown> = {};
  for (const d of def.dimensions) {
    for (const q of d.questions) {
      if (q.type === 'single') answers[q.id] = pick(q.options).id;
      else {
        const plain = q.options.filter((o) => !o.exclusive).filter(() => rand() < 0.4).map((o) => o.id);
        answers[q.id] = plain.length ? plain : [pick(q.options).id];
      }
    }
  }
  return stringify({ questionnaire: { id: def.id, version: def.version }, language: lang, assessedOn: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`, company, answers });
}

export async function commonWrappedLines(): Promise<Map<Lang, WrappedLines>> {
  const pack = loadPack(builtinPackDir());
  const ui = loadUiStrings();
  const rand = seeded(7); // not the benches' seed: their firms are not these
  const out = new Map<Lang, WrappedLines>();
  takeCommonWrappedLines();
  for (const lang of LANGS) {
    const t = translator(lang, ui);
    for (let i = 0; i < FIRMS; i++) {
      const answers = parseAnswers(firmAnswers(pack, lang, i, rand), `firm-${lang}-${i}.yaml`, pack, { requireProfile: false });
      const assessment = assessAnswers(pack, answers, '2026-03-31');
      await renderPdf(assessment, { t, deterministic: true, edition: i % 3 === 0 ? 'advisor' : 'client' });
    }
    const byText = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
    out.set(lang, takeCommonWrappedLines().map(([scope, texts]): WrappedLines[number] => [scope, texts.sort(byText)]).sort(byText));
  }
  return out;
}
