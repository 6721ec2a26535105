/**
 * The payer review reading from a server under patient/ scopes (an EHR launch): a draft's Provenance is
 * outside the Patient compartment, so a Provenance search finds nothing there; the review still finds it,
 * through the draft's own search with _revinclude=Provenance:target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../mocks/sandbox/server.ts';
import { startSandbox } from '../../mocks/sandbox/server.ts';
import { ALICE, fixtureBundles } from '../../mocks/sandbox/testing/fixture-bundles.ts';
import { ehrLaunch } from '../../mocks/sandbox/testing/smart-flow.ts';
import { type FhirReader, serverSource } from '../../src/review/server-source.ts';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, bundles: fixtureBundles(), now: '2026-12-01' });
});
afterAll(async () => {
  await sandbox.close();
});

function readerFor(token: string): FhirReader {
  return async (path) => {
    const response = await fetch(`${sandbox.fhirBase}/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: await response.json() };
  };
}

async function create(resource: object, token: string): Promise<string> {
  const response = await fetch(`${sandbox.fhirBase}/${(resource as { resourceType: string }).resourceType}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
    body: JSON.stringify(resource),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe('payer review from the server with patient/ scopes', () => {
  it("finds the draft's Provenance", async () => {
    const admin = sandbox.issueAccessToken({ scope: 'user/*.cruds' });
    const id = await create(
      {
        resourceType: 'ChargeItem',
        status: 'planned',
        code: {
          coding: [{ system: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'G9012' }],
        },
        subject: { reference: `Patient/${ALICE}` },
      },
      admin,
    );
    const provenanceId = await create(
      {
        resourceType: 'Provenance',
        target: [{ reference: `ChargeItem/${id}` }],
        recorded: '2026-12-01T10:00:00Z',
        agent: [{ who: { reference: 'Practitioner/sandbox-case-manager' } }],
      },
      admin,
    );
    const alice = String((await ehrLaunch(sandbox, ALICE)).access_token);
    const found = await serverSource(readerFor(alice)).provenanceFor?.({ ref: `ChargeItem/${id}` });
    expect(found?.map((p) => p.id)).toEqual([provenanceId]);
  });
});
