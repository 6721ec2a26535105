/**
 * `care-plan-updated`: the care plan was created or updated in the period (created, period start,
 * meta.lastUpdated, or activity progress). DESIGN.md §4.
 */
import { clip } from '../concept.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';
import { carePlanTouchedIn, isActivePlan } from './care-plan-dates.ts';

/** Checks that a care plan was created or updated in the period. */
export function checkCarePlanUpdated(ctx: EvaluationContext): CriterionFinding {
  const { record, period } = ctx;
  const updated = record.carePlans.filter((p) => isActivePlan(p) && carePlanTouchedIn(p, period));
  const plan = updated[0];
  if (plan) {
    return {
      status: 'met',
      evidence: updated.map((p) => p.ref),
      reason: `Care plan ${plan.title ? `"${clip(plan.title, 60)}"` : plan.ref} created or updated in the period`,
    };
  }
  const active = record.carePlans.filter(isActivePlan);
  if (active.length > 0) {
    return {
      status: 'missing',
      evidence: active.map((p) => p.ref),
      reason: 'The active care plan was not created or updated in the period',
    };
  }
  return { status: 'missing', evidence: [], reason: 'No active care plan to update' };
}
