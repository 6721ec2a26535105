/**
 * Hand-made evaluations and records for the draft builders' tests: a named, ready patient ("Alice") whose
 * fields can be overridden per test. Plain data; not used by the app.
 */
import {
  type AttestationRecord,
  CRITERION_IDS,
  type CriterionId,
  type CriterionResult,
  type Evaluation,
} from '../evaluation.ts';
import type { PatientRecord } from '../record.ts';
import { type BuiltDraft, buildDraft } from './build-draft.ts';
import type { DraftKind } from './types.ts';

const EVIDENCE: Readonly<Partial<Record<CriterionId, readonly string[]>>> = {
  'complex-needs': ['Condition/diabetes', 'Condition/heart-failure'],
  'problem-list-review': ['Condition/diabetes', 'CarePlan/plan'],
  'medication-reconciliation': ['MedicationStatement/metformin'],
  assessment: ['QuestionnaireResponse/phq9'],
  'care-plan': ['CarePlan/plan'],
  goals: ['Goal/a1c'],
  'care-plan-updated': ['CarePlan/plan'],
  barriers: ['Condition/housing'],
  time: ['Encounter/call-1'],
  'care-coordination': ['Communication/123'],
  coverage: ['Coverage/aetna'],
  'diagnosis-codes': ['Condition/diabetes', 'Condition/heart-failure'],
};

/** The case-manager attestation Alice's case manager gave. */
export const CASE_MANAGER_ATTESTATION: AttestationRecord = {
  criterion: 'case-manager',
  note: 'I am the licensed RN case manager assigned to this patient.',
  by: 'Practitioner/nurse-nina',
  at: '2026-11-20T09:15:00Z',
  applied: true,
};

function criterion(id: CriterionId): CriterionResult {
  if (id === 'case-manager') {
    return {
      id,
      status: 'attested',
      required: true,
      attestable: true,
      evidence: [],
      reason: 'Attested by the user',
      attestation: CASE_MANAGER_ATTESTATION,
    };
  }
  return {
    id,
    status: 'met',
    required: true,
    attestable: true,
    evidence: EVIDENCE[id] ?? [],
    reason: `${id} met`,
  };
}

/** Alice: every criterion met, case manager attested, Aetna coverage, office visit, two ICD-10-CM codes. */
export function readyEvaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    patient: 'Patient/alice',
    asOf: '2026-11-20',
    period: { start: '2026-11-01', end: '2026-11-30' },
    periodBasis: 'month-of-as-of',
    payer: {
      policyId: 'aetna',
      name: 'Aetna',
      matchedBy: 'payor-name',
      coverage: 'Coverage/aetna',
      payor: 'Organization/aetna',
      detail: "Coverage/aetna payor Organization/aetna name 'Aetna'",
    },
    status: 'ready',
    blockers: [],
    criteria: CRITERION_IDS.map(criterion),
    codeFit: { alternatives: [] },
    minutes: {
      total: 45,
      documented: 45,
      attested: 0,
      sources: [{ kind: 'encounter', ref: 'Encounter/call-1', minutes: 45, basis: 'Encounter.length' }],
    },
    units: { quantity: 1, rule: '1 unit per service period', source: 'not published — verify with payer' },
    diagnoses: [
      {
        system: 'http://hl7.org/fhir/sid/icd-10-cm',
        code: 'E11.9',
        display: 'Type 2 diabetes mellitus without complications',
        suggested: false,
        confirmed: true,
        condition: 'Condition/diabetes',
        chronic: true,
        source: 'record',
      },
      {
        system: 'http://hl7.org/fhir/sid/icd-10-cm',
        code: 'I50.9',
        display: 'Heart failure, unspecified',
        suggested: true,
        confirmed: true,
        condition: 'Condition/heart-failure',
        chronic: true,
        fromSnomed: '84114007',
        source: 'curated table',
      },
      {
        system: 'http://hl7.org/fhir/sid/icd-10-cm',
        code: 'J44.9',
        display: 'Chronic obstructive pulmonary disease, unspecified',
        suggested: true,
        confirmed: false,
        condition: 'Condition/copd',
        chronic: true,
        fromSnomed: '13645005',
        source: 'curated table',
      },
    ],
    modifiers: { applied: [], rejected: [] },
    placeOfService: {
      code: '11',
      candidates: [],
      system: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
      encounter: 'Encounter/call-1',
      reason: 'Ambulatory encounter',
      source: 'SOURCES.md §8',
    },
    warnings: [],
    attestations: [CASE_MANAGER_ATTESTATION],
    ...overrides,
  };
}

/** Alice's record: just what the builders read (the user and the Coverage). */
export function aliceRecord(overrides: Partial<PatientRecord> = {}): PatientRecord {
  return {
    patient: { ref: 'Patient/alice', name: 'Alice Example', identifiers: [] },
    conditions: [],
    medications: [],
    medicationSource: 'MedicationStatement',
    carePlans: [],
    goals: [],
    encounters: [],
    coverages: [
      {
        ref: 'Coverage/aetna',
        status: 'active',
        payors: ['Organization/aetna'],
        payorDisplays: ['Aetna'],
        identifiers: [],
        classes: [],
      },
    ],
    communications: [],
    procedures: [],
    observations: [],
    questionnaireResponses: [],
    practitioners: [],
    practitionerRoles: [],
    organizations: [],
    user: 'Practitioner/nurse-nina',
    ...overrides,
  };
}

/**
 * Alice's ready draft of `kind`, built with fixed ids and times, for tests of what consumes a built draft
 * (writers, validators, reference rewriting).
 */
export function aliceDraft(kind: DraftKind = 'claim'): BuiltDraft {
  const result = buildDraft({
    kind,
    evaluation: readyEvaluation(),
    record: aliceRecord(),
    choices: {},
    asOf: '2026-11-20',
    recorded: '2026-11-20T10:00:00Z',
    ids: {
      draft: '6f1c2a3e-0000-4000-8000-000000000001',
      provenance: '6f1c2a3e-0000-4000-8000-000000000002',
    },
    app: { name: 'G9012 case-management app', version: '0.1.0' },
  });
  if (!result.ok) {
    throw new Error(result.reason);
  }
  return result;
}
