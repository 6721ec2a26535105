/**
 * `time`: case-management time documented in the period, at least the policy minimum (default: more than 0
 * minutes). Attested minutes are added by the evaluator. DESIGN.md §4.
 */
import { plural } from '../concept.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';

/** Checks documented time. */
export function checkTime(ctx: EvaluationContext): CriterionFinding {
  const documented = ctx.documentedMinutes;
  const total = documented.reduce((sum, s) => sum + s.minutes, 0);
  const refs = documented.flatMap((s) => (s.ref ? [s.ref] : []));
  const min = ctx.thresholds.minMinutes;
  if (total >= min && total > 0) {
    return {
      status: 'met',
      evidence: refs,
      reason: `${total} minutes documented in the period (${plural(documented.length, 'source')})`,
    };
  }
  if (total > 0) {
    return {
      status: 'missing',
      evidence: refs,
      reason: `${total} minutes documented; the policy asks for at least ${min}`,
    };
  }
  return { status: 'missing', evidence: [], reason: 'No case-management time documented in the period' };
}
