// Progress over time (issue 17): the enterprise number, comparing two assessments, a hub's batch
// comparison with small groups suppressed, and the re-assessment interview's defaults.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSide, progressOf } from '../src/app/compare.js';
import { assessAnswers } from '../src/app/context.js';
import { runInterview, type InterviewState } from '../src/app/interview/flow.js';
import { parseAnswers, type Answers, type DroppedAnswer } from '../src/engine/answers/load.js';
import { checkEnterpriseNumber } from '../src/engine/enterprise/index.js';
import { impactTable, MIN_GROUP, pairFirms, type ImpactFirm } from '../src/engine/progress/batch.js';
import { compareAssessments, normaliseName, type Progress } from '../src/engine/progress/index.js';
import { translator } from '../src/i18n/ui.js';
import { serializeAnswers } from '../src/io/answers-write.js';
import { loadPack, loadUiStrings } from '../src/io/load.js';
import { csvText, renderImpactCsv } from '../src/reports/progress-csv.js';
import { PACK_DIR, readExample, ROOT, runCli, tempDir, writeFile } from './helpers/cli.js';
import { enter, pick, ScriptedPrompter } from './helpers/prompter.js';

const pack = loadPack(PACK_DIR);
const typical = readExample('typical');
const en = translator('en', loadUiStrings());
const scratch = tempDir('digiscan-compare-');
afterAll(() => scratch.cleanup());

/** The typical example as a later assessment: a new date and some answers changed. */
function later(text: string, changes: Record<string, string>, date = '2026-09-15'): string {
  let out = text.replace('assessedOn: 2026-03-02', `assessedOn: ${date}`);
  for (const [id, value] of Object.entries(changes)) {
    const re = new RegExp(`^(  ${id}:) .*$`, 'm');
    expect(re.test(out), `${id} is in the example`).toBe(true);
    out = out.replace(re, `$1 ${value}`);
  }
  return out;
}
const assessText = (text: string, name = 'x.yaml') => assessAnswers(pack, parseAnswers(text, name, pack, { requireProfile: true }), '2026-12-01', 'en');

describe('enterprise number', () => {
  it('accepts Belgian numbers with matching mod-97 check digits and SIRENs with a Luhn digit, in the ways people write them', () => {
    for (const text of ['0202.239.951', 'BE 0202 239 951', 'BE0202239951', 'be-0202.239.951', '0403.170.701']) {
      expect(checkEnterpriseNumber(text)).toMatchObject({ ok: true, country: 'BE' });
    }
    // Nine bare digits are a SIREN; an old nine-digit Belgian number needs its BE prefix.
    expect(checkEnterpriseNumber('202239951')).toMatchObject({ country: 'FR' });
    expect(checkEnterpriseNumber('BE 202.239.951')).toMatchObject({ ok: true, key: 'BE0202239951', formatted: '0202.239.951' });
    expect(checkEnterpriseNumber('552 032 534')).toMatchObject({ ok: true, country: 'FR', key: 'FR552032534', formatted: '552 032 534' });
  });
  it('refuses a wrong check digit and a wrong form', () => {
    expect(checkEnterpriseNumber('0202.239.952')).toEqual({ ok: false, problem: 'checksum', country: 'BE' });
    expect(checkEnterpriseNumber('552 032 535')).toEqual({ ok: false, problem: 'checksum', country: 'FR' });
    expect(checkEnterpriseNumber('2202.239.951')).toMatchObject({ ok: false, problem: 'form' });
    expect(checkEnterpriseNumber('BE12')).toMatchObject({ ok: false, problem: 'form' });
    expect(checkEnterpriseNumber('n/a')).toMatchObject({ ok: false, problem: 'form' });
  });
  it('every changed digit of a valid Belgian number is caught', () => {
    const digits = '0202239951';
    for (let i = 0; i < digits.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === digits[i]) continue;
        const changed = digits.slice(0, i) + d + digits.slice(i + 1);
        expect(checkEnterpriseNumber(changed).ok, changed).toBe(false);
      }
    }
  });
});

describe('compare two assessments', () => {
  const beforeText = typical.replace('  name: Boulangerie Dupont\n', '  name: Boulangerie Dupont\n  enterprise_number: 0202.239.951\n');
  const afterText = later(beforeText, { web_analytics: 'regularly', inv_peppol_send: 'all', web_updated: 'over-a-year' });
  const before = assessText(beforeText);
  const after = assessText(afterText);
  const p = compareAssessments(before, after);

  it('deltas are the difference of the two assessments\' own scores, overall and per dimension', () => {
    expect(p.overall.delta).toBe(after.overall.score - before.overall.score);
    expect(p.dimensions.map((d) => d.id)).toEqual(before.dimensions.map((d) => d.id));
    for (const [i, d] of p.dimensions.entries()) {
      expect(d.before).toBe(before.dimensions[i]!.score);
      expect(d.after).toBe(after.dimensions[i]!.score);
      expect(d.delta).toBe(after.dimensions[i]!.score - before.dimensions[i]!.score);
      expect([d.levelBefore, d.levelAfter]).toEqual([before.dimensions[i]!.level, after.dimensions[i]!.level]);
    }
    expect(p.dimensions.some((d) => d.delta! > 0)).toBe(true);
  });

  it('for random answer changes too', () => {
    const questions = pack.definition.dimensions.flatMap((d) => d.questions.filter((q) => q.type === 'single'));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: questions.length - 1 }), fc.nat()), { maxLength: 12 }), (picks) => {
        const answers = parseAnswers(typical, 't.yaml', pack, { requireProfile: true });
        for (const [qi, oi] of picks) {
          const q = questions[qi]!;
          answers.answers[q.id] = q.options[oi % q.options.length]!.id;
        }
        answers.assessedOn = '2026-10-01';
        const a = assessAnswers(pack, answers, '2026-12-01', 'en');
        const progress = compareAssessments(before, a);
        expect(progress.overall.delta).toBe(a.overall.score - before.overall.score);
        progress.dimensions.forEach((d, i) => expect(d.delta).toBe(a.dimensions[i]!.score - before.dimensions[i]!.score));
      }),
      { numRuns: 25 },
    );
  });

  it('a next step of BEFORE done by AFTER is listed as done, the others as open', () => {
    const suggested = before.dimensions.flatMap((d) => d.nextSteps.map((s) => s.questionId));
    expect(suggested).toContain('web_analytics');
    expect(suggested).toContain('inv_peppol_send');
    expect(p.steps.done.map((s) => s.questionId).sort()).toEqual(['inv_peppol_send', 'web_analytics']);
    expect(p.steps.open.map((s) => s.questionId).sort()).toEqual(suggested.filter((id) => id !== 'web_analytics' && id !== 'inv_peppol_send').sort());
    expect(p.newStrengths.map((s) => s.questionId)).toEqual(expect.arrayContaining(['web_analytics', 'inv_peppol_send']));
    expect(p.regressed.map((s) => s.questionId)).toEqual(['web_updated']);
    expect(p).toMatchObject({ pairedBy: 'enterprise-number', days: 197, months: 6.5, changes: { questionnaire: false, tool: false } });
  });

  it('refuses two firms with different numbers, AFTER older than BEFORE, and another questionnaire', () => {
    const other = assessText(afterText.replace('0202.239.951', '0403.170.701'));
    expect(() => compareAssessments(before, other)).toThrow(/two different firms .*different enterprise numbers/);
    expect(compareAssessments(before, other, { force: true }).pairedBy).toBe('forced');
    expect(() => compareAssessments(after, before)).toThrow(/older than BEFORE/);
    expect(() => compareAssessments(before, { ...after, questionnaire: { ...after.questionnaire, id: 'other' } })).toThrow(/different questionnaires/);
    // Renamed, same number: one firm.
    expect(compareAssessments(before, assessText(afterText.replace('name: Boulangerie Dupont', 'name: Dupont & Fils'))).pairedBy).toBe('enterprise-number');
  });

  it('a questionnaire version change: the vanished question is left out with a note, changed areas are not compared', () => {
    // Version 1.2.0 of the pack: web_analytics removed, a new website question added.
    const dir = join(scratch.dir, 'pack-1.2');
    cpSync(PACK_DIR, dir, { recursive: true });
    let yaml = readFileSync(join(dir, 'pack.yaml'), 'utf8').replace(/^version: .*$/m, 'version: 1.2.0');
    const start = yaml.indexOf('      - id: web_analytics');
    const end = yaml.indexOf('      - id: ', start + 10);
    const block = yaml.slice(start, end);
    yaml = yaml.slice(0, start) + block.replace(/web_analytics/g, 'web_search_console') + yaml.slice(end);
    writeFileSync(join(dir, 'pack.yaml'), yaml);
    const newPack = loadPack(dir);
    const bFile = writeFile(scratch.dir, 'v11.yaml', beforeText);
    const aFile = writeFile(scratch.dir, 'v12.yaml', later(beforeText, { inv_peppol_send: 'all' }).replace('version: 1.1.0', 'version: 1.2.0').replace(/^ {2}web_analytics: .*$/m, '  web_search_console: regularly'));
    const b = loadSide(bFile, newPack, '2026-12-01', 'en');
    expect(b.dropped).toEqual([{ kind: 'question', id: 'web_analytics' }]);
    const a = loadSide(aFile, newPack, '2026-12-01', 'en');
    const progress = progressOf(b, a, false);
    expect(progress.changes).toMatchObject({ questionnaire: true, questionsRemoved: ['web_analytics'] });
    expect(progress.before.questionnaireVersion).toBe('1.1.0');
    expect(progress.after.questionnaireVersion).toBe('1.2.0');
    const website = progress.dimensions.find((d) => d.id === 'website')!;
    expect(website).toMatchObject({ comparable: false, delta: null, reason: 'questions-changed' });
    expect(progress.dimensions.find((d) => d.id === 'invoicing')).toMatchObject({ comparable: true });
    expect(progress.overall.basis).toBe('comparable-dimensions');
    // The new question was never asked before: neither a step suggested then nor a new strength.
    expect([...progress.steps.done, ...progress.steps.open].map((s) => s.questionId)).not.toContain('web_search_console');
    expect(progress.newStrengths.map((s) => s.questionId)).not.toContain('web_search_console');
    expect(progress.steps.done.map((s) => s.questionId)).toEqual(['inv_peppol_send']);
    // The CLI says so in the report.
    const r = runCli(['compare', bFile, aFile, '--pack', dir, '--lang', 'en'], { cwd: scratch.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('The questionnaire changed between the two assessments (version 1.1.0 → 1.2.0).');
    expect(r.stdout).toContain('1 question of the earlier assessment is no longer asked.');
    expect(r.stdout).toContain('Not comparable, because their questions changed: Website.');
    // In a file of the pack's own version an unknown question is still a mistake.
    const dropped: DroppedAnswer[] = [];
    expect(() => parseAnswers(afterText.replace('  web_privacy:', '  web_nonsense: yes\n  web_privacy:'), 'n.yaml', pack, { dropped })).toThrow(/unknown question id "web_nonsense"/);
  });
});

describe('compare on the command line', () => {
  const dir = scratch.dir;
  const b = writeFile(dir, 'dupont-2026-03-02.answers.yaml', typical);
  const a = writeFile(dir, 'dupont-2026-09-15.answers.yaml', later(typical, { web_analytics: 'regularly', inv_bookkeeping: 'automatic' }).replace('name: Boulangerie Dupont', 'name: boulangerie dupont srl'));

  it('prints before → after in the report language, and JSON with ids and numbers', () => {
    const spaces = <R extends { stdout: string }>(r: R): R => ({ ...r, stdout: r.stdout.replace(/[\u00a0\u202f]/g, ' ') });
    const fr = spaces(runCli(['compare', b, a], { cwd: dir }));
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toContain('2 mars 2026 → 15 septembre 2026 (6,5 mois) · même nom d\'entreprise');
    const before = assessText(typical).dimensions.find((d) => d.id === 'website')!.score;
    expect(fr.stdout).toMatch(new RegExp(`Site web\\s+${before} →\\s+\\d+\\s+\\+\\d+`));
    expect(fr.stdout).toContain('Étapes conseillées la dernière fois, réalisées depuis');
    const nl = spaces(runCli(['compare', b, a, '--lang', 'nl'], { cwd: dir }));
    expect(nl.stdout).toContain('Vorige keer aangeraden stappen, intussen gezet');
    expect(nl.stdout).toContain('(6,5 maanden)');
    const json = runCli(['compare', b, a, '--json'], { cwd: dir });
    const p = JSON.parse(json.stdout) as Progress;
    const website = p.dimensions.find((d) => d.id === 'website')!;
    expect(website.delta).toBe(website.after - website.before);
    expect(p.steps.done.map((s) => s.questionId)).toContain('web_analytics');
    expect(typeof p.steps.open[0]!.questionId).toBe('string');
  });

  it('compares assessment JSON files as well as answers files', () => {
    const ja = runCli(['assess', '--answers', a, '--json'], { cwd: dir });
    writeFileSync(join(dir, 'after.json'), ja.stdout);
    const r = runCli(['compare', b, 'after.json', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const fromYaml = JSON.parse(runCli(['compare', b, a, '--json'], { cwd: dir }).stdout) as Progress;
    expect((JSON.parse(r.stdout) as Progress).dimensions).toEqual(fromYaml.dimensions);
  });

  it('writes the PDF progress report, never over an existing file without --force', async () => {
    const r = runCli(['compare', b, a, '--out', 'progress.pdf', '--lang', 'en'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const pdf = readFileSync(join(dir, 'progress.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { readPdf } = await import('./helpers/pdf.js');
    const { pages, text } = await readPdf(pdf);
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(text).toContain('Progress of boulangerie dupont srl');
    expect(text).toContain('Steps suggested last time, now done');
    const again = runCli(['compare', b, a, '--out', 'progress.pdf'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/progress\.pdf: already exists; not overwritten/);
  });
});

describe('a hub\'s batch comparison', () => {
  it('pairing by enterprise number beats pairing by name, and differing numbers never pair by name', () => {
    const firm = (name: string, enterpriseNumber: string | undefined, assessedOn = '2026-01-01') => ({ source: name, name, enterpriseNumber, assessedOn });
    const before = [firm('Dupont', 'BE0202239951'), firm('Dupont', 'BE0403170701'), firm('Martin', undefined), firm('Lefèvre SA', 'BE0123456749')];
    const after = [firm('Dupont & Fils', 'BE0403170701'), firm('Renamed Ltd', 'BE0202239951'), firm('MARTIN', undefined), firm('Lefevre', 'FR552032534')];
    const pairing = pairFirms(before, after);
    expect(pairing.pairs).toEqual([
      { before: 0, after: 1, by: 'enterprise-number' },
      { before: 1, after: 0, by: 'enterprise-number' },
      { before: 2, after: 2, by: 'name' },
    ]);
    expect(pairing.unpairedBefore).toEqual([{ index: 3, reason: 'no-match' }]);
    expect(pairing.unpairedAfter).toEqual([{ index: 3, reason: 'no-match' }]);
    expect(normaliseName('Boulangerie  DUPONT, s.r.l.')).toBe(normaliseName('boulangerie dupont'));
  });

  const fakeProgress = (before: number, after: number): Progress =>
    ({ overall: { before, after, delta: after - before, levelBefore: before > 40 ? 3 : 2, levelAfter: after > 40 ? 3 : 2, comparable: true }, dimensions: [] }) as unknown as Progress;

  it('k-suppression never shows a group of fewer than 5 firms, nor lets the total give one away', () => {
    const regions = ['BE-BRU', 'BE-WAL', 'BE-VLG'];
    const firmArb = fc.record({ region: fc.constantFrom(...regions), employees: fc.constantFrom(0, 3, 20, 100), before: fc.integer({ min: 0, max: 100 }), after: fc.integer({ min: 0, max: 100 }) });
    fc.assert(
      fc.property(fc.array(firmArb, { maxLength: 40 }), (list) => {
        const firms: ImpactFirm[] = list.map((f) => ({ region: f.region, employees: f.employees, progress: fakeProgress(f.before, f.after) }));
        const rows = impactTable(firms, []);
        for (const r of rows) if (r.shown) expect(r.firms).toBeGreaterThanOrEqual(MIN_GROUP);
        const cells = rows.filter((r) => r.region !== 'all');
        const total = rows.find((r) => r.region === 'all')!;
        if (total.shown) expect(cells.filter((r) => !r.shown).length).not.toBe(1);
        // The shown groups' firms, when the total is shown, never leave a remainder between 1 and 4 unless it is split over 2+ hidden groups.
        const csv = parseCsv(renderImpactCsv(rows, (id) => id, en).slice(1), { columns: true }) as Record<string, string>[];
        for (const row of csv) {
          if (/^\d+$/.test(row.firms!)) expect(Number(row.firms)).toBeGreaterThanOrEqual(MIN_GROUP);
          else expect(row.mean_before).toBe('suppressed');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('text cells that would start a formula are neutralised; negative numbers stay numbers', () => {
    expect(csvText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    for (const s of ['+1', '-1', '@a', '\tx', '\rx']) expect(csvText(s).startsWith("'")).toBe(true);
    expect(csvText('Dupont')).toBe('Dupont');
  });

  it('writes progress.csv and impact.csv from two folders, lists unpaired firms, keeps text cells formula-safe and negative changes numeric', () => {
    const { dir, cleanup } = tempDir('digiscan-hub-');
    try {
      mkdirSync(join(dir, 'before'));
      mkdirSync(join(dir, 'after'));
      const regions = ['BE-BRU', 'BE-WAL'];
      for (let i = 0; i < 12; i++) {
        const name = i === 0 ? '=cmd|calc' : `Firm ${i}`;
        const region = regions[i % 2]!;
        const base = typical.replace('name: Boulangerie Dupont', `name: "${name}"`).replace('region: BE-BRU', `region: ${region}`);
        writeFile(join(dir, 'before'), `f${i}.yaml`, base);
        // Firm 11 has no after; one firm regresses.
        if (i < 11) writeFile(join(dir, 'after'), `f${i}.yaml`, later(base, i === 3 ? { inv_peppol_send: 'no' } : { web_analytics: 'regularly', inv_peppol_send: 'all' }));
      }
      writeFile(join(dir, 'after'), 'newcomer.yaml', typical.replace('name: Boulangerie Dupont', 'name: Newcomer'));
      const r = runCli(['compare', '--batch', 'before', 'after', '--out', 'out', '--lang', 'en'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('11 firms paired, 2 unpaired (listed in progress.csv).');
      const progress = parseCsv(readFileSync(join(dir, 'out/progress.csv'), 'utf8').slice(1), { columns: true, cast: false }) as Record<string, string>[];
      expect(progress).toHaveLength(13);
      expect(progress.filter((p) => p.status === 'only-before').map((p) => p.name)).toEqual(['Firm 11']);
      expect(progress.filter((p) => p.status === 'only-after').map((p) => p.name)).toEqual(['Newcomer']);
      expect(progress.find((p) => p.status === 'paired' && p.name!.includes('cmd'))!.name).toBe("'=cmd|calc");
      const raw = readFileSync(join(dir, 'out/progress.csv'), 'utf8');
      expect(raw).toMatch(/,-\d+(\.\d)?,/); // Firm 3's negative delta is a bare number
      const firm3 = progress.find((p) => p.name === 'Firm 3')!;
      expect(Number(firm3.invoicing_delta)).toBeLessThan(0);
      expect(firm3.months).toBe('6.5');
      const impact = parseCsv(readFileSync(join(dir, 'out/impact.csv'), 'utf8').slice(1), { columns: true }) as Record<string, string>[];
      const overall = impact.filter((row) => row.dimension === 'overall');
      // 11 paired: 6 in Brussels, 5 in Wallonia (all micro firms): both groups shown, and the total.
      expect(overall.map((row) => [row.region, row.firms])).toEqual([['BE-BRU', '6'], ['BE-WAL', '5'], ['all', '11']]);
      expect(existsSync(join(dir, 'out/impact.csv'))).toBe(true);
      const again = runCli(['compare', '--batch', 'before', 'after', '--out', 'out'], { cwd: dir });
      expect(again.code).toBe(2);
    } finally {
      cleanup();
    }
  });
});

describe('re-assessment interview (flow)', () => {
  const flowPack = loadPack(join(ROOT, 'test/fixtures/interview-pack'));
  const previous: Answers = {
    questionnaire: { id: 'flow-test', version: '1.0.0' },
    language: 'en',
    company: { name: 'Acme', region: 'BE-VLG', employees: 12 },
    answers: { has_site: 'yes', site_mobile: 'no', tools_used: ['mail'], tools_backup: 'no' },
    notes: {},
    assessedOn: '2026-01-10',
  };

  it('offers last time\'s answers: Enter keeps each, a choice changes it, and the screen says what it was', async () => {
    const state: InterviewState = {
      answers: { questionnaire: { id: 'flow-test', version: '1.0.0' }, language: 'en', company: {}, answers: {}, notes: {}, assessedOn: '2026-06-01', previous: { file: 'acme.yaml', assessedOn: '2026-01-10' } },
      skipped: new Set(),
      languageChosen: false,
    };
    const prompter = new ScriptedPrompter([enter, enter, enter, enter, enter, enter, pick('Yes'), enter, enter]);
    const final = await runInterview({ pack: flowPack, state, prompter, advisor: false, previous, translate: (l) => translator(l, loadUiStrings()), save: () => {}, now: () => new Date(Date.UTC(2026, 5, 1)) });
    expect(prompter.remaining).toBe(0);
    expect(final.answers.company).toEqual({ name: 'Acme', region: 'BE-VLG', employees: 12 });
    expect(final.answers.answers).toEqual({ has_site: 'yes', site_mobile: 'yes', tools_used: ['mail'], tools_backup: 'no' });
    const mobile = prompter.prompts.find((p) => p.config.message === 'Mobile?')!;
    expect(mobile.context?.lastTime).toBe('last time: No');
    expect(prompter.prompts.find((p) => p.config.message === 'Which tools?')!.context?.lastTime).toBe('last time: Email');
    expect(prompter.prompts.find((p) => p.config.message === 'Region')!.context?.lastTime).toBe('last time: Flanders');
    const saved = serializeAnswers(final.answers, flowPack, { schema: 'x' });
    expect(saved).toMatch(/previous:\n {2}file: acme\.yaml\n {2}assessedOn: 2026-01-10/);
    expect(parseAnswers(saved, 'n.yaml', flowPack).previous).toEqual({ file: 'acme.yaml', assessedOn: '2026-01-10' });
  });
});

describe('enterprise number in the interview', () => {
  it('refuses a mistyped number with a translated message and saves a good one as it is usually written', async () => {
    const { profileProblem } = await import('../src/app/interview/flow.js');
    const q = pack.profile.get('enterprise_number')!;
    expect(q.required).toBe(false);
    expect(profileProblem(q, '0123.456.748', en)).toBe('The check digits do not match: check the number on your BCE/KBO extract.');
    expect(profileProblem(q, '552 032 535', translator('fr', loadUiStrings()))).toBe('Le chiffre de contrôle ne correspond pas\u00a0: vérifiez le SIREN.');
    expect(profileProblem(q, 'BE0123456749', en)).toBeUndefined();
    // Right after the name, before the region (profile order is part of the pack's contract).
    expect(pack.definition.profile.map((p) => p.id).slice(0, 3)).toEqual(['name', 'enterprise_number', 'region']);
  });
});
