/**
 * Small typed builders for `PatientRecord`s, used by the domain tests only. Each builder takes the fields
 * a test cares about; everything else is empty, never a guessed clinical value.
 */
import type {
  CarePlanItem,
  CommunicationItem,
  ConditionItem,
  CoverageItem,
  EncounterItem,
  GoalItem,
  MedicationItem,
  ObservationItem,
  OrganizationItem,
  PatientRecord,
  PractitionerItem,
  PractitionerRoleItem,
  ProcedureItem,
} from './record.ts';

/** A record with only the patient. */
export function emptyRecord(patientId = 'p1'): PatientRecord {
  return {
    patient: { ref: `Patient/${patientId}`, identifiers: [] },
    conditions: [],
    medications: [],
    medicationSource: 'none',
    carePlans: [],
    goals: [],
    encounters: [],
    coverages: [],
    communications: [],
    procedures: [],
    observations: [],
    questionnaireResponses: [],
    practitioners: [],
    practitionerRoles: [],
    organizations: [],
  };
}

/** A SNOMED-coded condition. */
export function condition(
  id: string,
  snomed: string,
  display: string,
  extra: Partial<ConditionItem> = {},
): ConditionItem {
  return {
    ref: `Condition/${id}`,
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    categories: ['problem-list-item'],
    code: { codings: [{ system: 'http://snomed.info/sct', code: snomed, display }] },
    ...extra,
  };
}

/** A care plan. */
export function carePlan(id: string, extra: Partial<CarePlanItem> = {}): CarePlanItem {
  return {
    ref: `CarePlan/${id}`,
    status: 'active',
    intent: 'plan',
    categories: [],
    addresses: [],
    goals: [],
    activities: [{ status: 'in-progress', progressDates: [] }],
    ...extra,
  };
}

/** A goal. */
export function goal(id: string, extra: Partial<GoalItem> = {}): GoalItem {
  return {
    ref: `Goal/${id}`,
    lifecycleStatus: 'active',
    description: { codings: [], text: 'Goal' },
    categories: [],
    addresses: [],
    ...extra,
  };
}

/** An encounter. */
export function encounter(
  id: string,
  classCode: string,
  start: string,
  end: string,
  extra: Partial<EncounterItem> = {},
): EncounterItem {
  return {
    ref: `Encounter/${id}`,
    status: 'finished',
    classCode,
    types: [],
    period: { start, end },
    participants: [],
    ...extra,
  };
}

/** A procedure with a performed period. */
export function procedure(
  id: string,
  snomed: string,
  display: string,
  start: string,
  end: string,
  extra: Partial<ProcedureItem> = {},
): ProcedureItem {
  return {
    ref: `Procedure/${id}`,
    status: 'completed',
    code: { codings: [{ system: 'http://snomed.info/sct', code: snomed, display }] },
    categories: [],
    performed: { start, end },
    performers: [],
    ...extra,
  };
}

/** A medication entry. */
export function medication(
  id: string,
  source: MedicationItem['source'],
  extra: Partial<MedicationItem> = {},
): MedicationItem {
  return {
    ref: `${source}/${id}`,
    source,
    status: 'active',
    medication: { codings: [], text: 'metformin' },
    ...extra,
  };
}

/** An observation. */
export function observation(
  id: string,
  categories: string[],
  effective: string,
  extra: Partial<ObservationItem> = {},
): ObservationItem {
  return {
    ref: `Observation/${id}`,
    status: 'final',
    categories,
    code: { codings: [], text: 'Screening' },
    effective,
    ...extra,
  };
}

/** A communication. */
export function communication(
  id: string,
  sent: string,
  recipients: string[],
  extra: Partial<CommunicationItem> = {},
): CommunicationItem {
  return { ref: `Communication/${id}`, status: 'completed', categories: [], sent, recipients, ...extra };
}

/** An active coverage. */
export function coverage(id: string, payors: string[], extra: Partial<CoverageItem> = {}): CoverageItem {
  return {
    ref: `Coverage/${id}`,
    status: 'active',
    payors,
    payorDisplays: [],
    identifiers: [],
    classes: [],
    ...extra,
  };
}

/** An organization. */
export function organization(
  id: string,
  name: string,
  extra: Partial<OrganizationItem> = {},
): OrganizationItem {
  return { ref: `Organization/${id}`, name, identifiers: [], types: [], ...extra };
}

/** A practitioner. */
export function practitioner(id: string, extra: Partial<PractitionerItem> = {}): PractitionerItem {
  return { ref: `Practitioner/${id}`, qualifications: [], ...extra };
}

/** A case-manager PractitionerRole (NUCC 171M00000X). */
export function caseManagerRole(id: string, practitionerRef: string): PractitionerRoleItem {
  return {
    ref: `PractitionerRole/${id}`,
    practitioner: practitionerRef,
    codes: [
      {
        codings: [
          {
            system: 'http://nucc.org/provider-taxonomy',
            code: '171M00000X',
            display: 'Case Manager/Care Coordinator',
          },
        ],
      },
    ],
    specialties: [],
  };
}

/**
 * A record that meets every criterion for November 2026 (asOf 2026-11-20) under any shipped policy:
 * three chronic conditions, one with an ICD-10-CM code, reconciliation, assessment, an updated care plan with
 * goals, an SDOH condition, 18 minutes with the case manager (under the CCM 20-minute floor), a letter to the cardiologist, active Coverage.
 */
export function meetsAllRecord(): PatientRecord {
  const base = emptyRecord();
  return {
    ...base,
    conditions: [
      condition('hf', '84114007', 'Heart failure', { onset: '2020-03-01', recordedDate: '2026-11-03' }),
      condition('dm', '44054006', 'Type 2 diabetes', {
        onset: '2018-05-01',
        code: {
          codings: [
            { system: 'http://snomed.info/sct', code: '44054006' },
            {
              system: 'http://hl7.org/fhir/sid/icd-10-cm',
              code: 'E11.9',
              display: 'Type 2 diabetes mellitus without complications',
            },
          ],
        },
      }),
      condition('copd', '13645005', 'COPD', { onset: '2019-01-01' }),
      condition('food', '733423003', 'Food insecurity', { categories: ['sdoh'], onset: '2026-10-01' }),
    ],
    medications: [medication('ms1', 'MedicationStatement', { asserted: '2026-11-03' })],
    medicationSource: 'MedicationStatement',
    carePlans: [
      carePlan('cp1', {
        title: 'Case management plan',
        created: '2026-11-03',
        addresses: ['Condition/hf', 'Condition/food'],
        goals: ['Goal/g1'],
      }),
    ],
    goals: [goal('g1', { addresses: ['Condition/food'] })],
    encounters: [
      encounter('e1', 'AMB', '2026-11-03T09:00:00Z', '2026-11-03T09:18:00Z', {
        participants: ['Practitioner/cm-rivera'],
      }),
    ],
    procedures: [
      procedure(
        'pr1',
        '430193006',
        'Medication reconciliation',
        '2026-11-03T09:10:00Z',
        '2026-11-03T09:10:00Z',
      ),
    ],
    observations: [observation('o1', ['survey'], '2026-11-03')],
    communications: [communication('c1', '2026-11-05', ['Practitioner/dr-okafor'])],
    coverages: [coverage('cov1', ['Organization/acme'])],
    organizations: [organization('acme', 'Acme Health Plan')],
    practitioners: [practitioner('cm-rivera'), practitioner('dr-okafor')],
    practitionerRoles: [caseManagerRole('cm-rivera-role', 'Practitioner/cm-rivera')],
  };
}
