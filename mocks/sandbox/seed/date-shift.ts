import type { Resource } from '@medplum/fhirtypes';
import { patientsOf } from '../fhir/patient-compartment.ts';

const DAY_MS = 86_400_000;

/** FHIR date, dateTime and instant values: YYYY, YYYY-MM, YYYY-MM-DD, optionally with a time and zone. */
const FHIR_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Keys that hold dates. Any key ending in Date, DateTime or Instant does too. */
const DATE_KEYS = new Set([
  'start',
  'end',
  'date',
  'issued',
  'authoredOn',
  'authored',
  'recorded',
  'sent',
  'received',
  'created',
  'lastUpdated',
  'timestamp',
  'occurred',
  'dateAsserted',
]);

/**
 * Where each type records when something happened. The newest of these per patient is moved to "today";
 * planned future dates (goal due dates, coverage ends) are shifted but do not set the shift.
 */
const ACTIVITY_PATHS: Readonly<Record<string, readonly string[]>> = {
  Encounter: ['period.start'],
  Condition: ['recordedDate', 'onsetDateTime'],
  Procedure: ['performedDateTime', 'performedPeriod.start'],
  Observation: ['effectiveDateTime', 'effectivePeriod.start', 'issued'],
  MedicationRequest: ['authoredOn'],
  MedicationStatement: ['dateAsserted', 'effectiveDateTime', 'effectivePeriod.start'],
  CarePlan: ['created', 'period.start'],
  Goal: ['startDate', 'statusDate'],
  Communication: ['sent'],
  QuestionnaireResponse: ['authored'],
  DiagnosticReport: ['effectiveDateTime', 'issued'],
  Immunization: ['occurrenceDateTime'],
};

/**
 * Date-shifts each patient's resources by whole days so that the patient's newest clinical activity falls
 * on `today`, keeping relative spacing. birthDate moves too, so ages at every event, and the patient's age
 * now, stay what the record implies. Resources outside any patient (Practitioner, Organization) are kept.
 * Works in place; returns the shift in days per `Patient/id`.
 */
export function shiftToToday(resources: readonly Resource[], today: Date): Map<string, number> {
  const byPatient = new Map<string, Resource[]>();
  for (const resource of resources) {
    const patient = patientsOf(resource)[0];
    if (patient) {
      byPatient.set(patient, [...(byPatient.get(patient) ?? []), resource]);
    }
  }
  const shifts = new Map<string, number>();
  for (const [patient, own] of byPatient) {
    const newest = newestActivity(own);
    const days = newest === undefined ? 0 : Math.round((startOfDay(today) - startOfDay(newest)) / DAY_MS);
    shifts.set(patient, days);
    if (days !== 0) {
      for (const resource of own) {
        shiftDates(resource, days);
      }
    }
  }
  return shifts;
}

/** The newest clinical activity date in these resources (see ACTIVITY_PATHS), if any. */
export function newestActivity(resources: readonly Resource[]): Date | undefined {
  let newest: number | undefined;
  for (const resource of resources) {
    for (const path of ACTIVITY_PATHS[resource.resourceType] ?? []) {
      const value = valueAt(resource, path);
      const time =
        typeof value === 'string' && FHIR_DATE.test(value) ? Date.parse(value.slice(0, 10)) : Number.NaN;
      if (!Number.isNaN(time) && (newest === undefined || time > newest)) {
        newest = time;
      }
    }
  }
  return newest === undefined ? undefined : new Date(newest);
}

/** The newest date, dateTime or instant anywhere in a resource, birthDate aside (as written, unparsed). */
export function newestDateIn(node: unknown): string | undefined {
  let newest: string | undefined;
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key !== 'birthDate' && isDateKey(key) && FHIR_DATE.test(value) && (!newest || value > newest)) {
        newest = value;
      }
    } else if (Array.isArray(value)) {
      for (const item of value) {
        visit(item, key);
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        visit(v, k);
      }
    }
  };
  visit(node, '');
  return newest;
}

/** Moves every date, dateTime and instant in a resource by `days`, keeping each value's precision and zone. */
export function shiftDates(node: unknown, days: number): void {
  if (Array.isArray(node)) {
    for (const item of node) {
      shiftDates(item, days);
    }
    return;
  }
  if (typeof node !== 'object' || node === null) {
    return;
  }
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string' && isDateKey(key)) {
      record[key] = shiftValue(value, days);
    } else if (typeof value === 'object') {
      shiftDates(value, days);
    }
  }
}

/** Shifts one FHIR date string by whole days; anything that is not a FHIR date comes back unchanged. */
export function shiftValue(value: string, days: number): string {
  const match = FHIR_DATE.exec(value);
  if (!match) {
    return value;
  }
  const [, year, month, day, time] = match;
  const shifted = new Date(
    Date.UTC(Number(year), Number(month ?? '1') - 1, Number(day ?? '1')) + days * DAY_MS,
  );
  const iso = shifted.toISOString();
  if (month === undefined) {
    return iso.slice(0, 4);
  }
  if (day === undefined) {
    return iso.slice(0, 7);
  }
  return iso.slice(0, 10) + (time ?? '');
}

function isDateKey(key: string): boolean {
  return DATE_KEYS.has(key) || /(Date|DateTime|Instant)$/.test(key);
}

function startOfDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

function valueAt(resource: Resource, path: string): unknown {
  let node: unknown = resource;
  for (const key of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}
