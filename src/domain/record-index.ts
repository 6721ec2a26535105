/**
 * Indexes a `PatientRecord` once so that every criterion looks things up by reference instead of scanning.
 * Building it is linear in the record; each lookup afterwards is O(1).
 */
import type {
  ConditionItem,
  OrganizationItem,
  PatientRecord,
  PractitionerItem,
  PractitionerRoleItem,
  Ref,
} from './record.ts';

/** Lookups over one record. */
export interface RecordIndex {
  /** Every `Type/id` in the record (for checking that evidence points into it). */
  readonly refs: ReadonlySet<Ref>;
  readonly conditions: ReadonlyMap<Ref, ConditionItem>;
  readonly practitioners: ReadonlyMap<Ref, PractitionerItem>;
  readonly practitionerRoles: ReadonlyMap<Ref, PractitionerRoleItem>;
  /** PractitionerRoles by the Practitioner they are for. */
  readonly rolesByPractitioner: ReadonlyMap<Ref, readonly PractitionerRoleItem[]>;
  readonly organizations: ReadonlyMap<Ref, OrganizationItem>;
}

function byRef<T extends { readonly ref: Ref }>(items: readonly T[], into: Set<Ref>): Map<Ref, T> {
  const map = new Map<Ref, T>();
  for (const item of items) {
    if (typeof item.ref === 'string' && !map.has(item.ref)) {
      map.set(item.ref, item);
      into.add(item.ref);
    }
  }
  return map;
}

function addRefs(items: readonly { readonly ref: Ref }[], into: Set<Ref>): void {
  for (const item of items) {
    if (typeof item.ref === 'string') {
      into.add(item.ref);
    }
  }
}

/** Builds the index. */
export function indexRecord(record: PatientRecord): RecordIndex {
  const refs = new Set<Ref>();
  if (typeof record.patient.ref === 'string') {
    refs.add(record.patient.ref);
  }
  const conditions = byRef(record.conditions, refs);
  const practitioners = byRef(record.practitioners, refs);
  const practitionerRoles = byRef(record.practitionerRoles, refs);
  const organizations = byRef(record.organizations, refs);
  for (const list of [
    record.medications,
    record.carePlans,
    record.goals,
    record.encounters,
    record.coverages,
    record.communications,
    record.procedures,
    record.observations,
    record.questionnaireResponses,
  ]) {
    addRefs(list, refs);
  }
  const rolesByPractitioner = new Map<Ref, PractitionerRoleItem[]>();
  for (const role of practitionerRoles.values()) {
    if (role.practitioner) {
      const list = rolesByPractitioner.get(role.practitioner) ?? [];
      list.push(role);
      rolesByPractitioner.set(role.practitioner, list);
    }
  }
  return { refs, conditions, practitioners, practitionerRoles, rolesByPractitioner, organizations };
}
