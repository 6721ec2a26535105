/** Small pieces shared by both draft kinds. */
import type { Diagnosis } from '../evaluation.ts';
import type { CodeableConcept } from './fhir-types.ts';

/**
 * The text trimmed, or undefined when nothing is left. Source: HL7 FHIR R4 datatypes, string — a string has
 * at least one non-whitespace character and SHOULD NOT carry leading or trailing whitespace.
 */
export function fhirText(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** A diagnosis as a CodeableConcept with one ICD-10-CM coding (display only when there is one). */
export function diagnosisConcept(diagnosis: Diagnosis): CodeableConcept {
  const display = fhirText(diagnosis.display);
  return {
    coding: [
      { system: diagnosis.system, code: diagnosis.code, ...(display === undefined ? {} : { display }) },
    ],
  };
}
