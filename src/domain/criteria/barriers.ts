/**
 * `barriers`: barriers and social determinants addressed: an SDOH or health-concern Condition, an SDOH
 * Observation in the period, or a Goal or CarePlan that addresses one. DESIGN.md §4.
 */
import { within } from '../calendar.ts';
import { listLabels } from '../concept.ts';
import { conditionName } from '../condition-names.ts';
import { isActiveCondition, isSocialCondition } from '../conditions.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';

/** Checks that barriers and social needs were addressed. */
export function checkBarriers(ctx: EvaluationContext): CriterionFinding {
  const { record, period, index } = ctx;
  const social = record.conditions.filter((c) => isSocialCondition(c) && isActiveCondition(c, period));
  const socialRefs = new Set(social.map((c) => c.ref));
  const addressing = [
    ...record.goals.filter((g) => g.addresses.some((ref) => socialRefs.has(ref))).map((g) => g.ref),
    ...record.carePlans.filter((p) => p.addresses.some((ref) => socialRefs.has(ref))).map((p) => p.ref),
  ];
  if (social.length > 0) {
    const names = listLabels(
      social.map((c) => conditionName(c)),
      3,
    );
    return {
      status: 'met',
      evidence: [...social.map((c) => c.ref), ...addressing],
      reason:
        addressing.length > 0
          ? `Social needs addressed by a goal or care plan: ${names}`
          : `Social needs on the problem list: ${names}`,
    };
  }
  const observations = record.observations.filter(
    (o) => o.status !== 'entered-in-error' && o.categories.includes('sdoh') && within(o.effective, period),
  );
  if (observations.length > 0) {
    return {
      status: 'met',
      evidence: observations.map((o) => o.ref),
      reason: `Social needs screened in the period (${observations.length} SDOH observation${observations.length === 1 ? '' : 's'})`,
    };
  }
  const resolvedSocial = record.conditions.filter((c) => isSocialCondition(c) && index.conditions.has(c.ref));
  return {
    status: 'missing',
    evidence: resolvedSocial.map((c) => c.ref),
    reason: 'No social needs or barriers documented for the period',
  };
}
