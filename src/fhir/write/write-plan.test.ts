import { describe, expect, it } from 'vitest';
import { capabilityFrom } from '../capability.ts';
import { planDraftWrite } from './write-plan.ts';

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
      planDraftWrite({
        kind: 'claim',
        capability: capabilityFrom(full),
        grantedScopes: granted,
        authorized: true,
      }),
    ).toEqual({ where: 'server', mode: 'transaction' });
  });

  it('names the write scopes that were not granted, whatever was requested', () => {
    expect(
      planDraftWrite({
        kind: 'chargeitem',
        capability: capabilityFrom(full),
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

  it('names missing scopes in the syntax the app asks with (SMART v1)', () => {
    expect(
      planDraftWrite({
        kind: 'claim',
        capability: capabilityFrom(full),
        grantedScopes: ['patient/*.read', 'patient/Claim.write'],
        authorized: true,
        scopeStyle: { context: 'patient', syntax: 'v1' },
      }),
    ).toMatchObject({ where: 'elsewhere', missingScopes: ['patient/Provenance.write'] });
  });

  it('says an Epic-like server (Claim read-only, no ChargeItem) cannot take the write', () => {
    const epic = capability({ Claim: ['read', 'search-type'], Provenance: ['read'] });
    expect(
      planDraftWrite({
        kind: 'claim',
        capability: capabilityFrom(epic),
        grantedScopes: granted,
        authorized: true,
      }),
    ).toMatchObject({
      where: 'elsewhere',
      reason: 'server-cannot-create',
      notCreatable: ['Claim', 'Provenance'],
    });
    expect(
      planDraftWrite({
        kind: 'chargeitem',
        capability: capabilityFrom(epic),
        grantedScopes: granted,
        authorized: true,
      }),
    ).toMatchObject({
      where: 'elsewhere',
      notCreatable: ['ChargeItem', 'Provenance'],
      offers: ['download', 'copy'],
    });
  });

  it('says an Oracle-like server (ChargeItem only through a proprietary $create operation) cannot take it', () => {
    const oracle = {
      resourceType: 'CapabilityStatement',
      rest: [
        {
          mode: 'server',
          resource: [
            {
              type: 'ChargeItem',
              interaction: [{ code: 'read' }],
              operation: [{ name: 'create', definition: 'x' }],
            },
            { type: 'Provenance', interaction: [{ code: 'create' }] },
          ],
        },
      ],
    };
    expect(
      planDraftWrite({
        kind: 'chargeitem',
        capability: capabilityFrom(oracle),
        grantedScopes: granted,
        authorized: true,
      }),
    ).toMatchObject({ where: 'elsewhere', reason: 'server-cannot-create', notCreatable: ['ChargeItem'] });
  });

  it('an open server needs no scopes; no transaction in its CapabilityStatement means separate creates', () => {
    const open = capability({ ChargeItem: ['create'], Provenance: ['create'] }, ['batch', 'history-system']);
    expect(
      planDraftWrite({
        kind: 'chargeitem',
        capability: capabilityFrom(open),
        grantedScopes: [],
        authorized: false,
      }),
    ).toEqual({ where: 'server', mode: 'separate' });
  });

  it('does not write blind when the CapabilityStatement could not be read', () => {
    expect(
      planDraftWrite({
        kind: 'claim',
        capability: undefined,
        grantedScopes: granted,
        authorized: true,
      }),
    ).toMatchObject({ where: 'elsewhere', reason: 'capability-unknown' });
  });
});
