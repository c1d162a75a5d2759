// What `assess` needs to score an answers file (the loaders with their YAML parser and validators, the
// renderers), in one module that assess.ts imports only then: the interview starts without it.
export { loadAdvisorProfile, loadAnswers, loadUiStrings } from '../io/load.js';
export { assessAnswers } from './context.js';
export { translator } from '../i18n/ui.js';
export { renderJson } from '../reports/json.js';
export { renderTerminal, useColor } from '../reports/terminal.js';
export { writeCalendar, writeReportFiles } from './outputs.js';
export { langFromEnv } from '../io/locale.js';
export { wordAnswersError } from './answers-words.js';
export { advisorLogo } from './advisor.js';
