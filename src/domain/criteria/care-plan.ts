/**
 * `care-plan`: an active, individualised CarePlan with at least one activity. DESIGN.md §4.
 */
import { clip, plural } from '../concept.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';
import { isActivePlan } from './care-plan-dates.ts';

/** Checks for an active care plan with activities. */
export function checkCarePlan(ctx: EvaluationContext): CriterionFinding {
  const active = ctx.record.carePlans.filter(isActivePlan);
  const withActivity = active.filter((p) => p.activities.length > 0);
  const plan = withActivity[0];
  if (plan) {
    const title = plan.title ? `"${clip(plan.title, 60)}"` : plan.ref;
    return {
      status: 'met',
      evidence: withActivity.map((p) => p.ref),
      reason: `Active care plan ${title} with ${plural(plan.activities.length, 'activity', 'activities')}`,
    };
  }
  if (active.length > 0) {
    return {
      status: 'missing',
      evidence: active.map((p) => p.ref),
      reason: 'An active care plan exists but lists no activities',
    };
  }
  if (ctx.record.carePlans.length > 0) {
    return {
      status: 'missing',
      evidence: ctx.record.carePlans.map((p) => p.ref),
      reason: `${plural(ctx.record.carePlans.length, 'care plan')} on file, none active`,
    };
  }
  return { status: 'missing', evidence: [], reason: 'No care plan in the record' };
}
