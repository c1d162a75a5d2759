import type { Problem } from '../../core/errors.js';
import type { Pack } from '../pack/load.js';
import type { YamlSource } from '../yaml/source.js';
import { problemAt, validateSource } from '../yaml/validate.js';
import { aidCatalogueSchema, type Aid } from './schema.js';
import type { Localized } from '../../core/lang.js';

/** A validated aids catalogue. */
export interface AidCatalogue {
  file: string;
  regions: Record<string, Localized>;
  aids: Aid[];
}

export const AIDS_FILE = 'aids.yaml';

export function validateAids(source: YamlSource, pack?: Pack): AidCatalogue {
  const data = validateSource(source, aidCatalogueSchema, (d) => checkReferences(d.aids, d.regions, source, pack));
  return { file: source.file, regions: data.regions, aids: data.aids };
}

/** What the schema cannot say: unique ids, known regions and legal forms, coherent ranges. */
function checkReferences(aids: Aid[], regions: Record<string, Localized>, source: YamlSource, pack?: Pack): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[], message: string, hint?: string) => problems.push(problemAt(source, path, message, hint));
  const ids = new Set<string>();
  const legalForms = pack?.profile.get('legal_form')?.options?.map((o) => o.id);

  aids.forEach((aid, i) => {
    const path = ['aids', i];
    if (ids.has(aid.id)) at([...path, 'id'], `duplicate aid id "${aid.id}"`);
    ids.add(aid.id);
    if (!regions[aid.region]) at([...path, 'region'], `unknown region "${aid.region}"`, 'add it under "regions"');
    aid.eligibility.regions.forEach((r, ri) => {
      if (!regions[r]) at([...path, 'eligibility', 'regions', ri], `unknown region "${r}"`, 'add it under "regions"');
    });
    const { minEmployees, maxEmployees } = aid.eligibility;
    if (minEmployees && maxEmployees && minEmployees.value > maxEmployees.value) {
      at([...path, 'eligibility', 'minEmployees'], 'minEmployees is above maxEmployees');
    }
    if (aid.rate.min !== undefined && aid.rate.max !== undefined && aid.rate.min > aid.rate.max) {
      at([...path, 'rate', 'min'], 'rate min is above rate max');
    }
    if (aid.eligibleSpend?.min !== undefined && aid.eligibleSpend.max !== undefined && aid.eligibleSpend.min > aid.eligibleSpend.max) {
      at([...path, 'eligibleSpend', 'min'], 'eligibleSpend min is above max');
    }
    if (aid.validFrom && aid.validUntil && aid.validFrom.date > aid.validUntil.date) {
      at([...path, 'validFrom'], 'validFrom is after validUntil');
    }
    aid.unverifiedThemes.forEach((theme, ti) => {
      if (!aid.themes.includes(theme)) at([...path, 'unverifiedThemes', ti], `"${theme}" is not among the aid's themes`);
    });
    if (legalForms) {
      aid.eligibility.excludedLegalForms?.forms.forEach((form, fi) => {
        if (!legalForms.includes(form)) {
          at([...path, 'eligibility', 'excludedLegalForms', 'forms', fi], `unknown legal form "${form}"`, `one of: ${legalForms.join(', ')}`);
        }
      });
    }
  });
  aids.forEach((aid, i) => {
    const by = aid.status.replacedBy;
    if (by && !ids.has(by)) at(['aids', i, 'status', 'replacedBy'], `replacedBy refers to unknown aid "${by}"`);
  });
  return problems;
}
