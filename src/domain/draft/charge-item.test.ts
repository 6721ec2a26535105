import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeR4Validator } from '../../validate/node-definitions.ts';
import type { R4Validator } from '../../validate/r4.ts';
import { buildChargeItem } from './charge-item.ts';
import { aliceRecord, readyEvaluation } from './evaluation-fixture.ts';
import { CHARGE_ITEM_MODIFIER_EXTENSION, SUPPORTS_CRITERION_EXTENSION } from './urls.ts';

let validator: R4Validator;
beforeAll(async () => {
  validator = await loadNodeR4Validator();
});

function chargeItemFor(...args: Parameters<typeof buildChargeItem>) {
  const result = buildChargeItem(...args);
  if (!result.ok) {
    throw new Error(`refused: ${result.reason}`);
  }
  return result.resource;
}

describe('buildChargeItem', () => {
  it('drafts a valid planned ChargeItem for G9012 performed and entered by the user', () => {
    const item = chargeItemFor(readyEvaluation(), aliceRecord(), {}, '2026-11-20');
    expect(validator.validate(item)).toEqual([]);
    expect(item).toMatchObject({
      status: 'planned',
      code: { coding: [{ code: 'G9012' }] },
      subject: { reference: 'Patient/alice' },
      occurrencePeriod: { start: '2026-11-01', end: '2026-11-30' },
      performer: [{ actor: { reference: 'Practitioner/nurse-nina' } }],
      enterer: { reference: 'Practitioner/nurse-nina' },
      enteredDate: '2026-11-20',
      quantity: { value: 1 },
    });
    expect(item.reason?.map((r) => r.coding?.[0]?.code)).toEqual(['E11.9', 'I50.9']);
    expect(item.context).toBeUndefined();
  });

  it('marks which criterion each piece of evidence supports', () => {
    const item = chargeItemFor(readyEvaluation(), aliceRecord(), {}, '2026-11-20');
    expect(item.supportingInformation).toContainEqual({
      extension: [{ url: SUPPORTS_CRITERION_EXTENSION, valueCode: 'care-coordination' }],
      reference: 'Communication/123',
    });
  });

  it('writes attestations as notes by their author, and modifiers as the app extension', () => {
    const evaluation = readyEvaluation({
      modifiers: { applied: [{ code: '95', reason: 'audio-video', source: 'policy' }], rejected: [] },
    });
    const item = chargeItemFor(evaluation, aliceRecord(), { context: 'Encounter/call-1' }, '2026-11-20');
    expect(item.note?.[0]).toMatchObject({
      authorReference: { reference: 'Practitioner/nurse-nina' },
      time: '2026-11-20T09:15:00Z',
    });
    expect(item.extension).toEqual([
      {
        url: CHARGE_ITEM_MODIFIER_EXTENSION,
        valueCoding: { system: 'http://www.ama-assn.org/go/cpt', code: '95' },
      },
    ]);
    expect(item.context).toEqual({ reference: 'Encounter/call-1' });
    expect(validator.validate(item)).toEqual([]);
  });

  it('is drafted without Coverage (coverage is informative for a ChargeItem)', () => {
    const evaluation = readyEvaluation({
      status: 'incomplete',
      blockers: [{ criterion: 'coverage', status: 'missing', reason: 'No active Coverage' }],
      payer: { policyId: 'default', name: 'Default', matchedBy: 'default', detail: 'no coverage' },
    });
    const item = chargeItemFor(evaluation, aliceRecord({ coverages: [] }), {}, '2026-11-20');
    expect(item.identifier?.[0]?.value).toBe('G9012_alice_2026-11-01_2026-11-30_default');
  });

  it('refuses a not-billable evaluation, saying why', () => {
    const evaluation = readyEvaluation({
      status: 'not-billable',
      blockers: [{ criterion: 'complex-needs', status: 'not-met', reason: 'Only one chronic condition' }],
    });
    expect(buildChargeItem(evaluation, aliceRecord(), {}, '2026-11-20')).toEqual({
      ok: false,
      code: 'not-billable',
      reason: 'Not billable: a required criterion is not met, and attestation cannot change that.',
      details: ['complex-needs (not-met): Only one chronic condition'],
    });
  });

  it('refuses an incomplete evaluation, listing what to document or attest', () => {
    const evaluation = readyEvaluation({
      status: 'incomplete',
      blockers: [
        { criterion: 'care-coordination', status: 'missing', reason: 'No communication in November' },
      ],
    });
    expect(buildChargeItem(evaluation, aliceRecord(), {}, '2026-11-20')).toMatchObject({
      ok: false,
      code: 'incomplete',
      details: ['care-coordination (missing): No communication in November'],
    });
  });

  it('never names a performer it does not know', () => {
    expect(
      buildChargeItem(readyEvaluation(), aliceRecord({ user: undefined }), {}, '2026-11-20'),
    ).toMatchObject({
      ok: false,
      code: 'no-provider',
    });
  });
});
