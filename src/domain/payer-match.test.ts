import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from './builtin-policies.ts';
import { evaluate } from './evaluate.ts';
import { selectPolicy } from './payer-match.ts';
import type { PayerPolicy } from './policy.ts';
import type { PatientRecord } from './record.ts';
import { indexRecord } from './record-index.ts';
import { coverage, emptyRecord, organization } from './test-records.ts';
import { unitsFor } from './units.ts';

function recordWith(payorName: string | undefined, extra: Partial<PatientRecord> = {}): PatientRecord {
  return {
    ...emptyRecord(),
    coverages: [coverage('c1', payorName ? ['Organization/o1'] : [])],
    organizations: payorName ? [organization('o1', payorName)] : [],
    ...extra,
  };
}

function pick(record: PatientRecord, payerId?: string) {
  return selectPolicy(record, indexRecord(record), BUILTIN_POLICIES, payerId);
}

describe('selectPolicy', () => {
  it.each([
    ['Medicare', 'medicare'],
    ['Aetna Medicare Advantage', 'aetna'],
    ['UnitedHealthcare Community Plan', 'uhc'],
    ['Independence Blue Cross', 'bcbs'],
    ['Cigna Healthcare of Texas', 'cigna'],
    ['Medi-Cal', 'medicaid'],
    ['Acme Health Plan', 'default'],
  ])('payor "%s" selects %s', (name, id) => {
    expect(pick(recordWith(name))?.policy.id).toBe(id);
  });

  it('whole words only: "Caetnapolis Mutual" is not Aetna', () => {
    expect(pick(recordWith('Caetnapolis Mutual'))?.policy.id).toBe('default');
  });

  it('falls back to the Coverage.type (Source of Payment Typology 2 = Medicaid) when the name is unknown', () => {
    const r = recordWith('Plan 42', {
      coverages: [
        coverage('c1', ['Organization/o1'], {
          type: { codings: [{ system: 'https://nahdo.org/sopt', code: '2' }] },
        }),
      ],
    });
    expect(pick(r)?.match).toMatchObject({
      policyId: 'medicaid',
      matchedBy: 'coverage-type',
      coverage: 'Coverage/c1',
    });
  });

  it('ignores cancelled Coverage and says the default was used', () => {
    const r = recordWith('Aetna', {
      coverages: [coverage('c1', ['Organization/o1'], { status: 'cancelled' })],
    });
    expect(pick(r)?.match).toMatchObject({ policyId: 'default', matchedBy: 'default' });
  });

  it('an explicit payer id wins and is reported as chosen; an unknown one gives undefined', () => {
    expect(pick(recordWith('Acme'), 'medicare')?.match).toMatchObject({
      policyId: 'medicare',
      matchedBy: 'chosen',
    });
    expect(pick(recordWith('Acme'), 'nope')).toBeUndefined();
  });
});

describe('policy-driven evaluation', () => {
  const aetna = BUILTIN_POLICIES.find((p) => p.id === 'aetna') as PayerPolicy;

  it('a policy can make a criterion optional, and a minimum-minutes threshold', () => {
    const custom: PayerPolicy = {
      ...aetna,
      requiredCriteria: { criteria: ['complex-needs'], source: aetna.requiredCriteria.source },
      thresholds: {
        minMinutes: { value: 30, source: 'Example payer manual §4, 2026 — SOURCES.md §11' },
        source: 'x',
      },
    };
    const e = evaluate(emptyRecord(), { asOf: '2026-11-20', policy: custom });
    expect(e.criteria.filter((c) => c.required).map((c) => c.id)).toEqual(['complex-needs']);
    expect(e.blockers.map((b) => b.criterion)).toEqual(['complex-needs']);
  });

  it('a per-minutes units rule counts whole blocks', () => {
    expect(
      unitsFor({ ...aetna, units: { kind: 'per-minutes', minutes: 15, source: 'x' } }, 44),
    ).toMatchObject({ quantity: 2 });
    expect(unitsFor(aetna, 44)).toMatchObject({ quantity: 1, rule: '1 unit per service period' });
  });

  it('every unpublished rule that applied is a warning', () => {
    const e = evaluate(emptyRecord(), { asOf: '2026-11-20', policy: aetna });
    const unpublished = e.warnings.filter((w) => w.kind === 'unpublished').map((w) => w.message);
    expect(unpublished).toEqual([
      'Aetna: whether G9012 is paid, and on what terms — not published — verify with payer',
      'Aetna: required documentation criteria for G9012 — not published — verify with payer',
      'Aetna: thresholds (chronic conditions, transition window, minimum minutes); app defaults used — not published — verify with payer',
      'Aetna: units per service period — not published — verify with payer',
    ]);
  });
});
