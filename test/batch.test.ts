import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../src/engine/answers/load.js';
import { assess, type Assessment } from '../src/engine/assessment/index.js';
import { assessmentData } from '../src/app/context.js';
import { LANGS } from '../src/core/lang.js';
import { readCsv, sniffDelimiter } from '../src/app/batch/csv-input.js';
import { loadMapping, normalize, parseNumber, planColumns, splitChoices } from '../src/app/batch/mapping.js';
import { BIN, EXAMPLES, PACK_DIR, ROOT, readExample, runCli, tempDir, writeFile } from './helpers/cli.js';
import { loadAnswers, loadPack, loadPackAids } from '../src/io/load.js';

const pack = loadPack(PACK_DIR);
const tmp = tempDir('digiscan-batch-');
afterAll(tmp.cleanup);
let n = 0;
const fresh = (name = 'case') => {
  const dir = join(tmp.dir, `${name}${n++}`);
  mkdirSync(dir);
  return dir;
};

type Table = Record<string, string>[];
function readTable(file: string): Table {
  return parseCsv(readFileSync(file), { columns: true, bom: true }) as Table;
}
/** The assessment the single-file path computes (in-process; the batch under test runs built). */
function assessFile(file: string): Assessment {
  const answers = loadAnswers(file, pack, { requireProfile: true });
  return assess({ pack, answers, today: '2026-04-01', toolVersion: 'test', ...assessmentData(pack) });
}

/** The form question list from `template --csv`: the columns a form built from it exports. */
const formCache = new Map<string, FormQuestion[]>();
type FormQuestion = { column: string; id: string; type: string; answers: string[]; section: string; condition: string; conditionIds: string };
function formQuestions(lang: string): FormQuestion[] {
  if (!formCache.has(lang)) formCache.set(lang, templateCsv(lang));
  return formCache.get(lang)!;
}
function templateCsv(lang: string): FormQuestion[] {
  const r = runCli(['template', '--csv', '--lang', lang]);
  expect(r.code, r.stderr).toBe(0);
  return (parseCsv(r.stdout, { columns: true, bom: true }) as Record<string, string>[]).map((q) => ({
    column: q.column!,
    id: q.id!,
    type: q.type!,
    answers: q.answers ? q.answers.split(' | ') : [],
    section: q.section!,
    condition: q.condition!,
    conditionIds: q.condition_ids!,
  }));
}

/** A template condition ("web_presence = yes", "employees ≥ 10") against a row's chosen option ids. */
function conditionHolds(ids: string, chosen: Map<string, string>, employees: number): boolean {
  const bound = /^employees ([≥≤]) (\d+)$/.exec(ids);
  if (bound) return bound[1] === '≥' ? employees >= Number(bound[2]) : employees <= Number(bound[2]);
  const [control, options] = ids.split(' = ');
  return options!.split(' | ').includes(chosen.get(control!) ?? '');
}

const csvField = (v: string, sep: string) => (/[",;\n\r]/.test(v) || v.includes(sep) ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (cells: string[], sep: string) => cells.map((c) => csvField(c, sep)).join(sep);

/**
 * A form row answering every question with the answer at `pick` (wrapping), as the form shows it —
 * except questions whose condition ("web_presence = yes") the row's own answers rule out, which a form
 * with branching does not ask. `flat` answers them anyway (a form built without the conditions).
 */
function formRow(questions: ReturnType<typeof formQuestions>, name: string, pick: number, flat = false): string[] {
  const chosen = new Map<string, string>();
  return questions.map((q) => {
    if (q.id === 'name') return name;
    if (q.type === 'number') return q.id === 'employees' ? String(3 + pick) : '';
    if (q.type === 'text') return '';
    const entry = pack.questions.get(q.id);
    if (entry) chosen.set(q.id, entry.question.options[pick % entry.question.options.length]!.id);
    if (!flat && q.conditionIds) {
      if (!conditionHolds(q.conditionIds, chosen, 3 + pick)) {
        chosen.delete(q.id);
        return '';
      }
    }
    return q.answers[pick % q.answers.length]!;
  });
}

describe('form mapping', () => {
  it('derives an unambiguous mapping from the pack: headers and labels name one thing each', () => {
    const headers = new Map<string, string>();
    const texts = [
      ...pack.definition.profile.map((q) => ({ id: q.id, text: q.label })),
      ...[...pack.questions.values()].map(({ question: q }) => ({ id: q.id, text: q.text })),
    ];
    for (const { id, text } of texts) {
      for (const lang of LANGS) {
        const key = normalize(text[lang]);
        expect(headers.get(key) ?? id, `"${text[lang]}" names two questions`).toBe(id);
        headers.set(key, id);
      }
    }
    const choices = [
      ...pack.definition.profile.filter((q) => q.options).map((q) => ({ id: q.id, options: q.options! })),
      ...[...pack.questions.values()].map(({ question: q }) => ({ id: q.id, options: q.options })),
    ];
    for (const { id, options } of choices) {
      const labels = new Map<string, string>();
      for (const o of options) {
        for (const text of [o.id, ...LANGS.map((l) => o.label[l])]) {
          const key = normalize(text);
          expect(labels.get(key) ?? o.id, `"${text}" is two answers of ${id}`).toBe(o.id);
          labels.set(key, o.id);
        }
      }
    }
  });

  it('maps the header of a form built from the template, in every language', () => {
    const { mapping } = loadMapping(pack);
    for (const lang of LANGS) {
      const columns = formQuestions(lang).map((q) => q.column);
      const plan = planColumns(['Timestamp', ...columns, 'Email Address'], pack, mapping);
      expect(plan.unmapped).toEqual([]);
      expect(plan.language).toBe(lang);
      expect(plan.columns.filter((f) => f && f.section !== 'meta')).toHaveLength(columns.length);
      expect(plan.columns.filter((f) => f?.section === 'meta').map((f) => f!.id)).toEqual(['timestamp', 'respondent']);
    }
  });

  it('reads multi-choice cells joined by ", " or ";" even when a label has a comma', () => {
    const labels = new Map([
      [normalize('Backup, never tested'), 'untested'],
      [normalize('Cloud'), 'cloud'],
      [normalize('Tested'), 'tested'],
    ]);
    expect(splitChoices('Backup, never tested, Cloud', labels)).toEqual(['untested', 'cloud']);
    expect(splitChoices('Cloud;Backup, never tested;', labels)).toEqual(['cloud', 'untested']);
    expect(splitChoices('Cloud, Something else', labels)).toBeUndefined();
  });

  it('reads numbers as spreadsheets write them', () => {
    expect(parseNumber('1 200')).toBe(1200);
    expect(parseNumber('1.200')).toBe(1200);
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('twelve')).toBeUndefined();
  });
});

describe('form export reading', () => {
  async function rows(file: string) {
    const events = [];
    for await (const e of readCsv(file)) events.push(e);
    return events;
  }

  it('guesses the separator from the header, ignoring separators inside quotes', () => {
    expect(sniffDelimiter('"Nom; prénom",Région,Taille\n')).toBe(',');
    expect(sniffDelimiter('"A, b";C;D\r\n1,2;3;4')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
  });

  it('reads Windows-1252 (Excel "CSV") and UTF-8 with BOM alike, with the line of each row', async () => {
    const dir = fresh('encoding');
    const text = 'Nom;Réponse\r\n"L’Atelier; Œuvres";Bientôt 5 €\r\n;\r\n"Deux\r\nlignes";x\r\n"Trois\r\n\r\nlignes";y\r\nFin;z\r\n';
    const cp1252 = join(dir, 'excel.csv');
    writeFileSync(cp1252, Buffer.from(text.replace('’', '\x92').replace('Œ', '\x8c').replace('€', '\x80'), 'latin1'));
    const utf8 = writeFile(dir, 'utf8.csv', '\ufeff' + text);
    for (const file of [cp1252, utf8]) {
      expect(await rows(file)).toEqual([
        { type: 'header', cells: ['Nom', 'Réponse'] },
        { type: 'row', row: { line: 2, cells: ['L’Atelier; Œuvres', 'Bientôt 5 €'] } },
        { type: 'row', row: { line: 4, cells: ['Deux\r\nlignes', 'x'] } },
        { type: 'row', row: { line: 6, cells: ['Trois\r\n\r\nlignes', 'y'] } },
        { type: 'row', row: { line: 9, cells: ['Fin', 'z'] } },
      ]);
    }
  });
});

describe('digiscan batch', () => {
  it('scores a Google-Forms-like export (comma, French headers, labels, metadata columns)', () => {
    const dir = fresh('google');
    const questions = formQuestions('fr');
    const rows = [0, 1, 2].map((pick) => formRow(questions, `Firme ${pick}`, pick));
    const header = ['Horodateur', ...questions.map((q) => q.column), 'Adresse e-mail'];
    const text = [header, ...rows.map((r) => ['2026/03/01 10:00:00', ...r, 'x@example.be'])].map((r) => csvLine(r, ',')).join('\n') + '\n';
    const form = writeFile(dir, 'google.csv', text);
    const r = runCli(['batch', form, '--out', join(dir, 'out'), '--format', 'json', '--date', '2026-04-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
    const summary = readTable(join(dir, 'out', 'summary.csv'));
    expect(summary.map((s) => [s.name, s.file])).toEqual(rows.map((row, i) => [row[0], `${form}:${i + 2}`]));
    // Every answer given in the form is in the report, as the label the form showed.
    const report = JSON.parse(readFileSync(join(dir, 'out', summary[1]!.reports!), 'utf8'));
    expect(report.language).toBe('fr');
    const answered = new Map<string, string[]>(report.dimensions.flatMap((d: any) => d.questions.map((q: any) => [q.id, q.answer])));
    for (const [i, q] of questions.entries()) {
      if (q.type === 'single' && answered.get(q.id)!.length) expect(answered.get(q.id)).toEqual([rows[1]![i]]);
    }
    expect(report.profile.find((p: any) => p.id === 'region').display).toBe(rows[1]![questions.findIndex((q) => q.id === 'region')]);
  });

  it('scores a Microsoft-Forms-like export (BOM, ";" separators, CRLF, English, quoted fields)', () => {
    const dir = fresh('msforms');
    const questions = formQuestions('en');
    const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', ...questions.map((q) => q.column)];
    const firms = ['Dupont; fils & "Cie"', 'Multi\nline SRL'];
    const rows = firms.map((name, i) => [String(i + 1), '3/1/26 10:00', '3/1/26 10:05', 'anonymous', 'anonymous', ...formRow(questions, name, 2 * i + 1)]);
    const text = '\ufeff' + [header, ...rows].map((r) => csvLine(r, ';')).join('\r\n') + '\r\n';
    const form = writeFile(dir, 'msforms.csv', text);
    const r = runCli(['batch', form, '--out', join(dir, 'out'), '--format', 'json,csv', '--date', '2026-04-01', '--jobs', '2']);
    expect(r.code, r.stderr).toBe(0);
    const summary = readTable(join(dir, 'out', 'summary.csv'));
    expect(summary.map((s) => s.name)).toEqual(firms);
    expect(summary.map((s) => s.file)).toEqual([`${form}:2`, `${form}:3`]);
    for (const s of summary) {
      const [json, csv] = s.reports!.split(' ');
      expect(JSON.parse(readFileSync(join(dir, 'out', json!), 'utf8')).company.name).toBe(s.name);
      const table = readTable(join(dir, 'out', csv!));
      expect(table.find((row) => row.section === 'overall')!.score).toBe(s.overall_score);
    }
  });

  it('lists every bad file and row with file:line, exits 1, and still writes the good ones', () => {
    const dir = fresh('bad');
    const good = writeFile(dir, 'good.yaml', readExample('typical'));
    const broken = readExample('leader').replace('  web_presence: yes\n', '  web_presence: yes\n  web_presence: none\n');
    const brokenFile = writeFile(dir, 'broken.yaml', broken);
    const brokenLine = broken.split('\n').findIndex((l) => l.includes('web_presence: none')) + 1;
    const wrongOption = readExample('laggard').replace(/inv_tool: \w+/, 'inv_tool: carrier-pigeon');
    const wrongFile = writeFile(dir, 'wrong.yaml', wrongOption);
    const wrongLine = wrongOption.split('\n').findIndex((l) => l.includes('carrier-pigeon')) + 1;
    const questions = formQuestions('en');
    const regionAt = questions.findIndex((q) => q.id === 'region');
    const badRow = formRow(questions, 'Nowhere Ltd', 0);
    badRow[regionAt] = 'Atlantis';
    const form = writeFile(dir, 'form.csv', [questions.map((q) => q.column), formRow(questions, 'Fine Ltd', 0), badRow].map((r) => csvLine(r, ',')).join('\n') + '\n');
    const region = pack.profile.get('region')!.options!.map((o) => `“${o.label.en}”`);
    const regionLabels = `${region.slice(0, -1).join(', ')}, or ${region.at(-1)}`;
    const out = join(dir, 'out');
    const r = runCli(['batch', good, brokenFile, wrongFile, form, '--out', out, '--format', 'json', '--date', '2026-04-01']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    const failuresAt = lines.findIndex((l) => /3 failed:/.test(l));
    expect(failuresAt, r.stderr).toBeGreaterThanOrEqual(0);
    expect(lines.slice(failuresAt + 1, failuresAt + 4)).toEqual([
      expect.stringMatching(new RegExp(`^digiscan: ${brokenFile}:${brokenLine}:\\d+: invalid YAML`)),
      expect.stringMatching(new RegExp(`^digiscan: ${wrongFile}:${wrongLine}:\\d+: “How do you issue your invoices\\? \\(inv_tool\\)”: “carrier-pigeon” is not one of the answers`)),
      `digiscan: ${form}, row 3 (Nowhere Ltd): Not scored: “Region of the operating seat”: “Atlantis” is not one of the answers (${regionLabels}).`,
    ]);
    // One summary row per input, failed ones included, with what could be read of them.
    const summary = readTable(join(out, 'summary.csv'));
    expect(summary.map((s) => [s.name, s.status])).toEqual([
      ['Boulangerie Dupont', 'ok'], ['', 'failed'], ['', 'failed'], ['Fine Ltd', 'ok'], ['Nowhere Ltd', 'failed'],
    ]);
    expect(summary[4]!.employees).toBe('3');
    expect(summary[4]!.message).toMatch(/Atlantis/);
    expect(r.stdout).toMatch(/2 firm/);

    // A path that does not exist stops the batch before anything is written.
    const out2 = join(dir, 'out2');
    const missing = runCli(['batch', good, join(dir, 'missing.yaml'), '--out', out2, '--format', 'json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`digiscan: ${join(dir, 'missing.yaml')}: no such file\n`);
    expect(existsSync(out2)).toBe(false);
  });

  it('never overwrites reports or summary.csv without --force', () => {
    const dir = fresh('force');
    const out = join(dir, 'out');
    const args = ['batch', EXAMPLES, '--out', out, '--format', 'json', '--date', '2026-04-01'];
    expect(runCli(args).code).toBe(0);
    const summary = join(out, 'summary.csv');
    writeFileSync(summary, 'mine\n');
    const again = runCli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/summary\.csv: already exists; not overwritten \(use --resume .*--force/);
    expect(readFileSync(summary, 'utf8')).toBe('mine\n');

    rmSync(summary);
    rmSync(join(out, 'summary.xlsx'));
    const report = readdirSync(out).find((f) => f.endsWith('.json'))!;
    writeFileSync(join(out, report), 'mine\n');
    const reports = runCli(args);
    expect(reports.code).toBe(1);
    expect(reports.stderr).toContain(`${join(out, report)}: already exists; not overwritten`);
    expect(readFileSync(join(out, report), 'utf8')).toBe('mine\n');

    const forced = runCli([...args, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, report), 'utf8')).company.name).toBeTruthy();
    expect(readTable(summary)).toHaveLength(readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).length);
  });

  it('gives firms with the same name and date distinct report files', () => {
    const dir = fresh('same');
    const inputs = join(dir, 'in');
    mkdirSync(join(inputs, 'sub'), { recursive: true });
    writeFile(inputs, 'a.yaml', readExample('typical'));
    writeFile(join(inputs, 'sub'), 'b.yml', readExample('typical').replace(/employees: \d+/, 'employees: 40'));
    writeFile(inputs, 'c.yaml', readExample('typical').replace(/web_presence: \w+/, 'web_presence: none'));
    writeFile(inputs, 'notes.txt', 'not an answers file');
    const out = join(dir, 'out');
    const r = runCli(['batch', inputs, '--out', out, '--format', 'json,csv', '--date', '2026-04-01']);
    expect(r.code, r.stderr).toBe(0);
    const summary = readTable(join(out, 'summary.csv'));
    expect(summary).toHaveLength(3);
    const reports = summary.flatMap((s) => s.reports!.split(' '));
    expect(new Set(reports).size).toBe(6);
    expect(readdirSync(out).sort()).toEqual([...reports, 'summary.csv', 'summary.xlsx'].sort());
    const employees = summary.map((s) => JSON.parse(readFileSync(join(out, s.reports!.split(' ')[0]!), 'utf8')).company.employees);
    expect(employees).toEqual(summary.map((s) => Number(s.employees)));
  });

  it('writes a summary.csv whose figures are those of the assess command, in input order whatever --jobs', () => {
    const dir = fresh('summary');
    const files = ['leader', 'laggard', 'typical'].map((name) => join(EXAMPLES, `${name}.yaml`));
    const one = runCli(['batch', ...files, '--out', join(dir, 'one'), '--format', 'json', '--jobs', '1', '--date', '2026-04-01']);
    const two = runCli(['batch', ...files, '--out', join(dir, 'two'), '--format', 'json', '--jobs', '2', '--date', '2026-04-01']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    const summary = readFileSync(join(dir, 'one', 'summary.csv'), 'utf8');
    expect(readFileSync(join(dir, 'two', 'summary.csv'), 'utf8')).toBe(summary);
    const rows = readTable(join(dir, 'one', 'summary.csv'));
    const dims = pack.definition.dimensions.map((d) => d.id);
    expect(Object.keys(rows[0]!)).toEqual([
      'file', 'status', 'message', 'respondent', 'enterprise_number', 'name', 'region', 'employees', 'assessed_on', 'overall_score', 'overall_level',
      ...dims.flatMap((d) => [`${d}_score`, `${d}_level`]), 'digital_intensity', 'top_aids', 'reports',
    ]);
    files.forEach((file, i) => {
      const a = assessFile(file);
      const row = rows[i]!;
      expect(row.file).toBe(file);
      expect([row.name, row.region, Number(row.employees), row.assessed_on]).toEqual([a.company.name, a.company.region, a.company.employees, a.assessedOn]);
      expect([Number(row.overall_score), Number(row.overall_level)]).toEqual([a.overall.score, a.overall.level]);
      for (const d of a.dimensions) expect([Number(row[`${d.id}_score`]), Number(row[`${d.id}_level`])]).toEqual([d.score, d.level]);
      expect(row.digital_intensity).toBe(a.digitalIntensity ? String(a.digitalIntensity.count) : '');
      expect(row.top_aids).toBe((a.aids ?? []).slice(0, 3).map((x) => x.id).join(' '));
    });
    // The built-in pack ships an aids catalogue: some example firm is eligible for something.
    if (loadPackAids(pack)) expect(rows.some((row) => row.top_aids !== '')).toBe(true);
    if (assessmentData(pack).benchmarks) expect(rows.every((row) => /^\d+$/.test(row.digital_intensity!))).toBe(true);
    // The portfolio counts each firm once per dimension.
    const overall = one.stdout.split('\n').find((l) => l.startsWith('Overall index'))!;
    const counts = overall.trim().split(/\s+/).slice(2, 7).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(counts[4]).toBe(rows.filter((r) => r.overall_level === '5').length);
  });

  it('applies a custom mapping: reworded headers and answers, ignored columns; a bad mapping stops the batch', () => {
    const dir = fresh('mapping');
    const [presence] = [...pack.questions.values()].map((e) => e.question).filter((q) => q.type === 'single');
    const best = presence!.options.reduce((a, b) => (b.points > a.points ? b : a));
    const mapping = writeFile(dir, 'mapping.yaml', stringifyYaml({
      questionnaire: pack.definition.id,
      ignore: ['Remarques'],
      columns: { 'Question reformulée': presence!.id },
      answers: { [presence!.id]: { 'Oui, depuis longtemps': best.id } },
    }));
    const questions = formQuestions('fr').filter((q) => q.id !== presence!.id);
    const header = [...questions.map((q) => q.column), 'Question reformulée', 'Remarques'];
    const row = [...formRow(questions, 'Alias SRL', 0), 'Oui, depuis longtemps', 'rien'];
    const form = writeFile(dir, 'form.csv', [header, row].map((r) => csvLine(r, ';')).join('\n') + '\n');
    const r = runCli(['batch', form, '--mapping', mapping, '--out', join(dir, 'out'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
    const [summary] = readTable(join(dir, 'out', 'summary.csv'));
    const report = JSON.parse(readFileSync(join(dir, 'out', summary!.reports!), 'utf8'));
    const answered = report.dimensions.flatMap((d: any) => d.questions).find((q: any) => q.id === presence!.id);
    expect(answered.answer).toEqual([best.label.fr]);

    const bad = writeFile(dir, 'bad.yaml', `questionnaire: ${pack.definition.id}\ncolumns:\n  "Site ?": no_such_question\n`);
    const b = runCli(['batch', form, '--mapping', bad, '--out', join(dir, 'out2'), '--format', 'json']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(new RegExp(`^digiscan: ${bad}:3:\\d+: unknown profile or question id "no_such_question"`));
  });

  it('fails every row of a CSV whose header lacks a required profile column, said once at line 1', () => {
    const dir = fresh('header');
    const questions = formQuestions('nl').filter((q) => q.id !== 'region');
    const form = writeFile(dir, 'form.csv', [questions.map((q) => q.column), formRow(questions, 'X', 0), formRow(questions, 'Y', 1)].map((r) => csvLine(r, ',')).join('\n') + '\n');
    const r = runCli(['batch', form, '--out', join(dir, 'out'), '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr.match(new RegExp(`${form}:1: no column “Gewest van de exploitatiezetel”; no row of this file can be scored`, 'g'))).toHaveLength(1);
    const summary = readTable(join(dir, 'out', 'summary.csv'));
    expect(summary.map((s) => [s.name, s.status])).toEqual([['X', 'failed'], ['Y', 'failed']]);
  });

  it('explains a bad --format and a bad --jobs in one line, exit 2', () => {
    const dir = fresh('args');
    const f = runCli(['batch', EXAMPLES, '--out', dir, '--format', 'json,docx']);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/^digiscan: --format .* not "docx"\n$/);
    const j = runCli(['batch', EXAMPLES, '--out', dir, '--jobs', 'zero']);
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/^digiscan: --jobs must be/);
  });

  it('without a terminal, prints a progress line per tenth of the batch, not one per file', () => {
    const dir = fresh('plain');
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    const total = 40;
    for (let i = 0; i < total; i++) writeFile(inputs, `f${i}.yaml`, readExample('typical').replace(/name: .*/, `name: Firm ${i}`));
    const r = runCli(['batch', inputs, '--out', join(dir, 'out'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => /firms processed/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines.at(-1)).toBe(`digiscan: ${total}/${total} firms processed, 0 failed`);
  });

  it('on a terminal, shows a spinner with done/total and failures', async () => {
    const { spawn } = await import('node-pty');
    const dir = fresh('tty');
    const env = { ...process.env, TERM: 'xterm', LANG: 'en_US.UTF-8' } as Record<string, string>;
    delete env.CI;
    writeFile(dir, 'broken.yaml', 'questionnaire: [\n');
    const args = [BIN, 'batch', EXAMPLES, join(dir, 'broken.yaml'), '--out', join(dir, 'out'), '--format', 'json'];
    const term = spawn(process.execPath, args, { cols: 120, rows: 40, cwd: ROOT, env });
    let screen = '';
    term.onData((data) => (screen += data));
    const code = await new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
    const firms = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).length;
    expect(code).toBe(1);
    expect(screen).toMatch(/\u001b\[\d*G/); // the spinner redraws its line
    expect(screen).toContain(`${firms + 1}/${firms + 1} firms processed, 1 failed`);
    expect(screen).toContain(`${join(dir, 'broken.yaml')}:`);
  });

  // Runs once the PDF renderer (src/reports/pdf/index.ts) is in the tree; src/app/batch/report.ts must then
  // import it literally (see the TODO there) for the bundle to contain it.
  it.skipIf(!existsSync(join(ROOT, 'src/reports/pdf/index.ts')))('writes one PDF per firm with --format pdf', () => {
    const dir = fresh('pdf');
    const out = join(dir, 'out');
    const r = runCli(['batch', EXAMPLES, '--out', out, '--format', 'pdf,json', '--date', '2026-04-01']);
    expect(r.code, r.stderr).toBe(0);
    const summary = readTable(join(out, 'summary.csv'));
    expect(summary).toHaveLength(readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).length);
    for (const row of summary) {
      const [pdf, json] = row.reports!.split(' ');
      expect(pdf!.replace(/\.pdf$/, '')).toBe(json!.replace(/\.json$/, ''));
      expect(readFileSync(join(out, pdf!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });
});

describe('digiscan template', () => {
  it('writes a blank answers file that validates once filled in, in every language', () => {
    for (const lang of LANGS) {
      const r = runCli(['template', '--yaml', '--lang', lang]);
      expect(r.code, r.stderr).toBe(0);
      // Blank, it is a valid answers file with nothing answered yet.
      const blank = parseAnswers(r.stdout, 'blank.yaml', pack, { requireProfile: false });
      expect(blank.language).toBe(lang);
      expect(Object.keys(blank.answers)).toEqual([]);
      // Every id is present, each with the options listed in a comment just above it.
      const data = parseYaml(r.stdout);
      expect(Object.keys(data.company)).toEqual(pack.definition.profile.map((q) => q.id));
      expect(Object.keys(data.answers)).toEqual([...pack.questions.keys()]);
      for (const { question: q } of pack.questions.values()) {
        const lines = r.stdout.split('\n');
        const at = lines.findIndex((l) => l.trim() === `${q.id}: null`);
        for (const o of q.options) expect(lines[at - 1]).toContain(`${o.id} = ${o.label[lang]}`);
      }
      // Filled in with the last option of each question, it scores.
      for (const q of pack.definition.profile) {
        data.company[q.id] = q.id === 'name' ? `Template ${lang}` : q.options ? q.options.at(-1)!.id : q.type === 'number' ? (q.min ?? 0) : null;
      }
      for (const { question: q } of pack.questions.values()) {
        const last = q.options.at(-1)!.id;
        data.answers[q.id] = q.type === 'multi' ? [last] : last;
      }
      const dir = fresh('template');
      const file = writeFile(dir, 'filled.yaml', stringifyYaml(data));
      const a = assessFile(file);
      expect(a.company.name).toBe(`Template ${lang}`);
      expect(a.warnings.find((w) => w.code === 'unanswered')).toBeUndefined();
    }
  });

  it('refuses to overwrite an existing --out file', () => {
    const dir = fresh('tplout');
    const out = writeFile(dir, 'form.csv', 'mine\n');
    const r = runCli(['template', '--csv', '--out', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    expect(runCli(['template', '--csv', '--out', out, '--force']).code).toBe(0);
    expect(existsSync(out) && readFileSync(out, 'utf8').startsWith('\ufeffcolumn,id,type')).toBe(true);
  });
});

describe('batch and test runs', () => {
  it("lists an advisor's test run in the summary but leaves it out of the portfolio", () => {
    const dir = fresh('test-run');
    const a = writeFile(dir, 'a.yaml', readExample('typical'));
    const b = writeFile(dir, 'b.yaml', readExample('leader').replace(/^(language: .*)$/m, '$1\nsession:\n  type: test-run'));
    const r = runCli(['batch', a, b, '--out', join(dir, 'out'), '--format', 'json', '--date', '2026-04-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(readTable(join(dir, 'out', 'summary.csv'))).toHaveLength(2);
    expect(r.stdout).toMatch(/Reports of 1 firm in /);
  });
});

describe('batch --calendar', () => {
  it("writes one calendar with each firm's events in its own language, leaves test runs out, and never overwrites it", async () => {
    const dir = fresh('calendar');
    const a = writeFile(dir, 'a.yaml', readExample('typical'));
    const b = writeFile(dir, 'b.yaml', readExample('leader'));
    const c = writeFile(dir, 'c.yaml', readExample('laggard').replace(/^(language: .*)$/m, '$1\nsession:\n  type: test-run'));
    const ics = join(dir, 'all.ics');
    const r = runCli(['batch', a, b, c, '--out', join(dir, 'out'), '--format', 'json', '--calendar', ics]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(ics, 'utf8').replace(/\r\n[ \t]/g, '');
    const firms = (name: string) => (text.match(new RegExp(`SUMMARY:${name} — `, 'g')) ?? []).length;
    const report = (file: string) => JSON.parse(readFileSync(join(dir, 'out', readTable(join(dir, 'out', 'summary.csv')).find((s) => s.file === file)!.reports!), 'utf8')) as Assessment;
    for (const file of [a, b]) {
      const assessment = report(file);
      expect(firms(assessment.company.name), file).toBe(assessment.calendar?.length ?? 0);
    }
    expect(firms(report(c).company.name)).toBe(0);
    expect(text).toMatch(/revue de suivi/); // the typical firm answers in French
    expect(text).toMatch(/opvolgingsgesprek/); // the leader in Dutch
    const again = runCli(['batch', a, '--out', join(dir, 'out2'), '--format', 'json', '--calendar', ics]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/all\.ics: already exists; not overwritten/);
  });
});
