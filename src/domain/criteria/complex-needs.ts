/**
 * `complex-needs`: at least N active chronic conditions, or a transition of care (an inpatient or emergency
 * encounter that ended within the window before or inside the period). DESIGN.md §4.
 */
import { listLabels, plural } from '../concept.ts';
import { conditionName } from '../condition-names.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';

/** Checks complex needs. */
export function checkComplexNeeds(ctx: EvaluationContext): CriterionFinding {
  const { chronicConditions, transitions, thresholds } = ctx;
  const min = thresholds.minChronicConditions;
  const names = chronicConditions.map((c) => conditionName(c));
  if (chronicConditions.length >= min) {
    return {
      status: 'met',
      evidence: chronicConditions.map((c) => c.ref),
      reason: `${plural(chronicConditions.length, 'active chronic condition')}: ${listLabels(names)}`,
    };
  }
  const stay = transitions[0];
  if (stay) {
    const kind = stay.classCode === 'EMER' ? 'Emergency visit' : 'Inpatient stay';
    return {
      status: 'met',
      evidence: [stay.ref, ...chronicConditions.map((c) => c.ref)],
      reason: `${kind} ended ${stay.period?.end?.slice(0, 10) ?? 'recently'} (transition of care, within ${thresholds.transitionWindowDays} days)`,
    };
  }
  if (ctx.record.conditions.length === 0) {
    return {
      status: 'missing',
      evidence: [],
      reason: `No conditions in the record; needs ${min} active chronic conditions or a recent hospital or emergency discharge`,
    };
  }
  const have =
    chronicConditions.length === 0
      ? 'no active chronic condition'
      : `only ${plural(chronicConditions.length, 'active chronic condition')} (${listLabels(names)})`;
  return {
    status: 'not-met',
    evidence: chronicConditions.map((c) => c.ref),
    reason: `The record shows ${have}, fewer than ${min}, and no hospital or emergency discharge within ${thresholds.transitionWindowDays} days`,
  };
}
