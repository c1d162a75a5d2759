import { loadAnswers } from '../answers/load.js';
import { assess } from '../assessment/index.js';
import { UserError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { translator } from '../i18n/ui.js';
import { renderJson } from '../render/json.js';
import { renderTerminal, useColor } from '../render/terminal.js';
import { assessmentData, chooseDate, choosePack } from './context.js';
import { VERSION } from '../core/version.js';

export interface AssessOptions {
  answers?: string;
  json?: boolean;
  lang?: Lang;
  pack?: string;
  date?: string;
}

export async function runAssess(opts: AssessOptions): Promise<void> {
  const pack = choosePack(opts.pack);
  const today = chooseDate(opts.date);
  if (!opts.answers) {
    throw new UserError('no answers to score: pass --answers FILE (the interactive interview needs a terminal)');
  }
  const answers = loadAnswers(opts.answers, pack, { requireProfile: true });
  const data = assessmentData(pack);
  const { ui } = data;
  const assessment = assess({ pack, answers, today, lang: opts.lang, toolVersion: VERSION, ...data });
  if (opts.json) {
    process.stdout.write(renderJson(assessment));
    return;
  }
  process.stdout.write(renderTerminal(assessment, { color: useColor(process.stdout), t: translator(assessment.language, ui) }));
}
