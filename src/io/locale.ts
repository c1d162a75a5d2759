import { isLang, type Lang } from '../core/lang.js';

/** Language from LC_ALL / LC_MESSAGES / LANG (e.g. "nl_BE.UTF-8" → nl); English otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) {
    const code = env[key]?.slice(0, 2).toLowerCase();
    if (isLang(code)) return code;
  }
  return 'en';
}
