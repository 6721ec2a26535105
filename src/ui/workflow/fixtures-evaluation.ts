/**
 * The fixture evaluation of the sample patient ("Rosa Alvarez", November 2026, Medicare): incomplete, with
 * every criterion status the checklist shows, two code-fit alternatives, a suggested ICD-10-CM code and a
 * rejected modifier 22. Built by hand, not by `evaluate()`, so the view tests do not depend on the engine.
 */
import type { CriterionId, CriterionResult, Evaluation } from '../../domain/evaluation.ts';

const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const CPT = 'http://www.ama-assn.org/go/cpt';
const POS = 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';

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
