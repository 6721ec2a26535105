import { createHash, randomBytes } from 'node:crypto';
import { APP_CLIENT_ID } from '../auth/clients.ts';
import type { Sandbox } from '../sandbox.ts';

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The authorize URL an app would build, with every parameter overridable (set one to undefined to drop it). */
export function authorizeUrl(sandbox: Sandbox, params: Record<string, string | undefined>): string {
  const url = new URL(`${sandbox.origin}/auth/authorize`);
  const all: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: APP_CLIENT_ID,
    redirect_uri: `${sandbox.appOrigin}/`,
    scope: 'launch openid fhirUser patient/*.rs user/ChargeItem.c online_access',
    state: 'state-123',
    aud: sandbox.fhirBase,
    code_challenge_method: 'S256',
    ...params,
  };
  for (const [name, value] of Object.entries(all)) {
    if (value !== undefined) {
      url.searchParams.set(name, value);
    }
  }
  return url.toString();
}

/** Fetches without following redirects and returns the status and the Location's query. */
export async function fetchManual(
  url: string,
  init: RequestInit = {},
): Promise<{
  status: number;
  location: URL | undefined;
  body: string;
}> {
  const response = await fetch(url, { ...init, redirect: 'manual' });
  const location = response.headers.get('location');
  return {
    status: response.status,
    location: location ? new URL(location) : undefined,
    body: await response.text(),
  };
}

/** POSTs a form to the token endpoint. */
export async function postToken(
  sandbox: Sandbox,
  fields: Record<string, string>,
): Promise<{
  status: number;
  json: Record<string, unknown>;
}> {
  const response = await fetch(`${sandbox.origin}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/**
 * Runs a complete EHR launch over HTTP (launch id → authorize → code → token) and returns the token
 * response. `scope` defaults to the app's usual request.
 */
export async function ehrLaunch(
  sandbox: Sandbox,
  patientId: string,
  options: {
    scope?: string;
    userKey?: string;
    settings?: Parameters<Sandbox['createLaunch']>[2];
    intent?: Parameters<Sandbox['createLaunch']>[3];
  } = {},
): Promise<Record<string, unknown>> {
  const launch = sandbox.createLaunch(patientId, options.userKey, options.settings, options.intent);
  const { verifier, challenge } = pkcePair();
  const authorized = await fetchManual(
    authorizeUrl(sandbox, {
      launch,
      code_challenge: challenge,
      ...(options.scope ? { scope: options.scope } : {}),
    }),
  );
  const code = authorized.location?.searchParams.get('code');
  if (!code) {
    throw new Error(`authorize did not return a code: ${authorized.location?.search ?? authorized.status}`);
  }
  const { json } = await postToken(sandbox, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: `${sandbox.appOrigin}/`,
    client_id: APP_CLIENT_ID,
    code_verifier: verifier,
  });
  return json;
}
