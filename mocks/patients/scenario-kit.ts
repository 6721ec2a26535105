/**
 * Builds the meets-all patient as named parts, so each scenario reads as "meets-all, except ...".
 * Every id is prefixed with the patient id so that scenarios can share one sandbox server.
 * All clinical activity falls in November 2026 (tests evaluate with asOf 2026-11-20).
 */
import type {
  Bundle,
  CarePlan,
  Communication,
  Condition,
  Coverage,
  Encounter,
  FhirResource,
  Goal,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Procedure,
} from 'fhir/r4';
import {
  cardiologist,
  caseManager,
  caseManagerRole,
  type PayerKey,
  payers,
  physician,
  physicianRole,
} from './people.ts';

const SNOMED = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const LOINC = 'http://loinc.org';
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const US_CORE_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** A scenario's resources, grouped so that variants can replace one part. */
export interface ScenarioParts {
  patient: Patient;
  conditions: Condition[];
  medications: Array<MedicationStatement | MedicationRequest>;
  procedures: Procedure[];
  observations: Observation[];
  carePlans: CarePlan[];
  goals: Goal[];
  encounters: Encounter[];
  communications: Communication[];
  coverages: Coverage[];
  people: Array<Practitioner | PractitionerRole | Organization>;
}

/** A coded concept with one coding. */
export function coded(system: string, code: string, display: string) {
  return { coding: [{ system, code, display }], text: display };
}

/** An active, confirmed problem-list condition. */
export function problem(
  id: string,
  patientId: string,
  codings: Array<{ system: string; code: string; display: string }>,
  onset: string,
  recorded: string,
): Condition {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
    },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
    code: { coding: codings, text: codings[0]?.display ?? '' },
    subject: { reference: `Patient/${patientId}` },
    onsetDateTime: onset,
    recordedDate: recorded,
  };
}

/** The meets-all parts for a patient id and payer. */
export function meetsAllParts(
  id: string,
  name: { given: string; family: string },
  payer: PayerKey = 'acme',
): ScenarioParts {
  const subject = { reference: `Patient/${id}` };
  const cm = { reference: 'Practitioner/cm-rivera' };
  const payerOrg = payers[payer];
  return {
    patient: {
      resourceType: 'Patient',
      id,
      name: [{ family: name.family, given: [name.given] }],
      gender: 'female',
      birthDate: '1958-04-12',
    },
    conditions: [
      problem(
        `${id}-hf`,
        id,
        [
          { system: SNOMED, code: '84114007', display: 'Heart failure' },
          { system: ICD10, code: 'I50.9', display: 'Heart failure, unspecified' },
        ],
        '2020-03-15',
        '2026-11-03',
      ),
      problem(
        `${id}-t2d`,
        id,
        [
          { system: SNOMED, code: '44054006', display: 'Type 2 diabetes mellitus' },
          { system: ICD10, code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
        ],
        '2016-08-01',
        '2016-08-01',
      ),
      problem(
        `${id}-copd`,
        id,
        [
          { system: SNOMED, code: '13645005', display: 'Chronic obstructive lung disease' },
          { system: ICD10, code: 'J44.9', display: 'Chronic obstructive pulmonary disease, unspecified' },
        ],
        '2019-01-20',
        '2019-01-20',
      ),
      {
        ...problem(
          `${id}-food`,
          id,
          [{ system: SNOMED, code: '733423003', display: 'Food insecurity' }],
          '2026-10-28',
          '2026-11-03',
        ),
        category: [
          { coding: [{ system: US_CORE_CATEGORY, code: 'sdoh', display: 'SDOH' }] },
          { coding: [{ system: CONDITION_CATEGORY, code: 'health-concern' }] },
        ],
      },
    ],
    medications: [
      {
        resourceType: 'MedicationStatement',
        id: `${id}-ms-metformin`,
        status: 'active',
        medicationCodeableConcept: { text: 'Metformin 500 mg tablet' },
        subject,
        effectivePeriod: { start: '2016-08-01' },
        dateAsserted: '2026-11-03',
        informationSource: cm,
      },
    ],
    procedures: [
      {
        resourceType: 'Procedure',
        id: `${id}-medrec`,
        status: 'completed',
        code: coded(SNOMED, '430193006', 'Medication reconciliation'),
        subject,
        performedDateTime: '2026-11-03T09:10:00Z',
        performer: [{ actor: cm }],
      },
    ],
    observations: [
      {
        resourceType: 'Observation',
        id: `${id}-phq2`,
        status: 'final',
        category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey' }] }],
        code: coded(LOINC, '55757-9', 'Patient Health Questionnaire 2 item (PHQ-2) [Reported]'),
        subject,
        effectiveDateTime: '2026-11-03T09:05:00Z',
        valueInteger: 1,
      },
      {
        resourceType: 'Observation',
        id: `${id}-hvs`,
        status: 'final',
        category: [
          { coding: [{ system: US_CORE_CATEGORY, code: 'sdoh' }] },
          { coding: [{ system: OBSERVATION_CATEGORY, code: 'survey' }] },
        ],
        code: coded(LOINC, '88121-9', 'Hunger Vital Sign [HVS]'),
        subject,
        effectiveDateTime: '2026-11-03T09:07:00Z',
        valueCodeableConcept: coded(LOINC, 'LA19952-3', 'At risk'),
      },
    ],
    carePlans: [
      {
        resourceType: 'CarePlan',
        id: `${id}-plan`,
        status: 'active',
        intent: 'plan',
        title: 'Case management plan',
        subject,
        created: '2026-11-03',
        period: { start: '2026-11-03' },
        author: cm,
        addresses: [{ reference: `Condition/${id}-hf` }, { reference: `Condition/${id}-food` }],
        goal: [{ reference: `Goal/${id}-goal-weight` }, { reference: `Goal/${id}-goal-food` }],
        activity: [
          { detail: { status: 'in-progress', description: 'Weekly phone check-in on weight and symptoms' } },
          { detail: { status: 'scheduled', description: 'Referral to community food program' } },
        ],
      },
    ],
    goals: [
      {
        resourceType: 'Goal',
        id: `${id}-goal-weight`,
        lifecycleStatus: 'active',
        description: { text: 'Weigh daily and call if weight rises by more than 2 kg in 3 days' },
        subject,
        startDate: '2026-11-03',
        addresses: [{ reference: `Condition/${id}-hf` }],
      },
      {
        resourceType: 'Goal',
        id: `${id}-goal-food`,
        lifecycleStatus: 'active',
        description: { text: 'Enrol in the community food program' },
        subject,
        startDate: '2026-11-03',
        addresses: [{ reference: `Condition/${id}-food` }],
      },
    ],
    encounters: [
      {
        resourceType: 'Encounter',
        id: `${id}-visit`,
        status: 'finished',
        class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
        type: [{ text: 'Case management visit' }],
        subject,
        participant: [{ individual: cm }],
        period: { start: '2026-11-03T09:00:00Z', end: '2026-11-03T09:18:00Z' },
      },
    ],
    communications: [
      {
        resourceType: 'Communication',
        id: `${id}-letter`,
        status: 'completed',
        subject,
        sent: '2026-11-05T14:00:00Z',
        sender: cm,
        recipient: [{ reference: 'Practitioner/dr-haddad' }],
        payload: [{ contentString: 'Weight up 1.5 kg this week; please review diuretic dose.' }],
      },
    ],
    coverages: [
      {
        resourceType: 'Coverage',
        id: `${id}-coverage`,
        status: 'active',
        beneficiary: subject,
        payor: [{ reference: `Organization/${payerOrg.id}`, display: payerOrg.name ?? '' }],
        period: { start: '2026-01-01' },
      },
    ],
    people: [caseManager, caseManagerRole, physician, physicianRole, cardiologist, payerOrg],
  };
}

/** Flattens parts into a collection Bundle. */
export function toBundle(id: string, parts: ScenarioParts): Bundle {
  const resources: FhirResource[] = [
    parts.patient,
    ...parts.conditions,
    ...parts.medications,
    ...parts.procedures,
    ...parts.observations,
    ...parts.carePlans,
    ...parts.goals,
    ...parts.encounters,
    ...parts.communications,
    ...parts.coverages,
    ...parts.people,
  ];
  return {
    resourceType: 'Bundle',
    id: `scenario-${id}`,
    type: 'collection',
    entry: resources.map((resource) => ({ resource })),
  };
}
