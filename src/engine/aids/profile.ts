import type { CompanyValue } from '../answers/load.js';
import type { Lang } from '../../core/lang.js';
import type { Pack } from '../pack/load.js';
import type { AidProfile } from './index.js';

/** The matching profile from an answers file's company fields, labelled from the pack's options. */
export function aidProfileFromCompany(pack: Pack, company: Record<string, CompanyValue>, lang: Lang): AidProfile {
  const profile: AidProfile = { region: String(company.region ?? ''), employees: Number(company.employees ?? 0) };
  const band = pack.profile.get('turnover')?.options?.find((o) => o.id === company.turnover);
  if (band?.range) profile.turnover = { min: band.range[0], max: band.range[1], label: band.label[lang] };
  if (typeof company.nace === 'string' && company.nace) profile.nace = company.nace;
  const form = pack.profile.get('legal_form')?.options?.find((o) => o.id === company.legal_form);
  if (form) profile.legalForm = { id: form.id, label: form.label[lang] };
  return profile;
}

/** Names of the pack's legal forms, to word an exclusion when the firm's own form is unknown. */
export function legalFormLabels(pack: Pack, lang: Lang): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const o of pack.profile.get('legal_form')?.options ?? []) labels[o.id] = o.label[lang];
  return labels;
}
