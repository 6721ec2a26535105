/**
 * What every criterion check receives: the record, its index, the period, the policy, and facts computed
 * once (chronic conditions, transitions of care, minutes).
 */
import type { Thresholds } from './app-defaults.ts';
import type { EvaluationPeriod, MinuteSource } from './evaluation.ts';
import type { PayerPolicy } from './policy.ts';
import type { ConditionItem, EncounterItem, PatientRecord } from './record.ts';
import type { RecordIndex } from './record-index.ts';

/** Inputs and shared facts for the criterion checks. */
export interface EvaluationContext {
  readonly record: PatientRecord;
  readonly index: RecordIndex;
  readonly period: EvaluationPeriod;
  /** `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly policy: PayerPolicy;
  readonly thresholds: Thresholds;
  /** Active conditions at the period end. */
  readonly activeConditions: readonly ConditionItem[];
  /** Active chronic conditions (DESIGN.md §4 definition). */
  readonly chronicConditions: readonly ConditionItem[];
  /** Inpatient or emergency encounters that ended within the transition window before or inside the period. */
  readonly transitions: readonly EncounterItem[];
  /** Documented minutes in the period. */
  readonly documentedMinutes: readonly MinuteSource[];
}

/** What a check returns before the policy's `required` flag and attestations are applied. */
export interface CriterionFinding {
  readonly status: 'met' | 'missing' | 'not-met' | 'not-applicable';
  readonly evidence: readonly string[];
  readonly reason: string;
}
