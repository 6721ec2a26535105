import { describe, expect, it } from 'vitest';
import { type FhirReader, serverSource } from './server-source.ts';

const condition = { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p1' } };

function fakeServer(): { reader: FhirReader; paths: string[] } {
  const paths: string[] = [];
  const reader: FhirReader = (path) => {
    paths.push(path);
    if (path === 'Condition/c1') {
      return Promise.resolve({ status: 200, body: condition });
    }
    if (path === 'Communication/gone') {
      return Promise.resolve({ status: 410 });
    }
    if (path === 'Goal/boom') {
      return Promise.reject(new Error('network'));
    }
    if (path.startsWith('Condition?patient=p1')) {
      return Promise.resolve({
        status: 200,
        body: { resourceType: 'Bundle', entry: [{ resource: condition }] },
      });
    }
    if (path === 'Claim?_id=x&_revinclude=Provenance:target') {
      // The draft itself and, included, its Provenance (and the one the target search also finds).
      return Promise.resolve({
        status: 200,
        body: {
          resourceType: 'Bundle',
          entry: [
            { resource: { resourceType: 'Claim', id: 'x' }, search: { mode: 'match' } },
            { resource: { resourceType: 'Provenance', id: 'pv' }, search: { mode: 'include' } },
            { resource: { resourceType: 'Provenance', id: 'pv-2' }, search: { mode: 'include' } },
          ],
        },
      });
    }
    if (path.startsWith('Provenance?target=')) {
      return Promise.resolve({
        status: 200,
        body: { resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Provenance', id: 'pv' } }] },
      });
    }
    return Promise.resolve({ status: 404 });
  };
  return { reader, paths };
}

describe('serverSource', () => {
  it('reads by reference and tells deleted (410), absent (404) and unreachable apart', async () => {
    const { reader } = fakeServer();
    const source = serverSource(reader);
    expect(await source.read('Condition/c1')).toEqual({ found: true, resource: condition });
    expect(await source.read('Communication/gone')).toMatchObject({ found: false, reason: 'gone' });
    expect(await source.read('Communication/none')).toMatchObject({ found: false, reason: 'not-found' });
    expect(await source.read('Goal/boom')).toMatchObject({ found: false, reason: 'error' });
    expect(await source.read('https://elsewhere.example/x')).toMatchObject({ found: false });
  });

  it("reads the patient's resources in one wave and finds Provenance by target", async () => {
    const { reader, paths } = fakeServer();
    const source = serverSource(reader);
    expect(await source.patientResources?.('Patient/p1')).toEqual([condition]);
    expect(paths).toContain('Coverage?beneficiary=p1&_count=200');
    expect(await source.provenanceFor?.({ ref: 'Claim/x' })).toEqual([
      { resourceType: 'Provenance', id: 'pv' },
      { resourceType: 'Provenance', id: 'pv-2' },
    ]);
    expect(paths).toContain('Provenance?target=Claim%2Fx');
    expect(paths).toContain('Claim?_id=x&_revinclude=Provenance:target');
  });
});
