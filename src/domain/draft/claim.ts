/**
 * The draft Claim (HL7 FHIR R4 Claim), built from an evaluation. Pure.
 *
 * `status: draft`, `use: claim`, type professional, priority normal (DESIGN.md §5). R4 Claim has no `note`,
 * so attestations and modifier justifications are `supportingInfo` entries with `valueString`, coded with the
 * criterion they support. Evidence is `supportingInfo` with `valueReference`, coded the same way.
 */
import type { Evaluation } from '../evaluation.ts';
import type { PatientRecord } from '../record.ts';
import { diagnosisConcept } from './coding.ts';
import { metEvidence, supportStatements } from './criterion-support.ts';
import type { Claim, ClaimDiagnosis, ClaimSupportingInfo, CodeableConcept } from './fhir-types.ts';
import { draftGate } from './gate.ts';
import { draftIdentifier, G9012_CODE, G9012_DISPLAY } from './identity.ts';
import { modifierCoding } from './modifier-coding.ts';
import type { DraftChoices, DraftResult } from './types.ts';
import {
  CARE_TEAM_ROLE_SYSTEM,
  CLAIM_INFORMATION_CATEGORY_SYSTEM,
  CLAIM_TYPE_SYSTEM,
  CRITERION_CODE_SYSTEM,
  HCPCS_SYSTEM,
  PLACE_OF_SERVICE_SYSTEM,
  PROCESS_PRIORITY_SYSTEM,
} from './urls.ts';

// Source: HL7 FHIR R4 Claim.supportingInfo.category (example binding claiminformationcategory), code `info`.
const INFO_CATEGORY: CodeableConcept = {
  coding: [{ system: CLAIM_INFORMATION_CATEGORY_SYSTEM, code: 'info', display: 'Information' }],
};

function criterionCode(criterion: string | undefined): CodeableConcept | undefined {
  return criterion === undefined
    ? undefined
    : { coding: [{ system: CRITERION_CODE_SYSTEM, code: criterion }] };
}

function supportingInfo(evaluation: Evaluation, choices: DraftChoices): ClaimSupportingInfo[] {
  const evidence = metEvidence(evaluation).map(
    (e): Omit<ClaimSupportingInfo, 'sequence'> => ({
      category: INFO_CATEGORY,
      code: { coding: [{ system: CRITERION_CODE_SYSTEM, code: e.criterion }] },
      valueReference: { reference: e.ref },
    }),
  );
  const statements = supportStatements(evaluation, choices).map(
    (s): Omit<ClaimSupportingInfo, 'sequence'> => {
      const code = criterionCode(s.criterion);
      return {
        category: INFO_CATEGORY,
        ...(code === undefined ? {} : { code }),
        // Source: HL7 FHIR R4 Claim.supportingInfo.timing[x] — date (not dateTime) when the information applies.
        timingDate: s.at.slice(0, 10),
        valueString: s.text,
      };
    },
  );
  return [...evidence, ...statements].map((info, index) => ({ sequence: index + 1, ...info }));
}

/**
 * Builds the draft Claim, or refuses with a reason. Without an active Coverage the refusal offers a
 * ChargeItem (`offer: 'chargeitem'`).
 *
 * @param evaluation the evaluation the draft rests on
 * @param record the record it was evaluated from (user, coverage)
 * @param choices what the user chose in the draft panel (place of service, coverage, provider...)
 * @param asOf the creation date (`created`), a date or dateTime from the caller's clock
 */
export function buildClaim(
  evaluation: Evaluation,
  record: PatientRecord,
  choices: DraftChoices,
  asOf: string,
): DraftResult<Claim> {
  const gate = draftGate('claim', evaluation, record, choices);
  if (!gate.ok) {
    return gate;
  }
  const { facts } = gate;
  const coverage = facts.coverage;
  if (coverage === undefined || facts.placeOfService === undefined) {
    // The gate refuses a Claim without these; this keeps the types honest.
    return {
      ok: false,
      code: 'no-coverage',
      reason: 'No active Coverage.',
      details: [],
      offer: 'chargeitem',
    };
  }
  const diagnosis: ClaimDiagnosis[] = facts.diagnoses.map((d, index) => ({
    sequence: index + 1,
    diagnosisCodeableConcept: diagnosisConcept(d),
  }));
  const info = supportingInfo(evaluation, choices);
  const insurer = coverage.payors.find((p) => p.startsWith('Organization/'));
  const modifier = evaluation.modifiers.applied.map((m) => modifierCoding(m.code));
  const resource: Claim = {
    resourceType: 'Claim',
    identifier: [draftIdentifier(evaluation)],
    status: 'draft',
    type: { coding: [{ system: CLAIM_TYPE_SYSTEM, code: 'professional', display: 'Professional' }] },
    use: 'claim',
    patient: { reference: evaluation.patient },
    billablePeriod: { start: evaluation.period.start, end: evaluation.period.end },
    created: asOf,
    enterer: { reference: facts.user },
    ...(insurer === undefined ? {} : { insurer: { reference: insurer } }),
    provider: { reference: facts.provider },
    priority: { coding: [{ system: PROCESS_PRIORITY_SYSTEM, code: 'normal', display: 'Normal' }] },
    careTeam: [
      {
        sequence: 1,
        provider: { reference: facts.user },
        // Source: HL7 FHIR R4 Claim.careTeam.role (example binding claimcareteamrole): primary provider.
        role: { coding: [{ system: CARE_TEAM_ROLE_SYSTEM, code: 'primary', display: 'Primary provider' }] },
      },
    ],
    ...(info.length > 0 ? { supportingInfo: info } : {}),
    diagnosis,
    insurance: [{ sequence: 1, focal: true, coverage: { reference: coverage.ref } }],
    item: [
      {
        sequence: 1,
        careTeamSequence: [1],
        diagnosisSequence: diagnosis.map((d) => d.sequence),
        ...(info.length > 0 ? { informationSequence: info.map((i) => i.sequence) } : {}),
        productOrService: { coding: [{ system: HCPCS_SYSTEM, code: G9012_CODE, display: G9012_DISPLAY }] },
        ...(modifier.length > 0 ? { modifier } : {}),
        servicedPeriod: { start: evaluation.period.start, end: evaluation.period.end },
        locationCodeableConcept: {
          coding: [{ system: PLACE_OF_SERVICE_SYSTEM, code: facts.placeOfService }],
        },
        quantity: { value: facts.units },
      },
    ],
  };
  return { ok: true, resource };
}
