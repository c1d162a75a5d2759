import { type Lang } from '../core/lang.js';
import { langFromEnv } from '../io/locale.js';
import { writeFileAtomic } from '../io/files.js';
import { translator } from '../i18n/ui.js';
import { answersTemplate, formTemplate } from './batch/template.js';
import { choosePack } from './context.js';
import { loadUiStrings } from '../io/load.js';

export interface TemplateOptions {
  csv?: boolean;
  yaml?: boolean;
  lang?: Lang;
  pack?: string;
  out?: string;
  force?: boolean;
}

export async function runTemplate(opts: TemplateOptions): Promise<void> {
  const pack = choosePack(opts.pack);
  const lang = opts.lang ?? langFromEnv();
  const t = translator(lang, loadUiStrings());
  const text = opts.csv ? formTemplate(pack, lang, t) : answersTemplate(pack, lang, t);
  if (opts.out) writeFileAtomic(opts.out, text, { overwrite: opts.force });
  else process.stdout.write(text);
}
