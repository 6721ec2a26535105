import { describe, expect, it } from 'vitest';
import { withAbsoluteReferences } from './absolute-references.ts';
import { buildDraft } from './build-draft.ts';
import { aliceRecord, readyEvaluation } from './evaluation-fixture.ts';

describe('withAbsoluteReferences', () => {
  it('points every evidence, patient and user reference at the EHR, and keeps the Bundle-internal target', () => {
    const built = buildDraft({
      kind: 'claim',
      evaluation: readyEvaluation(),
      record: aliceRecord(),
      choices: {},
      asOf: '2026-11-20',
      recorded: '2026-11-20T10:00:00Z',
      ids: {
        draft: '6f1c2a3e-0000-4000-8000-000000000001',
        provenance: '6f1c2a3e-0000-4000-8000-000000000002',
      },
      app: { name: 'G9012 case-management app', version: '0.1.0' },
    });
    if (!built.ok) {
      throw new Error(built.reason);
    }
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
