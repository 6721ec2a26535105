/**
 * Applies the user's attestations to criterion findings. An attestation needs a non-blank note; it turns
 * `missing` into `attested` for an attestable criterion and never turns `not-met` into anything else.
 */
import type { CriterionFinding } from './context.ts';
import type { AttestationInput, AttestationRecord, CriterionId, CriterionStatus } from './evaluation.ts';
import { CRITERION_IDS } from './evaluation.ts';

/** Criteria that need record data and cannot be attested. */
export const NOT_ATTESTABLE: ReadonlySet<CriterionId> = new Set([
  'complex-needs',
  'coverage',
  'diagnosis-codes',
]);

const KNOWN: ReadonlySet<string> = new Set(CRITERION_IDS);

/** Whether an attestation input is well-formed (known criterion, note, who and when, sane minutes). */
export function attestationProblem(a: AttestationInput): string | undefined {
  if (!KNOWN.has(a.criterion)) {
    return 'unknown criterion';
  }
  if (typeof a.note !== 'string' || !a.note.trim()) {
    return 'an attestation needs a note';
  }
  if (typeof a.by !== 'string' || !a.by.trim() || typeof a.at !== 'string' || !a.at.trim()) {
    return 'an attestation needs who attested and when';
  }
  if (a.minutes !== undefined && (!Number.isFinite(a.minutes) || a.minutes <= 0 || a.minutes > 100_000)) {
    return 'attested minutes must be a positive number';
  }
  if (a.criterion === 'time' && a.minutes === undefined) {
    return 'a time attestation needs minutes';
  }
  return undefined;
}

/** The status after an attestation, and the record of it. */
export interface AttestationOutcome {
  readonly status: CriterionStatus;
  readonly record: AttestationRecord;
}

/** Decides what one attestation does to one finding. */
export function applyAttestation(
  id: CriterionId,
  finding: Pick<CriterionFinding, 'status'>,
  input: AttestationInput,
): AttestationOutcome {
  const problem = attestationProblem(input);
  const ignore = (why: string): AttestationOutcome => ({
    status: finding.status,
    record: { ...input, applied: false, ignoredBecause: why },
  });
  if (problem) {
    return ignore(problem);
  }
  if (NOT_ATTESTABLE.has(id)) {
    return ignore('this criterion needs data in the record and cannot be attested');
  }
  switch (finding.status) {
    case 'not-met':
      return ignore('the record shows this criterion is not met; attestation cannot change that');
    case 'met':
      return ignore('already met from the record');
    case 'not-applicable':
      return ignore('not applicable');
    case 'missing':
      return { status: 'attested', record: { ...input, applied: true } };
  }
}
