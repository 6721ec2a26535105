import type { Encounter, Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { newestActivity, shiftToToday, shiftValue } from './date-shift.ts';

function encounter(id: string, patient: string, start: string): Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { code: 'AMB' },
    subject: { reference: `Patient/${patient}` },
    period: { start, end: start },
  };
}

describe('shiftValue', () => {
  it('keeps the precision, time and zone of each FHIR date form', () => {
    expect(shiftValue('2020-03-10', 10)).toBe('2020-03-20');
    expect(shiftValue('2020-03-10T09:00:00-05:00', 30)).toBe('2020-04-09T09:00:00-05:00');
    expect(shiftValue('2020-12-31T23:59:59.123Z', 1)).toBe('2021-01-01T23:59:59.123Z');
    expect(shiftValue('2020-03', 40)).toBe('2020-04');
    expect(shiftValue('1999', 400)).toBe('2000');
    expect(shiftValue('not a date', 5)).toBe('not a date');
  });
});

describe('shiftToToday', () => {
  it('moves each patient so the newest activity is today, keeping the spacing and shifting birthDate', () => {
    const alice: Patient = { resourceType: 'Patient', id: 'a', birthDate: '1950-03-15' };
    const bob: Patient = { resourceType: 'Patient', id: 'b', birthDate: '1960-01-01' };
    const resources: Resource[] = [
      alice,
      bob,
      encounter('a1', 'a', '2020-01-05T09:00:00Z'),
      encounter('a2', 'a', '2020-03-10T09:00:00Z'),
      encounter('b1', 'b', '2019-07-04'),
      { resourceType: 'Practitioner', id: 'p', meta: { lastUpdated: '2019-01-01T00:00:00Z' } },
    ];
    const today = new Date('2026-12-01T12:00:00Z');
    const shifts = shiftToToday(resources, today);
    const [, , a1, a2, b1, practitioner] = resources as [
      Patient,
      Patient,
      Encounter,
      Encounter,
      Encounter,
      Resource,
    ];
    expect(a2.period?.start).toBe('2026-12-01T09:00:00Z');
    // 2020 is a leap year: 65 days from 5 January to 10 March.
    expect(a1.period?.start).toBe('2026-09-27T09:00:00Z');
    const spacing = (x: Encounter, y: Encounter) =>
      Date.parse(y.period?.start ?? '') - Date.parse(x.period?.start ?? '');
    expect(spacing(a1, a2)).toBe(Date.parse('2020-03-10T09:00:00Z') - Date.parse('2020-01-05T09:00:00Z'));
    expect(b1.period?.start).toBe('2026-12-01');
    expect(alice.birthDate).toBe(shiftValue('1950-03-15', shifts.get('Patient/a') ?? 0));
    expect(shifts.get('Patient/a')).not.toBe(shifts.get('Patient/b'));
    expect(practitioner.meta?.lastUpdated).toBe('2019-01-01T00:00:00Z');
    expect(newestActivity([a1, a2])?.toISOString().slice(0, 10)).toBe('2026-12-01');
  });

  it('leaves a patient with no clinical activity unshifted', () => {
    const lonely: Patient = { resourceType: 'Patient', id: 'l', birthDate: '1970-05-05' };
    expect(shiftToToday([lonely], new Date('2026-12-01')).get('Patient/l')).toBe(0);
    expect(lonely.birthDate).toBe('1970-05-05');
  });
});
