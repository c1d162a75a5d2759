// Shared by bench/report.mjs and bench/subset.mjs: bundles a checkout's PDF renderer from its own
// sources (pdfkit left to node_modules) with the example fixture and a translator, into `outfile`.
import { build } from 'esbuild';
import { join } from 'node:path';

/** `extra`: more export lines for the bundle (paths relative to the checkout's bench/ folder). */
export async function buildRenderHarness(checkout, outfile, extra = '') {
  await build({
    stdin: {
      resolveDir: join(checkout, 'bench'),
      loader: 'ts',
      contents: `import { translator as ui } from '../src/i18n/ui.js';
import { loadUiStrings } from '../src/io/load.js';
export { renderPdf } from '../src/reports/pdf/index.js';
export { fixtureAssessment } from '../test/fixtures/pdf-assessment.js';
export const translator = (lang) => ui(lang, loadUiStrings());
${extra}`,
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['pdfkit'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
}
