/**
 * Who attested or justified something, in words a clinician reads: the Practitioner's name from the record,
 * never a raw `Practitioner/id`. Pure: the record is the only source of names.
 */
import type { PatientRecord, Ref } from './record.ts';

/** A FHIR reference (`Type/id`, an absolute URL or `urn:uuid:`) rather than a plain label such as "cli user". */
const REFERENCE = /^(?:[A-Z][A-Za-z]+\/[^\s/]+|[a-z][a-z0-9+.-]*:\S+)$/;

/** The part of an absolute reference the record keys by: `https://x/fhir/Practitioner/1` → `Practitioner/1`. */
function relative(ref: string): string {
  const match = /([A-Z][A-Za-z]+\/[^\s/]+)$/.exec(ref);
  return match?.[1] ?? ref;
}

/**
 * The name of the person behind `ref`: a Practitioner's name, or for a PractitionerRole its Practitioner's
 * name; undefined when the record does not name them.
 */
export function personName(record: PatientRecord, ref: Ref | undefined): string | undefined {
  if (ref === undefined) {
    return undefined;
  }
  const key = relative(ref);
  const role = record.practitionerRoles.find((item) => item.ref === key);
  const practitionerRef = role ? role.practitioner : key;
  const name = record.practitioners.find((item) => item.ref === practitionerRef)?.name?.trim();
  return name ? name : undefined;
}

/** Whether `by` is a reference to a resource rather than a plain label. */
export function isReference(by: string): boolean {
  return REFERENCE.test(by.trim());
}

/**
 * The attester as reason text: the person's name, else "the signed-in user" when it is the record's user,
 * else "an unknown user" for a reference the record does not name. A plain label is kept as given.
 */
export function attesterName(record: PatientRecord, by: string): string {
  const name = personName(record, by);
  if (name) {
    return name.slice(0, 80);
  }
  if (record.user !== undefined && relative(record.user) === relative(by)) {
    return 'the signed-in user';
  }
  return isReference(by) || !by.trim() ? 'an unknown user' : by.trim().slice(0, 80);
}
