/**
 * The boundary between raw FHIR JSON and the domain: parse every resource with zod, report and leave out
 * what fails, resolve references, and build one normalised `PatientRecord`. Pure: no I/O, usable from the
 * browser loader, the CLI and tests alike.
 */
import type { z } from 'zod';
import type {
  Concept,
  InvalidResource,
  MedicationItem,
  MedicationListSource,
  PatientRecord,
  Ref,
} from '../../domain/record.ts';
import * as items from './items.ts';
import { type FullUrlIndex, refFromFullUrl } from './references.ts';
import { type Parsed, type ReadType, schemasByType } from './schemas.ts';

export type { FullUrlIndex } from './references.ts';
export { resolveReference } from './references.ts';

/** Options for building a record. */
export interface RecordOptions {
  /** The patient the record is for; required when the input holds more than one Patient. */
  readonly patientId?: string;
  /** The signed-in user (`Practitioner/id` or `PractitionerRole/id`). */
  readonly user?: string;
  /** The medication source the loader chose; when absent it is inferred from what the input holds. */
  readonly medicationSource?: MedicationListSource;
}

/** The record, what was left out, and input-level problems (no patient, several patients, not a Bundle). */
export interface RecordResult {
  readonly record?: PatientRecord;
  readonly invalid: readonly InvalidResource[];
  readonly problems: readonly string[];
}

interface Entry {
  readonly resource: unknown;
  readonly fullUrl?: string;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const MAX_PROBLEMS_PER_RESOURCE = 3;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isReadType(type: string): type is ReadType {
  return Object.hasOwn(schemasByType, type);
}

/** Describes zod issues by path and message only, never by the offending content. */
function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, MAX_PROBLEMS_PER_RESOURCE).map((issue) => {
    const path = issue.path.length === 0 ? '(resource)' : issue.path.map(String).join('.');
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

function idFrom(resource: Record<string, unknown>, fullUrl: string | undefined): unknown {
  if (resource.id !== undefined) {
    return resource.id;
  }
  return fullUrl?.startsWith('urn:uuid:') ? fullUrl.slice('urn:uuid:'.length) : undefined;
}

type ParsedByType = { [T in ReadType]: Array<{ ref: Ref; value: Parsed<T> }> };

function emptyParsed(): ParsedByType {
  const out = {} as Record<ReadType, unknown[]>;
  for (const type of Object.keys(schemasByType) as ReadType[]) {
    out[type] = [];
  }
  return out as ParsedByType;
}

/** Builds a record from resources (or Bundle entries with their fullUrl). */
export function recordFromEntries(entries: readonly Entry[], opts: RecordOptions = {}): RecordResult {
  const invalid: InvalidResource[] = [];
  const accepted: Array<{ type: ReadType; ref: Ref; resource: Record<string, unknown> }> = [];
  const seen = new Set<Ref>();
  const fullUrls = new Map<string, Ref>();

  entries.forEach((entry, index) => {
    const { resource, fullUrl } = entry;
    if (!isObject(resource) || typeof resource.resourceType !== 'string') {
      invalid.push({ ref: `(unknown)#${index}`, problem: 'not a FHIR resource (no resourceType)' });
      return;
    }
    const type = resource.resourceType;
    if (!isReadType(type)) {
      return;
    }
    const id = idFrom(resource, fullUrl);
    if (typeof id !== 'string' || !FHIR_ID.test(id)) {
      invalid.push({ ref: `${type}/(no id)#${index}`, problem: 'id: missing or not a valid FHIR id' });
      return;
    }
    const ref = `${type}/${id}`;
    if (seen.has(ref)) {
      invalid.push({ ref, problem: 'duplicate id: the first resource with this id was kept' });
      return;
    }
    seen.add(ref);
    if (fullUrl !== undefined) {
      fullUrls.set(fullUrl, ref);
    }
    accepted.push({ type, ref, resource });
  });

  const parsed = emptyParsed();
  for (const { type, ref, resource } of accepted) {
    const result = schemasByType[type].safeParse(resource);
    if (result.success) {
      (parsed[type] as Array<{ ref: Ref; value: unknown }>).push({ ref, value: result.data });
    } else {
      invalid.push({ ref, problem: describeIssues(result.error) });
    }
  }

  return assemble(parsed, fullUrls, invalid, opts);
}

function assemble(
  parsed: ParsedByType,
  fullUrls: FullUrlIndex,
  invalid: InvalidResource[],
  opts: RecordOptions,
): RecordResult {
  const patients = opts.patientId
    ? parsed.Patient.filter((p) => p.ref === `Patient/${opts.patientId}`)
    : parsed.Patient;
  if (patients.length !== 1) {
    const problem =
      patients.length === 0
        ? opts.patientId
          ? `Patient/${opts.patientId} is not in the input, or it was invalid`
          : 'the input holds no valid Patient'
        : `the input holds ${patients.length} patients; name one`;
    return { invalid, problems: [problem] };
  }

  const medicationCodes = new Map<Ref, Concept>(
    parsed.Medication.map((m) => [m.ref, items.medicationCode(m.value)]),
  );
  const convert = <T extends ReadType, I>(
    type: T,
    fn: (value: Parsed<T>, ctx: items.ItemContext) => I,
  ): I[] => parsed[type].map(({ ref, value }) => fn(value, { ref, fullUrls, medicationCodes }));

  const statements = convert('MedicationStatement', items.medicationStatementItem);
  const requests = convert('MedicationRequest', items.medicationRequestItem);
  const medicationSource =
    opts.medicationSource ??
    (statements.length > 0 ? 'MedicationStatement' : requests.length > 0 ? 'MedicationRequest' : 'none');
  const medications: MedicationItem[] = [...statements, ...requests];

  const [patient] = convert('Patient', items.patientItem).filter((p) => p.ref === patients[0]?.ref);
  if (patient === undefined) {
    return { invalid, problems: ['the input holds no valid Patient'] };
  }

  const record: PatientRecord = {
    patient,
    conditions: convert('Condition', items.conditionItem),
    medications,
    medicationSource,
    carePlans: convert('CarePlan', items.carePlanItem),
    goals: convert('Goal', items.goalItem),
    encounters: convert('Encounter', items.encounterItem),
    coverages: convert('Coverage', items.coverageItem),
    communications: convert('Communication', items.communicationItem),
    procedures: convert('Procedure', items.procedureItem),
    observations: convert('Observation', items.observationItem),
    questionnaireResponses: convert('QuestionnaireResponse', items.questionnaireResponseItem),
    practitioners: convert('Practitioner', items.practitionerItem),
    practitionerRoles: convert('PractitionerRole', items.practitionerRoleItem),
    organizations: convert('Organization', items.organizationItem),
    ...(opts.user === undefined ? {} : { user: opts.user }),
  };
  return { record, invalid, problems: [] };
}

/** Builds a record from plain resources, as a server search returns them (`Type/id` references). */
export function recordFromResources(resources: readonly unknown[], opts: RecordOptions = {}): RecordResult {
  return recordFromEntries(
    resources.map((resource) => ({ resource })),
    opts,
  );
}

/** Builds a record from a FHIR Bundle, resolving `urn:uuid:` references through its entries' fullUrls. */
export function recordFromBundle(bundle: unknown, opts: RecordOptions = {}): RecordResult {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') {
    return { invalid: [], problems: ['the input is not a FHIR Bundle'] };
  }
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) {
    return { invalid: [], problems: ['Bundle.entry is not a list'] };
  }
  const entries = ((bundle.entry ?? []) as unknown[]).map((entry): Entry => {
    if (!isObject(entry)) {
      return { resource: entry };
    }
    const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined;
    return fullUrl === undefined ? { resource: entry.resource } : { resource: entry.resource, fullUrl };
  });
  return recordFromEntries(entries, opts);
}

/** Exposed for the loader and tests: the `Type/id` an absolute or relative fullUrl names. */
export { refFromFullUrl };
