import type { Organization, Practitioner, PractitionerRole } from '@medplum/fhirtypes';
import { SANDBOX_IDENTIFIER_SYSTEM, SYNTHETIC_TAG } from './synthetic-tag.ts';

/** NUCC Health Care Provider Taxonomy, the code system US payers use for provider roles. */
const NUCC = 'http://nucc.org/provider-taxonomy';

/** A sandbox user who can launch the app. */
export interface SandboxUser {
  key: string;
  label: string;
  practitionerId: string;
}

/** The launch page's users: the case manager and another practitioner. */
export const SANDBOX_USERS: readonly SandboxUser[] = [
  { key: 'case-manager', label: 'as case manager', practitionerId: 'sandbox-case-manager' },
  { key: 'physician', label: 'as physician (not a case manager)', practitionerId: 'sandbox-physician' },
];

function clinic(): Organization {
  return {
    resourceType: 'Organization',
    id: 'sandbox-clinic',
    meta: { tag: [SYNTHETIC_TAG] },
    active: true,
    name: 'Sandbox Community Clinic (synthetic)',
    identifier: [{ system: SANDBOX_IDENTIFIER_SYSTEM, value: 'org-clinic' }],
  };
}

function practitioner(id: string, given: string, family: string, prefix?: string): Practitioner {
  return {
    resourceType: 'Practitioner',
    id,
    meta: { tag: [SYNTHETIC_TAG] },
    active: true,
    identifier: [{ system: SANDBOX_IDENTIFIER_SYSTEM, value: id }],
    name: [{ use: 'official', given: [given], family, ...(prefix ? { prefix: [prefix] } : {}) }],
  };
}

function role(id: string, practitionerId: string, code: string, display: string): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id,
    meta: { tag: [SYNTHETIC_TAG] },
    active: true,
    practitioner: { reference: `Practitioner/${practitionerId}` },
    organization: { reference: 'Organization/sandbox-clinic' },
    code: [{ coding: [{ system: NUCC, code, display }], text: display }],
  };
}

/**
 * The sandbox's made-up staff: a clinic, a case manager (NUCC 171M00000X Case Manager/Care Coordinator)
 * and a family-medicine physician, each with a PractitionerRole.
 */
export function sandboxStaff(): (Organization | Practitioner | PractitionerRole)[] {
  return [
    clinic(),
    practitioner('sandbox-case-manager', 'Casey', 'Morgan'),
    role('sandbox-case-manager-role', 'sandbox-case-manager', '171M00000X', 'Case Manager/Care Coordinator'),
    practitioner('sandbox-physician', 'Riley', 'Chen', 'Dr.'),
    role('sandbox-physician-role', 'sandbox-physician', '207Q00000X', 'Family Medicine Physician'),
  ];
}
