import type { Resource } from '@medplum/fhirtypes';

/** The fields through which the sandbox's resources point at their patient. */
export const PATIENT_FIELDS = ['subject', 'patient', 'beneficiary'] as const;

/**
 * Returns the `Patient/id` references a resource belongs to: itself for a Patient, otherwise the Patient
 * references in its subject, patient or beneficiary field. Empty for shared resources such as Practitioner.
 */
export function patientsOf(resource: Resource): string[] {
  if (resource.resourceType === 'Patient') {
    return resource.id ? [`Patient/${resource.id}`] : [];
  }
  const record = resource as unknown as Record<string, unknown>;
  const patients: string[] = [];
  for (const field of PATIENT_FIELDS) {
    const value = record[field];
    if (typeof value === 'object' && value !== null && 'reference' in value) {
      const reference = (value as { reference?: unknown }).reference;
      if (typeof reference === 'string' && reference.startsWith('Patient/')) {
        patients.push(reference);
      }
    }
  }
  return patients;
}
