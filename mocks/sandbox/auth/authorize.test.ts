import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../server.ts';
import { startSandbox } from '../server.ts';
import { ALICE, fixtureBundles } from '../testing/fixture-bundles.ts';
import { authorizeUrl, fetchManual, pkcePair } from '../testing/smart-flow.ts';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, bundles: fixtureBundles(), now: '2026-12-01' });
});
afterAll(async () => {
  await sandbox.close();
});

async function authorizeWith(params: Record<string, string | undefined>) {
  const launch = sandbox.createLaunch(ALICE);
  return fetchManual(authorizeUrl(sandbox, { launch, code_challenge: pkcePair().challenge, ...params }));
}

describe('authorize rejects', () => {
  it('an unregistered redirect_uri with an error page and no redirect', async () => {
    const result = await authorizeWith({ redirect_uri: 'https://attacker.example/callback' });
    expect(result.status).toBe(400);
    expect(result.location).toBeUndefined();
    expect(result.body).toContain('redirect_uri is not registered');
    expect(result.body).not.toContain('attacker.example');
  });

  it('an unknown client_id with an error page and no redirect', async () => {
    const result = await authorizeWith({ client_id: 'someone-else' });
    expect(result.status).toBe(400);
    expect(result.location).toBeUndefined();
  });

  it('a missing PKCE challenge, redirecting with invalid_request and the state', async () => {
    const result = await authorizeWith({ code_challenge: undefined });
    expect(result.status).toBe(302);
    expect(result.location?.searchParams.get('error')).toBe('invalid_request');
    expect(result.location?.searchParams.get('state')).toBe('state-123');
    expect(result.location?.searchParams.get('code')).toBeNull();
  });

  it('a plain PKCE challenge', async () => {
    const verifier = pkcePair().verifier;
    const result = await authorizeWith({ code_challenge: verifier, code_challenge_method: 'plain' });
    expect(result.location?.searchParams.get('error')).toBe('invalid_request');
    expect(result.location?.searchParams.get('error_description')).toContain('S256');
    expect(result.location?.searchParams.get('code')).toBeNull();
  });

  it('a challenge without a method (which RFC 7636 reads as plain)', async () => {
    const result = await authorizeWith({ code_challenge_method: undefined });
    expect(result.location?.searchParams.get('error')).toBe('invalid_request');
  });

  it('a wrong aud', async () => {
    const result = await authorizeWith({ aud: 'https://other-ehr.example/fhir' });
    expect(result.location?.searchParams.get('error')).toBe('invalid_request');
    expect(result.location?.searchParams.get('error_description')).toContain('aud');
  });

  it('an unknown launch id', async () => {
    const result = await authorizeWith({ launch: 'not-a-launch' });
    expect(result.location?.searchParams.get('error')).toBe('invalid_request');
    expect(result.location?.searchParams.get('code')).toBeNull();
  });
});

describe('authorize accepts', () => {
  it('a valid EHR launch at once, redirecting to the registered URI with a code and the state', async () => {
    const result = await authorizeWith({});
    expect(result.status).toBe(302);
    expect(`${result.location?.origin}${result.location?.pathname}`).toBe(`${sandbox.appOrigin}/`);
    expect(result.location?.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.location?.searchParams.get('state')).toBe('state-123');
  });

  it('the localhost form of the app origin as a registered redirect URI', async () => {
    const result = await authorizeWith({ redirect_uri: 'http://localhost:5173/' });
    expect(result.location?.host).toBe('localhost:5173');
    expect(result.location?.searchParams.get('code')).toBeTruthy();
  });
});

describe('standalone launch picker', () => {
  async function openPicker(): Promise<string> {
    const result = await fetchManual(
      authorizeUrl(sandbox, {
        scope: 'launch/patient openid fhirUser patient/*.rs',
        code_challenge: pkcePair().challenge,
      }),
    );
    expect(result.status).toBe(200);
    const requestId = /name="request" value="([^"]+)"/.exec(result.body)?.[1];
    expect(requestId).toBeTruthy();
    expect(result.body).toContain('Alice Fixture');
    return requestId ?? '';
  }

  it('redirects a denial with error=access_denied and the state', async () => {
    const request = await openPicker();
    const result = await fetchManual(`${sandbox.origin}/auth/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request, decision: 'deny' }).toString(),
    });
    expect(result.location?.searchParams.get('error')).toBe('access_denied');
    expect(result.location?.searchParams.get('state')).toBe('state-123');
    expect(result.location?.searchParams.get('code')).toBeNull();
  });

  it('issues a code when the user approves with the preselected patient (one click)', async () => {
    const request = await openPicker();
    const result = await fetchManual(`${sandbox.origin}/auth/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        request,
        decision: 'approve',
        patient: ALICE,
        user: 'case-manager',
      }).toString(),
    });
    expect(result.location?.searchParams.get('code')).toBeTruthy();
  });
});
