import { describe, expect, it } from 'vitest';
import { withAbsoluteReferences } from './absolute-references.ts';
import { aliceDraft } from './evaluation-fixture.ts';

describe('withAbsoluteReferences', () => {
  it('points every evidence, patient and user reference at the EHR, and keeps the Bundle-internal target', () => {
    const built = aliceDraft('claim');
    const before = JSON.stringify(built);
    const moved = withAbsoluteReferences(built, 'https://ehr.example.org/fhir/');
    expect(JSON.stringify(built)).toBe(before);
    const claim = moved.resource.resourceType === 'Claim' ? moved.resource : undefined;
    expect(claim?.patient.reference).toBe('https://ehr.example.org/fhir/Patient/alice');
    expect(claim?.insurance[0]?.coverage.reference).toBe('https://ehr.example.org/fhir/Coverage/aetna');
    expect(claim?.supportingInfo?.[0]?.valueReference?.reference).toMatch(
      /^https:\/\/ehr\.example\.org\/fhir\//,
    );
    expect(moved.provenance.target).toEqual([{ reference: 'urn:uuid:6f1c2a3e-0000-4000-8000-000000000001' }]);
    expect(moved.provenance.entity?.[0]?.what.reference).toMatch(/^https:\/\/ehr\.example\.org\/fhir\//);
    expect(claim?.identifier).toEqual(built.resource.identifier);
  });
});
