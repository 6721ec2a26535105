/**
 * When a care plan counts as created or updated in a period (DESIGN.md §4, `care-plan-updated`).
 */
import { within } from '../calendar.ts';
import type { EvaluationPeriod } from '../evaluation.ts';
import type { CarePlanItem } from '../record.ts';

/** Created, started, last updated, or given activity progress inside the period. */
export function carePlanTouchedIn(plan: CarePlanItem, period: EvaluationPeriod): boolean {
  if (
    within(plan.created, period) ||
    within(plan.lastUpdated, period) ||
    within(plan.period?.start, period)
  ) {
    return true;
  }
  return plan.activities.some((a) => a.progressDates.some((d) => within(d, period)));
}

/** Whether the plan is active and individualised (intent plan or order, not a proposal). */
export function isActivePlan(plan: CarePlanItem): boolean {
  return plan.status === 'active' && plan.intent !== 'proposal' && plan.intent !== 'option';
}
