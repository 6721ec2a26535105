import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryCapabilityCache } from '../../src/fhir/capability.ts';
import { loadPatientRecord } from '../../src/fhir/load-record.ts';
import type { TypeProgress } from '../../src/fhir/load-result.ts';
import {
  base,
  condition,
  type FakeFhirServer,
  fakeFhirHandlers,
  fakeFhirServer,
  fakeSession,
  medication,
  patientId,
  testConfig,
  testLoadOptions,
} from './fake-fhir-server.ts';

const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => msw.resetHandlers());
afterAll(() => msw.close());

function serve(server: FakeFhirServer): FakeFhirServer {
  msw.use(...fakeFhirHandlers(server));
  return server;
}

const subject = { reference: `Patient/${patientId}` };

describe('loading: one parallel wave', () => {
  it('starts every first-page read (and /metadata) before any answer, and takes about one delay plus one page', async () => {
    const delayMs = 300;
    const server = serve(
      fakeFhirServer({
        Condition: [condition('c1'), condition('c2'), condition('c3')],
        MedicationStatement: [medication('MedicationStatement', 'ms1')],
      }),
    );
    // Warm up (module and schema compilation) so the timing measures the network pattern only.
    await loadPatientRecord(fakeSession(), testConfig(), testLoadOptions());
    server.seen.length = 0;
    server.delayMs = delayMs;
    const started = performance.now();
    const loaded = await loadPatientRecord(
      fakeSession(),
      testConfig({ paging: { pageSize: 2 } }),
      testLoadOptions(),
    );
    const elapsed = performance.now() - started;

    const firstPages = server.seen.filter((seen) => !seen.url.searchParams.has('_page'));
    const paths = firstPages.map((seen) => seen.url.pathname.replace('/fhir/', ''));
    expect(paths).toEqual(
      expect.arrayContaining([
        'metadata',
        `Patient/${patientId}`,
        'Condition',
        'Encounter',
        'Practitioner/dr-1',
      ]),
    );
    expect(firstPages).toHaveLength(15);
    const lastStart = Math.max(...firstPages.map((seen) => seen.startedAt));
    const firstAnswer = Math.min(...server.seen.map((seen) => seen.respondedAt ?? Number.POSITIVE_INFINITY));
    expect(lastStart).toBeLessThan(firstAnswer);
    // Condition has a second page: one wave plus one page, never one delay per read (15 x 300 ms).
    expect(elapsed).toBeGreaterThanOrEqual(2 * delayMs - 5);
    expect(elapsed).toBeLessThan(3 * delayMs);
    expect(loaded.record?.conditions).toHaveLength(3);
  });

  it('reports per-type progress from loading to done', async () => {
    serve(fakeFhirServer({ Condition: [condition('c1')] }));
    const updates: (readonly TypeProgress[])[] = [];
    await loadPatientRecord(fakeSession(), testConfig(), {
      ...testLoadOptions(),
      onProgress: (p) => updates.push(p),
    });
    const first = updates[0] ?? [];
    const last = updates.at(-1) ?? [];
    expect(first.find((p) => p.resourceType === 'Condition')?.state).toBe('loading');
    expect(last.find((p) => p.resourceType === 'Condition')).toMatchObject({
      state: 'done',
      count: 1,
      pages: 1,
    });
    expect(last.find((p) => p.resourceType === 'MedicationRequest')?.state).toBe('skipped');
    expect(last.every((p) => p.state !== 'loading')).toBe(true);
  });
});

describe('loading: paging', () => {
  const conditions = Array.from({ length: 7 }, (_, i) => condition(`c${i}`));

  it('follows next links across several pages', async () => {
    const server = serve(fakeFhirServer({ Condition: conditions }));
    const loaded = await loadPatientRecord(
      fakeSession(),
      testConfig({ paging: { pageSize: 2 } }),
      testLoadOptions(),
    );
    expect(loaded.record?.conditions.map((c) => c.ref)).toEqual(conditions.map((c) => `Condition/${c.id}`));
    expect(loaded.progress.find((p) => p.resourceType === 'Condition')).toMatchObject({ count: 7, pages: 4 });
    expect(server.seen.filter((seen) => seen.url.pathname.endsWith('/Condition'))).toHaveLength(4);
    expect(loaded.notes.some((note) => note.kind === 'truncated')).toBe(false);
  });

  it('stops at the page limit and says the record was truncated', async () => {
    serve(fakeFhirServer({ Condition: conditions }));
    const loaded = await loadPatientRecord(
      fakeSession(),
      testConfig({ paging: { pageSize: 2, pageLimit: 2 } }),
      testLoadOptions(),
    );
    expect(loaded.record?.conditions).toHaveLength(4);
    expect(loaded.notes).toContainEqual({
      kind: 'truncated',
      resourceType: 'Condition',
      count: 4,
      pageLimit: 2,
    });
    expect(loaded.progress.find((p) => p.resourceType === 'Condition')?.truncated).toBe(true);
  });

  it('does not follow a next link to another origin (the token would go with it)', async () => {
    const server = serve(fakeFhirServer({ Condition: conditions }));
    server.intercept = (url) => {
      if (url.pathname.endsWith('/Condition') && !url.searchParams.has('_page')) {
        return Response.json({
          resourceType: 'Bundle',
          type: 'searchset',
          link: [{ relation: 'next', url: 'https://elsewhere.example/fhir/Condition?page=2' }],
          entry: [{ resource: conditions[0], search: { mode: 'match' } }],
        });
      }
      return undefined;
    };
    const loaded = await loadPatientRecord(fakeSession(), testConfig(), testLoadOptions());
    expect(loaded.record?.conditions).toHaveLength(1);
    expect(loaded.notes).toContainEqual({ kind: 'foreign-next-link', resourceType: 'Condition' });
  });
});

describe('loading: capability and medication source', () => {
  it('falls back to MedicationRequest when /metadata lacks MedicationStatement, and says so', async () => {
    const server = serve(
      fakeFhirServer({
        MedicationStatement: [medication('MedicationStatement', 'never-listed')],
        MedicationRequest: [medication('MedicationRequest', 'mr1')],
      }),
    );
    server.types = server.types.filter((type) => type !== 'MedicationStatement' && type !== 'Communication');
    const cache = memoryCapabilityCache();
    const loaded = await loadPatientRecord(fakeSession(), testConfig(), {
      ...testLoadOptions(),
      capabilityCache: cache,
    });
    expect(loaded.medicationSource).toBe('MedicationRequest');
    expect(loaded.record?.medicationSource).toBe('MedicationRequest');
    expect(loaded.record?.medications.map((m) => [m.ref, m.source])).toEqual([
      ['MedicationRequest/mr1', 'MedicationRequest'],
    ]);
    expect(loaded.notes).toContainEqual({ kind: 'medication-source', source: 'MedicationRequest' });
    expect(loaded.notes).toContainEqual({ kind: 'unavailable', resourceType: 'MedicationStatement' });
    expect(loaded.notes).toContainEqual({ kind: 'unavailable', resourceType: 'Communication' });
    expect(loaded.notes.some((note) => note.kind === 'failed')).toBe(false);

    // The CapabilityStatement is cached: the next load neither asks for it nor for the missing types.
    server.seen.length = 0;
    await loadPatientRecord(fakeSession(), testConfig(), { ...testLoadOptions(), capabilityCache: cache });
    const asked = server.seen.map((seen) => seen.url.pathname);
    expect(asked).not.toContain('/fhir/metadata');
    expect(asked).not.toContain('/fhir/MedicationStatement');
    expect(asked).not.toContain('/fhir/Communication');

    // A new launch may see a different server behaviour (per-session emulation), so it asks again.
    server.seen.length = 0;
    await loadPatientRecord(fakeSession({ launchId: 'next-launch' }), testConfig(), {
      ...testLoadOptions(),
      capabilityCache: cache,
    });
    expect(server.seen.map((seen) => seen.url.pathname)).toContain('/fhir/metadata');
  });

  it('uses MedicationStatement when the server has it, and leaves MedicationRequest out', async () => {
    serve(
      fakeFhirServer({
        MedicationStatement: [medication('MedicationStatement', 'ms1')],
        MedicationRequest: [medication('MedicationRequest', 'mr1')],
      }),
    );
    const loaded = await loadPatientRecord(fakeSession(), testConfig(), testLoadOptions());
    expect(loaded.record?.medicationSource).toBe('MedicationStatement');
    expect(loaded.record?.medications.map((m) => m.ref)).toEqual(['MedicationStatement/ms1']);
  });

  it('decides canWrite from the granted scopes and the server, never from the requested scopes', async () => {
    const server = serve(fakeFhirServer());
    const granted = ['launch', 'patient/*.rs', 'user/ChargeItem.crs'];
    const loaded = await loadPatientRecord(
      fakeSession({ grantedScopes: granted }),
      testConfig(),
      testLoadOptions(),
    );
    expect(loaded.write.ChargeItem).toMatchObject({ allowed: true, reason: 'granted' });
    expect(loaded.write.Claim).toMatchObject({ allowed: false, reason: 'scope-not-granted' });

    server.creatable = [];
    const readOnly = await loadPatientRecord(
      fakeSession({ grantedScopes: granted }),
      testConfig(),
      testLoadOptions(),
    );
    expect(readOnly.write.ChargeItem).toMatchObject({ allowed: false, reason: 'server-cannot-create' });
  });
});

describe('loading: the record boundary', () => {
  it('reports invalid resources and leaves them out', async () => {
    serve(
      fakeFhirServer({
        Condition: [
          condition('good'),
          { resourceType: 'Condition', id: 'bad', code: { text: 'no subject' } },
        ],
        Coverage: [{ resourceType: 'Coverage', id: 'cov-no-payor', status: 'active', beneficiary: subject }],
      }),
    );
    const loaded = await loadPatientRecord(fakeSession(), testConfig(), testLoadOptions());
    expect(loaded.record?.conditions.map((c) => c.ref)).toEqual(['Condition/good']);
    expect(loaded.record?.coverages).toEqual([]);
    const invalid = loaded.notes.filter((note) => note.kind === 'invalid').map((note) => note.ref);
    expect(invalid).toEqual(['Condition/bad', 'Coverage/cov-no-payor']);
    expect(loaded.invalid.find((item) => item.ref === 'Condition/bad')?.problem).toContain('subject');
  });

  it('resolves Type/id, absolute and urn:uuid references, and keeps _include-d payors', async () => {
    const server = serve(
      fakeFhirServer({
        Condition: [condition('c1'), condition('c2')],
        CarePlan: [
          {
            resourceType: 'CarePlan',
            id: 'cp1',
            status: 'active',
            intent: 'plan',
            subject,
            addresses: [{ reference: 'Condition/c1' }, { reference: 'urn:uuid:5f1c-c2' }],
            goal: [{ reference: `${base}/Goal/g1` }],
          },
        ],
        Coverage: [
          {
            resourceType: 'Coverage',
            id: 'cov1',
            status: 'active',
            beneficiary: subject,
            payor: [{ reference: 'Organization/org1' }],
          },
        ],
        Organization: [{ resourceType: 'Organization', id: 'org1', name: 'Acme Health Plan' }],
      }),
    );
    server.fullUrl = (resource) =>
      resource.id === 'c2' ? 'urn:uuid:5f1c-c2' : `${base}/${resource.resourceType}/${resource.id}`;
    const loaded = await loadPatientRecord(fakeSession(), testConfig(), testLoadOptions());
    const carePlan = loaded.record?.carePlans[0];
    expect(carePlan?.addresses).toEqual(['Condition/c1', 'Condition/c2']);
    expect(carePlan?.goals).toEqual(['Goal/g1']);
    expect(loaded.record?.coverages[0]?.payors).toEqual(['Organization/org1']);
    expect(loaded.record?.organizations.map((org) => org.name)).toEqual(['Acme Health Plan']);
    expect(loaded.progress.find((p) => p.resourceType === 'Coverage')?.count).toBe(1);
    expect(loaded.record?.user).toBe('Practitioner/dr-1');
    expect(loaded.record?.practitioners.map((p) => p.ref)).toEqual(['Practitioner/dr-1']);
  });
});
