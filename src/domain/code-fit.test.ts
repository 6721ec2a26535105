import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from './builtin-policies.ts';
import { evaluate } from './evaluate.ts';
import type { Evaluation } from './evaluation.ts';
import type { PatientRecord } from './record.ts';
import { condition, encounter, meetsAllRecord, observation } from './test-records.ts';

function run(record: PatientRecord, policyId = 'default'): Evaluation {
  const policy = BUILTIN_POLICIES.find((p) => p.id === policyId);
  if (!policy) {
    throw new Error(policyId);
  }
  return evaluate(record, { asOf: '2026-11-20', policy });
}

/** meets-all with the case-management visit lasting `minutes`. */
function withMinutes(minutes: number, change: Partial<PatientRecord> = {}): PatientRecord {
  const r = meetsAllRecord();
  const end = new Date(Date.UTC(2026, 10, 3, 9, minutes)).toISOString();
  return {
    ...r,
    encounters: [
      encounter('e1', 'AMB', '2026-11-03T09:00:00.000Z', end, { participants: ['Practitioner/cm-rivera'] }),
    ],
    ...change,
  };
}

const codes = (e: Evaluation) => e.codeFit.alternatives.map((a) => a.code);

describe('code fit', () => {
  it('CCM 99490 needs 2+ chronic conditions, an active care plan and at least 20 minutes', () => {
    expect(codes(run(withMinutes(19)))).toEqual([]);
    const fit = run(withMinutes(20)).codeFit.alternatives[0];
    expect(fit).toMatchObject({ code: '99490', family: 'CCM', system: 'http://www.ama-assn.org/go/cpt' });
    expect(fit?.source).toMatch(/MLN909188/);
    expect(fit?.evidence).toContain('CarePlan/cp1');
    expect(codes(run(withMinutes(40, { carePlans: [] })))).toEqual([]);
  });

  it('TCM 99495 fits an inpatient discharge within 29 days before as-of, not an older one', () => {
    const recent = withMinutes(10, {
      encounters: [encounter('imp', 'IMP', '2026-10-20T08:00:00Z', '2026-10-25T10:00:00Z')],
    });
    expect(codes(run(recent))).toEqual(['99495']);
    const old = withMinutes(10, {
      encounters: [encounter('imp', 'IMP', '2026-10-01T08:00:00Z', '2026-10-20T10:00:00Z')],
    });
    expect(codes(run(old))).toEqual([]);
  });

  it('PCM 99426 and PIN G0023 fit a single chronic condition with enough minutes', () => {
    const single = (minutes: number) =>
      withMinutes(minutes, {
        conditions: [condition('hf', '84114007', 'Heart failure', { onset: '2020-01-01' })],
      });
    expect(codes(run(single(29)))).toEqual([]);
    expect(codes(run(single(30)))).toEqual(['99426']);
    expect(codes(run(single(60)))).toEqual(['99426', 'G0023']);
  });

  it('CHI G0019 needs an SDOH need and 60 minutes', () => {
    const r = withMinutes(60, {
      conditions: [condition('hf', '84114007', 'HF', { onset: '2020-01-01' })],
      observations: [observation('hvs', ['sdoh'], '2026-11-03')],
    });
    expect(codes(run(r))).toContain('G0019');
    expect(codes(run({ ...r, observations: [] }))).not.toContain('G0019');
  });

  it('APCM is offered only under a Medicare policy; T1016 only under Medicaid (each 15 minutes)', () => {
    expect(codes(run(withMinutes(10), 'medicare'))).toEqual(['G0557']);
    expect(codes(run(withMinutes(10), 'aetna'))).toEqual([]);
    expect(codes(run(withMinutes(14), 'medicaid'))).toEqual([]);
    expect(codes(run(withMinutes(15), 'medicaid'))).toEqual(['T1016']);
  });

  it('every alternative cites a SOURCES.md section', () => {
    const all = run(
      withMinutes(60, {
        encounters: [
          encounter('e1', 'AMB', '2026-11-03T09:00:00Z', '2026-11-03T10:00:00Z'),
          encounter('imp', 'IMP', '2026-11-05T08:00:00Z', '2026-11-08T10:00:00Z'),
        ],
        observations: [observation('hvs', ['sdoh'], '2026-11-03')],
      }),
      'medicare',
    );
    expect(codes(all)).toEqual(['99490', '99495', 'G0019', 'G0557']);
    for (const a of all.codeFit.alternatives) {
      expect(a.source).toMatch(/SOURCES\.md §\d/);
    }
  });
});
