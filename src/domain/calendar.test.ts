import { describe, expect, it } from 'vitest';
import { addDays, dayOf, dayRange, minutesBetween, monthOf, overlaps, within } from './calendar.ts';
import { parsePeriod, resolvePeriod } from './period.ts';

describe('calendar', () => {
  it('reads the day as written, including offsets, and rejects impossible dates', () => {
    expect(dayOf('2026-11-30T23:30:00-05:00')).toBe('2026-11-30');
    expect(dayOf('2026-02-29')).toBeUndefined();
    expect(dayOf('2024-02-29')).toBe('2024-02-29');
    expect(dayOf('2026-13-01')).toBeUndefined();
    expect(dayOf('2026-11')).toBeUndefined();
    expect(dayOf(42)).toBeUndefined();
  });
  it('treats partial dates as ranges: within only when the whole range is inside', () => {
    expect(dayRange('2026-11')).toEqual({ first: '2026-11-01', last: '2026-11-30' });
    expect(dayRange('2026')).toEqual({ first: '2026-01-01', last: '2026-12-31' });
    const nov = { start: '2026-11-01', end: '2026-11-30' };
    expect(within('2026-11', nov)).toBe(true);
    expect(within('2026', nov)).toBe(false);
    expect(within(undefined, nov)).toBe(false);
  });
  it('does day arithmetic across months and leap years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(monthOf('2026-02-14')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
  });
  it('counts minutes only between two dateTimes', () => {
    expect(minutesBetween('2026-11-03T09:00:00Z', '2026-11-03T09:18:00Z')).toBe(18);
    expect(minutesBetween('2026-11-03', '2026-11-04')).toBeUndefined();
    expect(minutesBetween('2026-11-03T10:00:00Z', '2026-11-03T09:00:00Z')).toBeUndefined();
  });
  it('overlaps open-ended periods', () => {
    expect(overlaps({ start: '2026-01-01' }, { start: '2026-11-01', end: '2026-11-30' })).toBe(true);
    expect(
      overlaps({ start: '2026-01-01', end: '2026-06-30' }, { start: '2026-11-01', end: '2026-11-30' }),
    ).toBe(false);
  });
});

describe('period', () => {
  it('defaults to the calendar month containing asOf', () => {
    expect(resolvePeriod('2026-11-20')).toEqual({
      period: { start: '2026-11-01', end: '2026-11-30' },
      basis: 'month-of-as-of',
    });
  });
  it('parses and validates a given period', () => {
    expect(parsePeriod('2026-11-01/2026-11-15')).toEqual({ start: '2026-11-01', end: '2026-11-15' });
    expect(() => parsePeriod('2026-11-15/2026-11-01')).toThrow(/start <= end/);
    expect(() => parsePeriod('2026-11-01')).toThrow(/YYYY-MM-DD\/YYYY-MM-DD/);
    expect(() => resolvePeriod('soon')).toThrow(/not a valid/);
  });
});
