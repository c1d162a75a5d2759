// Message templates in the ICU MessageFormat subset that interface strings need:
//   {name}                               the value as text
//   {n, number} {n, percent} {n, money}  a number, a share given in percent (26.5 → "26,5 %"), euros
//   {d, date} {d, month}                 an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) in words
//   {n, plural, =0 {…} one {…} other {…}}  with # for the number, by the language's plural rules
//   {x, select, a {…} other {…}}
// Parsed once per template; a template that does not parse is a bug in the translations (tested).
// Unlike full ICU, an apostrophe is always a plain apostrophe (translators write "l'aide", "'{name}'").
import type { Lang } from '../core/lang.js';
import { formatDateWords, formatEuro, formatNumber, formatPercent, pluralCategory } from './format.js';

export type MessageVars = Record<string, string | number | boolean | null | undefined>;

type Part =
  | string
  | { arg: string; type?: 'number' | 'percent' | 'money' | 'date' | 'month' }
  | { arg: string; plural: Record<string, Part[]>; offset: number }
  | { arg: string; select: Record<string, Part[]> }
  | { hash: true };

const cache = new Map<string, Part[]>();

export class MessageSyntaxError extends Error {}

export function parseMessage(template: string): Part[] {
  let parts = cache.get(template);
  if (!parts) {
    const state = { i: 0 };
    parts = parseParts(template, state, false);
    if (state.i < template.length) throw new MessageSyntaxError(`unexpected "}" at ${state.i} in: ${template}`);
    cache.set(template, parts);
  }
  return parts;
}

function parseParts(s: string, state: { i: number }, inPlural: boolean): Part[] {
  const parts: Part[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push(text);
    text = '';
  };
  while (state.i < s.length) {
    const c = s[state.i]!;
    if (c === '}') break;
    if (c === '#' && inPlural) {
      flush();
      parts.push({ hash: true });
      state.i++;
      continue;
    }
    if (c !== '{') {
      text += c;
      state.i++;
      continue;
    }
    flush();
    state.i++;
    parts.push(parseArgument(s, state));
  }
  flush();
  return parts;
}

function parseArgument(s: string, state: { i: number }): Part {
  const head = /^\s*([\w.-]+)\s*(?:,\s*(\w+)\s*)?(,)?/.exec(s.slice(state.i));
  if (!head) throw new MessageSyntaxError(`bad argument at ${state.i} in: ${s}`);
  state.i += head[0].length;
  const [, arg, type, more] = head as unknown as [string, string, string | undefined, string | undefined];
  if (!type) {
    expect(s, state, '}');
    return { arg };
  }
  if (type === 'plural' || type === 'select') {
    if (!more) throw new MessageSyntaxError(`${type} without cases in: ${s}`);
    const cases: Record<string, Part[]> = {};
    let offset = 0;
    for (;;) {
      skipSpace(s, state);
      if (s[state.i] === '}') break;
      const key = /^(offset:\d+|=\d+|[\w-]+)\s*/.exec(s.slice(state.i));
      if (!key) throw new MessageSyntaxError(`bad case at ${state.i} in: ${s}`);
      state.i += key[0].length;
      if (key[1]!.startsWith('offset:')) {
        offset = Number(key[1]!.slice(7));
        continue;
      }
      expect(s, state, '{');
      cases[key[1]!] = parseParts(s, state, type === 'plural');
      expect(s, state, '}');
    }
    expect(s, state, '}');
    if (!cases.other) throw new MessageSyntaxError(`${type} without "other" case in: ${s}`);
    return type === 'plural' ? { arg, plural: cases, offset } : { arg, select: cases };
  }
  if (!['number', 'percent', 'money', 'date', 'month'].includes(type)) throw new MessageSyntaxError(`unknown format "${type}" in: ${s}`);
  skipSpace(s, state);
  expect(s, state, '}');
  return { arg, type: type as 'number' };
}

function skipSpace(s: string, state: { i: number }): void {
  while (state.i < s.length && /\s/.test(s[state.i]!)) state.i++;
}

function expect(s: string, state: { i: number }, char: string): void {
  skipSpace(s, state);
  if (s[state.i] !== char) throw new MessageSyntaxError(`expected "${char}" at ${state.i} in: ${s}`);
  state.i++;
}

/** Fills a template; a variable the caller did not pass stays visible as {name}. */
export function formatMessage(template: string, vars: MessageVars | undefined, lang: Lang): string {
  if (!template.includes('{')) return template;
  return render(parseMessage(template), vars ?? {}, lang, undefined);
}

function render(parts: Part[], vars: MessageVars, lang: Lang, hash: number | undefined): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('hash' in part) out += hash === undefined ? '#' : formatNumber(hash, lang);
    else if (!(part.arg in vars)) out += `{${part.arg}}`;
    else if ('plural' in part) {
      const n = Number(vars[part.arg]) - part.offset;
      const chosen = part.plural[`=${n + part.offset}`] ?? part.plural[pluralCategory(n, lang)] ?? part.plural.other!;
      out += render(chosen, vars, lang, n);
    } else if ('select' in part) {
      out += render(part.select[String(vars[part.arg])] ?? part.select.other!, vars, lang, hash);
    } else out += formatValue(vars[part.arg], part.type, lang);
  }
  return out;
}

function formatValue(value: MessageVars[string], type: 'number' | 'percent' | 'money' | 'date' | 'month' | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (type === undefined) return typeof value === 'number' ? String(value) : String(value);
  if (type === 'date' || type === 'month') return formatDateWords(String(value), lang);
  const n = Number(value);
  // A caller that passed words ("12,5") keeps them rather than printing NaN.
  if (typeof value !== 'number' && !Number.isFinite(n)) return String(value);
  if (type === 'number') return formatNumber(n, lang);
  if (type === 'percent') return formatPercent(n, lang);
  return formatEuro(n, lang);
}
