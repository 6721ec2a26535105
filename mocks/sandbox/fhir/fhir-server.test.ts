import type { Bundle, ChargeItem, Claim, OperationOutcome } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../server.ts';
import { startSandbox } from '../server.ts';
import { ALICE, BOB, fixtureBundles } from '../testing/fixture-bundles.ts';

let sandbox: RunningSandbox;
let token: string;

async function fhir(path: string, init: RequestInit = {}): Promise<Response> {
  const url = path.startsWith('http') ? path : `${sandbox.fhirBase}/${path}`;
  return fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', ...init.headers },
  });
}

function chargeItem(identifier: string): ChargeItem {
  return {
    resourceType: 'ChargeItem',
    status: 'planned',
    identifier: [{ system: 'urn:test:draft', value: identifier }],
    code: { coding: [{ system: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'G9012' }] },
    subject: { reference: `Patient/${ALICE}` },
  };
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, bundles: fixtureBundles(), now: '2026-12-01' });
  token = sandbox.issueAccessToken({ scope: 'user/*.cruds' });
});
afterAll(async () => {
  await sandbox.close();
});

describe('FHIR REST through the sandbox wrapper', () => {
  it('follows absolute next links until every resource has been read exactly once', async () => {
    for (let i = 0; i < 7; i++) {
      const created = await fhir('Observation', {
        method: 'POST',
        body: JSON.stringify({
          resourceType: 'Observation',
          status: 'final',
          code: { text: `note ${i}` },
          subject: { reference: `Patient/${BOB}` },
        }),
      });
      expect(created.status).toBe(201);
    }
    const seen: string[] = [];
    let next: string | undefined = `${sandbox.fhirBase}/Observation?patient=${BOB}&_count=3`;
    let pages = 0;
    while (next) {
      expect(next.startsWith(`${sandbox.fhirBase}/Observation?`)).toBe(true);
      const page = (await (await fhir(next)).json()) as Bundle;
      expect(page.total).toBe(7);
      for (const entry of page.entry ?? []) {
        expect(entry.fullUrl).toBe(`${sandbox.fhirBase}/Observation/${entry.resource?.id}`);
        seen.push(entry.resource?.id ?? '');
      }
      expect(page.link?.find((l) => l.relation === 'self')?.url).toContain('_offset=');
      next = page.link?.find((l) => l.relation === 'next')?.url;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
  });

  it('finds Conditions by bare patient id, as fhirclient sends it', async () => {
    const bundle = (await (await fhir(`Condition?patient=${ALICE}`)).json()) as Bundle;
    expect(bundle.entry?.map((e) => e.resource?.id)).toEqual(['alice-diabetes']);
  });

  it('returns _include targets with search mode include', async () => {
    const bundle = (await (
      await fhir(`Encounter?patient=${ALICE}&_include=Encounter:patient`)
    ).json()) as Bundle;
    const included = bundle.entry?.filter((e) => e.search?.mode === 'include') ?? [];
    expect(included.map((e) => `${e.resource?.resourceType}/${e.resource?.id}`)).toEqual([
      `Patient/${ALICE}`,
    ]);
  });

  it('leaves exactly one resource after ten concurrent identical conditional creates', async () => {
    const headers = { 'if-none-exist': 'identifier=urn:test:draft|concurrent-1' };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        fhir('ChargeItem', { method: 'POST', headers, body: JSON.stringify(chargeItem('concurrent-1')) }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as ChargeItem).id)));
    expect(ids.size).toBe(1);
    const search = (await (await fhir('ChargeItem?identifier=urn:test:draft|concurrent-1')).json()) as Bundle;
    expect(search.total).toBe(1);
    expect(responses.find((r) => r.status === 201)?.headers.get('location')).toMatch(
      new RegExp(`^${sandbox.fhirBase}/ChargeItem/[^/]+/_history/`),
    );
  });

  it('serialises conditional creates that arrive in the same tick (the msw path)', async () => {
    const request = () =>
      sandbox.handle({
        method: 'POST',
        url: new URL(`${sandbox.fhirBase}/ChargeItem`),
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/fhir+json',
          'if-none-exist': 'identifier=urn:test:draft|same-tick',
        },
        body: JSON.stringify(chargeItem('same-tick')),
      });
    const responses = await Promise.all(Array.from({ length: 5 }, request));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const search = (await (await fhir('ChargeItem?identifier=urn:test:draft|same-tick')).json()) as Bundle;
    expect(search.total).toBe(1);
  });

  it('rolls back a transaction when a later entry fails, leaving nothing behind', async () => {
    const claim: Claim = {
      resourceType: 'Claim',
      status: 'draft',
      use: 'claim',
      identifier: [{ system: 'urn:test:draft', value: 'rollback-1' }],
      type: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }],
      },
      patient: { reference: `Patient/${ALICE}` },
      created: '2026-12-01',
      provider: { reference: 'Practitioner/sandbox-case-manager' },
      priority: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }],
      },
      insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/x' } }],
    };
    const transaction: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:5e0b6a0e-0000-4000-8000-000000000001',
          resource: claim,
          request: { method: 'POST', url: 'Claim' },
        },
        {
          resource: {
            resourceType: 'Provenance',
            target: [{ reference: 'urn:uuid:5e0b6a0e-0000-4000-8000-000000000001' }],
            recorded: '2026-12-01T10:00:00Z',
            agent: [{ who: { reference: 'Practitioner/sandbox-case-manager' } }],
          },
          request: { method: 'POST', url: 'Provenance' },
        },
        {
          resource: { resourceType: 'Patient', id: ALICE },
          request: { method: 'PUT', url: `Patient/${ALICE}`, ifMatch: 'W/"not-the-version"' },
        },
      ],
    };
    const response = await fhir('', { method: 'POST', body: JSON.stringify(transaction) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const claims = (await (await fhir('Claim?identifier=urn:test:draft|rollback-1')).json()) as Bundle;
    expect(claims.total).toBe(0);
    const provenance = (await (await fhir('Provenance')).json()) as Bundle;
    expect(provenance.total).toBe(0);
  });

  it('commits a valid transaction, resolving urn:uuid references between entries', async () => {
    const transaction: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:5e0b6a0e-0000-4000-8000-000000000002',
          resource: chargeItem('tx-ok'),
          request: { method: 'POST', url: 'ChargeItem', ifNoneExist: 'identifier=urn:test:draft|tx-ok' },
        },
        {
          resource: {
            resourceType: 'Provenance',
            target: [{ reference: 'urn:uuid:5e0b6a0e-0000-4000-8000-000000000002' }],
            recorded: '2026-12-01T10:00:00Z',
            agent: [{ who: { reference: 'Practitioner/sandbox-case-manager' } }],
          },
          request: { method: 'POST', url: 'Provenance' },
        },
      ],
    };
    const response = await fhir('', { method: 'POST', body: JSON.stringify(transaction) });
    expect(response.status).toBe(200);
    const items = (await (
      await fhir('ChargeItem?identifier=urn:test:draft|tx-ok&_revinclude=Provenance:target')
    ).json()) as Bundle;
    const item = items.entry?.find((e) => e.search?.mode === 'match')?.resource;
    const provenance = items.entry?.find((e) => e.search?.mode === 'include')?.resource;
    expect(provenance?.resourceType === 'Provenance' && provenance.target[0]?.reference).toBe(
      `ChargeItem/${item?.id}`,
    );
  });

  it('processes a batch entry by entry: a bad entry fails alone', async () => {
    const { code: _missing, ...invalid } = chargeItem('batch-bad');
    const batch: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: chargeItem('batch-good'), request: { method: 'POST', url: 'ChargeItem' } },
        { resource: invalid as ChargeItem, request: { method: 'POST', url: 'ChargeItem' } },
      ],
    };
    const response = await fhir('', { method: 'POST', body: JSON.stringify(batch) });
    expect(response.status).toBe(200);
    const result = (await response.json()) as Bundle;
    expect(result.type).toBe('batch-response');
    expect(result.entry?.map((e) => e.response?.status?.slice(0, 3))).toEqual(['201', '400']);
    const good = (await (await fhir('ChargeItem?identifier=urn:test:draft|batch-good')).json()) as Bundle;
    expect(good.total).toBe(1);
  });

  it('leaves one draft when two tabs send the same conditional-create transaction at once', async () => {
    const transaction = (): Bundle => ({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:5e0b6a0e-0000-4000-8000-000000000003',
          resource: chargeItem('two-tabs'),
          request: { method: 'POST', url: 'ChargeItem', ifNoneExist: 'identifier=urn:test:draft|two-tabs' },
        },
      ],
    });
    const send = () =>
      sandbox.handle({
        method: 'POST',
        url: new URL(sandbox.fhirBase),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
        body: JSON.stringify(transaction()),
      });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const search = (await (await fhir('ChargeItem?identifier=urn:test:draft|two-tabs')).json()) as Bundle;
    expect(search.total).toBe(1);
  });

  it('refuses an invalid resource with a 400 OperationOutcome naming the path, and stores nothing', async () => {
    const { code: _missing, ...withoutCode } = chargeItem('invalid');
    const response = await fhir('ChargeItem', { method: 'POST', body: JSON.stringify(withoutCode) });
    expect(response.status).toBe(400);
    const outcome = (await response.json()) as OperationOutcome;
    expect(outcome.issue[0]?.expression).toEqual(['ChargeItem.code']);
    const unknownField = await fhir('ChargeItem', {
      method: 'POST',
      body: JSON.stringify({ ...chargeItem('invalid'), statusReason: 'not a field of ChargeItem' }),
    });
    expect(unknownField.status).toBe(400);
    const search = (await (await fhir('ChargeItem?identifier=urn:test:draft|invalid')).json()) as Bundle;
    expect(search.total).toBe(0);
  });

  it('updates with If-Match: the current version succeeds, a stale one gets 412', async () => {
    const created = await fhir('ChargeItem', {
      method: 'POST',
      body: JSON.stringify(chargeItem('if-match')),
    });
    const item = (await created.json()) as ChargeItem;
    const etag = created.headers.get('etag') ?? '';
    const ok = await fhir(`ChargeItem/${item.id}`, {
      method: 'PUT',
      headers: { 'if-match': etag },
      body: JSON.stringify({ ...item, status: 'billable' }),
    });
    expect(ok.status).toBe(200);
    const stale = await fhir(`ChargeItem/${item.id}`, {
      method: 'PUT',
      headers: { 'if-match': etag },
      body: JSON.stringify({ ...item, status: 'billed' }),
    });
    expect(stale.status).toBe(412);
  });
});
