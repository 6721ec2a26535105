import { describe, expect, it } from 'vitest';
import { findPatientDrafts } from './patient-drafts.ts';
import type { FhirReader } from './server-source.ts';

function searchset(...resources: unknown[]) {
  return { resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) };
}

describe('findPatientDrafts', () => {
  it('finds the patient’s ChargeItems and Claims, newest first, with status and service period', async () => {
    const asked: string[] = [];
    const reader: FhirReader = async (path) => {
      asked.push(path);
      if (path.startsWith('ChargeItem?')) {
        return {
          status: 200,
          body: searchset({
            resourceType: 'ChargeItem',
            id: 'ci-1',
            status: 'planned',
            occurrencePeriod: { start: '2026-11-01', end: '2026-11-30' },
            meta: { lastUpdated: '2026-11-20T10:00:00Z' },
          }),
        };
      }
      return {
        status: 200,
        body: searchset(
          {
            resourceType: 'Claim',
            id: 'cl-1',
            status: 'draft',
            item: [{ servicedPeriod: { start: '2026-10-01T00:00:00Z', end: '2026-10-31' } }],
            meta: { lastUpdated: '2026-11-21T10:00:00Z' },
          },
          { resourceType: 'Claim', id: 'bad id <script>' },
          { resourceType: 'Patient', id: 'p1' },
        ),
      };
    };
    const found = await findPatientDrafts(reader, 'p1');
    expect(asked.sort()).toEqual([
      'ChargeItem?subject=Patient/p1&_count=50',
      'Claim?patient=Patient/p1&_count=50',
    ]);
    expect(found).toEqual({
      drafts: [
        {
          reference: 'Claim/cl-1',
          status: 'draft',
          start: '2026-10-01',
          end: '2026-10-31',
          updated: '2026-11-21T10:00:00Z',
        },
        {
          reference: 'ChargeItem/ci-1',
          status: 'planned',
          start: '2026-11-01',
          end: '2026-11-30',
          updated: '2026-11-20T10:00:00Z',
        },
      ],
      unsearched: [],
    });
  });

  it('reports a search that failed or threw instead of throwing, and never searches a bad patient id', async () => {
    const reader: FhirReader = async (path) => {
      if (path.startsWith('Claim?')) {
        throw new Error('offline');
      }
      return { status: 403 };
    };
    expect(await findPatientDrafts(reader, 'p1')).toEqual({
      drafts: [],
      unsearched: ['ChargeItem', 'Claim'],
    });
    let called = false;
    const never: FhirReader = async () => {
      called = true;
      return { status: 200 };
    };
    expect((await findPatientDrafts(never, 'p1&_include=*')).unsearched).toEqual(['ChargeItem', 'Claim']);
    expect(called).toBe(false);
  });
});
