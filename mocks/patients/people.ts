/**
 * Shared people and payer organisations the scenarios reference, with fixed ids. Each bundle includes the
 * ones it references. These are test data, not billing rules.
 */
import type { Organization, Practitioner, PractitionerRole } from 'fhir/r4';

const NUCC = 'http://nucc.org/provider-taxonomy';

/** The case manager. */
export const caseManager: Practitioner = {
  resourceType: 'Practitioner',
  id: 'cm-rivera',
  name: [{ family: 'Rivera', given: ['Ana'], prefix: ['RN'] }],
};

/** The case manager's role: NUCC 171M00000X Case Manager/Care Coordinator. */
export const caseManagerRole: PractitionerRole = {
  resourceType: 'PractitionerRole',
  id: 'cm-rivera-role',
  active: true,
  practitioner: { reference: 'Practitioner/cm-rivera' },
  code: [{ coding: [{ system: NUCC, code: '171M00000X', display: 'Case Manager/Care Coordinator' }] }],
};

/** A physician (primary care), who is not a case manager. */
export const physician: Practitioner = {
  resourceType: 'Practitioner',
  id: 'dr-okafor',
  name: [{ family: 'Okafor', given: ['Chidi'], prefix: ['Dr'] }],
};

/** The physician's role: NUCC 207Q00000X Family Medicine. */
export const physicianRole: PractitionerRole = {
  resourceType: 'PractitionerRole',
  id: 'dr-okafor-role',
  active: true,
  practitioner: { reference: 'Practitioner/dr-okafor' },
  code: [{ coding: [{ system: NUCC, code: '207Q00000X', display: 'Family Medicine' }] }],
};

/** A cardiologist the case manager writes to. */
export const cardiologist: Practitioner = {
  resourceType: 'Practitioner',
  id: 'dr-haddad',
  name: [{ family: 'Haddad', given: ['Leila'], prefix: ['Dr'] }],
};

/** Payer organisations by policy id; names are what the payer policies recognise. */
export const payers = {
  medicare: org('payer-medicare', 'Medicare'),
  aetna: org('payer-aetna', 'Aetna'),
  bcbs: org('payer-bcbs', 'Blue Cross Blue Shield'),
  cigna: org('payer-cigna', 'Cigna Healthcare'),
  uhc: org('payer-uhc', 'UnitedHealthcare'),
  medicaid: org('payer-medicaid', 'State Medicaid Program'),
  acme: org('payer-acme', 'Acme Health Plan'),
} as const;

/** A payer policy id a scenario can use. */
export type PayerKey = keyof typeof payers;

function org(id: string, name: string): Organization {
  return {
    resourceType: 'Organization',
    id,
    active: true,
    name,
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
