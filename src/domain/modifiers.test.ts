import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from './builtin-policies.ts';
import { evaluate } from './evaluate.ts';
import type { Confirmations, Evaluation } from './evaluation.ts';
import type { PatientRecord } from './record.ts';
import { encounter, meetsAllRecord } from './test-records.ts';

const JUSTIFIED = {
  code: '22',
  justification: 'Three home visits and an interpreter: about twice the usual work',
  by: 'Practitioner/cm-rivera',
  at: '2026-11-20T10:00:00Z',
} as const;

function run(
  policyId: string,
  confirmations: Confirmations,
  record: PatientRecord = meetsAllRecord(),
): Evaluation {
  const policy = BUILTIN_POLICIES.find((p) => p.id === policyId);
  if (!policy) {
    throw new Error(policyId);
  }
  return evaluate(record, { asOf: '2026-11-20', policy, confirmations });
}

describe('modifier 22', () => {
  it('Medicare refuses it, with the Noridian JE reason, and warns', () => {
    const e = run('medicare', { modifiers: [JUSTIFIED] });
    expect(e.modifiers.applied).toEqual([]);
    expect(e.modifiers.rejected[0]).toMatchObject({
      code: '22',
      reason: expect.stringMatching(/0, 10 or 90-day global/),
    });
    expect(e.modifiers.rejected[0]?.source).toMatch(/Noridian JE Part B 'Modifier 22'/);
    expect(
      e.warnings.some(
        (w) => w.kind === 'modifier' && w.message.startsWith('Modifier 22 not added for Medicare'),
      ),
    ).toBe(true);
  });

  it('is added for a payer without a published rule only with a justification, with a verify-with-payer warning', () => {
    const e = run('aetna', { modifiers: [JUSTIFIED] });
    expect(e.modifiers.applied).toEqual([
      {
        code: '22',
        reason: `Justified by an unknown user: ${JUSTIFIED.justification}`,
        source: 'not published — verify with payer',
      },
    ]);
    expect(e.warnings.map((w) => w.message)).toContain(
      'Aetna: modifier 22 on G9012 — not published — verify with payer',
    );
  });

  it('is never added without a written justification', () => {
    const e = run('aetna', { modifiers: [{ ...JUSTIFIED, justification: '  ' }] });
    expect(e.modifiers.applied).toEqual([]);
    expect(e.modifiers.rejected[0]?.reason).toMatch(/written justification/);
  });

  it('is not added when nobody asks for it', () => {
    expect(run('aetna', {}).modifiers).toEqual({ applied: [], rejected: [] });
  });
});

describe('telehealth and place of service', () => {
  const virtual: PatientRecord = {
    ...meetsAllRecord(),
    encounters: [encounter('call', 'VR', '2026-11-03T09:00:00Z', '2026-11-03T09:18:00Z')],
  };

  it('a virtual encounter gives telehealth candidates 02 or 10, never a guessed one', () => {
    const e = run('medicare', {}, virtual);
    expect(e.placeOfService).toMatchObject({ candidates: ['02', '10'], encounter: 'Encounter/call' });
    expect(e.placeOfService?.code).toBeUndefined();
  });

  it('Medicare adds no 95 for audio-video (NGS 2024: POS identifies telehealth)', () => {
    const e = run('medicare', { delivery: 'audio-video' }, virtual);
    expect(e.modifiers.applied).toEqual([]);
  });

  it('a payer without a published telehealth rule warns', () => {
    const e = run('cigna', { delivery: 'audio-only' }, virtual);
    expect(
      e.warnings.some((w) => w.message.includes('telehealth') && w.message.includes('not published')),
    ).toBe(true);
  });

  it('a home-health encounter is place of service 12', () => {
    const home = {
      ...meetsAllRecord(),
      encounters: [encounter('hh', 'HH', '2026-11-03T09:00:00Z', '2026-11-03T09:30:00Z')],
    };
    expect(run('default', {}, home).placeOfService).toMatchObject({ code: '12', candidates: ['12'] });
  });
});
