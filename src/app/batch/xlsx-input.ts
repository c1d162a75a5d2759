// Reads the first sheet of an .xlsx workbook (Microsoft Forms' own export, or a CSV saved by Excel)
// as the same events as a CSV export: the header, then each row with its row number.
import { UserError } from '../../core/errors.js';
import { describeFsError } from '../../io/read.js';
import type { CsvEvent } from './csv-input.js';

/** A cell as the text a CSV export of it would hold; dates as ISO "YYYY-MM-DD HH:MM:SS". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // Excel stores local wall-clock time; exceljs hands it over as if it were UTC.
    return value.toISOString().slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'object') {
    const v = value as { text?: unknown; richText?: { text: string }[]; result?: unknown; error?: string; hyperlink?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
    if (v.error !== undefined) return '';
    return '';
  }
  return String(value);
}

export async function* readXlsx(file: string): AsyncGenerator<CsvEvent> {
  const { default: ExcelJS } = await import('exceljs');
  let reader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
  } catch (err) {
    throw new UserError(describeFsError(err), { file });
  }
  let first = true;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]) ?? [];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (first) {
          first = false;
          yield { type: 'header', cells };
          continue;
        }
        if (cells.every((c) => c.trim() === '')) continue;
        yield { type: 'row', row: { line: row.number, cells } };
      }
      break; // the first sheet holds the responses
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code) throw new UserError(describeFsError(err), { file });
    throw new UserError('not a readable Excel workbook (.xlsx); save it again from Excel, or export it as CSV', { file });
  }
  if (first) throw new UserError('file is empty', { file });
}
