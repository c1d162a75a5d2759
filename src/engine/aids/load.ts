import type { Problem } from '../../core/errors.js';
import type { Pack } from '../pack/load.js';
import type { YamlSource } from '../yaml/source.js';
import { problemAt, validateSource } from '../yaml/validate.js';
import { aidCatalogueSchema, type Aid, type AidCatalogueFile, type AidSettings, type Eligibility, type Limit, type SizeRule } from './schema.js';
import type { Localized } from '../../core/lang.js';

/** A validated aids catalogue. */
export interface AidCatalogue {
  file: string;
  settings: AidSettings;
  sizeRules: Record<string, SizeRule>;
  regions: Record<string, Localized>;
  aids: Aid[];
}

export const AIDS_FILE = 'aids.yaml';

export function validateAids(source: YamlSource, pack?: Pack): AidCatalogue {
  const data = validateSource(source, aidCatalogueSchema, (d) => checkReferences(d, source, pack));
  return { file: source.file, settings: data.settings, sizeRules: data.sizeRules, regions: data.regions, aids: data.aids };
}

const low = (l: Limit) => (typeof l === 'number' ? l : l[0]);
const high = (l: Limit) => (typeof l === 'number' ? l : l[1]);

/** What the schema cannot say: unique ids, known regions, rules, themes and legal forms, coherent ranges. */
function checkReferences(data: AidCatalogueFile, source: YamlSource, pack?: Pack): Problem[] {
  const { aids, regions, sizeRules, settings } = data;
  const problems: Problem[] = [];
  const at = (path: (string | number)[], message: string, hint?: string) => problems.push(problemAt(source, path, message, hint));
  const ids = new Set<string>();
  const legalForms = pack?.profile.get(settings.profile.legalForm ?? '')?.options?.map((o) => o.id);
  const themes = settings.themes.map((th) => th.id);
  const rules = Object.keys(sizeRules);

  if (pack) {
    const dimensions = pack.definition.dimensions.map((d) => d.id);
    settings.themes.forEach((th, i) => {
      if (th.dimension && !dimensions.includes(th.id)) {
        at(['settings', 'themes', i, 'id'], `theme "${th.id}" is marked as a dimension but the pack has no dimension "${th.id}"`, `dimensions: ${dimensions.join(', ')}`);
      }
    });
    for (const [key, id] of Object.entries(settings.profile)) {
      if (id && !pack.profile.has(id)) at(['settings', 'profile', key], `unknown profile question "${id}"`, `known: ${[...pack.profile.keys()].join(', ')}`);
    }
  }
  for (const [id, rule] of Object.entries(sizeRules)) {
    for (const key of ['staff', 'turnover', 'balanceSheet'] as const) {
      if (low(rule[key]) > high(rule[key])) at(['sizeRules', id, key], `${key} range starts above its end`);
    }
    if (rule.kind === 'count' && rule.maxExceeded === undefined) at(['sizeRules', id, 'maxExceeded'], 'a "count" rule needs maxExceeded');
  }

  const checkEligibility = (e: Eligibility | undefined, path: (string | number)[]) => {
    if (!e) return;
    e.regions?.forEach((r, ri) => {
      if (!regions[r]) at([...path, 'regions', ri], `unknown region "${r}"`, 'add it under "regions"');
    });
    e.size?.forEach((r, ri) => {
      if (!sizeRules[r]) at([...path, 'size', ri], `unknown size rule "${r}"`, `one of: ${rules.join(', ')}`);
    });
    for (const key of ['minEmployees', 'maxEmployees', 'maxTurnover'] as const) {
      const term = e[key];
      if (term && low(term.value) > high(term.value)) at([...path, key, 'value'], `${key} range starts above its end`);
    }
    if (e.minEmployees && e.maxEmployees && low(e.minEmployees.value) > high(e.maxEmployees.value)) {
      at([...path, 'minEmployees'], 'minEmployees is above maxEmployees');
    }
    if (legalForms) {
      e.excludedLegalForms?.forms.forEach((form, fi) => {
        if (!legalForms.includes(form)) at([...path, 'excludedLegalForms', 'forms', fi], `unknown legal form "${form}"`, `one of: ${legalForms.join(', ')}`);
      });
    }
  };
  const checkTerms = (t: Pick<Aid, 'rate' | 'eligibleSpend' | 'validFrom' | 'validUntil'> | Partial<Aid>, path: (string | number)[]) => {
    if (t.rate?.min !== undefined && t.rate.max !== undefined && t.rate.min > t.rate.max) at([...path, 'rate', 'min'], 'rate min is above rate max');
    if (t.rate?.bySize && !sizeRules[t.rate.bySize.rule]) at([...path, 'rate', 'bySize', 'rule'], `unknown size rule "${t.rate.bySize.rule}"`);
    if (t.eligibleSpend?.min !== undefined && t.eligibleSpend.max !== undefined && t.eligibleSpend.min > t.eligibleSpend.max) {
      at([...path, 'eligibleSpend', 'min'], 'eligibleSpend min is above max');
    }
    if (t.validFrom && t.validUntil && t.validFrom.date > t.validUntil.date) at([...path, 'validFrom'], 'validFrom is after validUntil');
  };
  const checkThemes = (list: string[] | undefined, path: (string | number)[]) => {
    list?.forEach((theme, ti) => {
      if (!themes.includes(theme)) at([...path, ti], `unknown theme "${theme}"`, `one of: ${themes.join(', ')} (settings.themes)`);
    });
  };

  aids.forEach((aid, i) => {
    const path = ['aids', i];
    if (ids.has(aid.id)) at([...path, 'id'], `duplicate aid id "${aid.id}"`);
    ids.add(aid.id);
    if (!regions[aid.region]) at([...path, 'region'], `unknown region "${aid.region}"`, 'add it under "regions"');
    if (!aid.eligibility.regions) at([...path, 'eligibility'], 'an aid needs eligibility.regions');
    checkEligibility(aid.eligibility, [...path, 'eligibility']);
    checkTerms(aid, path);
    checkThemes(aid.themes, [...path, 'themes']);
    aid.unverifiedThemes.forEach((theme, ti) => {
      if (!aid.themes.includes(theme)) at([...path, 'unverifiedThemes', ti], `"${theme}" is not among the aid's themes`);
    });
    const strandIds = new Set<string>();
    aid.strands?.forEach((s, si) => {
      const sp = [...path, 'strands', si];
      if (strandIds.has(s.id)) at([...sp, 'id'], `duplicate strand id "${s.id}"`);
      strandIds.add(s.id);
      checkEligibility(s.eligibility, [...sp, 'eligibility']);
      checkTerms(s as Partial<Aid>, sp);
      checkThemes(s.themes, [...sp, 'themes']);
    });
  });
  aids.forEach((aid, i) => {
    const by = aid.status.replacedBy;
    if (by && !ids.has(by)) at(['aids', i, 'status', 'replacedBy'], `replacedBy refers to unknown aid "${by}"`);
  });
  return problems;
}
