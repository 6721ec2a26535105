import { HttpResponse, http as mswHttp } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aliceDraft } from '../../src/domain/draft/evaluation-fixture.ts';
import { fetchFhirHttp } from '../../src/fhir/write/fhir-http.ts';
import { writeDraft } from '../../src/fhir/write/write-draft.ts';
import { isRetryable } from '../../src/fhir/write/write-error.ts';
import { writeErrorText } from '../../src/ui/strings.ts';
import { loadNodeR4Validator } from '../../src/validate/node-definitions.ts';
import type { R4Validator } from '../../src/validate/r4.ts';

const BASE = 'https://ehr.test/fhir';
const server = setupServer();
const http = fetchFhirHttp(BASE, { authorization: async () => 'Bearer t0ken' });
let validator: R4Validator;
let requests: string[] = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  validator = await loadNodeR4Validator();
});
afterEach(() => {
  server.resetHandlers();
  requests = [];
});
afterAll(() => {
  server.close();
});

const draft = () => aliceDraft('claim');

function outcome(diagnostics: string) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'processing', diagnostics }],
  };
}

/** Every POST answers with `status` and the OperationOutcome. */
function answerAll(status: number, diagnostics = 'refused') {
  server.use(mswHttp.post(`${BASE}*`, () => HttpResponse.json(outcome(diagnostics), { status })));
}

describe('write errors', () => {
  it('401: asks for a relaunch, and keeps the draft unchanged', async () => {
    answerAll(401);
    const package0 = draft();
    const before = JSON.stringify(package0);
    const result = await writeDraft(http, package0, { validator });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'auth-expired', status: 401, resourceType: 'Bundle' },
    });
    expect(JSON.stringify(package0)).toBe(before);
  });

  it('403: names the scope the server names', async () => {
    answerAll(403, 'Insufficient scope: user/Claim.c is required');
    const result = await writeDraft(http, draft(), { validator });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'scope-missing', scope: 'user/Claim.c', scopeFromServer: true },
    });
  });

  it('403 on the transaction without a named scope: names the draft type’s create scope', async () => {
    answerAll(403, 'forbidden');
    const result = await writeDraft(http, draft(), { validator, scopeStyle: { syntax: 'v1' } });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'scope-missing',
        resourceType: 'Claim',
        scope: 'user/Claim.write',
        scopeFromServer: false,
      },
    });
  });

  it('403 without a named scope on a separate create: names the scope that write needs', async () => {
    server.use(
      mswHttp.post(BASE, () => new HttpResponse(null, { status: 405 })),
      mswHttp.post(`${BASE}/Claim`, () =>
        HttpResponse.json({ resourceType: 'Claim', id: 'c1' }, { status: 201 }),
      ),
      mswHttp.post(`${BASE}/Provenance`, () => HttpResponse.json(outcome('forbidden'), { status: 403 })),
    );
    const result = await writeDraft(http, draft(), { validator, scopeStyle: { context: 'patient' } });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'scope-missing', scope: 'patient/Provenance.c', scopeFromServer: false },
      draft: { location: 'Claim/c1', created: true },
    });
  });

  it.each([409, 412] as const)('%i: says someone else changed it', async (status) => {
    answerAll(status, 'version conflict');
    const result = await writeDraft(http, draft(), { validator });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'conflict', status, diagnostics: ['version conflict'] },
    });
  });

  it('422: shows the server’s OperationOutcome diagnostics', async () => {
    answerAll(422, 'Claim.provider: unknown practitioner');
    const result = await writeDraft(http, draft(), { validator });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'rejected', status: 422, diagnostics: ['Claim.provider: unknown practitioner'] },
    });
  });

  it('400 to the transaction falls back; a 400 to the create shows its diagnostics', async () => {
    answerAll(400, 'Claim.insurance: Coverage/aetna not found');
    const result = await writeDraft(http, draft(), { validator });
    expect(requests).toEqual(['POST /fhir', 'POST /fhir/Claim']);
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'rejected',
        status: 400,
        resourceType: 'Claim',
        diagnostics: ['Claim.insurance: Coverage/aetna not found'],
      },
    });
  });

  it('5xx: the draft stays and a retry succeeds', async () => {
    answerAll(503, 'maintenance');
    const package0 = draft();
    const failed = await writeDraft(http, package0, { validator });
    expect(failed.ok === false && isRetryable(failed.error)).toBe(true);
    server.resetHandlers();
    server.use(
      mswHttp.post(BASE, () =>
        HttpResponse.json({
          resourceType: 'Bundle',
          type: 'transaction-response',
          entry: [
            { response: { status: '201 Created', location: 'Claim/c9/_history/1' } },
            { response: { status: '201 Created', location: 'Provenance/p9/_history/1' } },
          ],
        }),
      ),
    );
    const retried = await writeDraft(http, package0, { validator });
    expect(retried).toEqual({
      ok: true,
      via: 'transaction',
      draft: { resourceType: 'Claim', id: 'c9', location: 'Claim/c9', created: true },
      provenance: { resourceType: 'Provenance', id: 'p9', location: 'Provenance/p9', created: true },
    });
  });

  it('429 (throttled): retryable, with a next step to press Write again, not a support ticket', async () => {
    server.use(
      mswHttp.post(`${BASE}*`, () =>
        HttpResponse.json(outcome('Too many requests'), { status: 429, headers: { 'retry-after': '1' } }),
      ),
    );
    const result = await writeDraft(http, draft(), { validator });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unavailable', status: 429 } });
    expect(result.ok === false && isRetryable(result.error)).toBe(true);
    expect(result.ok === false && writeErrorText(result.error).nextStep).toMatch(/press Write again/i);
  });

  it('network failure: the draft stays and the error is retryable', async () => {
    server.use(mswHttp.post(`${BASE}*`, () => HttpResponse.error()));
    const result = await writeDraft(http, draft(), { validator });
    expect(result).toEqual({ ok: false, error: { kind: 'network', resourceType: 'Bundle' } });
    expect(result.ok === false && isRetryable(result.error)).toBe(true);
  });

  it('never sends a draft that fails validation', async () => {
    answerAll(201);
    const broken = draft();
    const resource = broken.resource.resourceType === 'Claim' ? broken.resource : undefined;
    if (resource === undefined) {
      throw new Error('expected a Claim');
    }
    const invalid = { ...broken, resource: { ...resource, status: 'bogus' as 'draft' } };
    const result = await writeDraft(http, invalid, { validator });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-draft' } });
    expect(requests).toEqual([]);
  });

  it('reads the id from Location when the server returns no body', async () => {
    server.use(
      mswHttp.post(BASE, () => new HttpResponse(null, { status: 501 })),
      mswHttp.post(
        `${BASE}/Claim`,
        () => new HttpResponse(null, { status: 201, headers: { location: `${BASE}/Claim/c7/_history/1` } }),
      ),
      mswHttp.post(
        `${BASE}/Provenance`,
        () =>
          new HttpResponse(null, { status: 200, headers: { location: `${BASE}/Provenance/p7/_history/3` } }),
      ),
    );
    const result = await writeDraft(http, draft(), { validator });
    expect(result).toMatchObject({
      ok: true,
      via: 'separate',
      draft: { id: 'c7', created: true },
      provenance: { id: 'p7', created: false },
    });
  });
});
