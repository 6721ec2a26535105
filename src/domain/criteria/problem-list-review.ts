/**
 * `problem-list-review`: an active problem list, reviewed in the period: a Condition recorded or updated in
 * the period, or a CarePlan touched in the period that addresses a Condition. DESIGN.md §4.
 */
import { within } from '../calendar.ts';
import { plural } from '../concept.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';
import { carePlanTouchedIn } from './care-plan-dates.ts';

/** Checks the problem-list review. */
export function checkProblemListReview(ctx: EvaluationContext): CriterionFinding {
  const { activeConditions, period, index } = ctx;
  if (activeConditions.length === 0) {
    return { status: 'missing', evidence: [], reason: 'No active problems on the problem list' };
  }
  const reviewed = activeConditions.filter(
    (c) => within(c.recordedDate, period) || within(c.lastUpdated, period),
  );
  if (reviewed.length > 0) {
    return {
      status: 'met',
      evidence: reviewed.map((c) => c.ref),
      reason: `${plural(reviewed.length, 'active problem')} recorded or updated in the period`,
    };
  }
  for (const plan of ctx.record.carePlans) {
    const addressed = plan.addresses.filter((ref) => index.conditions.has(ref));
    if (addressed.length > 0 && carePlanTouchedIn(plan, period)) {
      return {
        status: 'met',
        evidence: [plan.ref, ...addressed],
        reason: `Care plan updated in the period addresses ${plural(addressed.length, 'problem')}`,
      };
    }
  }
  return {
    status: 'missing',
    evidence: activeConditions.map((c) => c.ref),
    reason: `${plural(activeConditions.length, 'active problem')} on the list, none reviewed in the period`,
  };
}
