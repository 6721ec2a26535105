import { describe, expect, it } from 'vitest';
import { planDraftWrite, supportsTransaction } from './write-plan.ts';

function capability(types: Record<string, string[]>, system: string[] = ['transaction']) {
  return {
    resourceType: 'CapabilityStatement',
    rest: [
      {
        mode: 'server',
        interaction: system.map((code) => ({ code })),
        resource: Object.entries(types).map(([type, codes]) => ({
          type,
          interaction: codes.map((code) => ({ code })),
        })),
      },
    ],
  };
}

const full = capability({
  ChargeItem: ['read', 'create'],
  Claim: ['read', 'create'],
  Provenance: ['create'],
});
const granted = ['launch', 'user/ChargeItem.c', 'user/Claim.c', 'user/Provenance.c', 'patient/*.rs'];

describe('planDraftWrite', () => {
  it('writes to the server when the granted scopes and the CapabilityStatement allow it', () => {
    expect(
      planDraftWrite({ kind: 'claim', capabilityStatement: full, grantedScopes: granted, authorized: true }),
    ).toEqual({ where: 'server', mode: 'transaction' });
  });

  it('names the write scopes that were not granted, whatever was requested', () => {
    expect(
      planDraftWrite({
        kind: 'chargeitem',
        capabilityStatement: full,
        grantedScopes: ['patient/*.rs'],
        authorized: true,
        writeTarget: { name: 'Billing', url: 'https://billing.test/fhir' },
      }),
    ).toEqual({
      where: 'elsewhere',
      reason: 'scope-not-granted',
      missingScopes: ['user/ChargeItem.c', 'user/Provenance.c'],
      notCreatable: [],
      offers: ['download', 'copy', 'write-target'],
    });
  });

  it('says an Epic-like server (Claim read-only, no ChargeItem) cannot take the write', () => {
    const epic = capability({ Claim: ['read', 'search-type'], Provenance: ['read'] });
    expect(
      planDraftWrite({ kind: 'claim', capabilityStatement: epic, grantedScopes: granted, authorized: true }),
    ).toMatchObject({
      where: 'elsewhere',
      reason: 'server-cannot-create',
      notCreatable: ['Claim', 'Provenance'],
    });
    expect(
      planDraftWrite({
        kind: 'chargeitem',
        capabilityStatement: epic,
        grantedScopes: granted,
        authorized: true,
      }),
    ).toMatchObject({
      where: 'elsewhere',
      notCreatable: ['ChargeItem', 'Provenance'],
      offers: ['download', 'copy'],
    });
  });

  it('an open server needs no scopes; no transaction in its CapabilityStatement means separate creates', () => {
    const open = capability({ ChargeItem: ['create'], Provenance: ['create'] }, ['batch', 'history-system']);
    expect(
      planDraftWrite({ kind: 'chargeitem', capabilityStatement: open, grantedScopes: [], authorized: false }),
    ).toEqual({ where: 'server', mode: 'separate' });
  });

  it('does not write blind when the CapabilityStatement could not be read', () => {
    expect(
      planDraftWrite({
        kind: 'claim',
        capabilityStatement: undefined,
        grantedScopes: granted,
        authorized: true,
      }),
    ).toMatchObject({ where: 'elsewhere', reason: 'capability-unknown' });
  });
});

describe('supportsTransaction', () => {
  it('is undefined when the server lists no system interactions', () => {
    expect(supportsTransaction(capability({}, []))).toBeUndefined();
    expect(supportsTransaction(full)).toBe(true);
  });
});
