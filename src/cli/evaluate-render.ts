/**
 * One patient's `g9012 evaluate` output, from a built record and the run's settings. Used for a Bundle
 * file in the main thread and for NDJSON patients in the bulk workers.
 */
import { evaluate } from '../domain/evaluate.ts';
import type { AttestationInput, DiagnosisConfirmation, EvaluationPeriod } from '../domain/evaluation.ts';
import { selectPolicy } from '../domain/payer-match.ts';
import type { PayerPolicy } from '../domain/policy.ts';
import type { InvalidResource, PatientRecord } from '../domain/record.ts';
import { indexRecord } from '../domain/record-index.ts';
import { toEvaluationJson } from './evaluation-json.ts';
import { toEvaluationText } from './evaluation-text.ts';

/** Settings shared by every patient in one run (plain data: it is sent to worker threads). */
export interface RunSettings {
  readonly asOf: string;
  readonly period?: EvaluationPeriod;
  readonly policies: readonly PayerPolicy[];
  readonly payerId?: string;
  readonly attestations: readonly AttestationInput[];
  readonly diagnoses: readonly DiagnosisConfirmation[];
  /** The signed-in user as a record reference, when --user names one. */
  readonly user?: string;
  readonly format: 'json' | 'text';
}

/** The message when no policy applies; an input problem, since it comes from --policy-dir and --payer. */
export const NO_POLICY = 'no payer policy applies and no "default" policy is loaded';

/** The formatted evaluation, or undefined when no payer policy applies. */
export function renderEvaluation(
  record: PatientRecord,
  invalid: readonly InvalidResource[],
  s: RunSettings,
): string | undefined {
  const selection = selectPolicy(record, indexRecord(record), s.policies, s.payerId);
  if (!selection) {
    return undefined;
  }
  const evaluation = evaluate(record, {
    asOf: s.asOf,
    ...(s.period ? { period: s.period } : {}),
    policy: selection.policy,
    payerMatch: selection.match,
    attestations: s.attestations,
    confirmations: { diagnoses: s.diagnoses },
  });
  return s.format === 'json'
    ? `${JSON.stringify(toEvaluationJson(evaluation, invalid))}\n`
    : toEvaluationText(evaluation, invalid);
}
