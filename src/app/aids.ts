import { visible } from '../core/sanitize.js';
import { matchAids, type AidProfile, type Amount } from '../engine/aids/index.js';
import { AIDS_FILE, type AidCatalogue } from '../engine/aids/load.js';
import { legalFormLabels } from '../engine/aids/profile.js';
import { nearestOption, resolveOption } from '../engine/pack/options.js';
import { UserError } from '../core/errors.js';
import { isLang, LANGS, type Lang } from '../core/lang.js';
import { langFromEnv } from '../io/locale.js';
import { translator } from '../i18n/ui.js';
import type { Pack } from '../engine/pack/load.js';
import { renderAidsTable, wordAid, wordRejection } from '../reports/aids.js';
import { useColor } from '../reports/terminal.js';
import { chooseDate, choosePack } from './context.js';
import { join } from 'node:path';
import { loadAids, loadUiStrings } from '../io/load.js';

export interface AidsOptions {
  region?: string;
  employees?: string;
  turnover?: string;
  balanceSheet?: string;
  groupEmployees?: string;
  independent?: boolean;
  b2c?: boolean;
  b2b?: boolean;
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
  const pack = choosePack(opts.pack);
  const catalogue = loadAids(join(pack.dir, AIDS_FILE), pack);
  const themes = chooseThemes(opts.theme ?? [], catalogue);
  const profile = profileFromFlags(opts, pack, catalogue);
  const t = translator(lang, loadUiStrings());
  const result = matchAids({ catalogue, profile, date, lang, themes, legalFormLabels: legalFormLabels(pack, catalogue.settings, lang) });
  const warnings = result.warnings.map((w) => t(`warning.${w.code}`, w.params));

  if (opts.json) {
    // Every id and number a program needs, plus the reasons worded in the chosen language.
    const matches = result.matches.map((m) => ({ ...m, words: wordAid(m, t, lang) }));
    const list: Record<string, unknown>[] = opts.explain
      ? [
          ...matches.map((m) => ({ ...m, eligible: true })),
          ...result.rejections.map((r) => ({ ...r, words: wordRejection(r, t, lang), eligible: false })),
        ]
      : matches;
    process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    for (const w of warnings) process.stderr.write(`digiscan: warning: ${visible(w)}\n`);
    return;
  }
  const regionName =
    catalogue.regions[profile.region]?.[lang] ?? pack.profile.get(catalogue.settings.profile.region ?? 'region')?.options?.find((o) => o.id === profile.region)?.label[lang] ?? profile.region;
  const text = renderAidsTable(result.matches, {
    color: useColor(process.stdout),
    t,
    lang,
    width: process.stdout.columns,
    explain: opts.explain,
    rejections: result.rejections,
    heading: [t('aids.for_profile', { region: regionName, employees: profile.employees, date })],
    staleAfterMonths: catalogue.settings.staleAfterMonths,
  });
  process.stdout.write(text + warnings.map((w) => `! ${visible(w)}\n`).join(''));
}

function chooseLang(lang: string | undefined): Lang {
  if (lang === undefined) return langFromEnv();
  if (!isLang(lang)) throw new UserError(`--lang must be one of ${LANGS.join(', ')}, not "${lang}"`);
  return lang;
}

function chooseThemes(themes: string[], catalogue: AidCatalogue): string[] {
  const known = catalogue.settings.themes.map((th) => th.id);
  for (const theme of themes) {
    if (!known.includes(theme)) throw new UserError(`--theme must be one of ${known.join(', ')}, not "${theme}"`);
  }
  return themes;
}

/** An amount in euros ("850000", "850 000", "850.000", "1,2m") or a band id of the profile question. */
function amountFlag(flag: string, text: string, pack: Pack, questionId: string | undefined): Amount {
  const band = pack.profile.get(questionId ?? '')?.options?.find((o) => o.id === text);
  if (band?.range) return { min: band.range[0], max: band.range[1] };
  const compact = text.replace(/[\s.'_]/g, '').toLowerCase();
  const m = /^(\d+(?:,\d+)?)(k|m)?$/.exec(compact);
  if (!m || compact.length > 15) {
    throw new UserError(`${flag} must be an amount in euros like 850000, not "${text}"`, undefined, undefined, { key: 'aids.error.amount', params: { flag, value: text } });
  }
  const amount = Math.round(Number(m[1]!.replace(',', '.')) * (m[2] === 'm' ? 1_000_000 : m[2] === 'k' ? 1000 : 1));
  return { min: amount, max: amount };
}

/** The firm as the flags describe it, each value checked against the pack's profile questions. */
export function profileFromFlags(opts: AidsOptions, pack: Pack, catalogue: AidCatalogue): AidProfile {
  const ids = catalogue.settings.profile;
  const regionQ = pack.profile.get(ids.region ?? 'region');
  const regions = regionQ?.options?.map((o) => o.id) ?? [];
  if (opts.region === undefined) {
    throw new UserError(`--region is required: one of ${regions.join(', ')}`, undefined, undefined, { key: 'aids.error.region_required', params: { regions: regions.join(', ') } });
  }
  const region = regionQ ? resolveOption(regionQ, opts.region) : undefined;
  if (!region) {
    const near = regionQ ? nearestOption(regionQ, opts.region) : undefined;
    throw new UserError(`--region must be one of ${regions.join(', ')}, not "${opts.region}"${near ? ` — did you mean ${near.id}?` : ''}`, undefined, undefined, {
      key: near ? 'aids.error.region_near' : 'aids.error.region',
      params: { regions: regions.join(', '), value: opts.region, near: near?.id ?? '' },
    });
  }

  if (opts.employees === undefined) {
    throw new UserError('--employees is required: the number of employees (FTE), 0 for a self-employed person alone', undefined, undefined, { key: 'aids.error.employees_required' });
  }
  if (!/^\d{1,7}$/.test(opts.employees)) {
    throw new UserError(`--employees must be a whole number of employees like 6, not "${opts.employees}"`, undefined, undefined, { key: 'aids.error.employees', params: { value: opts.employees } });
  }
  const profile: AidProfile = { region: region.id, employees: Number(opts.employees) };

  if (opts.turnover !== undefined) profile.turnover = amountFlag('--turnover', opts.turnover, pack, ids.turnover);
  if (opts.balanceSheet !== undefined) profile.balanceSheet = amountFlag('--balance-sheet', opts.balanceSheet, pack, ids.balanceSheet);

  if (opts.groupEmployees !== undefined) {
    if (opts.independent) throw new UserError('--group-employees and --independent cannot be used together');
    if (!/^\d{1,8}$/.test(opts.groupEmployees)) {
      throw new UserError(`--group-employees must be the whole headcount of the group, like 400, not "${opts.groupEmployees}"`);
    }
    profile.group = true;
    profile.groupEmployees = Number(opts.groupEmployees);
  } else if (opts.independent) profile.group = false;

  if (opts.b2c && opts.b2b) throw new UserError('--b2c and --b2b cannot be used together');
  if (opts.b2c) profile.b2c = true;
  if (opts.b2b) profile.b2c = false;

  if (opts.nace !== undefined) {
    const pattern = pack.profile.get(ids.nace ?? 'nace')?.pattern ?? '^\\d{2}(\\.\\d{1,3})?$';
    if (!new RegExp(pattern).test(opts.nace)) throw new UserError(`--nace must be a NACE code like 47.11 or 62.01, not "${opts.nace}"`);
    profile.nace = opts.nace;
  }

  if (opts.legalForm !== undefined) {
    const q = pack.profile.get(ids.legalForm ?? 'legal_form');
    const forms = q?.options ?? [];
    const form = q ? resolveOption(q, opts.legalForm) : undefined;
    if (!form) {
      const near = q ? nearestOption(q, opts.legalForm) : undefined;
      const ids = forms.map((o) => o.id).join(', ');
      throw new UserError(`--legal-form must be one of ${ids} (or bv, nv, cv, vzw, eenmanszaak, ...), not "${opts.legalForm}"${near ? ` — did you mean ${near.id}?` : ''}`, undefined, undefined, {
        key: near ? 'aids.error.legal_form_near' : 'aids.error.legal_form',
        params: { forms: ids, value: opts.legalForm, near: near?.id ?? '' },
      });
    }
    profile.legalForm = form.id;
  }
  return profile;
}
