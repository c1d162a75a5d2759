// Bundled by bench/report.mjs; not part of the CLI.
import type { Lang } from '../src/core/lang.js';
import { translator as uiTranslator } from '../src/i18n/ui.js';
import { loadUiStrings } from '../src/io/load.js';

export { renderPdf } from '../src/reports/pdf/index.js';
export { fixtureAssessment } from '../test/fixtures/pdf-assessment.js';
export const translator = (lang: Lang) => uiTranslator(lang, loadUiStrings());
