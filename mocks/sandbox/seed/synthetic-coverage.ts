import type { Coverage, Organization, Resource } from '@medplum/fhirtypes';
import { SANDBOX_IDENTIFIER_SYSTEM, SYNTHETIC_TAG } from './synthetic-tag.ts';

/** Source of Payment Typology (PHDSC), the payer-type code system US Core uses for Coverage.type. */
const SOPT = 'https://nahdo.org/sopt';

interface Payer {
  id: string;
  name: string;
  sopt: { code: string; display: string };
  plan: string;
}

/** One payer Organization per payer policy the app knows. Names are the real payers; plans are made up. */
export const SANDBOX_PAYERS = {
  medicare: {
    id: 'payer-medicare',
    name: 'Medicare',
    sopt: { code: '1', display: 'MEDICARE' },
    plan: 'Medicare Part B',
  },
  aetna: {
    id: 'payer-aetna',
    name: 'Aetna',
    sopt: { code: '5', display: 'PRIVATE HEALTH INSURANCE' },
    plan: 'PPO',
  },
  bcbs: {
    id: 'payer-bcbs',
    name: 'Blue Cross Blue Shield',
    sopt: { code: '5', display: 'PRIVATE HEALTH INSURANCE' },
    plan: 'PPO',
  },
  cigna: {
    id: 'payer-cigna',
    name: 'Cigna',
    sopt: { code: '5', display: 'PRIVATE HEALTH INSURANCE' },
    plan: 'HMO',
  },
  uhc: {
    id: 'payer-uhc',
    name: 'UnitedHealthcare',
    sopt: { code: '5', display: 'PRIVATE HEALTH INSURANCE' },
    plan: 'Choice Plus',
  },
  medicaid: {
    id: 'payer-medicaid',
    name: 'State Medicaid (synthetic plan)',
    sopt: { code: '2', display: 'MEDICAID' },
    plan: 'Medicaid managed care',
  },
} as const satisfies Record<string, Payer>;

type PayerKey = keyof typeof SANDBOX_PAYERS;

/**
 * Which payer each public patient gets (Synthea emits no Coverage). inferno-907 (minimal) is left without
 * Coverage on purpose; inferno-pdex-999 and the US Core example bring their own.
 */
const PUBLIC_PATIENT_PAYERS: Readonly<Record<string, PayerKey>> = {
  '948e608d-e408-4788-8cf2-8157c49c2940': 'medicare', // synthea-dirk-kuhlman
  'c5ed5d78-5b3f-4a75-bdfb-5f318b068a20': 'aetna', // synthea-fletcher-hyatt-huge
  '5214a564-9117-4ffc-a88c-25f90239240b': 'bcbs', // synthea-jonathan-hermiston
  'bd6f9f37-7295-4cd6-b212-134afcef1253': 'cigna', // synthea-josue-sipes
  'd00b766a-f5fa-4730-a64d-e8574994f460': 'medicaid', // synthea-luis-miguel-delarosa
  '9bf59715-246f-4ce2-85a6-58c1757f8d21': 'uhc', // synthea-margery-gibson
  'beaf0c3d-bcd4-4155-8a7b-f493bdc8f9fe': 'medicare', // synthea-martina-murazik
  'ec6a274e-5090-45c9-b153-e40418f6fa3d': 'medicare', // synthea-parker-casper-deceased
  '9da7d8c2-daef-4722-832e-dcf495d13a4e': 'aetna', // synthea-reba-nolan-no-careplan
  'ab4e7a7d-8b0d-41e1-9ce9-3877d7615aed': 'bcbs', // synthea-renea-quigley
  '7217c081-64cf-4e6c-b023-05c2e2dcf50c': 'uhc', // synthea-thanh-mosciski
  '34b6332c-71a9-46ad-9d30-17443d77dbd9': 'cigna', // synthea-wendy-littel-no-conditions
  '85': 'medicaid', // inferno-85-lucien-bosco
};

function payerOrganization(payer: Payer): Organization {
  return {
    resourceType: 'Organization',
    id: payer.id,
    meta: { tag: [SYNTHETIC_TAG] },
    active: true,
    name: payer.name,
    type: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/organization-type',
            code: 'pay',
            display: 'Payer',
          },
        ],
      },
    ],
  };
}

function coverage(patientId: string, payer: Payer, today: Date): Coverage {
  return {
    resourceType: 'Coverage',
    id: `sandbox-coverage-${patientId}`,
    meta: { tag: [SYNTHETIC_TAG] },
    status: 'active',
    type: { coding: [{ system: SOPT, ...payer.sopt }] },
    subscriberId: `SYN-${patientId.slice(0, 8).toUpperCase()}`,
    identifier: [{ system: SANDBOX_IDENTIFIER_SYSTEM, value: `coverage-${patientId}` }],
    beneficiary: { reference: `Patient/${patientId}` },
    relationship: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }],
    },
    period: { start: `${today.getUTCFullYear() - 1}-01-01` },
    payor: [{ reference: `Organization/${payer.id}`, display: payer.name }],
    class: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' }] },
        value: payer.plan,
        name: `${payer.name} ${payer.plan} (synthetic)`,
      },
    ],
  };
}

/**
 * Payer Organizations, plus a synthetic Coverage for each listed public patient that is loaded and has no
 * Coverage of its own. Coverage starts on 1 January of last year, so it is active "today".
 */
export function syntheticCoverage(loaded: readonly Resource[], today: Date): Resource[] {
  const patients = new Set(loaded.filter((r) => r.resourceType === 'Patient').map((r) => r.id));
  const covered = new Set(
    loaded.flatMap((r) => (r.resourceType === 'Coverage' ? [r.beneficiary?.reference ?? ''] : [])),
  );
  const out: Resource[] = Object.values(SANDBOX_PAYERS).map(payerOrganization);
  for (const [patientId, key] of Object.entries(PUBLIC_PATIENT_PAYERS)) {
    if (patients.has(patientId) && !covered.has(`Patient/${patientId}`)) {
      out.push(coverage(patientId, SANDBOX_PAYERS[key], today));
    }
  }
  return out;
}
