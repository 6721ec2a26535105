/**
 * Which conditions are active, chronic, or social (SDOH), read from clinical status, dates and category.
 * Nothing is defaulted: a Condition without a clinical status is not counted as active.
 */
import { addDays, dayRange } from './calendar.ts';
import type { EvaluationPeriod } from './evaluation.ts';
import type { ConditionItem } from './record.ts';

const ACTIVE = new Set(['active', 'recurrence', 'relapse']);
const EXCLUDED_VERIFICATION = new Set(['entered-in-error', 'refuted']);
const SOCIAL_CATEGORIES = new Set(['sdoh', 'health-concern']);

/** Whether the condition is recorded in error or refuted. */
export function isVoided(c: ConditionItem): boolean {
  return typeof c.verificationStatus === 'string' && EXCLUDED_VERIFICATION.has(c.verificationStatus);
}

/**
 * Active at the end of the period: an active clinical status, not voided, begun and on the record by the
 * period end (onset and recorded date not after it), and not abated by then.
 */
export function isActiveCondition(c: ConditionItem, period: EvaluationPeriod): boolean {
  if (typeof c.clinicalStatus !== 'string' || !ACTIVE.has(c.clinicalStatus) || isVoided(c)) {
    return false;
  }
  const onset = dayRange(c.onset);
  const recorded = dayRange(c.recordedDate);
  if ((onset && onset.first > period.end) || (recorded && recorded.first > period.end)) {
    return false;
  }
  const abated = dayRange(c.abatement);
  return abated === undefined || abated.first > period.end;
}

/** Whether the condition is in a social-needs category (SDOH or health concern). */
export function isSocialCondition(c: ConditionItem): boolean {
  return Array.isArray(c.categories) && c.categories.some((cat) => SOCIAL_CATEGORIES.has(cat));
}

/**
 * Chronic per DESIGN.md §4: active, not resolved, and its onset (or, without one, its recorded date) at least
 * `minDays` before the period end. SDOH and health-concern entries are needs, not chronic conditions.
 */
export function isChronicCondition(c: ConditionItem, period: EvaluationPeriod, minDays: number): boolean {
  if (!isActiveCondition(c, period) || isSocialCondition(c)) {
    return false;
  }
  const since = dayRange(c.onset) ?? dayRange(c.recordedDate);
  return since !== undefined && since.last <= addDays(period.end, -minDays);
}
