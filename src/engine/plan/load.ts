import type { Problem } from '../../core/errors.js';
import type { Pack } from '../pack/load.js';
import type { YamlSource } from '../yaml/source.js';
import { problemAt, validateSource } from '../yaml/validate.js';
import { planDataSchema, type AppliesTo, type PlanData } from './schema.js';

export const PLAN_FILE = 'plan.yaml';

export function validatePlanData(source: YamlSource, pack?: Pack): PlanData {
  return validateSource(source, planDataSchema, (data) => checkReferences(data, source, pack));
}

/**
 * What the schema cannot say: every legal duty, cost and question an entry points at exists. Action
 * entries for questions the pack does not have are passed over, and advice without an entry gets the
 * default effort (medium), so a pack derived from another keeps working; the built-in pack's test
 * checks that its plan.yaml covers every piece of advice exactly.
 */
function checkReferences(data: PlanData, source: YamlSource, pack: Pack | undefined): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[], message: string, hint?: string) => problems.push(problemAt(source, path, message, hint));
  const legalIds = Object.keys(data.legal);
  const checkApplies = (a: AppliesTo, path: (string | number)[]) => {
    if ((a.question === undefined) !== (a.anyOf === undefined)) at(path, 'question and anyOf go together');
    if (pack && a.question !== undefined) {
      const q = pack.questions.get(a.question)?.question;
      if (!q) at([...path, 'question'], `unknown question "${a.question}"`);
      else for (const id of a.anyOf ?? []) if (!q.options.some((o) => o.id === id)) at([...path, 'anyOf'], `"${id}" is not an option of "${a.question}"`);
    }
  };
  for (const [id, legal] of Object.entries(data.legal)) checkApplies(legal.appliesTo, ['legal', id, 'appliesTo']);
  const deadlineIds = new Set<string>();
  data.deadlines.forEach((d, i) => {
    if (deadlineIds.has(d.id)) at(['deadlines', i, 'id'], `duplicate deadline id "${d.id}"`);
    deadlineIds.add(d.id);
    if (d.legal !== undefined && !(d.legal in data.legal)) at(['deadlines', i, 'legal'], `unknown legal duty "${d.legal}"`, `known: ${legalIds.join(', ')}`);
    if (d.legal === undefined && d.appliesTo === undefined) at(['deadlines', i], 'a deadline needs legal or appliesTo');
    if (d.appliesTo) checkApplies(d.appliesTo, ['deadlines', i, 'appliesTo']);
  });
  for (const [id, cost] of Object.entries(data.costs)) if (cost.max < cost.min) at(['costs', id, 'max'], `cost "${id}" ends below its minimum`);
  for (const [id, action] of Object.entries(data.actions)) {
    if (action.legal !== undefined && !(action.legal in data.legal)) at(['actions', id, 'legal'], `unknown legal duty "${action.legal}"`, `known: ${legalIds.join(', ')}`);
    if (action.cost !== undefined && !(action.cost in data.costs)) at(['actions', id, 'cost'], `unknown cost "${action.cost}"`);
  }
  return problems;
}
