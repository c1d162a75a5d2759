// Bundles the CLI into dist/ (one small entry chunk, commands split out and loaded on demand)
// and writes the JSON Schemas of the pack and answers files from their zod definitions.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // pdfkit reads its font metrics from its own folder and node-pty is native: keep them as packages.
  external: ['pdfkit', 'node-pty'],
  define: { __VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __digiscanRequire } from 'node:module'; const require = __digiscanRequire(import.meta.url);" },
  minify: true,
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
});

// JSON Schemas: one source of truth (src/*/schema.ts) for validator and editor completion.
mkdirSync('.tmp', { recursive: true });
await build({ ...common, entryPoints: ['scripts/schemas-entry.ts'], outfile: '.tmp/schemas.mjs' });
const { schemas } = await import(pathToFileURL('.tmp/schemas.mjs').href + `?t=${Date.now()}`);
mkdirSync('schemas', { recursive: true });
for (const [name, schema] of Object.entries(schemas)) {
  writeFileSync(`schemas/${name}.schema.json`, JSON.stringify(schema, null, 2) + '\n');
}
