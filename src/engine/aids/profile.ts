import type { CompanyValue } from '../answers/load.js';
import type { Lang } from '../../core/lang.js';
import type { Pack } from '../pack/load.js';
import type { AidProfile, Amount } from './index.js';
import type { AidSettings } from './schema.js';

/**
 * The matching profile from an answers file's company fields. Which profile question gives which fact is
 * data (aids.yaml `settings.profile`); a band answer becomes its [min, max) range.
 */
export function aidProfileFromCompany(pack: Pack, settings: AidSettings, company: Record<string, CompanyValue>): AidProfile {
  const ids = settings.profile;
  const value = (key: keyof AidSettings['profile']) => (ids[key] ? company[ids[key]] : undefined);
  const profile: AidProfile = { region: String(value('region') ?? ''), employees: Number(value('employees') ?? 0) };
  const band = (key: 'turnover' | 'balanceSheet'): Amount | undefined => {
    const v = value(key);
    if (typeof v === 'number') return { min: v, max: v };
    const option = pack.profile.get(ids[key] ?? '')?.options?.find((o) => o.id === v);
    return option?.range ? { min: option.range[0], max: option.range[1] } : undefined;
  };
  const yesNo = (key: 'group' | 'b2c'): boolean | undefined => {
    const v = value(key);
    return v === 'yes' ? true : v === 'no' ? false : undefined;
  };
  profile.turnover = band('turnover');
  profile.balanceSheet = band('balanceSheet');
  profile.group = yesNo('group');
  const groupEmployees = value('groupEmployees');
  if (typeof groupEmployees === 'number') profile.groupEmployees = groupEmployees;
  profile.b2c = yesNo('b2c');
  const nace = value('nace');
  if (typeof nace === 'string' && nace) profile.nace = nace;
  const form = value('legalForm');
  if (typeof form === 'string' && form) profile.legalForm = form;
  for (const key of Object.keys(profile) as (keyof AidProfile)[]) if (profile[key] === undefined) delete profile[key];
  return profile;
}

/** Names of the pack's legal forms, to name a form in a reason. */
export function legalFormLabels(pack: Pack, settings: AidSettings, lang: Lang): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const o of pack.profile.get(settings.profile.legalForm ?? '')?.options ?? []) labels[o.id] = o.label[lang];
  return labels;
}
