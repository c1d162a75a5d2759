// Streams the rows of a form export, whatever the spreadsheet that saved it: UTF-8 with or without
// BOM, "," or ";" (French and Dutch Excel) or tab separators, quoted fields spanning lines.
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { open } from 'node:fs/promises';
import { parse, type CsvError } from 'csv-parse';
import { UserError } from '../../core/errors.js';
import { describeFsError } from '../../io/read.js';

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

const CHUNK = 1024 * 1024;

/**
 * The file's encoding, decided on the whole file (an accent may first appear after a megabyte of plain
 * ASCII), and its beginning as text (to find the separator). UTF-16 and Mac Roman are refused.
 */
async function readHead(file: string): Promise<Head> {
  let handle;
  let head = Buffer.alloc(0);
  let utf8 = true;
  const mac = new MacRomanSigns();
  try {
    handle = await open(file, 'r');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const chunk = Buffer.alloc(CHUNK);
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, position);
      if (bytesRead === 0) break;
      const bytes = chunk.subarray(0, bytesRead);
      if (position === 0) head = Buffer.from(bytes.subarray(0, SNIFF_BYTES));
      if (utf8) {
        try {
          decoder.decode(bytes, { stream: true });
        } catch {
          utf8 = false;
        }
      }
      if (!utf8) mac.scan(bytes, position);
      position += bytesRead;
    }
    if (utf8) {
      try {
        decoder.decode();
      } catch {
        utf8 = false;
      }
    }
  } catch (err) {
    throw new UserError(describeFsError(err), { file });
  } finally {
    await handle?.close();
  }
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    throw new UserError('file is UTF-16 encoded; save it as UTF-8', { file });
  }
  if (utf8) {
    // The sample may end inside a multi-byte character: the decoder drops a cut tail.
    const text = new TextDecoder('utf-8').decode(head.subarray(0, cutUtf8(head)));
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  }
  if (mac.found !== undefined) {
    throw new UserError(
      `file looks Mac Roman encoded (byte 0x${mac.found.byte.toString(16).toUpperCase()} at byte ${mac.found.at + 1} is no letter in Windows-1252)`,
      { file },
      'save it again as "CSV UTF-8"',
    );
  }
  return { text: decodeWindows1252(head), encoding: 'windows-1252' };
}

/** Length of `buf` without a multi-byte UTF-8 character cut at its end. */
function cutUtf8(buf: Buffer): number {
  let end = buf.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = buf[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? end - back : end;
  }
  return end;
}

/**
 * Mac Roman puts é è à ç ê ô ù … at 0x80–0x9F, where Windows-1252 has punctuation (‰ Ž ” •) or
 * nothing: such a byte between two letters, or a byte Windows-1252 leaves undefined, means the file
 * is not Windows-1252.
 */
class MacRomanSigns {
  found: { byte: number; at: number } | undefined;
  private static readonly UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  private static readonly IN_WORD = new Set([0x87, 0x88, 0x89, 0x8b, 0x8e, 0x91, 0x94, 0x95, 0x96, 0x97, 0x99, 0x9f]);
  private previous = 0;
  scan(bytes: Buffer, position: number): void {
    if (this.found) return;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (byte >= 0x80 && byte <= 0x9f) {
        const next = i + 1 < bytes.length ? bytes[i + 1]! : 0;
        const previous = i > 0 ? bytes[i - 1]! : this.previous;
        if (MacRomanSigns.UNDEFINED.has(byte) || (MacRomanSigns.IN_WORD.has(byte) && isLetter(previous) && isLetter(next))) {
          this.found = { byte, at: position + i };
          return;
        }
      }
    }
    this.previous = bytes[bytes.length - 1] ?? 0;
  }
}

function isLetter(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a);
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
      // Rows end at CRLF, LF or CR alike, as in spreadsheet programs: a file whose line endings are
      // mixed (rows pasted from another file) does not run two firms together.
      record_delimiter: ['\r\n', '\n', '\r'],
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
