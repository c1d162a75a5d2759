// Text from input (names, notes, form cells, file names, pack texts) must never drive the terminal:
// an escape sequence in a company name could clear the screen, set the window title, write to the
// clipboard, fake a hyperlink, or a carriage return could overwrite an error line. Every writer shows
// such characters as visible escapes (`\u001b`), whatever the colour setting or the output.

/**
 * Characters that are never printed raw: C0 controls except tab and newline, DEL, C1 controls, the
 * line/paragraph separators, and the bidirectional overrides/isolates that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_OR_LAYOUT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text safe to print: every control character shown as `\uXXXX`; newlines and tabs are kept. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Like `visible`, for a value printed inside one line (a name, a file name): newlines and tabs escaped too. */
export function visibleInline(text: string): string {
  return text.replace(UNSAFE_OR_LAYOUT, escape);
}

/** Whether `text` holds a character that `visible` would escape. */
export function hasUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/**
 * A deep copy of a value (an Assessment, a list of aid matches, ...) with every string made visible,
 * for a renderer to word it: covers fields added later without naming them.
 */
export function visibleDeep<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) return value.map(visibleDeep) as T;
  const proto = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object)) out[k] = visibleDeep(v);
    return out as T;
  }
  return value;
}

// Escape sequences digiscan itself writes to a terminal: SGR colours (chalk) and the cursor movement,
// line erasing and cursor visibility of the spinner and the interview prompts. Everything else — OSC
// (titles, clipboard, hyperlinks), DCS/APC/PM strings, screen clears, bells, backspaces — is escaped.
// eslint-disable-next-line no-control-regex
const OWN_SEQUENCE = /\u001b\[[0-9;]*[mABCDEFGHK]|\u001b\[\?(?:25|1049|2004)[hl]|\u001b\[0?J|\r/y;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * The last line of defence, applied to everything written to stdout and stderr: with `ansi` (a terminal
 * or forced colour), digiscan's own colour and cursor sequences pass and any other control character
 * is escaped; without it (NO_COLOR, a pipe, a file), every control character but tab and newline is.
 */
export function guardOutput(text: string, ansi: boolean): string {
  // A CR before a LF ends a line (Windows line endings) and cannot overwrite anything: kept.
  if (!ansi) return text.replace(UNSAFE, (ch, offset: number) => (ch === '\r' && text[offset + 1] === '\n' ? ch : escape(ch)));
  if (!CONTROL.test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\u001b' || ch === '\r') {
      OWN_SEQUENCE.lastIndex = i;
      const m = OWN_SEQUENCE.exec(text);
      if (m) {
        out += m[0];
        i += m[0].length;
        continue;
      }
    }
    out += CONTROL.test(ch) ? escape(ch) : ch;
    i++;
  }
  return out;
}

/**
 * Makes every later string written to `stream` pass through `guardOutput` (bytes, such as a PDF
 * piped to stdout, pass untouched). Installed once by the command line, so it covers every command and every writer.
 */
export function guardStream(stream: NodeJS.WriteStream, ansi: () => boolean): void {
  const marker = stream as NodeJS.WriteStream & { __digiscanGuard?: boolean };
  if (marker.__digiscanGuard) return;
  marker.__digiscanGuard = true;
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string') chunk = guardOutput(chunk, ansi());
    return original(chunk, ...rest);
  }) as NodeJS.WriteStream['write'];
}
