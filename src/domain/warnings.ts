/**
 * Warnings that come from the payer policy and the record as a whole: what the payer says about G9012,
 * every "not published — verify with payer" rule that applied, and a deceased patient.
 */
import { dayRange } from './calendar.ts';
import type { EvaluationPeriod, EvaluationWarning } from './evaluation.ts';
import { isUnpublished, type PayerPolicy } from './policy.ts';
import type { PatientRecord } from './record.ts';

/** Policy and record warnings. */
export function policyWarnings(
  policy: PayerPolicy,
  record: PatientRecord,
  period: EvaluationPeriod,
): EvaluationWarning[] {
  const out: EvaluationWarning[] = [];
  const { g9012 } = policy;
  if (g9012.payable === 'no' || !isUnpublished(g9012.source)) {
    out.push({ kind: 'payer-coverage', message: `${policy.name}: ${g9012.text}`, source: g9012.source });
  } else {
    out.push({
      kind: 'unpublished',
      message: `${policy.name}: whether G9012 is paid, and on what terms — not published — verify with payer`,
      source: g9012.source,
    });
  }
  const rules: [string, string][] = [
    ['required documentation criteria for G9012', policy.requiredCriteria.source],
    [
      'thresholds (chronic conditions, transition window, minimum minutes); app defaults used',
      policy.thresholds.source,
    ],
    ['units per service period', policy.units.source],
  ];
  for (const [what, source] of rules) {
    if (isUnpublished(source)) {
      out.push({
        kind: 'unpublished',
        message: `${policy.name}: ${what} — not published — verify with payer`,
        source,
      });
    }
  }
  const deceased = record.patient.deceased;
  if (deceased === true) {
    out.push({ kind: 'data', message: 'The record says the patient has died' });
  } else if (typeof deceased === 'string') {
    const died = dayRange(deceased);
    if (died && died.first <= period.end) {
      out.push({ kind: 'data', message: `The record says the patient died on ${died.first}` });
    }
  }
  return out;
}
