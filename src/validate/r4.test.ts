import type { Claim } from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeR4Validator } from './node-definitions.ts';
import type { R4Validator } from './r4.ts';

const claim: Claim = {
  resourceType: 'Claim',
  status: 'draft',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
  use: 'claim',
  patient: { reference: 'Patient/alice' },
  created: '2026-11-20',
  provider: { reference: 'Practitioner/nurse-nina' },
  priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
  insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/aetna' } }],
};

let validator: R4Validator;
beforeAll(async () => {
  validator = await loadNodeR4Validator();
});

describe('R4 validator', () => {
  it('accepts a minimal valid Claim', () => {
    expect(validator.validate(claim)).toEqual([]);
  });

  // Found by the review property test (seed 891659590): a key named like an Object.prototype member crashed.
  it('reports a prototype-named key such as toString as an issue instead of throwing', () => {
    const issues = validator.validate({ ...claim, toString: null, constructor: { x: 1 } });
    expect(issues.length).toBeGreaterThan(0);
  });

  it('rejects a Claim without insurance (R4 Claim.insurance 1..*)', () => {
    const { insurance: _, ...noInsurance } = claim;
    expect(validator.validate(noInsurance)).toContainEqual(
      expect.objectContaining({ severity: 'error', path: 'Claim.insurance' }),
    );
  });

  it('rejects codes outside required bindings, which validateResource alone accepts', () => {
    const issues = validator.validate({ ...claim, status: 'bogus', use: 'foo' });
    expect(issues.map((i) => i.path)).toEqual(['Claim.status', 'Claim.use']);
    expect(issues[0]?.message).toContain('fm-status');
  });

  it('checks required bindings inside backbone elements and contained resources', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ resource: { ...claim, status: 'final' }, request: { method: 'SEND', url: 'Claim' } }],
    };
    const paths = validator.validate(bundle).map((i) => i.path);
    expect(paths).toContain('Bundle.entry[0].resource.status');
    expect(paths).toContain('Bundle.entry[0].request.method');
  });

  it('reports unknown properties and non-objects without throwing', () => {
    expect(validator.validate({ ...claim, surprise: 1 })[0]?.message).toContain('surprise');
    expect(validator.validate('not json')[0]?.severity).toBe('error');
  });
});
