import { describe, expect, it } from 'vitest';
import type { EncounterItem } from '../domain/record.ts';
import { defaultPeriod } from './draft-session.ts';

describe('defaultPeriod', () => {
  const encounter = (end: string): EncounterItem => ({
    ref: 'Encounter/e1',
    types: [],
    participants: [],
    period: { start: end, end },
  });

  it('opens on the launch encounter month when it is not in the future', () => {
    expect(defaultPeriod('2026-12-01', encounter('2026-11-18T10:00:00Z'))).toEqual({
      start: '2026-11-01',
      end: '2026-11-30',
    });
  });

  it('falls back to the month of today without an encounter, or for one in a later month', () => {
    expect(defaultPeriod('2026-12-01')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(defaultPeriod('2026-12-01', encounter('2027-01-05'))).toEqual({
      start: '2026-12-01',
      end: '2026-12-31',
    });
  });
});
