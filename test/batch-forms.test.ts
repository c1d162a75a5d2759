// Batch scoring as a consultant meets it: form exports with typos, blanks, branching, timestamps,
// Excel files, the same firm twice, hostile cells; summary.csv and summary.xlsx read back as a
// spreadsheet would; an interrupted batch continued.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { safeCell } from '../src/reports/cells.js';
import { frenchTypography as fr } from '../src/i18n/format.js';
import { parseFormDate } from '../src/app/batch/mapping.js';
import { BIN, PACK_DIR, ROOT, readExample, runCli, tempDir, writeFile } from './helpers/cli.js';
import { loadPack } from '../src/io/load.js';

const pack = loadPack(PACK_DIR);
const tmp = tempDir('digiscan-forms-');
afterAll(tmp.cleanup);
let n = 0;
const fresh = (name: string) => {
  const dir = join(tmp.dir, `${name}${n++}`);
  mkdirSync(dir);
  return dir;
};

type Table = Record<string, string>[];
const readTable = (file: string) => parseCsv(readFileSync(file), { columns: true, bom: true }) as Table;

interface Question {
  column: string;
  id: string;
  type: string;
  answers: string[];
  section: string;
  condition: string;
  conditionIds: string;
}
const templates = new Map<string, Question[]>();
function questions(lang: string): Question[] {
  if (!templates.has(lang)) {
    const r = runCli(['template', '--csv', '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv(r.stdout, { columns: true, bom: true }) as Record<string, string>[];
    templates.set(
      lang,
      rows.map((q) => ({ column: q.column!, id: q.id!, type: q.type!, answers: q.answers ? q.answers.split(' | ') : [], section: q.section!, condition: q.condition!, conditionIds: q.condition_ids! })),
    );
  }
  return templates.get(lang)!;
}

/** A row answering with option `pick` where the form would ask (branching respected unless `flat`). */
function answers(qs: Question[], name: string, pick: number, edits: Record<string, string> = {}, flat = false): string[] {
  const chosen = new Map<string, string>();
  return qs.map((q) => {
    if (q.id in edits) return edits[q.id]!;
    if (q.id === 'name') return name;
    if (q.id === 'region') return q.answers[pick % 3]!;
    if (q.type === 'number') return q.id === 'employees' ? String(3 + pick) : '';
    if (q.type === 'text') return '';
    const entry = pack.questions.get(q.id);
    if (entry) chosen.set(q.id, entry.question.options[pick % entry.question.options.length]!.id);
    if (!flat && q.conditionIds) {
      if (!conditionHolds(q.conditionIds, chosen, 3 + pick)) return '';
    }
    return q.answers[pick % q.answers.length]!;
  });
}

/** A template condition ("web_presence = yes", "employees ≥ 10") against a row's chosen option ids. */
function conditionHolds(ids: string, chosen: Map<string, string>, employees: number): boolean {
  const bound = /^employees ([≥≤]) (\d+)$/.exec(ids);
  if (bound) return bound[1] === '≥' ? employees >= Number(bound[2]) : employees <= Number(bound[2]);
  const [control, options] = ids.split(' = ');
  return options!.split(' | ').includes(chosen.get(control!) ?? '');
}

const field = (v: string, sep: string) => (/[",;\n\r\t]/.test(v) || v.includes(sep) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][], sep = ',') => rows.map((r) => r.map((c) => field(c, sep)).join(sep)).join('\n') + '\n';

describe('a Google Forms export with mistakes', () => {
  const qs = questions('fr');
  const typoAt = qs.findIndex((q) => q.id === 'inv_tool');
  const right = qs[typoAt]!.answers[3]!; // "Logiciel de facturation ou comptable en ligne"
  const header = ['Horodateur', ...qs.map((q) => q.column), 'Adresse e-mail'];
  const rows = [
    ['2026/03/02 10:00:00 AM UTC+1', ...answers(qs, 'Alpha SRL', 2), 'alpha@example.be'],
    ['2026/03/03 11:30:00 AM UTC+1', ...answers(qs, 'Beta SA', 1, { inv_tool: right.replace('ou comptable ', '') }), 'beta@example.be'],
    ['2026/03/04 09:00:00 AM UTC+1', ...answers(qs, 'Gamma', 0, { employees: '' }), 'gamma@example.be'],
    ['2026/03/05 09:00:00 AM UTC+1', ...answers(qs, 'Delta', 0, {}, true), 'delta@example.be'],
    ['2026/03/06 09:00:00 AM UTC+1', ...answers(qs, 'alpha srl', 1, { web_social: 'Deux ou pluss' }), 'alpha2@example.be'],
    ['2026/03/07 09:00:00 AM UTC+1', ...answers(qs, 'Epsilon', 1, { region: 'Bruxelle-Capital' }), 'epsilon@example.be'],
  ];

  it('scores every firm it can, fails only the one without employees, one summary row per form row', () => {
    const dir = fresh('google');
    const form = writeFile(dir, 'reponses.csv', csv([header, ...rows]));
    const r = runCli(['batch', form, '--out', join(dir, 'out'), '--format', 'json', '--lang', 'fr', '--date', '2026-04-01']);
    expect(r.code).toBe(1);
    const summary = readTable(join(dir, 'out', 'summary.csv'));
    expect(summary).toHaveLength(rows.length);
    expect(summary.map((s) => [s.file, s.name, s.status, s.respondent, s.assessed_on])).toEqual([
      [`${form}:2`, 'Alpha SRL', 'ok', 'alpha@example.be', '2026-03-02'],
      [`${form}:3`, 'Beta SA', 'warnings', 'beta@example.be', '2026-03-03'],
      [`${form}:4`, 'Gamma', 'failed', 'gamma@example.be', '2026-03-04'],
      [`${form}:5`, 'Delta', 'warnings', 'delta@example.be', '2026-03-05'],
      [`${form}:6`, 'alpha srl', 'warnings', 'alpha2@example.be', '2026-03-06'],
      [`${form}:7`, 'Epsilon', 'failed', 'epsilon@example.be', '2026-03-07'],
    ]);
    // The typo: the answer is left unanswered, said with column title, value, labels and the closest one.
    const typed = right.replace('ou comptable ', '');
    const labels = qs[typoAt]!.answers.map((a) => `« ${a} »`);
    expect(summary[1]!.message).toBe(
      fr(`« ${qs[typoAt]!.column} » : « ${typed} » ne fait pas partie des réponses prévues (${labels.slice(0, -1).join(', ')} ou ${labels.at(-1)}). Vouliez-vous dire « ${right} » ? La question reste sans réponse.`),
    );
    const beta = JSON.parse(readFileSync(join(dir, 'out', summary[1]!.reports!), 'utf8'));
    expect(beta.dimensions.flatMap((d: any) => d.questions).find((q: any) => q.id === 'inv_tool').status).toBe('missing');
    expect(beta.assessedOn).toBe('2026-03-03');
    // The failed row keeps what could be read, and says why.
    expect([summary[2]!.region, summary[2]!.employees, summary[2]!.reports]).toEqual(['BE-BRU', '', '']);
    expect(summary[2]!.message!.startsWith(fr('Non évaluée : « Nombre de travailleurs (ETP) » est vide : impossible'))).toBe(true);
    // A flat form answers questions its own answers rule out: left out, one warning per condition.
    expect(summary[3]!.message).toContain(fr(`réponses ignorées : les questions « ${qs.find((q) => q.id === 'web_mobile')!.column} »`));
    expect(summary[3]!.message).toContain(fr(`ne se posent que si la réponse à « ${qs.find((q) => q.id === 'web_presence')!.column} » est « Oui », et la réponse donnée est « Non ».`));
    // The same firm twice; answers close to a label (a region that cannot be read fails the firm).
    expect(summary[4]!.message).toContain(fr('« Deux ou pluss » ne fait pas partie des réponses prévues'));
    expect(summary[4]!.message).toContain(fr('Vouliez-vous dire « Deux ou plus » ?'));
    expect(summary[5]!.message).toContain(fr('Non évaluée : « Région du siège d\'exploitation » : « Bruxelle-Capital » ne fait pas partie'));
    expect(summary[5]!.message).toContain(fr('Vouliez-vous dire « Bruxelles-Capitale » ?'));
    expect(summary[4]!.message).toMatch(new RegExp(`Même entreprise que ${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, ligne 2 \\(Alpha SRL\\)`));
    // The terminal: the failure by name, the rows to check, in French.
    expect(r.stderr).toContain(fr('digiscan: 2 échecs :'));
    expect(r.stderr).toContain(`${form}, ligne 4 (Gamma): Non évaluée`);
    expect(r.stderr).toMatch(/3 lignes à vérifier/);
    expect(r.stdout).toContain(`${fr('Non évaluées (2) :')}\n  Gamma\n  Epsilon\n`);
  });

  it('words the same findings in Dutch and English', () => {
    const dir = fresh('langs');
    const form = writeFile(dir, 'reponses.csv', csv([header, rows[1]!, rows[2]!]));
    const nl = runCli(['batch', form, '--out', join(dir, 'nl'), '--format', 'json', '--lang', 'nl']);
    expect(nl.stderr).toContain(`${form}, rij 2 (Beta SA): ‘${qs[typoAt]!.column}’: ‘${right.replace('ou comptable ', '')}’ is geen van de voorziene antwoorden`);
    expect(nl.stderr).toContain(`Bedoelde u ‘${right}’? De vraag blijft onbeantwoord.`);
    expect(nl.stderr).toContain(`${form}, rij 3 (Gamma): Niet beoordeeld: ‘Nombre de travailleurs (ETP)’ is leeg`);
    const en = runCli(['batch', form, '--out', join(dir, 'en'), '--format', 'json'], { env: { LANG: 'en_GB.UTF-8', LC_ALL: '' } });
    expect(en.stderr).toContain(`Did you mean “${right}”? The question is left unanswered.`);
    for (const r of [nl, en]) {
      expect(r.stderr).not.toMatch(/\^|\\d|\[a-z|regex|invalid_|expected (string|number)/i);
      expect(r.stderr).not.toMatch(/"inv_tool"|"employees"/);
    }
  });
});

describe('form dates', () => {
  it('reads Google and Microsoft timestamps, and never guesses a day/month order', () => {
    expect(parseFormDate('2026/03/31 10:00:00 AM GMT+2')).toEqual({ ok: true, iso: '2026-03-31' });
    expect(parseFormDate('2026-03-31 10:00:00')).toEqual({ ok: true, iso: '2026-03-31' });
    expect(parseFormDate('3/31/26 10:05')).toEqual({ ok: true, iso: '2026-03-31' });
    expect(parseFormDate('31/03/2026 10:05:00')).toEqual({ ok: true, iso: '2026-03-31' });
    expect(parseFormDate('31.03.2026')).toEqual({ ok: true, iso: '2026-03-31' });
    expect(parseFormDate('3/4/26 10:05')).toEqual({ ok: false, ambiguous: ['2026-04-03', '2026-03-04'] });
    expect(parseFormDate('3/4/26 10:05', 'mdy')).toEqual({ ok: true, iso: '2026-03-04' });
    expect(parseFormDate('3/4/26 10:05', 'dmy')).toEqual({ ok: true, iso: '2026-04-03' });
    expect(parseFormDate('31/03/2026', 'mdy')).toEqual({ ok: false });
    expect(parseFormDate('2026-02-30')).toEqual({ ok: false });
    expect(parseFormDate('yesterday')).toEqual({ ok: false });
  });

  it('warns about an ambiguous date and uses --date; --date-format decides', () => {
    const dir = fresh('dates');
    const qs = questions('en');
    const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', ...qs.map((q) => q.column)];
    const form = writeFile(dir, 'ms.csv', csv([header, ['1', '3/4/26 10:00', '3/4/26 10:05', 'anonymous', 'anonymous', ...answers(qs, 'Epsilon', 1)], ['2', '3/14/26 9:00', '3/14/26 9:04', 'z@example.be', '', ...answers(qs, 'Zeta', 2)]], ';'));
    const r = runCli(['batch', form, '--out', join(dir, 'a'), '--format', 'json', '--date', '2026-04-01', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const a = readTable(join(dir, 'a', 'summary.csv'));
    expect(a.map((s) => [s.assessed_on, s.status, s.respondent])).toEqual([['2026-04-01', 'warnings', '1'], ['2026-03-14', 'ok', '2 z@example.be']]);
    expect(a[0]!.message!.replace(/\u00a0/g, ' ')).toBe('“Completion time”: “3/4/26 10:05” could be 3 April 2026 or 4 March 2026. Give --date-format dmy (day first) or mdy (month first). Date of the assessment: that of --date, or today.');
    const b = runCli(['batch', form, '--out', join(dir, 'b'), '--format', 'json', '--date', '2026-04-01', '--date-format', 'mdy']);
    expect(b.code, b.stderr).toBe(0);
    expect(readTable(join(dir, 'b', 'summary.csv')).map((s) => s.assessed_on)).toEqual(['2026-03-04', '2026-03-14']);
  });
});

describe('Excel in and out', () => {
  it('reads a Microsoft Forms .xlsx export like its CSV, and writes summary.xlsx with labels, types and filters', async () => {
    const dir = fresh('xlsx');
    const qs = questions('nl');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Form1');
    sheet.addRow(['ID', 'Begintijd', 'Tijd van voltooien', 'E-mailadres', 'Naam', ...qs.map((q) => q.column)]);
    const firms = ['=HYPERLINK("http://evil.example","klik")', 'Bakkerij Peeters', 'Bakkerij Peeters'];
    firms.forEach((name, i) => {
      const cells: unknown[] = answers(qs, name, i + 1, { enterprise_number: i ? ['0123.456.749', 'BE 0123 456 749'][i - 1]! : '' }).map((c, j) => (qs[j]!.id === 'employees' ? Number(c) : c));
      sheet.addRow([i + 1, new Date(Date.UTC(2026, 2, 10 + i, 9)), new Date(Date.UTC(2026, 2, 10 + i, 9, 5)), `p${i}@example.be`, '', ...cells]);
    });
    sheet.getColumn(3).numFmt = 'd/m/yyyy h:mm';
    const input = join(dir, 'antwoorden.xlsx');
    await workbook.xlsx.writeFile(input);

    const r = runCli(['batch', input, '--out', join(dir, 'out'), '--format', 'json,csv', '--lang', 'nl']);
    expect(r.code, r.stderr).toBe(0);
    const summary = readTable(join(dir, 'out', 'summary.csv'));
    expect(summary.map((s) => [s.file, s.name, s.assessed_on, s.respondent, s.enterprise_number])).toEqual([
      [`${input}:2`, `'${firms[0]}`, '2026-03-10', '1 p0@example.be', ''],
      [`${input}:3`, 'Bakkerij Peeters', '2026-03-11', '2 p1@example.be', '0123.456.749'],
      [`${input}:4`, 'Bakkerij Peeters', '2026-03-12', '3 p2@example.be', 'BE 0123 456 749'],
    ]);
    expect(summary[2]!.message).toContain(`Dezelfde onderneming als ${input}, rij 3 (Bakkerij Peeters) (zelfde naam)`);
    expect(summary[2]!.message).toContain('(zelfde ondernemingsnummer)');
    // The per-firm CSV report neutralises the formula too.
    const report = parseCsv(readFileSync(join(dir, 'out', summary[0]!.reports!.split(' ')[1]!)), { columns: true, bom: true }) as Table;
    expect(report.find((row) => row.id === 'name')!.answer).toBe(`'${firms[0]}`);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'out', 'summary.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Ondernemingen', 'Portefeuille', 'Mislukt']);
    const firmsSheet = book.getWorksheet('Ondernemingen')!;
    expect(firmsSheet.autoFilter).toBeTruthy();
    const head = (firmsSheet.getRow(1).values as unknown[]).slice(1);
    const col = (title: string) => head.indexOf(title) + 1;
    const row2 = firmsSheet.getRow(2);
    expect(row2.getCell(col('Onderneming')).value).toBe(`'${firms[0]}`);
    expect(row2.getCell(col('Onderneming')).type).toBe(ExcelJS.ValueType.String);
    expect(typeof row2.getCell(col('Totaalscore')).value).toBe('number');
    expect(typeof row2.getCell(col('Werknemers')).value).toBe('number');
    expect(row2.getCell(col('Datum')).value).toEqual(new Date('2026-03-10T00:00:00Z'));
    expect(pack.definition.levels.map((l) => l.name.nl)).toContain(row2.getCell(col('Niveau')).value);
    expect(row2.getCell(col('Gewest')).value).toBe(pack.profile.get('region')!.options![1]!.label.nl);
    expect(row2.getCell(col('Status')).value).toBe('ok');
    const ranks = [2, 3, 4].map((i) => firmsSheet.getRow(i).getCell(col('Rang')).value as number);
    const scores = [2, 3, 4].map((i) => firmsSheet.getRow(i).getCell(col('Totaalscore')).value as number);
    for (const [i, rank] of ranks.entries()) expect(rank).toBe(1 + scores.filter((s) => s > scores[i]!).length);
    // Aid names, not ids.
    const aidsCell = String(row2.getCell(col('Belangrijkste steun')).value ?? '');
    if (summary[0]!.top_aids) expect(aidsCell).not.toContain(summary[0]!.top_aids!.split(' ')[0]);
    const portfolio = book.getWorksheet('Portefeuille')!;
    const texts = [] as string[];
    portfolio.eachRow((row) => texts.push((row.values as unknown[]).slice(1).join('|')));
    expect(texts[0]).toBe('Portefeuille: niveaus van 3 ondernemingen');
    expect(texts).toContain('Praktijken die het vaakst beter kunnen|Ondernemingen');
    expect(texts.find((t) => t.startsWith('Totale index') || t.startsWith(pack.definition.dimensions[0]!.title.nl))).toBeTruthy();
  });
});

describe('hostile cells', () => {
  it('neutralises formula cells and keeps numbers numeric', () => {
    for (const text of ['=1+1', '+32 2 123', '-1+2', '@SUM(A1)', '\tx', '\rx', '＝1+1']) expect(safeCell(text)).toBe(`'${text}`);
    for (const text of ['-12', '-3,5', '+7', '12', 'Alpha', '', "'quoted"]) expect(safeCell(text)).toBe(text);
    expect(safeCell(-3)).toBe(-3);
  });

  it('writes form cells that start with = + - @ tab or CR as text in summary.csv', () => {
    const dir = fresh('inject');
    const qs = questions('en');
    const names = ['=cmd|"/c calc"!A1', '+1+1', '-2+3', '@SUM(1)', '\tTab SRL', '\rCR SRL'];
    const form = writeFile(dir, 'f.csv', csv([qs.map((q) => q.column), ...names.map((name, i) => answers(qs, name, i))]));
    const r = runCli(['batch', form, '--out', join(dir, 'out'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const raw = readFileSync(join(dir, 'out', 'summary.csv'), 'utf8');
    const cells = (parseCsv(raw, { bom: true }) as string[][]).flat();
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+$)/);
    // Leading blanks of a form cell are trimmed; what is left of a formula is quoted.
    expect(readTable(join(dir, 'out', 'summary.csv')).map((s) => s.name)).toEqual(["'=cmd|\"/c calc\"!A1", "'+1+1", "'-2+3", "'@SUM(1)", 'Tab SRL', 'CR SRL']);
  });
});

describe('odd files', () => {
  it('decides the encoding on the whole file: a Windows-1252 accent after the first 64 KB is read right', () => {
    const dir = fresh('cp1252');
    // Plain ASCII for the first 70 KB (a long comment column), the first accent after it.
    const header = 'Company name;Region of the operating seat;Number of employees (FTE);Comment\r\n';
    const text = `${header}Alpha;Wallonia;3;${'x'.repeat(70 * 1024)}\r\nSociété Générale;Wallonie;4;\r\n`;
    const form = join(dir, 'excel.csv');
    writeFileSync(form, Buffer.from(text, 'latin1'));
    const r = runCli(['batch', form, '--out', join(dir, 'out'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(readTable(join(dir, 'out', 'summary.csv')).map((s) => s.name)).toEqual(['Alpha', 'Société Générale']);
  });

  it('lists the first failures on the terminal and counts the rest; summary.csv has them all', () => {
    const dir = fresh('many');
    const rows = Array.from({ length: 300 }, (_, i) => `Firm ${i},Wallonia,`);
    const form = writeFile(dir, 'f.csv', `Company name,Region of the operating seat,Number of employees (FTE)\n${rows.join('\n')}\n`);
    const r = runCli(['batch', form, '--out', join(dir, 'out'), '--format', 'json']);
    expect(r.code).toBe(1);
    const listed = r.stderr.split('\n').filter((l) => /row \d+ \(Firm \d+\): Not scored/.test(l));
    expect(listed).toHaveLength(20);
    expect(r.stderr).toContain(`digiscan: … and 280 more, in ${join(dir, 'out', 'summary.csv')}`);
    expect(readTable(join(dir, 'out', 'summary.csv'))).toHaveLength(300);
  });
});

describe('template --csv for forms with branching', () => {
  it('gives each question its section and condition, in the form\'s words and as ids', () => {
    const qs = questions('fr');
    const mobile = qs.find((q) => q.id === 'web_mobile')!;
    const presence = qs.find((q) => q.id === 'web_presence')!;
    expect(mobile.conditionIds).toBe('web_presence = yes');
    expect(mobile.condition).toBe(fr(`Seulement si la réponse à « ${presence.column} » est « Oui »`));
    expect(mobile.section).toBe(pack.questions.get('web_mobile')!.dimension.title.fr);
    expect(qs.find((q) => q.id === 'name')!.section).toBe('Votre entreprise');
    for (const q of qs) expect(Boolean(q.condition)).toBe(Boolean(q.conditionIds));
  });
});

describe('an interrupted batch', () => {
  const firms = 4;
  function inputs(dir: string): string {
    const folder = join(dir, 'in');
    mkdirSync(folder);
    for (let i = 0; i < firms; i++) {
      writeFile(folder, `f${String(i).padStart(2, '0')}.yaml`, readExample(['typical', 'leader', 'laggard'][i % 3]!).replace(/name: .*/, `name: ${i % 4 === 0 ? 'Same Name' : `Firm ${i}`}`));
    }
    return folder;
  }

  /** Starts a batch and stops it with `signal` once `after` reports exist; resolves with its exit. */
  function interrupt(args: string[], out: string, signal: NodeJS.Signals, after: number, ext = '.pdf') {
    return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setInterval(() => {
        const done = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith(ext)).length : 0;
        if (done >= after) {
          clearInterval(timer);
          child.kill(signal);
        }
      }, 10);
      child.on('exit', (code, sig) => {
        clearInterval(timer);
        resolve({ code, signal: sig, stderr });
      });
    });
  }

  it('after kill -9, --resume keeps the complete reports and writes the summary of an uninterrupted run', async () => {
    const dir = fresh('kill');
    const folder = inputs(dir);
    const args = (out: string) => ['batch', folder, '--out', out, '--format', 'pdf,json', '--jobs', '2', '--date', '2026-04-01'];
    const out = join(dir, 'cut');
    // The uninterrupted run goes alongside the one that is killed.
    const [whole, killed] = await Promise.all([interrupt(args(join(dir, 'whole')), join(dir, 'whole'), 'SIGKILL', Infinity), interrupt(args(out), out, 'SIGKILL', 1, '.json')]);
    expect(whole.code, whole.stderr).toBe(0);
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);
    // A firm is complete once its last format (json) is written.
    const before = new Map(readdirSync(out).filter((f) => f.endsWith('.json')).flatMap((f) => [f, f.replace(/json$/, 'pdf')]).map((f) => [f, statSync(join(out, f)).mtimeMs]));
    expect(before.size).toBeGreaterThanOrEqual(1);

    const again = runCli(args(out)); // the same command, without --resume, continues too
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/holds an unfinished batch/);
    expect(again.stdout).toMatch(/kept from an earlier run \(reports already complete\)/);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe(readFileSync(join(dir, 'whole', 'summary.csv'), 'utf8'));
    for (const [file, mtime] of before) expect(statSync(join(out, file)).mtimeMs).toBe(mtime);
    expect(readdirSync(out).sort()).toEqual(readdirSync(join(dir, 'whole')).sort());
    // Same report names for same-named firms, whatever order the workers finished in.
    for (const f of readdirSync(out).filter((x) => x.endsWith('.json'))) {
      expect(JSON.parse(readFileSync(join(out, f), 'utf8')).company).toEqual(JSON.parse(readFileSync(join(dir, 'whole', f), 'utf8')).company);
    }
  }, 120_000);

  const expectStopped = (r: { code: number | null; stderr: string }, out: string, code: number) => {
    expect(r.code, r.stderr).toBe(code);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);
    expect(r.stderr).toMatch(new RegExp(`digiscan: interrupted: \\d+ of ${firms} firms done; their complete reports are kept`));
    return /digiscan: to continue: (.*)/.exec(r.stderr)![1]!;
  };

  it('on Ctrl-C, leaves no temporary file, prints how far it got and the command that continues', async () => {
    const dir = fresh('SIGINT');
    const folder = inputs(dir);
    const out = join(dir, 'out');
    const r = await interrupt(['batch', folder, '--out', out, '--format', 'pdf', '--jobs', '2', '--date', '2026-04-01'], out, 'SIGINT', 1);
    const command = expectStopped(r, out, 130);
    expect(command).toBe(`digiscan batch ${folder} --out ${out} --format pdf --jobs 2 --date 2026-04-01 --resume`);
    const resumed = runCli(command.split(' ').slice(1));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readTable(join(out, 'summary.csv'))).toHaveLength(firms);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('on SIGTERM and SIGHUP too', async () => {
    const runs = (['SIGTERM', 'SIGHUP'] as const).map((signal) => {
      const dir = fresh(signal);
      const folder = inputs(dir);
      const out = join(dir, 'out');
      return interrupt(['batch', folder, '--out', out, '--format', 'pdf', '--jobs', '2'], out, signal, 1).then((r) => ({ r, out, signal }));
    });
    for (const { r, out, signal } of await Promise.all(runs)) expectStopped(r, out, signal === 'SIGTERM' ? 143 : 129);
  }, 120_000);
});
