// Spreadsheet cells that cannot run: a cell a spreadsheet would read as a formula (OWASP "CSV
// injection": text beginning with = + - @, a tab or a carriage return) gets a leading apostrophe, the
// usual mark for "this is text". Numbers, and text that is a plain number ("-12", "3,5"), stay numbers.

const TRIGGER = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;

/** The text of a cell as safe to open in Excel, LibreOffice or Google Sheets. */
export function safeCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  if (!TRIGGER.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** Every cell of a row made safe. */
export function safeRow<T>(row: readonly T[]): (T | string)[] {
  return row.map(safeCell);
}

/** A record's values made safe (for csv-stringify objects). */
export function safeRecord<T extends Record<string, unknown>>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = safeCell(v);
  return out as T;
}
