// Wording of the action plan shared by the PDF, the terminal and the CSV: one place turns a plan
// action's numbers and ids into the report language.
import type { Assessment, PlanAction } from '../engine/assessment/types.js';
import type { Translate } from '../i18n/ui.js';

export function aidName(a: Assessment, id: string): string {
  return a.aids?.find((x) => x.id === id)?.name ?? id;
}

function range(t: Translate, min: number, max: number): string {
  if (max === 0) return t('plan.cost.free');
  return min === max ? t('plan.cost.one', { amount: min }) : t('plan.cost.range', { min, max });
}

/** "Free", "€500 to €2,000 (estimate)" or "No cost estimate". */
export function costText(t: Translate, action: PlanAction): string {
  if (!action.cost) return t('plan.cost.none');
  const text = range(t, action.cost.min, action.cost.max);
  return action.cost.estimate ? t('plan.cost.estimate', { range: text }) : text;
}

/** "After <aid>: €x to €y — apply before you start", or undefined when no net cost is known. */
export function netText(a: Assessment, t: Translate, action: PlanAction): string | undefined {
  if (!action.netCost || !action.funding) return undefined;
  const text = t('plan.net', { aid: aidName(a, action.funding.aid), range: range(t, action.netCost.min, action.netCost.max) });
  return action.funding.applyBefore ? `${text} — ${t('plan.apply_before')}` : text;
}

/** The legal reason, with the date it applies from. */
export function legalText(t: Translate, action: PlanAction): string | undefined {
  if (!action.legal) return undefined;
  const when = t(action.legal.inForce ? 'plan.legal.in_force' : 'plan.legal.upcoming', { date: action.legal.since });
  return `${t(`plan.legal.${action.legal.id}`)} ${when}`;
}

/** Names of the aids that may pay for it, best fit first. */
export function aidsText(a: Assessment, t: Translate, action: PlanAction, max = 3): string | undefined {
  if (!action.aids.length) return undefined;
  return t('plan.aids', { names: action.aids.slice(0, max).map((id) => aidName(a, id)).join(', ') });
}

/** Owner, due date and status, as far as the advisor filled them in. */
export function advisorFieldsText(t: Translate, action: PlanAction): string | undefined {
  const parts: string[] = [];
  if (action.owner) parts.push(t('plan.owner', { owner: action.owner }));
  if (action.due) parts.push(t('plan.due', { date: action.due }));
  if (action.status) parts.push(t('plan.status_label', { status: t(`plan.status.${action.status}`) }));
  return parts.length ? parts.join(' · ') : undefined;
}
