/**
 * Looks up an evidence reference in the PatientRecord and picks the key fields a clinician checks: date,
 * what it is (code display), author and status. Pure: record + ref in, plain strings out.
 */
import { personName } from '../../domain/person-name.ts';
import type { Concept, PatientRecord, Ref } from '../../domain/record.ts';
import { peopleText } from '../strings.ts';

/** The key fields of one evidence resource, ready to show as text. */
export interface EvidenceFields {
  readonly ref: Ref;
  /** The resource type, from the ref. */
  readonly type: string;
  /** False when the ref is not in the loaded record. */
  readonly found: boolean;
  readonly date?: string;
  readonly what?: string;
  readonly author?: string;
  readonly status?: string;
}

/** The display of a concept: its text, else the first coding display, else `system|code`. */
export function conceptText(concept: Concept | undefined): string | undefined {
  if (!concept) {
    return undefined;
  }
  if (concept.text) {
    return concept.text;
  }
  const withDisplay = concept.codings.find((coding) => coding.display);
  if (withDisplay?.display) {
    return withDisplay.display;
  }
  const first = concept.codings[0];
  return first?.code ? `${first.code}` : undefined;
}

/** A person's or organisation's name for a ref, or the ref itself when the record has no name. */
export function nameOf(record: PatientRecord, ref: Ref | undefined): string | undefined {
  if (!ref) {
    return undefined;
  }
  const practitioner = record.practitioners.find((item) => item.ref === ref);
  if (practitioner?.name) {
    return practitioner.name;
  }
  const role = record.practitionerRoles.find((item) => item.ref === ref);
  if (role?.practitioner) {
    const roleName = nameOf(record, role.practitioner);
    const roleCode = conceptText(role.codes[0]);
    return roleCode && roleName ? `${roleName} (${roleCode})` : roleName;
  }
  const organization = record.organizations.find((item) => item.ref === ref);
  if (organization?.name) {
    return organization.name;
  }
  if (record.patient.ref === ref && record.patient.name) {
    return record.patient.name;
  }
  return ref;
}

/**
 * Who attested or confirmed (`by`), as a clinician reads it: the Practitioner's name from the record (for a
 * PractitionerRole, its Practitioner's), else "you (signed-in user)" or "unknown user"; never the raw reference.
 */
export function attesterName(record: PatientRecord | undefined, by: string): string {
  const name = record && personName(record, by);
  if (name) {
    return name;
  }
  return record?.user !== undefined && record.user === by ? peopleText.signedInUser : peopleText.unknownUser;
}

/** The date part (`YYYY-MM-DD`) of an ISO date or dateTime, or undefined. */
export function dateOnly(value: string | undefined): string | undefined {
  return value ? value.slice(0, 10) : undefined;
}

function typeOf(ref: Ref): string {
  const slash = ref.indexOf('/');
  return slash > 0 ? ref.slice(0, slash) : ref;
}

function fieldsFound(
  record: PatientRecord,
  ref: Ref,
): Omit<EvidenceFields, 'ref' | 'type' | 'found'> | undefined {
  const by = <T extends { readonly ref: Ref }>(list: readonly T[]) => list.find((item) => item.ref === ref);
  switch (typeOf(ref)) {
    case 'Condition': {
      const item = by(record.conditions);
      return (
        item && {
          date: dateOnly(item.recordedDate ?? item.onset ?? item.lastUpdated),
          what: conceptText(item.code),
          author: nameOf(record, item.recorder),
          status: item.clinicalStatus,
        }
      );
    }
    case 'MedicationStatement':
    case 'MedicationRequest': {
      const item = by(record.medications);
      return (
        item && {
          date: dateOnly(item.asserted ?? item.effective?.start),
          what: conceptText(item.medication),
          author: nameOf(record, item.informationSource),
          status: item.status,
        }
      );
    }
    case 'CarePlan': {
      const item = by(record.carePlans);
      return (
        item && {
          date: dateOnly(item.created ?? item.period?.start ?? item.lastUpdated),
          what: item.title ?? conceptText(item.categories[0]),
          author: nameOf(record, item.author),
          status: item.status,
        }
      );
    }
    case 'Goal': {
      const item = by(record.goals);
      return (
        item && {
          date: dateOnly(item.start ?? item.statusDate),
          what: conceptText(item.description),
          status: item.lifecycleStatus,
        }
      );
    }
    case 'Encounter': {
      const item = by(record.encounters);
      return (
        item && {
          date: dateOnly(item.period?.start),
          what: conceptText(item.types[0]) ?? item.classCode,
          author: nameOf(record, item.participants[0]),
          status: item.status,
        }
      );
    }
    case 'Coverage': {
      const item = by(record.coverages);
      return (
        item && {
          date: dateOnly(item.period?.start),
          what: item.payorDisplays[0] ?? conceptText(item.type),
          status: item.status,
        }
      );
    }
    case 'Communication': {
      const item = by(record.communications);
      return (
        item && {
          date: dateOnly(item.sent ?? item.received),
          what: conceptText(item.topic) ?? conceptText(item.categories[0]),
          author: nameOf(record, item.sender),
          status: item.status,
        }
      );
    }
    case 'Procedure': {
      const item = by(record.procedures);
      return (
        item && {
          date: dateOnly(item.performed?.start),
          what: conceptText(item.code),
          author: nameOf(record, item.performers[0]),
          status: item.status,
        }
      );
    }
    case 'Observation': {
      const item = by(record.observations);
      return item && { date: dateOnly(item.effective), what: conceptText(item.code), status: item.status };
    }
    case 'QuestionnaireResponse': {
      const item = by(record.questionnaireResponses);
      return item && { date: dateOnly(item.authored), what: item.questionnaire, status: item.status };
    }
    case 'Practitioner': {
      const item = by(record.practitioners);
      return item && { what: item.name, status: conceptText(item.qualifications[0]) };
    }
    case 'PractitionerRole': {
      const item = by(record.practitionerRoles);
      return item && { what: nameOf(record, item.ref), status: conceptText(item.codes[0]) };
    }
    case 'Organization': {
      const item = by(record.organizations);
      return item && { what: item.name };
    }
    case 'Patient':
      return record.patient.ref === ref ? { what: record.patient.name } : undefined;
    default:
      return undefined;
  }
}

/** The key fields of the resource `ref` points at, or `found: false` when the record does not hold it. */
export function evidenceFields(record: PatientRecord | undefined, ref: Ref): EvidenceFields {
  const found = record ? fieldsFound(record, ref) : undefined;
  return found ? { ref, type: typeOf(ref), found: true, ...found } : { ref, type: typeOf(ref), found: false };
}
