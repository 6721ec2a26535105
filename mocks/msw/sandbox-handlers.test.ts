import type { Bundle, CapabilityStatement, ChargeItem } from '@medplum/fhirtypes';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../sandbox/server.ts';
import { startSandbox } from '../sandbox/server.ts';
import { ALICE, fixtureBundles } from '../sandbox/testing/fixture-bundles.ts';
import { ehrLaunch } from '../sandbox/testing/smart-flow.ts';
import type { SandboxHandlers } from './sandbox-handlers.ts';
import { createSandboxHandlers } from './sandbox-handlers.ts';

const BASE = 'https://sandbox.test/fhir';
let server: RunningSandbox;
let mocked: SandboxHandlers;
let msw: ReturnType<typeof setupServer>;

beforeAll(async () => {
  server = await startSandbox({ port: 0, bundles: fixtureBundles(), now: '2026-12-01' });
  mocked = await createSandboxHandlers({
    base: BASE,
    bundles: fixtureBundles(),
    now: '2026-12-01',
    latencyMs: 100,
  });
  msw = setupServer(...mocked.handlers);
  msw.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  msw.close();
  await server.close();
});

/** The same request to both, with each side's own token; URLs in the answers are made comparable. */
async function both(path: string, init: RequestInit = {}): Promise<[unknown, unknown, number, number]> {
  const tokens = [
    server.issueAccessToken({ scope: 'user/*.cruds' }),
    mocked.sandbox.issueAccessToken({ scope: 'user/*.cruds' }),
  ];
  const answers = await Promise.all(
    [server.fhirBase, BASE].map((base, i) =>
      fetch(`${base}/${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${tokens[i]}`,
          'content-type': 'application/fhir+json',
          ...init.headers,
        },
      }),
    ),
  );
  const [real, fake] = await Promise.all(
    answers.map(async (a) => (await a.text()).replaceAll(server.origin, 'https://sandbox.test')),
  );
  return [JSON.parse(real ?? ''), JSON.parse(fake ?? ''), answers[0]?.status ?? 0, answers[1]?.status ?? 0];
}

describe('msw handlers answer the same as the sandbox server', () => {
  it('for a patient search with paging', async () => {
    const [real, fake, realStatus, fakeStatus] = await both(`Encounter?patient=${ALICE}&_count=2`);
    expect(fakeStatus).toBe(realStatus);
    expect(fake).toEqual(real);
    expect((fake as Bundle).link?.find((l) => l.relation === 'next')?.url).toContain(`${BASE}/Encounter?`);
  });

  it('for /metadata (ignoring its timestamp) and the SMART configuration', async () => {
    const [real, fake] = await both('metadata');
    expect({ ...(fake as CapabilityStatement), date: '' }).toEqual({
      ...(real as CapabilityStatement),
      date: '',
    });
    const [realConfig, fakeConfig] = await both('.well-known/smart-configuration');
    expect(fakeConfig).toEqual(realConfig);
  });

  it('for errors: 401 without a token, 404 for an unknown id', async () => {
    const unauthorised = await fetch(`${BASE}/Patient/${ALICE}`);
    expect(unauthorised.status).toBe(401);
    const [real, fake, realStatus, fakeStatus] = await both('Patient/nobody');
    expect([realStatus, fakeStatus]).toEqual([404, 404]);
    expect(fake).toEqual(real);
  });

  it('for a conditional create, and injects the requested latency', async () => {
    const body = JSON.stringify({
      resourceType: 'ChargeItem',
      status: 'planned',
      identifier: [{ system: 'urn:test', value: 'msw-1' }],
      code: { text: 'G9012' },
      subject: { reference: `Patient/${ALICE}` },
    });
    const init = { method: 'POST', body, headers: { 'if-none-exist': 'identifier=urn:test|msw-1' } };
    const started = performance.now();
    const [, fake, realStatus, fakeStatus] = await both('ChargeItem', init);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect([realStatus, fakeStatus]).toEqual([201, 201]);
    const [, again, , againStatus] = await both('ChargeItem', init);
    expect(againStatus).toBe(200);
    expect((again as ChargeItem).id).toBe((fake as ChargeItem).id);
  });

  it('for a full EHR launch through the handlers (authorize redirect, token, id_token)', async () => {
    const token = await ehrLaunch(mocked.sandbox, ALICE);
    expect(token.patient).toBe(ALICE);
    expect(typeof token.id_token).toBe('string');
  });
});
