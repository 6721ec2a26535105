import { parseSearchRequest } from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';
import type { Condition } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFhirDefinitions } from './definitions.ts';
import { SandboxRepository } from './sandbox-repository.ts';

const PATIENTS = 30;
const CONDITIONS = 1500;

function condition(i: number): Condition {
  return {
    resourceType: 'Condition',
    id: `c${i}`,
    subject: { reference: `Patient/p${i % PATIENTS}` },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006' }] },
    recordedDate: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
  };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

beforeAll(() => {
  loadFhirDefinitions();
});

describe('patient search over 1,500 Conditions', () => {
  it('uses the per-type patient index: same results as medplum alone, many times faster', async () => {
    const plain = new MemoryRepository();
    const indexed = new SandboxRepository();
    for (let i = 0; i < CONDITIONS; i++) {
      await plain.createResource(condition(i));
      await indexed.createResource(condition(i));
    }
    const request = () => parseSearchRequest('Condition', { patient: 'Patient/p7', _count: '1000' });
    const before = await timed(() => plain.search(request()));
    const cold = await timed(() => indexed.search(request()));
    const after = await timed(() => indexed.search(request()));
    const ids = (bundle: typeof before.result) => (bundle.entry ?? []).map((e) => e.resource?.id).sort();
    expect(ids(after.result)).toEqual(ids(before.result));
    expect(after.result.total).toBe(CONDITIONS / PATIENTS);
    console.log(
      `Condition?patient over ${CONDITIONS}: MemoryRepository ${before.ms.toFixed(0)} ms, SandboxRepository ${after.ms.toFixed(1)} ms (first call ${cold.ms.toFixed(1)} ms)`,
    );
    expect(after.ms).toBeLessThan(before.ms / 5);
    expect(after.ms).toBeLessThan(20);
  });

  it('still finds matches for filters the index cannot use (code search scans the type)', async () => {
    const repo = new SandboxRepository();
    for (let i = 0; i < 60; i++) {
      await repo.createResource(condition(i));
    }
    const bundle = await repo.search(
      parseSearchRequest('Condition', { code: 'http://snomed.info/sct|44054006' }),
    );
    expect(bundle.total).toBe(60);
    expect(bundle.entry).toHaveLength(50);
  });
});
