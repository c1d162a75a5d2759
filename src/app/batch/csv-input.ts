// Streams the rows of a form export, whatever the spreadsheet that saved it: UTF-8 with or without
// BOM, "," or ";" (French and Dutch Excel) or tab separators, quoted fields spanning lines.
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { open } from 'node:fs/promises';
import { parse, type CsvError } from 'csv-parse';
import { UserError } from '../../core/errors.js';
import { decodeText, describeFsError } from '../../io/read.js';

export interface CsvRow {
  /** Line where the row starts (1-based, the header is line 1). */
  line: number;
  cells: string[];
}

export type CsvEvent = { type: 'header'; cells: string[] } | { type: 'row'; row: CsvRow } | { type: 'error'; error: UserError };

const SNIFF_BYTES = 64 * 1024;

/** The separator used in the header line: the most frequent of , ; tab outside quotes. */
export function sniffDelimiter(headerText: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of headerText) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}

interface Head {
  text: string;
  /** Excel on Windows saves "CSV" in Windows-1252 unless told "CSV UTF-8": read both. */
  encoding: 'utf-8' | 'windows-1252';
}

async function readHead(file: string): Promise<Head> {
  let handle;
  let buf: Buffer;
  try {
    handle = await open(file, 'r');
    const chunk = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(chunk, 0, SNIFF_BYTES, 0);
    buf = chunk.subarray(0, bytesRead);
  } catch (err) {
    throw new UserError(describeFsError(err), { file });
  } finally {
    await handle?.close();
  }
  // The sample may end inside a multi-byte character: allow a cut of up to 3 bytes.
  const full = buf.length === SNIFF_BYTES;
  for (let cut = 0; cut <= (full ? 3 : 0); cut++) {
    try {
      return { text: decodeText(buf.subarray(0, buf.length - cut), file), encoding: 'utf-8' };
    } catch (err) {
      if (/UTF-16/.test((err as Error).message)) throw err;
    }
  }
  return { text: decodeWindows1252(buf), encoding: 'windows-1252' };
}

// Bytes 0x80–0x9F of Windows-1252 (€, ’, œ, …); Node's TextDecoder reads them as Latin-1 controls.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(buf: Buffer): string {
  return buf.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeStream(encoding: Head['encoding']): Transform {
  // Windows-1252 is one byte per character, so chunks decode on their own.
  const decoder = new TextDecoder('utf-8');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, encoding === 'utf-8' ? decoder.decode(chunk, { stream: true }) : decodeWindows1252(chunk));
    },
    flush(done) {
      done(null, encoding === 'utf-8' ? decoder.decode() : '');
    },
  });
}

/**
 * The header, then each row, then nothing: one malformed row (a stray quote) is reported as an error
 * event at its line and the rest of the file is still read. A file that cannot be read at all throws.
 */
export async function* readCsv(file: string): AsyncGenerator<CsvEvent> {
  const head = await readHead(file);
  if (head.text.trim() === '') throw new UserError('file is empty', { file });
  const delimiter = sniffDelimiter(head.text);
  const parser = createReadStream(file).pipe(decodeStream(head.encoding)).pipe(
    parse({
      delimiter,
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
    }),
  );
  const skipped: UserError[] = [];
  parser.on('skip', (err: CsvError & { lines?: number }) => {
    skipped.push(new UserError(`malformed CSV row: ${err.message.replace(/ at line \d+.*$/, '').replace(/:.*$/, '')}`, { file, line: err.lines }));
  });
  let first = true;
  let overcount = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      for (const error of skipped.splice(0)) yield { type: 'error', error };
      if (first) {
        first = false;
        yield { type: 'header', cells: record };
        continue;
      }
      // Spreadsheets save formatted but empty rows as ";;;;": not a firm.
      if (record.every((cell) => cell.trim() === '')) continue;
      // info.lines is where the record ends, except that csv-parse counts a CRLF inside a quoted
      // field as two lines: take those back, then step back over the record's own line breaks.
      overcount += count(record, /\r\n/g);
      yield { type: 'row', row: { line: info.lines - overcount - count(record, /\r\n|\r|\n/g), cells: record } };
    }
  } catch (err) {
    const e = err as CsvError & { lines?: number };
    if (e.code && e.code.startsWith('CSV_')) {
      yield { type: 'error', error: new UserError(`malformed CSV: ${e.message.replace(/ at line \d+.*$/, '')}`, { file, line: e.lines }) };
    } else {
      throw new UserError(describeFsError(err), { file });
    }
  }
  for (const error of skipped.splice(0)) yield { type: 'error', error };
}

function count(cells: string[], pattern: RegExp): number {
  return cells.reduce((n, cell) => n + (cell.match(pattern)?.length ?? 0), 0);
}

/** Number of data rows, for the progress total (a second, cheap pass over the file). */
export async function countCsvRows(file: string): Promise<number> {
  let n = 0;
  try {
    for await (const event of readCsv(file)) if (event.type !== 'header') n++;
  } catch {
    n++; // the file fails as one
  }
  return n;
}
