/**
 * The draft ChargeItem (HL7 FHIR R4 ChargeItem), built from an evaluation. Pure.
 *
 * R4 has no draft status, so the draft is `planned` (Source: HL7 FHIR R4 ChargeItem.status, required binding
 * chargeitem-status: planned = "The charge item has been entered, but the charged service is not yet
 * complete, so it shall not be billed yet"). DESIGN.md §5 lists the elements.
 */
import type { Evaluation } from '../evaluation.ts';
import type { PatientRecord } from '../record.ts';
import { diagnosisConcept, fhirText } from './coding.ts';
import { metEvidence, supportStatements } from './criterion-support.ts';
import type { Annotation, ChargeItem, Extension, Reference } from './fhir-types.ts';
import { draftGate } from './gate.ts';
import { draftIdentifier, G9012_CODE, G9012_DISPLAY } from './identity.ts';
import { modifierCoding } from './modifier-coding.ts';
import type { DraftChoices, DraftResult } from './types.ts';
import { CHARGE_ITEM_MODIFIER_EXTENSION, HCPCS_SYSTEM, SUPPORTS_CRITERION_EXTENSION } from './urls.ts';

// Source: HL7 FHIR R4 Annotation.author[x] — Reference(Practitioner | Patient | RelatedPerson | Organization).
const ANNOTATION_AUTHOR = /^(Practitioner|Patient|RelatedPerson|Organization)\/[A-Za-z0-9.-]{1,64}$/;

function annotation(by: string, at: string, text: string): Annotation {
  const who = fhirText(by);
  // No valid author string: leave the author out; the text still says who attested, as given.
  const author =
    who === undefined
      ? {}
      : ANNOTATION_AUTHOR.test(who)
        ? { authorReference: { reference: who } }
        : { authorString: who };
  return { ...author, time: at, text };
}

/**
 * Builds the draft ChargeItem, or refuses with a reason (not-billable, incomplete, no user, no units...).
 *
 * @param evaluation the evaluation the draft rests on
 * @param record the record it was evaluated from (user, coverage)
 * @param choices what the user chose in the draft panel
 * @param asOf the entry date (`enteredDate`), a date or dateTime from the caller's clock
 */
export function buildChargeItem(
  evaluation: Evaluation,
  record: PatientRecord,
  choices: DraftChoices,
  asOf: string,
): DraftResult<ChargeItem> {
  const gate = draftGate('chargeitem', evaluation, record, choices);
  if (!gate.ok) {
    return gate;
  }
  const { facts } = gate;
  const modifiers: Extension[] = evaluation.modifiers.applied.map((m) => ({
    url: CHARGE_ITEM_MODIFIER_EXTENSION,
    valueCoding: modifierCoding(m.code).coding?.[0] ?? { code: m.code },
  }));
  const supportingInformation: Reference[] = metEvidence(evaluation).map((e) => ({
    extension: [{ url: SUPPORTS_CRITERION_EXTENSION, valueCode: e.criterion }],
    reference: e.ref,
  }));
  const notes = supportStatements(evaluation, choices).map((s) => annotation(s.by, s.at, s.text));
  const resource: ChargeItem = {
    resourceType: 'ChargeItem',
    ...(modifiers.length > 0 ? { extension: modifiers } : {}),
    identifier: [draftIdentifier(evaluation)],
    status: 'planned',
    code: { coding: [{ system: HCPCS_SYSTEM, code: G9012_CODE, display: G9012_DISPLAY }] },
    subject: { reference: evaluation.patient },
    ...(choices.context === undefined ? {} : { context: { reference: choices.context } }),
    occurrencePeriod: { start: evaluation.period.start, end: evaluation.period.end },
    performer: [{ actor: { reference: facts.user } }],
    quantity: { value: facts.units },
    enterer: { reference: facts.user },
    enteredDate: asOf,
    ...(facts.diagnoses.length > 0
      ? {
          reason: facts.diagnoses.map(diagnosisConcept),
        }
      : {}),
    ...(notes.length > 0 ? { note: notes } : {}),
    ...(supportingInformation.length > 0 ? { supportingInformation } : {}),
  };
  return { ok: true, resource };
}
