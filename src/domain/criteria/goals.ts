/**
 * `goals`: goals set: `CarePlan.goal` on an active plan, or active Goal resources. DESIGN.md §4.
 */
import { conceptLabel, listLabels, plural } from '../concept.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';
import { isActivePlan } from './care-plan-dates.ts';

const LIVE_GOALS = new Set(['proposed', 'planned', 'accepted', 'active', 'on-hold']);

/** Checks for goals. */
export function checkGoals(ctx: EvaluationContext): CriterionFinding {
  const { record, index } = ctx;
  const goals = record.goals.filter((g) => LIVE_GOALS.has(g.lifecycleStatus ?? ''));
  if (goals.length > 0) {
    return {
      status: 'met',
      evidence: goals.map((g) => g.ref),
      reason: `${plural(goals.length, 'active goal')}: ${listLabels(
        goals.map((g) => conceptLabel(g.description)),
        3,
      )}`,
    };
  }
  for (const plan of record.carePlans) {
    const linked = plan.goals.filter((ref) => index.refs.has(ref));
    if (isActivePlan(plan) && plan.goals.length > 0) {
      return {
        status: 'met',
        evidence: [plan.ref, ...linked],
        reason: `Active care plan sets ${plural(plan.goals.length, 'goal')}`,
      };
    }
  }
  if (record.goals.length > 0) {
    return {
      status: 'missing',
      evidence: record.goals.map((g) => g.ref),
      reason: `${plural(record.goals.length, 'goal')} on file, none active`,
    };
  }
  return { status: 'missing', evidence: [], reason: 'No goals in the record' };
}
