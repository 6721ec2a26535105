/**
 * Who a Bulk Data resource belongs to, and the shared resources (Practitioner, Organization...) that are
 * written once in an export and referenced by many patients' resources.
 */
import { isObject, type JsonObject } from '../../review/json-access.ts';

/** Resource types an export writes once and many patients reference. */
export const SHARED_TYPES: ReadonlySet<string> = new Set([
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Medication',
  'Location',
]);

const PATIENT_KEYS = ['subject', 'patient', 'beneficiary'] as const;

/** The patient id a resource belongs to: a Patient's own id, else its subject, patient or beneficiary. */
export function patientIdOf(resource: JsonObject): string | undefined {
  if (resource.resourceType === 'Patient') {
    return typeof resource.id === 'string' ? resource.id : undefined;
  }
  for (const key of PATIENT_KEYS) {
    const field = resource[key];
    const ref = isObject(field) ? field.reference : undefined;
    if (typeof ref === 'string' && ref.startsWith('Patient/')) {
      return ref.slice('Patient/'.length);
    }
  }
  return undefined;
}

/** Adds every `reference` string found anywhere in `value` to `out`. */
export function collectReferences(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) {
      collectReferences(v, out);
    }
  } else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') {
        out.add(v);
      } else if (typeof v === 'object') {
        collectReferences(v, out);
      }
    }
  }
}

/** `SharedResources` as plain data. */
export interface PlainShared<T> {
  readonly byRef: readonly (readonly [string, T])[];
  readonly rolesByPractitioner: readonly (readonly [string, readonly string[]])[];
}

/**
 * The shared resources of a folder by reference (`Practitioner/1`), each kept as whatever the reader
 * stores (a parsed object, or its JSON text), and each Practitioner's PractitionerRoles.
 */
export class SharedResources<T> {
  readonly byRef = new Map<string, T>();
  readonly rolesByPractitioner = new Map<string, string[]>();

  /** Adds one shared resource (its type and id already checked). */
  add(resource: JsonObject, ref: string, stored: T): void {
    this.byRef.set(ref, stored);
    const practitioner = isObject(resource.practitioner) ? resource.practitioner.reference : undefined;
    if (resource.resourceType === 'PractitionerRole' && typeof practitioner === 'string') {
      const roles = this.rolesByPractitioner.get(practitioner);
      if (roles === undefined) {
        this.rolesByPractitioner.set(practitioner, [ref]);
      } else {
        roles.push(ref);
      }
    }
  }

  /** Plain data for a worker thread (see `fromPlain`). */
  toPlain(): PlainShared<T> {
    return { byRef: [...this.byRef], rolesByPractitioner: [...this.rolesByPractitioner] };
  }

  /** Rebuilds what `toPlain` gave. */
  static fromPlain<T>(plain: PlainShared<T>): SharedResources<T> {
    const shared = new SharedResources<T>();
    for (const [ref, stored] of plain.byRef) {
      shared.byRef.set(ref, stored);
    }
    for (const [practitioner, roles] of plain.rolesByPractitioner) {
      shared.rolesByPractitioner.set(practitioner, [...roles]);
    }
    return shared;
  }

  /** The shared resources `refs` name, with the PractitionerRoles of any Practitioner among them. */
  linked(refs: ReadonlySet<string>): T[] {
    const all = new Set(refs);
    for (const ref of refs) {
      for (const role of this.rolesByPractitioner.get(ref) ?? []) {
        all.add(role);
      }
    }
    const out: T[] = [];
    for (const ref of all) {
      const stored = this.byRef.get(ref);
      if (stored !== undefined) {
        out.push(stored);
      }
    }
    return out;
  }
}
