/** The coding of a line modifier. */
import type { CodeableConcept } from './fhir-types.ts';
import { CPT_SYSTEM, HCPCS_SYSTEM } from './urls.ts';

/**
 * Two-digit modifiers (22, 93, 95) are CPT modifiers; letter modifiers (GT, GQ, FQ, U2...) are HCPCS Level II.
 * Source: SOURCES.md §9 (Palmetto GBA "CPT Modifier 22"), §10 (Novitas JH / First Coast telehealth modifiers:
 * 95 and 93 alongside HCPCS modifiers GT, GQ, FQ).
 */
export function modifierCoding(code: string): CodeableConcept {
  return { coding: [{ system: /^\d{2}$/.test(code) ? CPT_SYSTEM : HCPCS_SYSTEM, code }] };
}
