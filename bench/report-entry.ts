// Bundled by bench/report.mjs; not part of the CLI.
export { renderPdf } from '../src/reports/pdf/index.js';
export { translator } from '../src/i18n/ui.js';
export { fixtureAssessment } from '../test/fixtures/pdf-assessment.js';
