// YAML text → data that can point back at the line and column of any value. No file system.
import { LineCounter, isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
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

export function parseYaml(text: string, file: string): YamlSource {
  if (text.trim() === '') throw new UserError('file is empty', { file }, undefined, { key: 'error.empty' });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const pos = (offset: number) => lineCounter.linePos(offset);
  const first = doc.errors[0];
  if (first) {
    const { line, col } = pos(first.pos[0]);
    throw new UserError(`invalid YAML: ${yamlMessage(first.message)}`, { file, line, col });
  }
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
