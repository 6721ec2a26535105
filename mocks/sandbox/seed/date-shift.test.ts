import type { Encounter, Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { monthsToToday, newestActivity, shiftToToday, shiftValue } from './date-shift.ts';

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
  it('moves whole months, keeping precision, time and zone, and clamping the day to the month', () => {
    expect(shiftValue('2020-03-10', 2)).toBe('2020-05-10');
    expect(shiftValue('2020-03-10T09:00:00-05:00', 81)).toBe('2026-12-10T09:00:00-05:00');
    expect(shiftValue('2020-12-31T23:59:59.123Z', 2)).toBe('2021-02-28T23:59:59.123Z');
    expect(shiftValue('2020-11', 3)).toBe('2021-02');
    expect(shiftValue('1999', 13)).toBe('2000');
    expect(shiftValue('not a date', 5)).toBe('not a date');
  });
});

describe('monthsToToday', () => {
  it('lands the newest activity in the current month, or the month before when its day is still to come', () => {
    expect(monthsToToday(new Date('2020-03-01'), new Date('2026-12-01'))).toBe(81);
    expect(monthsToToday(new Date('2020-03-10'), new Date('2026-12-01'))).toBe(80);
    expect(monthsToToday(new Date('2026-11-05'), new Date('2026-11-20'))).toBe(0);
    expect(monthsToToday(new Date('2020-01-31'), new Date('2026-02-28'))).toBe(73);
  });
});

describe('shiftToToday', () => {
  it('keeps every activity in the same calendar month as its peers, and the spacing, birthDate included', () => {
    const alice: Patient = { resourceType: 'Patient', id: 'a', birthDate: '1950-03-15' };
    const bob: Patient = { resourceType: 'Patient', id: 'b', birthDate: '1960-01-01' };
    const resources: Resource[] = [
      alice,
      bob,
      encounter('a1', 'a', '2020-02-29T09:00:00Z'),
      encounter('a2', 'a', '2020-03-01T09:00:00Z'),
      encounter('a3', 'a', '2020-03-10T09:00:00Z'),
      encounter('b1', 'b', '2019-07-04'),
      { resourceType: 'Practitioner', id: 'p', meta: { lastUpdated: '2019-01-01T00:00:00Z' } },
    ];
    const shifts = shiftToToday(resources, new Date('2026-12-15T12:00:00Z'));
    const [, , a1, a2, a3, b1, practitioner] = resources as [
      Patient,
      Patient,
      Encounter,
      Encounter,
      Encounter,
      Encounter,
      Resource,
    ];
    expect(shifts.get('Patient/a')).toBe(81);
    expect([a1, a2, a3].map((e) => e.period?.start)).toEqual([
      '2026-11-29T09:00:00Z',
      '2026-12-01T09:00:00Z',
      '2026-12-10T09:00:00Z',
    ]);
    expect(alice.birthDate).toBe('1956-12-15');
    expect(b1.period?.start).toBe('2026-12-04');
    expect(bob.birthDate).toBe('1967-06-01');
    expect(practitioner.meta?.lastUpdated).toBe('2019-01-01T00:00:00Z');
    expect(newestActivity([a1, a2, a3])?.toISOString().slice(0, 10)).toBe('2026-12-10');
  });

  it('never moves activity into the future', () => {
    const late = encounter('late', 'c', '2021-03-31T10:00:00Z');
    shiftToToday([{ resourceType: 'Patient', id: 'c' }, late], new Date('2026-12-01T12:00:00Z'));
    expect(late.period?.start).toBe('2026-11-30T10:00:00Z');
  });

  it('leaves a patient with no clinical activity unshifted', () => {
    const lonely: Patient = { resourceType: 'Patient', id: 'l', birthDate: '1970-05-05' };
    expect(shiftToToday([lonely], new Date('2026-12-01')).get('Patient/l')).toBe(0);
    expect(lonely.birthDate).toBe('1970-05-05');
  });
});
