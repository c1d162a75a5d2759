// The built-in content: every text in French, Dutch and English, every question explained and
// justified, examples that answer everything. Reads the raw YAML so that it checks the files as written.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diiLevels } from '../src/engine/benchmarks/schema.js';
import { LANGS } from '../src/core/lang.js';
import { scoreAssessment } from '../src/engine/scoring/index.js';
import { EXAMPLES, PACK_DIR, ROOT } from './helpers/cli.js';
import { UI_FILE, loadUiStrings, loadAnswers, loadPack, loadPackBenchmarks } from '../src/io/load.js';

const pack = loadPack(PACK_DIR);
const files = {
  pack: join(PACK_DIR, 'pack.yaml'),
  benchmarks: join(PACK_DIR, 'benchmarks.yaml'),
  ui: UI_FILE,
  report: join(ROOT, 'questionnaires/i18n/report.yaml'),
};

/** Every mapping that holds one language key, with its path. */
function localizedTexts(node: unknown, path: string[] = []): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => localizedTexts(item, [...path, String(i)]));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  if (LANGS.some((l) => l in record)) return [{ path: path.join('.'), text: record }];
  return Object.entries(record).flatMap(([k, v]) => localizedTexts(v, [...path, k]));
}

describe('texts in three languages', () => {
  for (const [name, file] of Object.entries(files)) {
    it(`${name}: every text has French, Dutch and English`, () => {
      const texts = localizedTexts(parse(readFileSync(file, 'utf8')));
      expect(texts.length).toBeGreaterThan(10);
      const incomplete = texts
        .filter(({ text }) => LANGS.some((l) => typeof text[l] !== 'string' || !(text[l] as string).trim()))
        .map(({ path }) => path);
      expect(incomplete).toEqual([]);
    });

    it(`${name}: no sentence is left untranslated (same words in two languages)`, () => {
      const texts = localizedTexts(parse(readFileSync(file, 'utf8')));
      // Placeholders and place names (region options) may rightly be the same in every language.
      const words = (s: unknown) => withoutArguments(String(s)).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
      const copied = texts
        .filter(({ path }) => !/^profile\.\d+\.options\./.test(path))
        .filter(({ text }) => words(text.fr) >= 4 && (text.fr === text.nl || text.fr === text.en || text.nl === text.en))
        .map(({ path }) => path);
      expect(copied).toEqual([]);
    });
  }

  it('interface strings used in the code exist in ui.yaml', () => {
    const ui = loadUiStrings();
    const sources = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(ROOT, 'src', f), 'utf8')).join('\n');
    const keys = [...sources.matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1]!);
    keys.push(...diiLevels.map((l) => `dii.level.${l}`), ...['size', 'region', 'both'].map((k) => `report.fallback.${k}`));
    keys.push(...['yes', 'partly', 'no', 'unknown'].map((s) => `report.you.${s}`));
    keys.push(...['answered', 'dontKnow', 'missing', 'notApplicable', 'hidden_counted', 'hidden_excluded'].map((s) => `report.status.${s}`));
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((k) => !(k in ui))).toEqual([]);
  });
});

describe('the built-in questionnaire', () => {
  it('has 6 to 12 questions per dimension', () => {
    for (const d of pack.definition.dimensions) {
      expect(d.questions.length, d.id).toBeGreaterThanOrEqual(6);
      expect(d.questions.length, d.id).toBeLessThanOrEqual(12);
    }
  });

  it('says why each question matters, what to do next, and what is done well', () => {
    const raw = parse(readFileSync(files.pack, 'utf8')) as { dimensions: { questions: Record<string, unknown>[] }[] };
    const lacking = raw.dimensions.flatMap((d) =>
      d.questions.filter((q) => !q.help || !q.advice || !q.strength).map((q) => `${String(q.id)}: ${['help', 'advice', 'strength'].filter((k) => !q[k]).join(', ')}`),
    );
    expect(lacking).toEqual([]);
  });

  it('justifies the points of every option in a comment', () => {
    const lines = readFileSync(files.pack, 'utf8').split('\n');
    const ids = new Set(pack.definition.dimensions.flatMap((d) => d.questions.flatMap((q) => q.options.filter((o) => !o.dontKnow && !o.notApplicable).map((o) => `${q.id}/${o.id}`))));
    let question = '';
    const uncommented: string[] = [];
    for (const line of lines) {
      const q = /^ {6}- id: (\S+)/.exec(line);
      if (q) question = q[1]!;
      const o = /^ {10}- \{ id: ([^,]+),/.exec(line);
      if (o && ids.has(`${question}/${o[1]}`) && !/\} #\s*\S/.test(line)) uncommented.push(`${question}/${o[1]}`);
    }
    expect(uncommented).toEqual([]);
    expect(ids.size).toBeGreaterThan(100);
  });

  it('makes "none" options of multi-choice questions exclusive', () => {
    for (const d of pack.definition.dimensions) {
      for (const q of d.questions.filter((x) => x.type === 'multi')) {
        for (const o of q.options.filter((x) => x.points === 0)) expect(o.exclusive, `${q.id}/${o.id}`).toBe(true);
      }
    }
  });

  it('keeps the profile ids other stages rely on, with the regions and a NACE format', () => {
    const ids = pack.definition.profile.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['name', 'region', 'employees', 'turnover', 'nace', 'legal_form', 'founded']));
    const regions = pack.profile.get('region')!.options!.map((o) => o.id);
    expect(regions).toEqual(expect.arrayContaining(['BE-BRU', 'BE-WAL', 'BE-VLG', 'FR-BRE', 'FR-OCC', 'FR-IDF']));
    const nace = new RegExp(pack.profile.get('nace')!.pattern!);
    expect(['62.01', '47.11', '43'].every((c) => nace.test(c))).toBe(true);
    expect(['6201', '62-01', 'AB.12'].some((c) => nace.test(c))).toBe(false);
  });

  const questions = pack.definition.dimensions.flatMap((d) => d.questions);
  const question = (id: string) => questions.find((q) => q.id === id)!;

  it('asks about AI transparency only of firms that use AI, and about NIS2 only from 10 persons', () => {
    expect(question('ai_transparency').when).toEqual({ question: 'ai_use', anyOf: expect.arrayContaining(['occasionally', 'regularly']) });
    // The gate opens exactly for the answers that say the firm uses AI.
    const usesAi = question('ai_use').options.filter((o) => o.facts?.includes('uses_ai')).map((o) => o.id);
    expect(question('ai_transparency').when).toEqual({ question: 'ai_use', anyOf: usesAi });
    const bakery = scoreAssessment(pack.definition, { company: { employees: 6 }, answers: { cyber_nis2: 'dont-know', ai_use: 'no' } });
    const nis2 = bakery.dimensions.flatMap((d) => d.questions).find((q) => q.id === 'cyber_nis2')!;
    expect(nis2).toMatchObject({ status: 'hidden', counted: false });
    const firm = scoreAssessment(pack.definition, { company: { employees: 60 }, answers: { cyber_nis2: 'dont-know' } });
    expect(firm.dimensions.flatMap((d) => d.questions).find((q) => q.id === 'cyber_nis2')!.status).toBe('dontKnow');
  });

  it('never talks of a website in the help of a question asked of a firm without one', () => {
    const gate = 'web_presence';
    const withoutSite = questions.filter((q) => q.id !== gate && !(q.when && 'question' in q.when && q.when.question === gate));
    const offenders = withoutSite.filter((q) => /website|your site/i.test(q.help.en) || /\bsite\b/i.test(q.help.fr) || /website/i.test(q.help.nl)).map((q) => q.id);
    expect(offenders).toEqual([]);
  });

  it('words dated legal rules so they stay true on any assessment date (no "from <date>")', () => {
    const dated = /\b(from|until) \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/i;
    expect(questions.filter((q) => dated.test(q.help.en) || /\b(à partir du|jusqu'au) \d/.test(q.help.fr) || /\b(vanaf|tot) \d/.test(q.help.nl)).map((q) => q.id)).toEqual([]);
  });

  it('marks partial answers as "partly" for the facts the comparisons read', () => {
    expect(question('cyber_mfa').options.find((o) => o.id === 'some')!.partly).toEqual(['uses_mfa']);
    expect(question('inv_peppol_send').options.find((o) => o.id === 'some')!.partly).toEqual(['sends_einvoices']);
    // An option cannot establish a fact both fully and in part.
    for (const q of questions) for (const o of q.options) expect((o.partly ?? []).filter((f) => o.facts?.includes(f)), `${q.id}.${o.id}`).toEqual([]);
  });

  it('establishes every fact the benchmarks and the digital-intensity criteria compare with', () => {
    // loadPackBenchmarks checks the facts against the pack and throws on an unknown one.
    const data = loadPackBenchmarks(pack)!;
    expect(data.benchmarks.length).toBeGreaterThan(10);
  });
});

describe('the example answers', () => {
  const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));

  it('are the three firms', () => {
    expect(examples.sort()).toEqual(['laggard.yaml', 'leader.yaml', 'typical.yaml']);
  });

  for (const file of examples) {
    it(`${file} answers every question it is shown`, () => {
      const answers = loadAnswers(join(EXAMPLES, file), pack, { requireProfile: true });
      const scores = scoreAssessment(pack.definition, answers);
      const missing = scores.dimensions.flatMap((d) => d.questions.filter((q) => q.status === 'missing').map((q) => q.id));
      expect(missing).toEqual([]);
    });
  }
});

/** A message without its {arguments}, plural and select cases included (innermost first). */
function withoutArguments(text: string): string {
  let previous;
  do {
    previous = text;
    text = text.replace(/\{[^{}]*\}/g, '');
  } while (text !== previous);
  return text;
}
