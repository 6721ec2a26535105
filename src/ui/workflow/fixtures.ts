/**
 * Hand-built, typed fixtures for the workflow view tests and the preview page: one patient ("Rosa Alvarez",
 * November 2026, Medicare) with a heart-failure admission; its evaluation (incomplete: the assessment and the
 * code-fit confirmation are missing) is in `fixtures-evaluation.ts`. Synthetic: no real person.
 */
import type { PatientRecord } from '../../domain/record.ts';

const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const SNOMED = 'http://snomed.info/sct';

/** The fixture patient's record for November 2026. */
export function sampleRecord(): PatientRecord {
  return {
    patient: {
      ref: 'Patient/rosa',
      name: 'Rosa Alvarez',
      birthDate: '1948-03-14',
      gender: 'female',
      identifiers: [{ system: 'urn:oid:2.16.840.1.113883.4.1', value: '000-00-0000' }],
    },
    conditions: [
      {
        ref: 'Condition/chf',
        clinicalStatus: 'active',
        verificationStatus: 'confirmed',
        categories: ['problem-list-item'],
        code: { codings: [{ system: ICD10, code: 'I50.22', display: 'Chronic systolic heart failure' }] },
        onset: '2019-05-02',
        recordedDate: '2026-11-05',
        recorder: 'Practitioner/cm1',
      },
      {
        ref: 'Condition/t2d',
        clinicalStatus: 'active',
        categories: ['problem-list-item'],
        code: { codings: [{ system: SNOMED, code: '44054006', display: 'Type 2 diabetes mellitus' }] },
        onset: '2015-01-20',
        recordedDate: '2015-01-20',
      },
      {
        ref: 'Condition/housing',
        clinicalStatus: 'active',
        categories: ['sdoh'],
        code: { codings: [], text: 'Housing instability' },
        recordedDate: '2026-11-05',
        recorder: 'Practitioner/cm1',
      },
    ],
    medications: [
      {
        ref: 'MedicationStatement/ms1',
        source: 'MedicationStatement',
        status: 'active',
        medication: { codings: [{ code: '197361', display: 'Furosemide 40 MG Oral Tablet' }] },
        asserted: '2026-11-12',
        informationSource: 'Practitioner/cm1',
      },
    ],
    medicationSource: 'MedicationStatement',
    carePlans: [
      {
        ref: 'CarePlan/cp1',
        status: 'active',
        intent: 'plan',
        title: 'Heart failure and housing care plan',
        categories: [],
        created: '2026-06-01',
        lastUpdated: '2026-11-18T15:00:00Z',
        author: 'Practitioner/cm1',
        addresses: ['Condition/chf', 'Condition/housing'],
        goals: ['Goal/g1'],
        activities: [
          {
            status: 'in-progress',
            kind: 'ServiceRequest',
            reference: 'ServiceRequest/housing-referral',
            progressDates: ['2026-11-20'],
          },
        ],
      },
    ],
    goals: [
      {
        ref: 'Goal/g1',
        lifecycleStatus: 'active',
        description: { codings: [], text: 'Weight within 2 kg of dry weight' },
        categories: [],
        start: '2026-06-01',
        addresses: ['Condition/chf'],
      },
    ],
    encounters: [
      {
        ref: 'Encounter/admit',
        status: 'finished',
        classCode: 'IMP',
        types: [{ codings: [], text: 'Heart failure admission' }],
        period: { start: '2026-11-02T09:00:00Z', end: '2026-11-06T11:00:00Z' },
        participants: ['Practitioner/hosp'],
      },
      {
        ref: 'Encounter/followup',
        status: 'finished',
        classCode: 'AMB',
        types: [{ codings: [], text: 'Case-management visit' }],
        period: { start: '2026-11-12T14:00:00Z', end: '2026-11-12T14:40:00Z' },
        lengthMinutes: 40,
        participants: ['Practitioner/cm1'],
      },
      {
        ref: 'Encounter/video',
        status: 'finished',
        classCode: 'VR',
        types: [{ codings: [], text: 'Video check-in' }],
        period: { start: '2026-11-24T10:00:00Z', end: '2026-11-24T10:20:00Z' },
        participants: ['Practitioner/cm1'],
      },
    ],
    coverages: [
      {
        ref: 'Coverage/c1',
        status: 'active',
        payors: ['Organization/medicare'],
        payorDisplays: ['Medicare'],
        identifiers: [],
        classes: [],
        period: { start: '2013-03-01' },
      },
    ],
    communications: [
      {
        ref: 'Communication/pcp-letter',
        status: 'completed',
        categories: [{ codings: [], text: 'Care coordination' }],
        sent: '2026-11-19T09:30:00Z',
        sender: 'Practitioner/cm1',
        recipients: ['Practitioner/pcp'],
        topic: { codings: [], text: 'Discharge summary to primary care' },
      },
    ],
    procedures: [],
    observations: [],
    questionnaireResponses: [],
    practitioners: [
      { ref: 'Practitioner/cm1', name: 'Dana Whitfield, RN', qualifications: [{ codings: [], text: 'RN' }] },
      { ref: 'Practitioner/hosp', name: 'Dr. Imran Shah', qualifications: [] },
      { ref: 'Practitioner/pcp', name: 'Dr. Lucy Okafor', qualifications: [] },
    ],
    practitionerRoles: [
      {
        ref: 'PractitionerRole/cm1-role',
        practitioner: 'Practitioner/cm1',
        codes: [{ codings: [], text: 'Case manager' }],
        specialties: [],
      },
    ],
    organizations: [{ ref: 'Organization/medicare', name: 'Medicare', identifiers: [], types: [] }],
    user: 'Practitioner/cm1',
  };
}

export { notBillableEvaluation, sampleEvaluation, withCriterion } from './fixtures-evaluation.ts';
