/**
 * `diagnosis-codes`: at least one active condition with an ICD-10-CM code for the claim; a suggested code
 * from the curated SNOMED table counts only once the user confirms it. DESIGN.md §4.
 */
import { clip, listLabels, plural } from '../concept.ts';
import type { Diagnosis } from '../evaluation.ts';

/** Codes for a one-line reason: each clipped (a record may carry a huge "code"), at most four listed. */
function codeList(diagnoses: readonly Diagnosis[]): string {
  return listLabels(diagnoses.map((d) => clip(d.code, 24)));
}

/** The finding, from the diagnoses already built. `attested` when only confirmed suggestions carry it. */
export function checkDiagnosisCodes(
  diagnoses: readonly Diagnosis[],
  activeConditionCount: number,
): { status: 'met' | 'attested' | 'missing'; evidence: string[]; reason: string } {
  const coded = diagnoses.filter((d) => !d.suggested);
  if (coded.length > 0) {
    return {
      status: 'met',
      evidence: coded.map((d) => d.condition),
      reason: `${plural(coded.length, 'ICD-10-CM code')} on active conditions: ${codeList(coded)}`,
    };
  }
  const confirmed = diagnoses.filter((d) => d.suggested && d.confirmed);
  if (confirmed.length > 0) {
    return {
      status: 'attested',
      evidence: confirmed.map((d) => d.condition),
      reason: `${plural(confirmed.length, 'suggested ICD-10-CM code')} confirmed by the user: ${codeList(confirmed)}`,
    };
  }
  const pending = diagnoses.filter((d) => d.suggested);
  if (pending.length > 0) {
    return {
      status: 'missing',
      evidence: pending.map((d) => d.condition),
      reason: `SNOMED-only conditions: ${plural(pending.length, 'suggested ICD-10-CM code')} (${codeList(pending)}) await confirmation`,
    };
  }
  return {
    status: 'missing',
    evidence: [],
    reason:
      activeConditionCount > 0
        ? `${plural(activeConditionCount, 'active condition')} without an ICD-10-CM code or a known suggestion`
        : 'No active condition to put on the claim',
  };
}
