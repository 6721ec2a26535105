import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from '../builtin-policies.ts';
import { evaluate } from '../evaluate.ts';
import type { CriterionId, CriterionResult, Evaluation } from '../evaluation.ts';
import type { PayerPolicy } from '../policy.ts';
import type { PatientRecord } from '../record.ts';
import {
  carePlan,
  communication,
  condition,
  coverage,
  encounter,
  goal,
  medication,
  meetsAllRecord,
  observation,
  procedure,
} from '../test-records.ts';

const AS_OF = '2026-11-20';

function policy(id: string): PayerPolicy {
  const found = BUILTIN_POLICIES.find((p) => p.id === id);
  if (!found) {
    throw new Error(`no policy ${id}`);
  }
  return found;
}

function run(record: PatientRecord, policyId = 'default'): Evaluation {
  return evaluate(record, { asOf: AS_OF, policy: policy(policyId) });
}

function criterion(e: Evaluation, id: CriterionId): CriterionResult {
  const found = e.criteria.find((c) => c.id === id);
  if (!found) {
    throw new Error(`no criterion ${id}`);
  }
  return found;
}

function withRecord(change: (r: PatientRecord) => Partial<PatientRecord>): PatientRecord {
  const r = meetsAllRecord();
  return { ...r, ...change(r) };
}

describe('meets-all record', () => {
  it('is ready with every criterion met from the record, in the design order', () => {
    const e = run(meetsAllRecord());
    expect(e.status).toBe('ready');
    expect(e.blockers).toEqual([]);
    expect(e.criteria.map((c) => [c.id, c.status])).toEqual([
      ['complex-needs', 'met'],
      ['problem-list-review', 'met'],
      ['medication-reconciliation', 'met'],
      ['assessment', 'met'],
      ['care-plan', 'met'],
      ['goals', 'met'],
      ['care-plan-updated', 'met'],
      ['barriers', 'met'],
      ['time', 'met'],
      ['care-coordination', 'met'],
      ['case-manager', 'met'],
      ['not-elsewhere-classified', 'met'],
      ['coverage', 'met'],
      ['diagnosis-codes', 'met'],
    ]);
    expect(e.period).toEqual({ start: '2026-11-01', end: '2026-11-30' });
  });
});

describe('complex-needs', () => {
  it('met: names the chronic conditions', () => {
    const c = criterion(run(meetsAllRecord()), 'complex-needs');
    expect(c.reason).toBe('3 active chronic conditions: heart failure, type 2 diabetes, COPD');
    expect(c.evidence).toEqual(['Condition/hf', 'Condition/dm', 'Condition/copd']);
  });
  it('not-met: one chronic condition and no discharge, and attestation cannot fix it', () => {
    const record = withRecord((r) => ({ conditions: r.conditions.filter((c) => c.ref === 'Condition/hf') }));
    const e = evaluate(record, {
      asOf: AS_OF,
      policy: policy('default'),
      attestations: [
        {
          criterion: 'complex-needs',
          note: 'she is complex',
          by: 'Practitioner/cm-rivera',
          at: '2026-11-20T10:00:00Z',
        },
      ],
    });
    expect(criterion(e, 'complex-needs').status).toBe('not-met');
    expect(e.status).toBe('not-billable');
    expect(e.attestations[0]?.applied).toBe(false);
  });
  it('not-met: a condition diagnosed 30 days ago is not yet chronic (90-day rule)', () => {
    const record = withRecord(() => ({
      conditions: [
        condition('a', '84114007', 'HF', { onset: '2026-10-20' }),
        condition('b', '44054006', 'T2D', { onset: '2026-10-21' }),
      ],
    }));
    expect(criterion(run(record), 'complex-needs').status).toBe('not-met');
  });
  it('met: an inpatient stay that ended 10 days before the period is a transition of care', () => {
    const record = withRecord((r) => ({
      conditions: r.conditions.slice(0, 1),
      encounters: [...r.encounters, encounter('imp', 'IMP', '2026-10-18T08:00:00Z', '2026-10-22T12:00:00Z')],
    }));
    const c = criterion(run(record), 'complex-needs');
    expect(c.status).toBe('met');
    expect(c.evidence[0]).toBe('Encounter/imp');
  });
  it('missing: no conditions at all', () => {
    expect(criterion(run(withRecord(() => ({ conditions: [] }))), 'complex-needs').status).toBe('missing');
  });
  it('resolved and entered-in-error conditions do not count', () => {
    const record = withRecord(() => ({
      conditions: [
        condition('a', '84114007', 'HF', { onset: '2020-01-01', clinicalStatus: 'resolved' }),
        condition('b', '44054006', 'T2D', { onset: '2020-01-01', verificationStatus: 'entered-in-error' }),
        condition('c', '13645005', 'COPD', { onset: '2020-01-01', abatement: '2026-11-02' }),
      ],
    }));
    expect(criterion(run(record), 'complex-needs').status).toBe('not-met');
  });
});

describe('problem-list-review', () => {
  it('missing when nothing was recorded or updated in the period', () => {
    const record = withRecord((r) => ({
      conditions: r.conditions.map((c) => ({ ...c, recordedDate: '2020-01-01' })),
      carePlans: r.carePlans.map((p) => ({ ...p, created: '2020-01-01' })),
    }));
    const c = criterion(run(record), 'problem-list-review');
    expect(c.status).toBe('missing');
    expect(c.evidence.length).toBeGreaterThan(0);
  });
  it('met by a care plan updated in the period that addresses a condition', () => {
    const record = withRecord((r) => ({
      conditions: r.conditions.map((c) => ({ ...c, recordedDate: '2020-01-01' })),
    }));
    const c = criterion(run(record), 'problem-list-review');
    expect(c.status).toBe('met');
    expect(c.evidence).toContain('CarePlan/cp1');
  });
});

describe('medication-reconciliation', () => {
  it('missing with the order list as evidence when only MedicationRequests exist', () => {
    const record = withRecord(() => ({
      procedures: [],
      medications: [
        medication('r1', 'MedicationRequest', { asserted: '2026-11-02' }),
        medication('r2', 'MedicationRequest'),
      ],
      medicationSource: 'MedicationRequest',
    }));
    const c = criterion(run(record), 'medication-reconciliation');
    expect(c.status).toBe('missing');
    expect(c.evidence).toEqual(['MedicationRequest/r1', 'MedicationRequest/r2']);
    expect(c.reason).toMatch(/order list/);
  });
  it('met by a MedicationStatement asserted in the period', () => {
    const c = criterion(run(withRecord(() => ({ procedures: [] }))), 'medication-reconciliation');
    expect(c).toMatchObject({ status: 'met', evidence: ['MedicationStatement/ms1'] });
  });
  it('attested with a note turns missing into attested and records who and when', () => {
    const record = withRecord(() => ({ procedures: [], medications: [] }));
    const e = evaluate(record, {
      asOf: AS_OF,
      policy: policy('default'),
      attestations: [
        {
          criterion: 'medication-reconciliation',
          note: 'Reviewed pill bottles by phone',
          by: 'Practitioner/cm-rivera',
          at: '2026-11-20T10:00:00Z',
        },
      ],
    });
    const c = criterion(e, 'medication-reconciliation');
    expect(c.status).toBe('attested');
    expect(c.attestation).toMatchObject({
      by: 'Practitioner/cm-rivera',
      at: '2026-11-20T10:00:00Z',
      applied: true,
    });
    expect(e.status).toBe('ready');
  });
  it('a blank note is not an attestation', () => {
    const record = withRecord(() => ({ procedures: [], medications: [] }));
    const e = evaluate(record, {
      asOf: AS_OF,
      policy: policy('default'),
      attestations: [
        { criterion: 'medication-reconciliation', note: '   ', by: 'u', at: '2026-11-20T10:00:00Z' },
      ],
    });
    expect(criterion(e, 'medication-reconciliation').status).toBe('missing');
    expect(e.status).toBe('incomplete');
  });
});

describe('assessment, care plan, goals, barriers, coordination', () => {
  it('assessment missing when the only screening is from last month', () => {
    const record = withRecord(() => ({ observations: [observation('old', ['survey'], '2026-10-15')] }));
    expect(criterion(run(record), 'assessment').status).toBe('missing');
  });
  it('care-plan missing when the plan is completed; care-plan-updated missing when not touched this month', () => {
    const done = run(
      withRecord((r) => ({ carePlans: r.carePlans.map((p) => ({ ...p, status: 'completed' })) })),
    );
    expect(criterion(done, 'care-plan').status).toBe('missing');
    const stale = run(
      withRecord((r) => ({ carePlans: r.carePlans.map((p) => ({ ...p, created: '2025-01-01' })) })),
    );
    expect(criterion(stale, 'care-plan').status).toBe('met');
    expect(criterion(stale, 'care-plan-updated').status).toBe('missing');
  });
  it('care-plan-updated met by activity progress in the period', () => {
    const record = withRecord(() => ({
      carePlans: [
        carePlan('cp2', {
          created: '2025-01-01',
          activities: [{ status: 'in-progress', progressDates: ['2026-11-12'] }],
        }),
      ],
    }));
    expect(criterion(run(record), 'care-plan-updated')).toMatchObject({
      status: 'met',
      evidence: ['CarePlan/cp2'],
    });
  });
  it('goals missing when every goal is completed and the plan links none', () => {
    const record = withRecord((r) => ({
      goals: [goal('g1', { lifecycleStatus: 'completed' })],
      carePlans: r.carePlans.map((p) => ({ ...p, goals: [] })),
    }));
    expect(criterion(run(record), 'goals').status).toBe('missing');
  });
  it('barriers met by an SDOH observation in the period; missing without social needs', () => {
    const noSocial = withRecord((r) => ({
      conditions: r.conditions.filter((c) => c.ref !== 'Condition/food'),
    }));
    expect(criterion(run(noSocial), 'barriers').status).toBe('missing');
    const screened = { ...noSocial, observations: [observation('hvs', ['sdoh', 'survey'], '2026-11-04')] };
    expect(criterion(run(screened), 'barriers')).toMatchObject({
      status: 'met',
      evidence: ['Observation/hvs'],
    });
  });
  it('care-coordination: a message to the patient only is not coordination', () => {
    const record = withRecord(() => ({
      communications: [communication('c9', '2026-11-05', ['Patient/p1'])],
    }));
    expect(criterion(run(record), 'care-coordination').status).toBe('missing');
  });
});

describe('time', () => {
  it('missing without documented time, attested with minutes, and minutes carry their sources', () => {
    const record = withRecord(() => ({ encounters: [] }));
    expect(criterion(run(record), 'time').status).toBe('missing');
    const e = evaluate(record, {
      asOf: AS_OF,
      policy: policy('default'),
      attestations: [
        {
          criterion: 'time',
          note: 'Phone calls',
          minutes: 12,
          by: 'Practitioner/cm-rivera',
          at: '2026-11-20T10:00:00Z',
        },
      ],
    });
    expect(criterion(e, 'time').status).toBe('attested');
    expect(e.minutes).toMatchObject({ total: 12, documented: 0, attested: 12 });
    expect(e.minutes.sources[0]).toMatchObject({ kind: 'attested', minutes: 12 });
  });
  it('an inpatient stay is not case-management time; Encounter.length wins over the period', () => {
    const record = withRecord(() => ({
      encounters: [
        encounter('stay', 'IMP', '2026-11-02T00:00:00Z', '2026-11-04T00:00:00Z'),
        encounter('call', 'VR', '2026-11-06T10:00:00Z', '2026-11-06T11:00:00Z', { lengthMinutes: 25 }),
      ],
    }));
    const e = run(record);
    expect(e.minutes.documented).toBe(25);
    expect(e.minutes.sources).toEqual([
      { kind: 'encounter', ref: 'Encounter/call', minutes: 25, basis: 'Encounter.length' },
    ]);
  });
  it('units are 1 per service period whatever the minutes (the descriptor names no time unit)', () => {
    expect(run(meetsAllRecord()).units).toMatchObject({ quantity: 1 });
  });
});

describe('case-manager', () => {
  it('missing when the signed-in user is a physician without a case-manager role', () => {
    const e = run({ ...meetsAllRecord(), user: 'Practitioner/dr-okafor' });
    expect(criterion(e, 'case-manager')).toMatchObject({
      status: 'missing',
      evidence: ['Practitioner/dr-okafor'],
    });
  });
  it('met when the signed-in user holds the case-manager role', () => {
    const e = run({ ...meetsAllRecord(), user: 'Practitioner/cm-rivera' });
    expect(criterion(e, 'case-manager').status).toBe('met');
  });
});

describe('coverage', () => {
  it('missing without Coverage, and it cannot be attested', () => {
    const e = evaluate(
      withRecord(() => ({ coverages: [] })),
      {
        asOf: AS_OF,
        policy: policy('default'),
        attestations: [{ criterion: 'coverage', note: 'has insurance', by: 'u', at: '2026-11-20T10:00:00Z' }],
      },
    );
    expect(criterion(e, 'coverage')).toMatchObject({ status: 'missing', attestable: false });
    expect(e.status).toBe('incomplete');
  });
  it('not-met when the only Coverage ended before the period', () => {
    const record = withRecord(() => ({
      coverages: [
        coverage('old', ['Organization/acme'], { period: { start: '2020-01-01', end: '2026-06-30' } }),
      ],
    }));
    expect(criterion(run(record), 'coverage').status).toBe('not-met');
  });
});

describe('not-elsewhere-classified and diagnosis-codes', () => {
  it('missing when CCM fits, attested once the user confirms G9012 with a note', () => {
    const record = withRecord((r) => ({
      encounters: r.encounters.map((e) => ({
        ...e,
        period: { start: '2026-11-03T09:00:00Z', end: '2026-11-03T09:40:00Z' },
      })),
    }));
    const e = run(record);
    expect(criterion(e, 'not-elsewhere-classified').status).toBe('missing');
    expect(e.codeFit.alternatives.map((a) => a.code)).toEqual(['99490']);
    const confirmed = evaluate(record, {
      asOf: AS_OF,
      policy: policy('default'),
      attestations: [
        {
          criterion: 'not-elsewhere-classified',
          note: 'No consent for CCM; programme service',
          by: 'Practitioner/cm-rivera',
          at: '2026-11-20T10:00:00Z',
        },
      ],
    });
    expect(criterion(confirmed, 'not-elsewhere-classified').status).toBe('attested');
    expect(confirmed.codeFit.confirmation?.note).toBe('No consent for CCM; programme service');
  });
  it('SNOMED-only conditions: suggestions are missing until confirmed, then attested', () => {
    const record = withRecord((r) => ({ conditions: r.conditions.filter((c) => c.ref !== 'Condition/dm') }));
    const e = run(record);
    expect(criterion(e, 'diagnosis-codes').status).toBe('missing');
    expect(e.diagnoses[0]).toMatchObject({
      code: 'I50.9',
      suggested: true,
      confirmed: false,
      fromSnomed: '84114007',
    });
    const ok = evaluate(record, {
      asOf: AS_OF,
      policy: policy('default'),
      confirmations: {
        diagnoses: [{ condition: 'Condition/hf', code: 'I50.9', by: 'u', at: '2026-11-20T10:00:00Z' }],
      },
    });
    expect(criterion(ok, 'diagnosis-codes').status).toBe('attested');
    expect(ok.diagnoses[0]?.confirmed).toBe(true);
  });
  it('chronic conditions come first in the diagnosis list', () => {
    const record = withRecord((r) => ({
      conditions: [condition('new', '38341003', 'Hypertension', { onset: '2026-11-01' }), ...r.conditions],
    }));
    const codes = run(record).diagnoses.map((d) => [d.code, d.chronic]);
    expect(codes.at(-1)).toEqual(['I10', false]);
  });
});

it('time-limited procedures without a period add no minutes', () => {
  const record = withRecord(() => ({
    encounters: [],
    procedures: [procedure('x', '1', 'x', '2026-11-02', '2026-11-02')],
  }));
  expect(run(record).minutes.total).toBe(0);
});
