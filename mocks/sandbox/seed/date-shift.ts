import type { Resource } from '@medplum/fhirtypes';
import { patientsOf } from '../fhir/patient-compartment.ts';

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
 * Where each type records when something happened. The newest of these per patient sets the shift;
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
 * Date-shifts each patient's resources by a whole number of months, so that the patient's newest clinical
 * activity falls in the month of `today` (or in the month before, when its day of the month has not come
 * yet: a visit dated in the future would be invented data).
 *
 * Why months and not days: G9012 is billed per calendar month. A day shift moves some of a patient's
 * activity across a month boundary and changes which criteria a scenario meets; a month shift keeps every
 * date's day of the month (clamped to the month's length), so month membership and spacing are kept.
 * birthDate moves too, so ages at every event, and the patient's age now, stay what the record implies.
 * Resources outside any patient (Practitioner, Organization) are kept. Works in place; returns the shift in
 * months per `Patient/id`.
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
    const months = newest === undefined ? 0 : monthsToToday(newest, today);
    shifts.set(patient, months);
    if (months !== 0) {
      for (const resource of own) {
        shiftDates(resource, months);
      }
    }
  }
  return shifts;
}

/** The month shift that brings `newest` into today's month, or the month before if it would be in the future. */
export function monthsToToday(newest: Date, today: Date): number {
  const months =
    today.getUTCFullYear() * 12 + today.getUTCMonth() - (newest.getUTCFullYear() * 12 + newest.getUTCMonth());
  const shiftedDay = Math.min(newest.getUTCDate(), daysInMonth(today.getUTCFullYear(), today.getUTCMonth()));
  return shiftedDay > today.getUTCDate() ? months - 1 : months;
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

/** Moves every date, dateTime and instant in a resource by `months`, keeping each value's precision and zone. */
export function shiftDates(node: unknown, months: number): void {
  if (Array.isArray(node)) {
    for (const item of node) {
      shiftDates(item, months);
    }
    return;
  }
  if (typeof node !== 'object' || node === null) {
    return;
  }
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string' && isDateKey(key)) {
      record[key] = shiftValue(value, months);
    } else if (typeof value === 'object') {
      shiftDates(value, months);
    }
  }
}

/**
 * Shifts one FHIR date string by whole months, keeping the day of the month (clamped to the new month's
 * length), the time and the zone. Anything that is not a FHIR date comes back unchanged.
 */
export function shiftValue(value: string, months: number): string {
  const match = FHIR_DATE.exec(value);
  if (!match) {
    return value;
  }
  const [, year, month, day, time] = match;
  const index = Number(year) * 12 + Number(month ?? '1') - 1 + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12;
  const yyyy = String(newYear).padStart(4, '0');
  if (month === undefined) {
    return yyyy;
  }
  const mm = String(newMonth + 1).padStart(2, '0');
  if (day === undefined) {
    return `${yyyy}-${mm}`;
  }
  const dd = String(Math.min(Number(day), daysInMonth(newYear, newMonth))).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}${time ?? ''}`;
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

function isDateKey(key: string): boolean {
  return DATE_KEYS.has(key) || /(Date|DateTime|Instant)$/.test(key);
}

function valueAt(resource: Resource, path: string): unknown {
  let node: unknown = resource;
  for (const key of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}
