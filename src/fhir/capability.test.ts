import { describe, expect, it } from 'vitest';
import { capabilityFrom, serverHasType } from './capability.ts';

describe('capabilityFrom', () => {
  it('lists the server mode types and which can be created', () => {
    const capability = capabilityFrom({
      resourceType: 'CapabilityStatement',
      rest: [
        { mode: 'client', resource: [{ type: 'Basic', interaction: [{ code: 'create' }] }] },
        {
          mode: 'server',
          interaction: [{ code: 'transaction' }, { code: 'batch' }],
          resource: [
            { type: 'MedicationRequest', interaction: [{ code: 'read' }] },
            { type: 'Claim', interaction: [{ code: 'read' }, { code: 'search-type' }] },
            { type: 'ChargeItem', interaction: [{ code: 'create' }] },
          ],
        },
      ],
    });
    expect(capability).toEqual({
      types: ['MedicationRequest', 'Claim', 'ChargeItem'],
      creatable: ['ChargeItem'],
      transaction: true,
    });
    expect(capability && serverHasType(capability, 'MedicationStatement')).toBe(false);
  });

  it('rules nothing out when the server lists no resources, and refuses what is not a CapabilityStatement', () => {
    const open = capabilityFrom({ resourceType: 'CapabilityStatement', rest: [{ mode: 'server' }] });
    expect(open && serverHasType(open, 'Goal')).toBe(true);
    expect(open?.transaction).toBeUndefined();
    expect(capabilityFrom({ resourceType: 'OperationOutcome' })).toBeUndefined();
  });
});
