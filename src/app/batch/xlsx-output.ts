// summary.xlsx, for people: the firms (labels, level and aid names, typed numbers and dates, filters
// on, ranked), the portfolio by level and dimension with the practices and aids most often found,
// and the failures. Built from summary.csv once it is complete, streaming, so memory stays flat.
import { createReadStream, createWriteStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { Pack } from '../../engine/pack/load.js';
import { safeCell } from '../../reports/cells.js';
import type { AssessmentData } from '../context.js';
import { Portfolio } from './portfolio.js';
import { createTemp, putInPlace } from './summary.js';
import { removeTemp } from '../../io/temp.js';
import type { Words } from './words.js';

/** Excel's last row: more firms than that are counted in a closing line, not listed. */
const EXCEL_ROWS = 1_048_576;

export interface XlsxOptions {
  pack: Pack;
  data: AssessmentData;
  words: Words;
  portfolio: Portfolio;
  overwrite: boolean;
}

/** Buffers the zip writer may hold before the rows wait for it (exceljs does not apply backpressure). */
const BUFFERED = 32 * 1024 * 1024;

/**
 * Lets the zip writer catch up, so rows do not pile up in memory faster than they are compressed:
 * while buffers are high and the file is still growing, the writer is behind; once the file stops
 * growing it has caught up (what is left is garbage not yet collected).
 */
async function drained(output: { bytesWritten: number }): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  let written = -1;
  while (process.memoryUsage().arrayBuffers > BUFFERED && output.bytesWritten !== written) {
    written = output.bytesWritten;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function* csvRows(file: string): AsyncGenerator<Record<string, string>> {
  yield* createReadStream(file).pipe(parse({ columns: true, bom: true })) as AsyncIterable<Record<string, string>>;
}

export async function writeSummaryXlsx(summaryCsv: string, file: string, options: XlsxOptions): Promise<void> {
  const { pack, data, words, portfolio } = options;
  const { t, lang } = words;
  const def = pack.definition;
  // exceljs's zip writer calls the deprecated Buffer(): not something a consultant can act on.
  process.noDeprecation = true;
  const { default: ExcelJS } = await import('exceljs');

  // The rank of each scored firm needs every score first: one pass to collect them (numbers only).
  const scores: number[] = [];
  for await (const row of csvRows(summaryCsv)) if (row.status !== 'failed' && row.overall_score !== '') scores.push(Number(row.overall_score));
  const sorted = Float64Array.from(scores).sort().reverse();
  const rankOf = (score: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! > score) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };

  const { path: temp, fd } = createTemp(file);
  const stream = createWriteStream('', { fd });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  try {
    const regions = new Map((pack.profile.get('region')?.options ?? []).map((o) => [o.id, o.label[lang]]));
    const levelName = new Map(def.levels.map((l) => [String(l.level), l.name[lang]]));
    const aidName = new Map((data.aids?.catalogue.aids ?? []).map((a) => [a.id, a.name[lang]]));
    const status = (s: string) => t(`batch.status.${s}`);
    const num = (s: string | undefined) => (s === undefined || s === '' || Number.isNaN(Number(s)) ? null : Number(s));
    const text = (s: string | undefined) => (s ? safeCell(s) : null);
    const bold = { font: { bold: true } };

    // Firms
    const firms = workbook.addWorksheet(t('batch.sheet.firms'), { views: [{ state: 'frozen', ySplit: 1 }] });
    const columns: { header: string; width: number; value: (r: Record<string, string>) => unknown; numFmt?: string }[] = [
      { header: t('batch.col.rank'), width: 8, value: (r) => (r.status === 'failed' || r.overall_score === '' ? null : rankOf(Number(r.overall_score))) },
      { header: t('batch.col.name'), width: 30, value: (r) => text(r.name) },
      { header: t('batch.col.status'), width: 14, value: (r) => status(r.status!) },
      { header: t('batch.col.overall'), width: 10, value: (r) => num(r.overall_score) },
      { header: t('batch.col.level'), width: 16, value: (r) => text(levelName.get(r.overall_level!) ?? r.overall_level) },
      ...def.dimensions.flatMap((d) => [
        { header: d.title[lang], width: 12, value: (r: Record<string, string>) => num(r[`${d.id}_score`]) },
        { header: `${d.title[lang]} — ${t('batch.col.level')}`, width: 16, value: (r: Record<string, string>) => text(levelName.get(r[`${d.id}_level`]!) ?? r[`${d.id}_level`]) },
      ]),
      { header: t('batch.col.region'), width: 22, value: (r) => text(regions.get(r.region!) ?? r.region) },
      { header: t('batch.col.employees'), width: 10, value: (r) => num(r.employees) },
      { header: t('batch.col.assessed_on'), width: 12, value: (r) => (r.assessed_on ? new Date(`${r.assessed_on}T00:00:00Z`) : null), numFmt: 'yyyy-mm-dd' },
      { header: t('batch.col.digital_intensity'), width: 10, value: (r) => num(r.digital_intensity) },
      { header: t('batch.col.aids'), width: 40, value: (r) => text((r.top_aids ?? '').split(' ').filter(Boolean).map((id) => aidName.get(id) ?? id).join(' · ')) },
      { header: t('batch.col.message'), width: 60, value: (r) => text(r.message) },
      { header: t('batch.col.respondent'), width: 24, value: (r) => text(r.respondent) },
      { header: t('batch.col.enterprise_number'), width: 16, value: (r) => text(r.enterprise_number) },
      { header: t('batch.col.source'), width: 30, value: (r) => text(r.file) },
      { header: t('batch.col.reports'), width: 40, value: (r) => text(r.reports) },
    ];
    firms.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    firms.getRow(1).font = { bold: true };
    let rows = 1;
    let over = 0;
    for await (const r of csvRows(summaryCsv)) {
      if (rows >= EXCEL_ROWS - 1) {
        over++;
        continue;
      }
      firms.addRow(columns.map((c) => c.value(r))).commit();
      if (++rows % 1000 === 0) await drained(stream);
    }
    if (over) firms.addRow([null, t('batch.more', { count: over, file: 'summary.csv' })]).commit();
    firms.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    firms.commit();

    // Portfolio
    const sheet = workbook.addWorksheet(t('batch.sheet.portfolio'));
    sheet.columns = [{ width: 44 }, ...def.levels.map(() => ({ width: 14 })), { width: 12 }];
    const add = (values: unknown[], style?: typeof bold) => {
      const row = sheet.addRow(values.map(safeCell));
      if (style) row.font = style.font;
      row.commit();
    };
    add([t('batch.portfolio', { count: portfolio.firms })], bold);
    add([null, ...def.levels.map((l) => `${l.level} — ${l.name[lang]}`), t('batch.average')], bold);
    const labels = [t('overall'), ...def.dimensions.map((d) => d.title[lang])];
    labels.forEach((label, i) => add([label, ...portfolio.counts[i]!, portfolio.firms ? Math.round(portfolio.sums[i]! / portfolio.firms) : null]));
    add([]);
    add([t('batch.weak'), t('batch.col.firms')], bold);
    for (const [id, n] of Portfolio.top(portfolio.weak, Infinity)) add([portfolio.questionText(id, lang), n]);
    add([]);
    add([t('batch.top_aids'), t('batch.col.firms')], bold);
    for (const [id, n] of Portfolio.top(portfolio.aids, Infinity)) add([aidName.get(id) ?? id, n]);
    sheet.commit();

    // Failures
    const failures = workbook.addWorksheet(t('batch.sheet.failures'), { views: [{ state: 'frozen', ySplit: 1 }] });
    failures.columns = [
      { header: t('batch.col.source'), width: 30 },
      { header: t('batch.col.name'), width: 30 },
      { header: t('batch.col.respondent'), width: 24 },
      { header: t('batch.col.message'), width: 100 },
    ];
    failures.getRow(1).font = { bold: true };
    let failedRows = 1;
    for await (const r of csvRows(summaryCsv)) {
      if (r.status !== 'failed' || failedRows >= EXCEL_ROWS - 1) continue;
      failures.addRow([text(r.file), text(r.name), text(r.respondent), text(r.message)]).commit();
      if (++failedRows % 1000 === 0) await drained(stream);
    }
    failures.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 4 } };
    failures.commit();
    await workbook.commit();
  } catch (err) {
    stream.destroy();
    removeTemp(temp);
    throw err;
  }
  putInPlace(temp, file, options.overwrite);
}
