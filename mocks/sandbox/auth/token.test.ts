import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../server.ts';
import { startSandbox } from '../server.ts';
import { ALICE, ALICE_LATEST_ENCOUNTER, fixtureBundles } from '../testing/fixture-bundles.ts';
import { authorizeUrl, ehrLaunch, fetchManual, pkcePair, postToken } from '../testing/smart-flow.ts';
import { APP_CLIENT_ID } from './clients.ts';

let sandbox: RunningSandbox;
let skewMs = 0;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    bundles: fixtureBundles(),
    now: '2026-12-01',
    tokenTtl: 300,
    clock: () => Date.now() + skewMs,
  });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  skewMs = 0;
});

async function codeFor(scope?: string): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkcePair();
  const launch = sandbox.createLaunch(ALICE);
  const result = await fetchManual(
    authorizeUrl(sandbox, { launch, code_challenge: challenge, ...(scope ? { scope } : {}) }),
  );
  return { code: result.location?.searchParams.get('code') ?? '', verifier };
}

function exchange(code: string, verifier: string) {
  return postToken(sandbox, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: `${sandbox.appOrigin}/`,
    client_id: APP_CLIENT_ID,
    code_verifier: verifier,
  });
}

async function readPatient(accessToken: unknown): Promise<number> {
  const response = await fetch(`${sandbox.fhirBase}/Patient/${ALICE}`, {
    headers: { authorization: `Bearer ${String(accessToken)}` },
  });
  return response.status;
}

describe('token endpoint: EHR launch happy path', () => {
  it('returns the token, context, granted scope and an id_token verifiable with jwks_uri', async () => {
    const token = await ehrLaunch(sandbox, ALICE);
    expect(token).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      patient: ALICE,
      encounter: ALICE_LATEST_ENCOUNTER,
      need_patient_banner: true,
      scope: 'launch openid fhirUser patient/*.rs user/ChargeItem.c online_access',
    });
    expect(typeof token.access_token).toBe('string');
    expect(typeof token.refresh_token).toBe('string');
    const config = (await (await fetch(`${sandbox.fhirBase}/.well-known/smart-configuration`)).json()) as {
      jwks_uri: string;
      issuer: string;
    };
    const { payload, protectedHeader } = await jwtVerify(
      String(token.id_token),
      createRemoteJWKSet(new URL(config.jwks_uri)),
      { issuer: config.issuer, audience: APP_CLIENT_ID },
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload.fhirUser).toBe(`${sandbox.fhirBase}/Practitioner/sandbox-case-manager`);
    expect(await readPatient(token.access_token)).toBe(200);
  });

  it('names the other practitioner as fhirUser when launched as them, and no refresh token without online_access', async () => {
    const token = await ehrLaunch(sandbox, ALICE, {
      userKey: 'physician',
      scope: 'launch openid fhirUser patient/*.rs',
    });
    const [, payload = ''] = String(token.id_token).split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString()).fhirUser).toMatch(
      /Practitioner\/sandbox-physician$/,
    );
    expect(token.refresh_token).toBeUndefined();
  });

  it('passes the launch intent (the review link asks for "review"), and none for a plain launch', async () => {
    expect((await ehrLaunch(sandbox, ALICE, { intent: 'review' })).intent).toBe('review');
    expect((await ehrLaunch(sandbox, ALICE)).intent).toBeUndefined();
  });
});

describe('token endpoint: standalone happy path', () => {
  it('gives the picked patient in the token response', async () => {
    const { verifier, challenge } = pkcePair();
    const picker = await fetchManual(
      authorizeUrl(sandbox, {
        scope: 'launch/patient openid fhirUser patient/*.read',
        code_challenge: challenge,
      }),
    );
    const request = /name="request" value="([^"]+)"/.exec(picker.body)?.[1] ?? '';
    const decided = await fetchManual(`${sandbox.origin}/auth/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        request,
        decision: 'approve',
        patient: ALICE,
        user: 'case-manager',
      }).toString(),
    });
    const { status, json } = await exchange(decided.location?.searchParams.get('code') ?? '', verifier);
    expect(status).toBe(200);
    expect(json.patient).toBe(ALICE);
    expect(json.encounter).toBeUndefined();
    expect(json.scope).toBe('launch/patient openid fhirUser patient/*.read');
    expect(await readPatient(json.access_token)).toBe(200);
  });
});

describe('token endpoint rejects', () => {
  it('a reused code, and revokes the token the first use issued', async () => {
    const { code, verifier } = await codeFor();
    const first = await exchange(code, verifier);
    expect(first.status).toBe(200);
    const second = await exchange(code, verifier);
    expect(second.status).toBe(400);
    expect(second.json.error).toBe('invalid_grant');
    expect(await readPatient(first.json.access_token)).toBe(401);
  });

  it('a wrong PKCE verifier', async () => {
    const { code } = await codeFor();
    const result = await exchange(code, pkcePair().verifier);
    expect(result.status).toBe(400);
    expect(result.json.error).toBe('invalid_grant');
    expect(result.json.access_token).toBeUndefined();
  });

  it('a missing PKCE verifier', async () => {
    const { code } = await codeFor();
    const result = await postToken(sandbox, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${sandbox.appOrigin}/`,
      client_id: APP_CLIENT_ID,
    });
    expect(result.json.error).toBe('invalid_grant');
  });

  it('an expired code (codes live 60 s)', async () => {
    const { code, verifier } = await codeFor();
    skewMs = 61_000;
    const result = await exchange(code, verifier);
    expect(result.status).toBe(400);
    expect(result.json.error_description).toContain('expired');
  });

  it('a code it never issued', async () => {
    const result = await exchange('made-up-code', pkcePair().verifier);
    expect(result.json.error).toBe('invalid_grant');
  });
});

describe('refresh and expiry', () => {
  it('refuses a refresh that asks for more scope than was granted, and allows a narrower one', async () => {
    const token = await ehrLaunch(sandbox, ALICE);
    const wider = await postToken(sandbox, {
      grant_type: 'refresh_token',
      refresh_token: String(token.refresh_token),
      scope: 'patient/*.rs user/*.cruds',
    });
    expect(wider.status).toBe(400);
    expect(wider.json.error).toBe('invalid_scope');
    const narrower = await postToken(sandbox, {
      grant_type: 'refresh_token',
      refresh_token: String(token.refresh_token),
      scope: 'patient/*.rs online_access',
    });
    expect(narrower.status).toBe(200);
    expect(narrower.json.scope).toBe('patient/*.rs online_access');
  });

  it('answers 401 once the access token expires, and a refresh (without client_id, as fhirclient sends it) gives a working one', async () => {
    const token = await ehrLaunch(sandbox, ALICE);
    skewMs = 301_000;
    expect(await readPatient(token.access_token)).toBe(401);
    const refreshed = await postToken(sandbox, {
      grant_type: 'refresh_token',
      refresh_token: String(token.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.patient).toBe(ALICE);
    expect(await readPatient(refreshed.json.access_token)).toBe(200);
  });
});
