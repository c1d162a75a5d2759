// The folder layout is the pipeline, and imports only point down it:
//   core ← i18n ← engine ← reports, io ← app ← cli
// The engine (pack, answers, scoring, benchmarks, aids, recommendations, assessment) is pure:
// no file system, no process, no clock. Nothing imports cli/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const SRC = join(ROOT, 'src');
const LAYERS = ['core', 'i18n', 'engine', 'reports', 'io', 'app', 'cli'] as const;
type Layer = (typeof LAYERS)[number];
/** What each layer may import, besides itself. */
const ALLOWED: Record<Layer, Layer[]> = {
  core: [],
  i18n: ['core'],
  engine: ['core', 'i18n'],
  reports: ['core', 'i18n', 'engine'],
  io: ['core', 'i18n', 'engine'],
  app: ['core', 'i18n', 'engine', 'reports', 'io'],
  cli: ['core', 'i18n', 'engine', 'reports', 'io', 'app'],
};
/** Node modules the pure engine must not touch: files, processes, threads, the network. */
const IMPURE = /^node:(fs|fs\/promises|child_process|worker_threads|net|http|https|dns|os|process|readline|tty)$/;

interface Edge {
  from: string;
  to: string;
  line: number;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (entry.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Static imports, re-exports and dynamic import() of one file, with their line numbers. */
export function importsOf(file: string, text: string): { spec: string; line: number }[] {
  const found: { spec: string; line: number }[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    const at = m.index + m[0].search(/\S/);
    found.push({ spec, line: text.slice(0, at).split('\n').length });
  }
  return found;
}

function layerOf(file: string): Layer | undefined {
  const top = relative(SRC, file).split(/[\\/]/)[0];
  return (LAYERS as readonly string[]).includes(top!) ? (top as Layer) : undefined;
}

const files = sourceFiles(SRC);
const edges: Edge[] = [];
const external: Edge[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const { spec, line } of importsOf(file, text)) {
    if (spec.startsWith('.')) edges.push({ from: file, to: resolve(dirname(file), spec).replace(/\.js$/, '.ts'), line });
    else external.push({ from: file, to: spec, line });
  }
}
const where = (e: Edge) => `${relative(ROOT, e.from)}:${e.line} → ${e.to.startsWith('/') ? relative(ROOT, e.to) : e.to}`;

describe('layers', () => {
  it('puts every source file in a known layer', () => {
    expect(files.filter((f) => !layerOf(f)).map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('reads the imports of a file, dynamic ones too', () => {
    const text = "import { a } from '../x.js';\nexport type { B } from './y.js';\nconst m = await import('../../z.js');\n";
    expect(importsOf('f.ts', text).map((i) => [i.spec, i.line])).toEqual([['../x.js', 1], ['./y.js', 2], ['../../z.js', 3]]);
  });

  it('only imports downwards; nothing imports cli/', () => {
    const wrong = edges.filter((e) => {
      const from = layerOf(e.from)!;
      const to = layerOf(e.to);
      return to !== undefined && to !== from && !ALLOWED[from].includes(to);
    });
    expect(wrong.map(where)).toEqual([]);
  });

  it('keeps the engine free of the file system, processes and the clock', () => {
    const engine = files.filter((f) => layerOf(f) === 'engine' || layerOf(f) === 'i18n' || layerOf(f) === 'core');
    const impure = external.filter((e) => engine.includes(e.from) && IMPURE.test(e.to)).map(where);
    const clock: string[] = [];
    for (const file of engine) {
      readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
        const code = text.replace(/\/\/.*$/, '');
        if (/\bDate\.now\(|new Date\(\s*\)|process\.(env|argv|stdout|stderr|stdin|exit|cwd)\b/.test(code)) clock.push(`${relative(ROOT, file)}:${i + 1}`);
      });
    }
    expect([...impure, ...clock]).toEqual([]);
  });

  it('has no import cycles between files', () => {
    const out = new Map<string, string[]>();
    for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(ROOT, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of out.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
