import { describe, expect, it } from 'vitest';
import type { EncounterItem } from '../domain/record.ts';
import type { WrittenResource } from '../fhir/write/write-draft.ts';
import { defaultPeriod, foundDraftOf, workIsWritten } from './draft-session.ts';

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

describe('foundDraftOf and workIsWritten', () => {
  const draft = (more: Partial<WrittenResource>): WrittenResource => ({
    resourceType: 'ChargeItem',
    id: 'ci-1',
    location: 'ChargeItem/ci-1',
    created: false,
    ...more,
  });

  it('clears the work only when the draft on the server holds it: created, or found with the same content', () => {
    expect(foundDraftOf(draft({ created: true }), false)).toBeUndefined();
    expect(workIsWritten(undefined)).toBe(true);
    expect(foundDraftOf(draft({ found: 'same' }), false)).toBe('same');
    expect(workIsWritten('same')).toBe(true);
  });

  it('keeps the work when another tab or session wrote other content first', () => {
    expect(foundDraftOf(draft({ found: 'different' }), false)).toBe('other');
    expect(workIsWritten('other')).toBe(false);
  });

  it('does not blame another tab for a draft this tab wrote before the work changed', () => {
    expect(foundDraftOf(draft({ found: 'different' }), true)).toBe('earlier-here');
    expect(workIsWritten('earlier-here')).toBe(false);
  });

  it('keeps the work when the found draft could not be compared', () => {
    expect(foundDraftOf(draft({ found: 'unchecked' }), false)).toBe('unchecked');
    expect(foundDraftOf(draft({}), true)).toBe('unchecked');
    expect(workIsWritten('unchecked')).toBe(false);
  });
});
