import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthExpired,
  FhirHttpError,
  type KnownError,
  LaunchError,
  type LaunchFailure,
  NetworkError,
  NotFound,
  RateLimited,
  ScopeMissing,
  Unavailable,
} from '../../src/fhir/errors.ts';
import { loadPatientRecord } from '../../src/fhir/load-record.ts';
import type { LoadedRecord } from '../../src/fhir/load-result.ts';
import { describeError } from '../../src/ui/strings.ts';
import {
  accessToken,
  type FakeFhirServer,
  fakeFhirHandlers,
  fakeFhirServer,
  fakeSession,
  patientId,
  testConfig,
  testLoadOptions,
} from '../load/fake-fhir-server.ts';

const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => msw.resetHandlers());
afterAll(() => msw.close());

function serve(intercept: FakeFhirServer['intercept']): FakeFhirServer {
  const server = fakeFhirServer();
  server.intercept = intercept;
  msw.use(...fakeFhirHandlers(server));
  return server;
}

function outcome(status: number, diagnostics: string, headers: Record<string, string> = {}) {
  return HttpResponse.json(
    { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', diagnostics }] },
    { status, headers },
  );
}

const isCondition = (url: URL) => url.pathname.endsWith('/Condition');

async function loadFailure(waits: number[] = []): Promise<unknown> {
  return loadPatientRecord(fakeSession(), testConfig(), testLoadOptions(waits)).then(
    () => undefined,
    (error: unknown) => error,
  );
}

async function conditionError(waits: number[] = []): Promise<{ loaded: LoadedRecord; error: KnownError }> {
  const loaded = await loadPatientRecord(fakeSession(), testConfig(), testLoadOptions(waits));
  const note = loaded.notes.find((n) => n.kind === 'failed' && n.resourceType === 'Condition');
  if (note?.kind !== 'failed') {
    throw new Error('expected the Condition read to fail');
  }
  return { loaded, error: note.error };
}

/** No message may carry the token or the patient id. */
function expectClean(error: KnownError): void {
  const text = JSON.stringify({ ...describeError(error), message: error.message });
  expect(text).not.toContain(accessToken);
  expect(text).not.toContain(patientId);
}

describe('errors while reading', () => {
  it('401: tries one refresh, then reports AuthExpired and tells the user to relaunch', async () => {
    const server = serve((url) => (isCondition(url) ? outcome(401, 'token expired') : undefined));
    const error = await loadFailure();
    expect(error).toBeInstanceOf(AuthExpired);
    expect(describeError(error as AuthExpired).nextStep).toMatch(/Relaunch/);
    expectClean(error as AuthExpired);
    expect(server.seen.filter((seen) => isCondition(seen.url))).toHaveLength(1);
  });

  it('401 then a successful refresh: the read is repeated with the new token', async () => {
    let token = 'old-token';
    const server = serve((url, request) =>
      isCondition(url) && request.headers.get('authorization') === 'Bearer old-token'
        ? outcome(401, 'expired')
        : undefined,
    );
    const session = fakeSession({
      authorization: async () => `Bearer ${token}`,
      refresh: async () => {
        token = 'new-token';
        return true;
      },
    });
    const loaded = await loadPatientRecord(session, testConfig(), testLoadOptions());
    expect(loaded.notes.some((note) => note.kind === 'failed')).toBe(false);
    const conditionAuth = server.seen
      .filter((seen) => isCondition(seen.url))
      .map((seen) => seen.authorization);
    expect(conditionAuth).toEqual(['Bearer old-token', 'Bearer new-token']);
  });

  it('403: names the scope from the OperationOutcome and keeps the rest of the record', async () => {
    serve((url) =>
      isCondition(url) ? outcome(403, 'Insufficient scope: patient/Condition.rs is required') : undefined,
    );
    const { loaded, error } = await conditionError();
    expect(error).toBeInstanceOf(ScopeMissing);
    expect(error).toMatchObject({ scope: 'patient/Condition.rs', scopeFromServer: true });
    expect(describeError(error).title).toContain('patient/Condition.rs');
    expect(describeError(error).nextStep).toContain('patient/Condition.rs');
    expect(loaded.record?.patient.ref).toBe(`Patient/${patientId}`);
    expectClean(error);
  });

  it('403 without a named scope: names the scope the read needs', async () => {
    serve((url) => (isCondition(url) ? new HttpResponse(null, { status: 403 }) : undefined));
    const { error } = await conditionError();
    expect(error).toMatchObject({ scope: 'patient/Condition.rs', scopeFromServer: false });
  });

  it('404 on the Patient: NotFound ends the load', async () => {
    serve((url) => (url.pathname.endsWith(`/Patient/${patientId}`) ? outcome(404, 'gone') : undefined));
    const error = await loadFailure();
    expect(error).toBeInstanceOf(NotFound);
    expect(describeError(error as NotFound).title).toContain('Patient');
    expectClean(error as NotFound);
  });

  it('429 with Retry-After: waits as asked, then succeeds', async () => {
    let calls = 0;
    serve((url) => {
      if (!isCondition(url)) {
        return undefined;
      }
      calls += 1;
      return calls === 1 ? outcome(429, 'slow down', { 'retry-after': '2' }) : undefined;
    });
    const waits: number[] = [];
    const loaded = await loadPatientRecord(fakeSession(), testConfig(), testLoadOptions(waits));
    expect(waits).toEqual([2000]);
    expect(loaded.notes.some((note) => note.kind === 'failed')).toBe(false);
  });

  it('429 that persists: gives up after the configured retries with RateLimited', async () => {
    const server = serve((url) =>
      isCondition(url) ? outcome(429, 'slow down', { 'retry-after': '1' }) : undefined,
    );
    const waits: number[] = [];
    const { error } = await conditionError(waits);
    expect(error).toBeInstanceOf(RateLimited);
    expect(error).toMatchObject({ attempts: 4, retryAfterSeconds: 1 });
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(server.seen.filter((seen) => isCondition(seen.url))).toHaveLength(4);
    expect(describeError(error).detail).toContain('429');
  });

  it('429 asking for a longer wait than allowed: gives up at once', async () => {
    serve((url) => (isCondition(url) ? outcome(429, 'later', { 'retry-after': '3600' }) : undefined));
    const waits: number[] = [];
    const { error } = await conditionError(waits);
    expect(error).toMatchObject({ kind: 'rate-limited', attempts: 1, retryAfterSeconds: 3600 });
    expect(waits).toEqual([]);
  });

  it('503 that persists: exponential backoff, then Unavailable', async () => {
    serve((url) => (isCondition(url) ? outcome(503, 'maintenance') : undefined));
    const waits: number[] = [];
    const { error } = await conditionError(waits);
    expect(error).toBeInstanceOf(Unavailable);
    expect(error).toMatchObject({ status: 503, attempts: 4 });
    expect(waits).toEqual([10, 20, 40]);
    expect(describeError(error).nextStep).toMatch(/later/);
  });

  it('network failure that persists: retried with backoff, then NetworkError with a next step', async () => {
    const server = serve((url) => (isCondition(url) ? HttpResponse.error() : undefined));
    const waits: number[] = [];
    const { error } = await conditionError(waits);
    expect(error).toBeInstanceOf(NetworkError);
    expect(describeError(error).nextStep).toMatch(/connection/);
    expect(waits).toEqual([10, 20, 40]);
    expect(server.seen.filter((seen) => isCondition(seen.url))).toHaveLength(4);
  });

  it('a dropped connection once: the read is repeated and nothing is reported missing', async () => {
    let calls = 0;
    serve((url) => {
      if (!isCondition(url)) {
        return undefined;
      }
      calls += 1;
      return calls === 1 ? HttpResponse.error() : undefined;
    });
    const waits: number[] = [];
    const loaded = await loadPatientRecord(fakeSession(), testConfig(), testLoadOptions(waits));
    expect(waits).toEqual([10]);
    expect(loaded.notes.some((note) => note.kind === 'failed')).toBe(false);
    expect(loaded.progress.find((p) => p.resourceType === 'Condition')?.state).toBe('done');
  });

  it('other statuses: FhirHttpError shows the OperationOutcome diagnostics', async () => {
    serve((url) =>
      isCondition(url) ? outcome(500, 'Search parameter category is not supported') : undefined,
    );
    const { error } = await conditionError();
    expect(error).toBeInstanceOf(FhirHttpError);
    expect(error).toMatchObject({ status: 500 });
    expect(describeError(error).detail).toContain('Search parameter category is not supported');
    expectClean(error);
  });
});

describe('launch errors', () => {
  const reasons: LaunchFailure[] = [
    'no-iss',
    'no-launch',
    'unknown-issuer',
    'unexpected-parameter',
    'state-mismatch',
    'no-session',
    'authorization-denied',
    'discovery-failed',
    'pkce-unsupported',
    'token-exchange-failed',
    'no-patient',
    'unknown-server',
  ];

  it.each(reasons)('%s has a title, a detail and a next step', (reason) => {
    const text = describeError(new LaunchError(reason, 'x'));
    expect(text.title.length).toBeGreaterThan(5);
    expect(text.detail.length).toBeGreaterThan(5);
    expect(text.nextStep.length).toBeGreaterThan(5);
  });

  it('a session without a patient cannot load', async () => {
    const error = await loadPatientRecord(
      fakeSession({ patientId: undefined }),
      testConfig(),
      testLoadOptions(),
    ).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ kind: 'launch', reason: 'no-patient' });
  });
});
