/**
 * Hand-built, typed fixtures for the workflow view tests and the preview page: one patient ("Rosa Alvarez",
 * November 2026, Medicare) with a heart-failure admission, and an evaluation that is incomplete (assessment,
 * care coordination and the code-fit confirmation are missing). Synthetic: no real person.
 */
import type { CriterionId, CriterionResult, Evaluation } from '../../domain/evaluation.ts';
import type { PatientRecord } from '../../domain/record.ts';

const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const SNOMED = 'http://snomed.info/sct';
const CPT = 'http://www.ama-assn.org/go/cpt';
const POS = 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';

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

function criterion(
  id: CriterionId,
  status: CriterionResult['status'],
  reason: string,
  evidence: readonly string[] = [],
  extra: Partial<CriterionResult> = {},
): CriterionResult {
  return { id, status, required: true, attestable: true, evidence, reason, ...extra };
}

/** The fixture evaluation: incomplete, Medicare, November 2026. */
export function sampleEvaluation(): Evaluation {
  const timeAttestation = {
    criterion: 'time' as const,
    note: 'Phone calls with the pharmacy and the housing office, 2026-11-19 and 2026-11-21.',
    by: 'Practitioner/cm1',
    at: '2026-11-26T16:05:00Z',
    minutes: 25,
    applied: true,
  };
  return {
    patient: 'Patient/rosa',
    asOf: '2026-11-28',
    period: { start: '2026-11-01', end: '2026-11-30' },
    periodBasis: 'month-of-as-of',
    payer: {
      policyId: 'medicare',
      name: 'Medicare (Part B fee schedule)',
      matchedBy: 'payor-name',
      coverage: 'Coverage/c1',
      payor: 'Organization/medicare',
      detail: "Coverage/c1 payor Organization/medicare name 'Medicare'",
    },
    status: 'incomplete',
    blockers: [
      { criterion: 'assessment', status: 'missing', reason: 'No assessment or screening in November 2026.' },
      {
        criterion: 'not-elsewhere-classified',
        status: 'missing',
        reason: 'Chronic care management (99490) may fit better; confirm G9012 with a note.',
      },
    ],
    criteria: [
      criterion(
        'complex-needs',
        'met',
        '2 active chronic conditions (heart failure, type 2 diabetes) and an inpatient stay that ended 2026-11-06.',
        ['Condition/chf', 'Condition/t2d', 'Encounter/admit'],
      ),
      criterion('problem-list-review', 'met', 'Heart failure recorded in the period (2026-11-05).', [
        'Condition/chf',
      ]),
      criterion('medication-reconciliation', 'met', 'Medication list asserted on 2026-11-12.', [
        'MedicationStatement/ms1',
      ]),
      criterion('assessment', 'missing', 'No assessment or screening in November 2026.'),
      criterion('care-plan', 'met', 'Active care plan with 1 activity.', ['CarePlan/cp1']),
      criterion('goals', 'met', '1 active goal.', ['Goal/g1']),
      criterion('care-plan-updated', 'met', 'Care plan updated on 2026-11-18.', ['CarePlan/cp1']),
      criterion('barriers', 'met', 'Housing instability (SDOH) is addressed by the care plan.', [
        'Condition/housing',
        'CarePlan/cp1',
      ]),
      criterion('time', 'attested', '40 min documented plus 25 min attested.', ['Encounter/followup'], {
        attestation: timeAttestation,
      }),
      criterion('care-coordination', 'met', 'Letter to primary care sent on 2026-11-19.', [
        'Communication/pcp-letter',
      ]),
      criterion('case-manager', 'met', 'Dana Whitfield, RN holds a case manager role.', [
        'PractitionerRole/cm1-role',
      ]),
      criterion(
        'not-elsewhere-classified',
        'missing',
        'Chronic care management (99490) may fit better; confirm G9012 with a note.',
      ),
      criterion('coverage', 'met', 'Active Medicare coverage.', ['Coverage/c1'], { attestable: false }),
      criterion('diagnosis-codes', 'met', 'I50.22 is coded in the record.', ['Condition/chf'], {
        attestable: false,
      }),
    ],
    codeFit: {
      alternatives: [
        {
          code: '99490',
          system: CPT,
          family: 'CCM',
          related: ['99439', '99487', '99489', '99491'],
          reason: 'Two or more chronic conditions expected to last at least 12 months, with a care plan.',
          evidence: ['Condition/chf', 'Condition/t2d', 'CarePlan/cp1'],
          source: 'SOURCES.md §3: CMS MLN909188 "Chronic Care Management Services", 2024',
        },
        {
          code: '99495',
          system: CPT,
          family: 'TCM',
          related: ['99496'],
          reason: 'Discharge from an inpatient stay on 2026-11-06, with follow-up within 14 days.',
          evidence: ['Encounter/admit', 'Encounter/followup'],
          source: 'SOURCES.md §4: CMS MLN908628 "Transitional Care Management Services", 2024',
        },
      ],
    },
    minutes: {
      total: 65,
      documented: 40,
      attested: 25,
      sources: [
        { kind: 'encounter', ref: 'Encounter/followup', minutes: 40, basis: 'Encounter.length' },
        { kind: 'attested', minutes: 25, basis: 'attestation', attestation: timeAttestation },
      ],
    },
    units: { quantity: 1, rule: '1 unit per calendar month', source: 'not published — verify with payer' },
    diagnoses: [
      {
        system: ICD10,
        code: 'I50.22',
        display: 'Chronic systolic heart failure',
        suggested: false,
        confirmed: true,
        condition: 'Condition/chf',
        chronic: true,
        source: 'Condition/chf coding',
      },
      {
        system: ICD10,
        code: 'E11.9',
        display: 'Type 2 diabetes mellitus without complications',
        suggested: true,
        confirmed: false,
        condition: 'Condition/t2d',
        chronic: true,
        fromSnomed: '44054006',
        source: 'Curated SNOMED → ICD-10-CM table (CMS 2026 ICD-10-CM)',
      },
    ],
    modifiers: {
      applied: [],
      rejected: [
        {
          code: '22',
          reason:
            'Medicare contractors limit modifier 22 to procedure codes with a 0, 10 or 90-day global period.',
          source: 'Noridian JE "Modifier 22", retrieved 2026',
        },
      ],
    },
    placeOfService: {
      candidates: ['02', '10'],
      system: POS,
      encounter: 'Encounter/video',
      reason: 'The latest encounter was virtual and the patient’s location is not recorded.',
      source: 'CMS Place of Service Code Set, 2026',
    },
    warnings: [
      {
        kind: 'payer-coverage',
        message:
          'Medicare Part B is not expected to pay G9012 under the Physician Fee Schedule (status X, statutory exclusion). Check the current HCPCS/PFS file.',
        source: 'CMS PFS Relative Value File 2023, G9012 status X',
      },
      {
        kind: 'unpublished',
        message: 'Units per month for G9012: not published — verify with payer.',
        source: 'not published — verify with payer',
      },
      {
        kind: 'code-fit',
        message: 'Chronic care management or transitional care management may fit better than G9012.',
      },
    ],
    attestations: [timeAttestation],
  };
}

/** The fixture evaluation with one criterion replaced, for tests of single statuses. */
export function withCriterion(
  evaluation: Evaluation,
  id: CriterionId,
  patch: Partial<CriterionResult>,
): Evaluation {
  return {
    ...evaluation,
    criteria: evaluation.criteria.map((item) => (item.id === id ? { ...item, ...patch } : item)),
  };
}

/** A not-billable evaluation: complex needs fail on the record. */
export function notBillableEvaluation(): Evaluation {
  const base = withCriterion(sampleEvaluation(), 'complex-needs', {
    status: 'not-met',
    reason: 'Only 1 active chronic condition and no transition of care in or 30 days before the period.',
    attestable: false,
  });
  return {
    ...base,
    status: 'not-billable',
    blockers: [
      {
        criterion: 'complex-needs',
        status: 'not-met',
        reason: 'Only 1 active chronic condition and no transition of care in or 30 days before the period.',
      },
      ...base.blockers,
    ],
  };
}

/** Hostile text: markup and `javascript:` URLs in names, condition text, reasons and sources. */
export const hostile = {
  script: '<script>window.__pwned = true</script>',
  img: '<img src=x onerror="window.__pwned = true">',
  url: 'javascript:window.__pwned=true',
  huge: 'A'.repeat(100_000),
} as const;

/** The fixture record with hostile text in the patient, practitioner, condition and care-plan fields. */
export function hostileRecord(): PatientRecord {
  const record = sampleRecord();
  return {
    ...record,
    patient: { ...record.patient, name: hostile.script },
    conditions: record.conditions.map((item) => ({ ...item, code: { codings: [], text: hostile.img } })),
    carePlans: record.carePlans.map((item) => ({ ...item, title: hostile.script })),
    practitioners: record.practitioners.map((item) => ({ ...item, name: hostile.url })),
    encounters: record.encounters.map((item) => ({ ...item, classCode: hostile.img })),
  };
}

/** The fixture evaluation with hostile text in reasons, sources, payer name and warnings. */
export function hostileEvaluation(): Evaluation {
  const evaluation = sampleEvaluation();
  return {
    ...evaluation,
    payer: { ...evaluation.payer, name: hostile.script },
    criteria: evaluation.criteria.map((item) => ({ ...item, reason: hostile.img })),
    blockers: evaluation.blockers.map((item) => ({ ...item, reason: hostile.script })),
    codeFit: {
      alternatives: evaluation.codeFit.alternatives.map((item) => ({
        ...item,
        reason: hostile.img,
        source: hostile.url,
      })),
    },
    diagnoses: evaluation.diagnoses.map((item) => ({ ...item, display: hostile.script })),
    warnings: [{ kind: 'data', message: hostile.img, source: hostile.url }],
  };
}
