import { visible } from '../core/sanitize.js';
import type { AidMatch } from '../engine/assessment/types.js';
import { matchAids, type AidProfile } from '../engine/aids/index.js';
import { AIDS_FILE } from '../engine/aids/load.js';
import { legalFormLabels } from '../engine/aids/profile.js';
import { AID_THEMES, type AidTheme } from '../engine/aids/schema.js';
import { UserError } from '../core/errors.js';
import { isLang, LANGS, type Lang } from '../core/lang.js';
import { langFromEnv } from '../io/locale.js';
import { formatEuro } from '../i18n/format.js';
import { translator } from '../i18n/ui.js';
import type { Pack } from '../engine/pack/load.js';
import { renderAidsTable } from '../reports/aids.js';
import { useColor } from '../reports/terminal.js';
import { chooseDate, choosePack } from './context.js';
import { join } from 'node:path';
import { loadAids, loadUiStrings } from '../io/load.js';

export interface AidsOptions {
  region?: string;
  employees?: string;
  turnover?: string;
  nace?: string;
  legalForm?: string;
  theme?: string[];
  date?: string;
  lang?: string;
  json?: boolean;
  explain?: boolean;
  pack?: string;
}

export async function runAids(opts: AidsOptions): Promise<void> {
  // Flags that need no file are checked before the pack is read, so a typo fails fast.
  const lang = chooseLang(opts.lang);
  const date = chooseDate(opts.date);
  const themes = chooseThemes(opts.theme ?? []);
  const pack = choosePack(opts.pack);
  const profile = profileFromFlags(opts, pack, lang);
  const catalogue = loadAids(join(pack.dir, AIDS_FILE), pack);
  const t = translator(lang, loadUiStrings());
  const result = matchAids({ catalogue, profile, date, lang, t, themes, legalFormLabels: legalFormLabels(pack, lang) });
  const warnings = result.warnings.map((w) => t(`warning.${w.code}`, w.params));

  if (opts.json) {
    const list: (AidMatch | Record<string, unknown>)[] = opts.explain
      ? [...result.matches.map((m) => ({ ...m, eligible: true })), ...result.rejections.map((r) => ({ ...r, eligible: false }))]
      : result.matches;
    process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    for (const w of warnings) process.stderr.write(`digiscan: warning: ${visible(w)}\n`);
    return;
  }
  const regionName = catalogue.regions[profile.region]?.[lang] ?? pack.profile.get('region')?.options?.find((o) => o.id === profile.region)?.label[lang] ?? profile.region;
  const text = renderAidsTable(result.matches, {
    color: useColor(process.stdout),
    t,
    lang,
    width: process.stdout.columns,
    explain: opts.explain,
    rejections: result.rejections,
    heading: [t('aids.for_profile', { region: regionName, employees: profile.employees, date })],
  });
  process.stdout.write(text + warnings.map((w) => `! ${visible(w)}\n`).join(''));
}

function chooseLang(lang: string | undefined): Lang {
  if (lang === undefined) return langFromEnv();
  if (!isLang(lang)) throw new UserError(`--lang must be one of ${LANGS.join(', ')}, not "${lang}"`);
  return lang;
}

function chooseThemes(themes: string[]): AidTheme[] {
  for (const theme of themes) {
    if (!(AID_THEMES as readonly string[]).includes(theme)) {
      throw new UserError(`--theme must be one of ${AID_THEMES.join(', ')}, not "${theme}"`);
    }
  }
  return themes as AidTheme[];
}

/** The firm as the flags describe it, each value checked against the pack's profile questions. */
export function profileFromFlags(opts: AidsOptions, pack: Pack, lang: Lang): AidProfile {
  const regions = pack.profile.get('region')?.options?.map((o) => o.id) ?? [];
  if (opts.region === undefined) throw new UserError(`--region is required: one of ${regions.join(', ')}`);
  const region = regions.find((r) => r.toLowerCase() === opts.region!.toLowerCase());
  if (!region) throw new UserError(`--region must be one of ${regions.join(', ')}, not "${opts.region}"`);

  if (opts.employees === undefined) throw new UserError('--employees is required: the number of employees (FTE), 0 for a self-employed person alone');
  if (!/^\d{1,7}$/.test(opts.employees)) throw new UserError(`--employees must be a whole number of employees like 6, not "${opts.employees}"`);
  const profile: AidProfile = { region, employees: Number(opts.employees) };

  if (opts.turnover !== undefined) {
    const band = pack.profile.get('turnover')?.options?.find((o) => o.id === opts.turnover);
    if (band?.range) profile.turnover = { min: band.range[0], max: band.range[1], label: band.label[lang] };
    else if (/^\d{1,12}$/.test(opts.turnover)) {
      const amount = Number(opts.turnover);
      profile.turnover = { min: amount, max: amount, label: formatEuro(amount, lang) };
    } else {
      throw new UserError(`--turnover must be an amount in euros like 850000, not "${opts.turnover}"`);
    }
  }

  if (opts.nace !== undefined) {
    const pattern = pack.profile.get('nace')?.pattern ?? '^\\d{2}(\\.\\d{1,3})?$';
    if (!new RegExp(pattern).test(opts.nace)) throw new UserError(`--nace must be a NACE code like 47.11 or 62.01, not "${opts.nace}"`);
    profile.nace = opts.nace;
  }

  if (opts.legalForm !== undefined) {
    const forms = pack.profile.get('legal_form')?.options ?? [];
    const form = forms.find((o) => o.id === opts.legalForm!.toLowerCase());
    if (!form) throw new UserError(`--legal-form must be one of ${forms.map((o) => o.id).join(', ')}, not "${opts.legalForm}"`);
    profile.legalForm = { id: form.id, label: form.label[lang] };
  }
  return profile;
}
