import { describe, expect, it } from 'vitest';
import { scenarios } from '../../mocks/patients/index.ts';
import { BUILTIN_POLICIES } from '../../src/domain/builtin-policies.ts';
import { recordFromBundle } from '../../src/fhir/record/index.ts';
import {
  downloadFileName,
  emptyWork,
  hasWork,
  monthPeriod,
  parseWork,
  payerChoiceFor,
  serialiseWork,
  type UnsavedWork,
  workKey,
} from '../../src/ui/draft-session.ts';
import { localDay } from '../../src/ui/local-day.ts';

const work: UnsavedWork = {
  attestations: [
    { criterion: 'time', note: 'Phone calls', by: 'Practitioner/a', at: '2026-11-20T10:00:00Z', minutes: 20 },
  ],
  diagnoses: [{ condition: 'Condition/c1', code: 'E11.9', by: 'Practitioner/a', at: '2026-11-20T10:00:00Z' }],
  modifiers: [{ code: '22', justification: 'Long calls', by: 'Practitioner/a', at: '2026-11-20T10:00:00Z' }],
  kind: 'claim',
  placeOfService: '02',
  policyId: 'medicare',
};

function recordOf(id: string) {
  const scenario = scenarios.find((item) => item.id === id);
  const record = scenario && recordFromBundle(scenario.bundle, {}).record;
  if (!record) {
    throw new Error(`no scenario ${id}`);
  }
  return record;
}

describe('unsaved work', () => {
  it('round-trips through the stored form', () => {
    expect(parseWork(serialiseWork(work))).toEqual(work);
    expect(parseWork(serialiseWork(emptyWork()))).toEqual(emptyWork());
  });

  it('reads anything else as nothing', () => {
    expect(parseWork(null)).toBeUndefined();
    expect(parseWork('not json')).toBeUndefined();
    expect(parseWork('{"version":2}')).toBeUndefined();
    const bad = JSON.parse(serialiseWork(work)) as Record<string, unknown>;
    expect(parseWork(JSON.stringify({ ...bad, kind: 'invoice' }))).toBeUndefined();
    expect(parseWork(JSON.stringify({ ...bad, token: 'x' }))).toBeUndefined();
    expect(
      parseWork(JSON.stringify({ ...bad, attestations: [{ criterion: 'nope', note: '', by: '', at: '' }] })),
    ).toBeUndefined();
  });

  it('keys by patient and period, and knows when there is nothing to keep', () => {
    expect(workKey('Patient/p1', { start: '2026-11-01', end: '2026-11-30' })).toBe(
      'g9012:work:Patient/p1:2026-11-01:2026-11-30',
    );
    expect(hasWork(emptyWork())).toBe(false);
    expect(hasWork({ ...emptyWork(), kind: 'claim' })).toBe(true);
  });
});

describe('dates and names', () => {
  it('uses the local day and its calendar month', () => {
    expect(localDay(new Date(2026, 1, 3, 23, 59))).toBe('2026-02-03');
    expect(monthPeriod('2028-02-10')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(downloadFileName('chargeitem', { start: '2026-11-01', end: '2026-11-30' })).toBe(
      'g9012-chargeitem-2026-11-01-to-2026-11-30.json',
    );
  });
});

describe('payer choice', () => {
  it('asks when there is no Coverage, not when one policy matches', () => {
    expect(payerChoiceFor(recordOf('no-coverage'), BUILTIN_POLICIES)).toBe('absent');
    expect(payerChoiceFor(recordOf('payer-medicare'), BUILTIN_POLICIES)).toBeUndefined();
    expect(payerChoiceFor(recordOf('meets-all'), BUILTIN_POLICIES)).toBe('ambiguous');
  });
});
