import type { AppConfig } from './app-config.ts';

/** Resource types the app reads. */
export const readTypes = [
  'Patient',
  'Condition',
  'MedicationStatement',
  'MedicationRequest',
  // A MedicationStatement may name its drug only by reference; the loader _includes the Medication, which
  // a server returns only with read access to Medication.
  'Medication',
  'CarePlan',
  'Goal',
  'Encounter',
  'Coverage',
  'Communication',
  'Procedure',
  'Observation',
  'QuestionnaireResponse',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  // The payer review reads a draft's Provenance. With patient/ scopes a server may still return none: FHIR's
  // Patient compartment holds a Provenance only when it targets the Patient, and the app's targets the draft.
  'Provenance',
] as const;

/** Resource types the app may create (drafts and their Provenance). */
export const writeTypes = ['ChargeItem', 'Claim', 'Provenance'] as const;

/** EHR launch asks for `launch`; standalone asks for `launch/patient`. */
export type LaunchKind = 'ehr' | 'standalone';

/** The scope that lets the app read (search and read) one resource type. */
export function readScope(config: AppConfig, resourceType: string): string {
  const { syntax, read } = config.scopes;
  return `${read}/${resourceType}.${syntax === 'v2' ? 'rs' : 'read'}`;
}

/** The scopes that let the app create one resource type (and, for drafts, find what it wrote). */
export function writeScopes(config: AppConfig, resourceType: string): string[] {
  const { syntax, write } = config.scopes;
  const findable = resourceType !== 'Provenance';
  if (syntax === 'v2') {
    return [`${write}/${resourceType}.${findable ? 'crs' : 'c'}`];
  }
  return findable
    ? [`${write}/${resourceType}.read`, `${write}/${resourceType}.write`]
    : [`${write}/${resourceType}.write`];
}

/** The full space-separated scope string for an authorize request. */
export function requestedScopes(config: AppConfig, kind: LaunchKind): string {
  const scopes = [
    kind === 'ehr' ? 'launch' : 'launch/patient',
    'openid',
    'fhirUser',
    'online_access',
    ...readTypes.map((type) => readScope(config, type)),
    ...writeTypes.flatMap((type) => writeScopes(config, type)),
    ...config.scopes.extra,
  ];
  return [...new Set(scopes)].join(' ');
}
