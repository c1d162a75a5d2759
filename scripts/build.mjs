// Bundles the CLI into dist/ (one small entry chunk, commands split out and loaded on demand)
// and writes the JSON Schemas of the pack and answers files from their zod definitions.
// esbuild bundles (TypeScript, CommonJS packages, tree shaking); rollup then merges the many small
// chunks esbuild's code splitting leaves, where that changes nothing a command runs: Node loads
// each chunk as a module of its own (~0.5 ms each), and the interview's first screen went through
// 28 of them.
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseDocument } from 'yaml';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Everything the CLI runs is bundled (pdfkit too: the report embeds its own fonts, so pdfkit's AFM
  // metrics are never read); the package installs no dependencies. node-pty (tests only) is native.
  external: ['node-pty'],
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // Marked pure so that rollup may merge the chunks that carry it (each chunk gets this line).
  banner: { js: "import { createRequire as __digiscanRequire } from 'node:module'; const require = /* @__PURE__ */ __digiscanRequire(import.meta.url);" },
  minify: true,
  logLevel: 'warning',
  plugins: [leaveOut()],
};

/**
 * Modules pdfkit and fontkit import that the reports never run: AES (pdfkit's encryption; the reports
 * are not password-protected) and Brotli (fontkit's WOFF2 fonts; ours are TrueType). Bundled, they cost
 * about 0.9 MB of code to compile and AES tables built at every start; left out, a call says why.
 */
function leaveOut() {
  const unused = {
    '@noble/ciphers/aes': 'PDF encryption is not part of digiscan',
    'brotli/decompress': 'WOFF2 fonts are not supported (digiscan embeds TrueType fonts)',
  };
  return {
    name: 'leave-out',
    setup(b) {
      b.onResolve({ filter: /^(@noble\/ciphers\/aes|brotli\/decompress)(\.js)?$/ }, (args) => ({ path: args.path.replace(/\.js$/, ''), namespace: 'left-out' }));
      b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => {
        const why = JSON.stringify(`${unused[args.path]} (${args.path} is left out of the bundle)`);
        return { contents: `const no = () => { throw new Error(${why}); };\nmodule.exports = Object.assign(no, { cbc: no, ecb: no });\n`, loader: 'js' };
      });
    },
  };
}

// The patched dependencies (patches/, see test/patches.test.ts) are patched here, before bundling, rather
// than by an install script: the package would carry that script to every user's install (npm warns of it).
try {
  execFileSync(process.execPath, [createRequire(import.meta.url).resolve('patch-package/index.js')], { stdio: 'pipe' });
} catch (err) {
  process.stderr.write(`${err.stdout ?? ''}${err.stderr ?? ''}build: the patches of patches/ do not apply\n`);
  process.exit(1);
}

rmSync('dist', { recursive: true, force: true });
rmSync('.tmp/esbuild', { recursive: true, force: true });
const bundle = await build({
  ...common,
  metafile: true,
  // batch-worker: the worker thread of `digiscan batch`, started by file path.
  entryPoints: { cli: 'src/cli/main.ts', 'batch-worker': 'src/app/batch/worker.ts' },
  outdir: '.tmp/esbuild',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'external',
});
// The interview's first screen (`digiscan` alone) goes through these sources: the esbuild chunks that
// hold them, and what those import statically, become one chunk (see firstScreen below).
const FIRST_SCREEN = ['src/app/assess.ts', 'src/app/interview/index.ts'];
const merged = await rollup({
  input: { cli: '.tmp/esbuild/cli.js', 'batch-worker': '.tmp/esbuild/batch-worker.js' },
  // Node's own modules, named with or without node: by the bundled packages.
  external: (id) => id.startsWith('node:') || builtinModules.includes(id) || id === 'node-pty',
  // An entry chunk may export more than its module does: the code the entry loads (the `start` manual
  // chunk below) then lives in dist/cli.js itself, not in a chunk behind a one-line facade (one module
  // fewer to load before the first prompt: ~1 ms, bench/startup.mjs).
  preserveEntrySignatures: 'allow-extension',
  plugins: [withSourceMaps(), builtinsByRequire()],
  onLog(level, log, handler) {
    // The chunk-merging summary (info) and esbuild's harmless import cycles between chunks stay quiet.
    if (level === 'info' || log.code === 'CIRCULAR_DEPENDENCY') return;
    handler(level, log);
  },
});
await merged.write({
  dir: 'dist',
  format: 'es',
  entryFileNames: '[name].js',
  // Kept in dist/chunks/: the report's fonts are found at ../fonts/ from a chunk.
  // The first screen's chunk has a fixed name: bin/digiscan.js starts loading it with the entry.
  chunkFileNames: (chunk) => (chunk.name === 'first-screen' ? 'chunks/first-screen.js' : 'chunks/[name]-[hash].js'),
  // Chunks under ~20 KB go into another chunk loaded with them (measured: the first screen loads
  // 11 modules instead of 28, ~10 ms less CPU; 5 KB or 50 KB did no better).
  experimentalMinChunkSize: 20_000,
  manualChunks: firstScreen(bundle.metafile),
  sourcemap: true,
});
await merged.close();

/**
 * rollup's manualChunks: the esbuild chunks the first screen loads (those holding FIRST_SCREEN and
 * what they import statically, minus what the entry itself loads) go into one chunk. Node then loads
 * 2 modules before the first prompt instead of 11 (~0.8 ms of module loading each, measured): dist/cli.js
 * and dist/chunks/first-screen.js.
 */
function firstScreen(metafile) {
  const roots = Object.entries(metafile.outputs)
    .filter(([, out]) => FIRST_SCREEN.some((src) => out.inputs[src]))
    .map(([file]) => resolve(file));
  if (roots.length !== FIRST_SCREEN.length) throw new Error(`first-screen sources not found in the bundle: ${FIRST_SCREEN.join(', ')}`);
  let entry;
  let members;
  return (id, { getModuleInfo }) => {
    if (!members) {
      const closure = (starts) => {
        const seen = new Set();
        const walk = (m) => {
          if (seen.has(m)) return;
          seen.add(m);
          for (const dep of getModuleInfo(m)?.importedIds ?? []) walk(dep);
        };
        starts.forEach(walk);
        return seen;
      };
      // What the entry loads gets a chunk of its own, else rollup would move it into first-screen too
      // (a manual chunk takes the dependencies no other manual chunk claims) and every command would load it.
      // (The entry module goes there too: rollup would otherwise merge it into some larger chunk.)
      entry = closure([resolve('.tmp/esbuild/cli.js')]);
      members = new Set([...closure(roots)].filter((m) => !entry.has(m)));
    }
    if (id.startsWith('node:')) return undefined;
    return entry.has(id) ? 'start' : members.has(id) ? 'first-screen' : undefined;
  };
}

/**
 * Node's own modules are taken with require() rather than import: an import builds an ES module facade
 * of every export, and node:fs's facade reads fs.promises and the stream classes, which loads two more
 * internal modules (measured: import 'node:fs' 1.5 ms, require 0.2 ms; ~0.15 ms more for each other
 * module). Each import line of a chunk becomes one line (so source maps still hold) that takes the same
 * names from require(); `node:module` stays imported, it provides the require.
 */
function builtinsByRequire() {
  const builtin = (id) => id !== 'node:module' && id !== 'module' && (id.startsWith('node:') || builtinModules.includes(id));
  const binding = (clause, from) => {
    const call = `__builtin(${JSON.stringify(from)})`;
    const parts = [];
    const m = /^(?:([\w$]+)\s*,?\s*)?(?:\*\s*as\s+([\w$]+)|\{([^}]*)\})?$/.exec(clause.trim());
    if (!m) throw new Error(`builtins-by-require: cannot read the import of ${from}: ${clause}`);
    const [, def, star, named] = m;
    if (def) parts.push(`${def} = ${call}`);
    if (star) parts.push(`${star} = ${call}`);
    if (named !== undefined) {
      const names = named.split(',').map((n) => n.trim()).filter(Boolean).map((n) => n.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2'));
      if (names.length) parts.push(`{ ${names.join(', ')} } = ${call}`);
    }
    return parts.length ? `const ${parts.join(', ')};` : '';
  };
  return {
    name: 'builtins-by-require',
    renderChunk(code) {
      let used = false;
      const out = code
        .replace(/^import\s+(?:(.+?)\s+from\s+)?'([^']+)';$/gm, (line, clause, from) => {
          if (!builtin(from)) return line;
          used = true;
          return clause === undefined ? '' : binding(clause, from);
        })
        // The banner's require (esbuild's CommonJS packages call it) is the same one: one createRequire a chunk.
        .replace(/^(const require(?:\$\d+)? = )\/\* @__PURE__ \*\/ createRequire(?:\$\d+)?\(import\.meta\.url\);$/gm, (_, decl) => {
          used = true;
          return `${decl}__builtin;`;
        });
      if (!used) return null;
      // On the first line, so that no line moves.
      return { code: `import { createRequire as __builtinRequire } from 'node:module'; const __builtin = /* @__PURE__ */ __builtinRequire(import.meta.url); ${out}`, map: null };
    },
  };
}

/** esbuild's source maps, so that rollup's maps still point into src/. */
function withSourceMaps() {
  return {
    name: 'esbuild-source-maps',
    load(id) {
      if (!id.startsWith(resolve('.tmp/esbuild'))) return null;
      return { code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') };
    },
  };
}

// The two fonts the PDF report embeds, with their licence (dist/fonts/, found by src/reports/pdf/fonts.ts).
mkdirSync('dist/fonts', { recursive: true });
const dejavu = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
for (const file of ['ttf/DejaVuSans.ttf', 'ttf/DejaVuSans-Bold.ttf', 'LICENSE']) copyFileSync(join(dejavu, file), join('dist/fonts', basename(file)));

// The licences of the bundled packages, as their MIT/ISC/BSD terms ask.
const bundled = new Map();
for (const input of Object.keys(bundle.metafile.inputs)) {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m && !bundled.has(m[1])) bundled.set(m[1], JSON.parse(readFileSync(join(m[1], 'package.json'), 'utf8')));
}
const notices = [...bundled].sort(([, a], [, b]) => a.name.localeCompare(b.name)).map(([dir, meta]) => {
  const licence = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  return `${meta.name} ${meta.version} (${meta.license ?? 'see text'})\n\n${licence ? readFileSync(join(dir, licence), 'utf8').trim() : `licence: ${meta.license}`}\n`;
});
writeFileSync('dist/THIRD-PARTY-LICENSES.txt', `Packages bundled into dist/ (${notices.length}):\n\n${notices.join('\n' + '-'.repeat(72) + '\n\n')}`);

// Shipped YAML data, pre-parsed and pre-checked (see src/io/cache.ts). Same parser options as
// src/io/read.ts; a file that does not parse or check is left unchecked, so the CLI reports its problems.
mkdirSync('.tmp', { recursive: true });
const shipped = [];
for (const rel of readdirSync('questionnaires', { recursive: true })) {
  if (!/\.ya?ml$/.test(rel)) continue;
  const file = join('questionnaires', rel);
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length) continue;
  shipped.push({ file });
  writeCacheEntry(`${file}.source`, bytes);
  writeCacheEntry(`${file}.json`, { data: doc.toJS({ maxAliasCount: 50 }) });
}
await build({ ...common, entryPoints: ['scripts/snapshot-entry.ts'], outfile: '.tmp/snapshot.mjs' });
const { checkedShippedData } = await import(pathToFileURL('.tmp/snapshot.mjs').href + `?t=${Date.now()}`);
const checked = checkedShippedData();
for (const { file } of shipped) {
  const output = checked.get(resolve(file));
  if (output !== undefined) writeCacheEntry(`${file}.checked.json`, { checked: output });
}
// The index of the interface strings (which file defines which keys), from which the CLI merges the files'
// checked entries (src/io/cache.ts, cachedMerged): written only when every file of the folder checked and
// no key is defined twice (else the CLI's full loader names both places).
const uiDir = join('questionnaires', 'i18n');
const uiFiles = readdirSync(uiDir).filter((n) => /\.ya?ml$/.test(n)).sort();
const uiSeen = new Set();
const uiBuilt = [];
const uiKeys = {};
let uiComplete = true;
for (const name of uiFiles) {
  const entry = shipped.find((s) => s.file === join(uiDir, name));
  const strings = entry && checked.get(resolve(entry.file));
  if (strings === undefined) uiComplete = false;
  else {
    uiBuilt.push(name);
    uiKeys[name] = Object.keys(strings);
    for (const key of uiKeys[name]) {
      if (uiSeen.has(key)) uiComplete = false;
      uiSeen.add(key);
    }
  }
}
if (uiComplete) writeCacheEntry(join(uiDir, 'merged.json'), { files: uiBuilt, keys: uiKeys });

/**
 * JSON whose characters beyond Latin-1 (typographic quotes, dashes, narrow no-break spaces, €) are
 * written as \\u escapes: read back, the file is then a one-byte string, which V8 parses ~25% faster
 * (and holds in half the memory) than the two-byte string a single such character makes of it.
 */
function latin1Json(value) {
  return JSON.stringify(value).replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function writeCacheEntry(rel, entry) {
  const out = join('dist', 'data', rel);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, Buffer.isBuffer(entry) ? entry : latin1Json(entry));
}

// The wrapped lines of the texts every report has, per language (see scripts/lines-entry.ts).
await build({ ...common, entryPoints: ['scripts/lines-entry.ts'], outfile: '.tmp/lines.mjs' });
const { commonWrappedLines } = await import(pathToFileURL('.tmp/lines.mjs').href + `?t=${Date.now()}`);
for (const [lang, entries] of await commonWrappedLines()) writeFileSync(join('dist', 'data', `pdf-lines-${lang}.json`), latin1Json(entries));

// JSON Schemas: one source of truth (src/*/schema.ts) for validator and editor completion.
await build({ ...common, entryPoints: ['scripts/schemas-entry.ts'], outfile: '.tmp/schemas.mjs' });
const { schemas } = await import(pathToFileURL('.tmp/schemas.mjs').href + `?t=${Date.now()}`);
mkdirSync('schemas', { recursive: true });
for (const [name, schema] of Object.entries(schemas)) {
  writeFileSync(`schemas/${name}.schema.json`, JSON.stringify(schema, null, 2) + '\n');
}
