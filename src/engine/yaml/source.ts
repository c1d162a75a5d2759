// YAML text → data that can point back at the line and column of any value. No file system.
import { LineCounter, isMap, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';
import { UserError } from '../../core/errors.js';

export type PathKey = string | number;
export type YamlPath = readonly PathKey[];

/** A parsed YAML file that can point back at the line and column of any value in it. */
export interface YamlSource {
  file: string;
  data: unknown;
  /**
   * Line and column (1-based) of the value at `path`, or of the nearest parent that exists;
   * with `key`, of the map key that names it (for "unknown key" messages).
   */
  locate(path: YamlPath, options?: { key?: boolean }): { line: number; col: number };
  /** For shipped data only: what the file's loader produced from it when the build checked it. */
  checked?: unknown;
}

// A sane pack or answers file uses no aliases at all; this refuses "billion laughs" documents.
const MAX_ALIAS_COUNT = 50;
/** Keys allowed in one mapping (the interface strings, the largest, have about a thousand). */
export const MAX_KEYS = 10_000;
/** Keys that would reach an object's prototype in JavaScript: refused everywhere. */
export const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseYaml(text: string, file: string): YamlSource {
  if (text.trim() === '') throw new UserError('file is empty', { file }, undefined, { key: 'error.empty' });
  // A carriage return alone ends a line in YAML (old Mac files); the parser only knows LF and CRLF.
  if (/\r(?!\n)/.test(text)) text = text.replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  // Unique keys are checked below in linear time: the library's own check is quadratic (80,000 keys: 207 s).
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const pos = (offset: number) => lineCounter.linePos(offset);
  const first = doc.errors[0];
  if (first) {
    const { line, col } = pos(first.pos[0]);
    throw new UserError(`invalid YAML: ${yamlMessage(first.message)}`, { file, line, col });
  }
  checkKeys(doc, file, pos);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const msg = (err as Error).message;
    if (/alias/i.test(msg)) throw new UserError('too many YAML aliases (possible alias bomb); refusing to expand', { file });
    throw new UserError(`invalid YAML: ${yamlMessage(msg)}`, { file });
  }
  return {
    file,
    data,
    locate(path, options) {
      if (options?.key && path.length) {
        const parent = doc.getIn(path.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
          const range = (pair?.key as Node | undefined)?.range;
          if (range) return pos(range[0]);
        }
      }
      const node = nearestNode(doc, path);
      const offset = node?.range?.[0] ?? 0;
      return pos(offset);
    },
  };
}

/** Every mapping: at most MAX_KEYS keys, each once, none reserved. One pass over the document. */
function checkKeys(doc: Document, file: string, pos: (offset: number) => { line: number; col: number }): void {
  const at = (node: unknown) => pos((node as Node | undefined)?.range?.[0] ?? 0);
  visit(doc, {
    Map(_, map) {
      if (map.items.length > MAX_KEYS) {
        throw new UserError(`a mapping with ${map.items.length} keys; at most ${MAX_KEYS} are allowed`, { file, ...at(map) });
      }
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        if (RESERVED_KEYS.has(key)) throw new UserError(`"${key}" is a reserved word and cannot be used as a key`, { file, ...at(pair.key) });
        if (seen.has(key)) throw new UserError('invalid YAML: Map keys must be unique', { file, ...at(pair.key) });
        seen.add(key);
      }
    },
  });
}

function yamlMessage(message: string): string {
  if (/call stack/i.test(message)) return 'nested too deeply';
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
}

function nearestNode(doc: Document, path: YamlPath): Node | undefined {
  // A missing key or index points at the nearest parent that exists.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return undefined;
}
