import { createHash } from 'node:crypto';
import type { SandboxResponse } from '../http/exchange.ts';
import { plainJson } from '../http/exchange.ts';
import type { AuthContext } from './auth-context.ts';
import type { LaunchContext } from './auth-store.ts';
import { opaqueToken } from './auth-store.ts';
import { parseResourceScope } from './scopes.ts';
import { signIdToken } from './signing-key.ts';

function oauthError(status: number, error: string, description: string): SandboxResponse {
  return plainJson(status, { error, error_description: description });
}

/** base64url(SHA-256(verifier)), the S256 code challenge. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

async function issueTokens(
  context: AuthContext,
  clientId: string,
  granted: readonly string[],
  launch: LaunchContext,
  options: { nonce?: string; refreshToken?: string },
): Promise<{ response: Record<string, unknown>; accessToken: string }> {
  const now = context.clock();
  const accessToken = opaqueToken();
  context.store.tokens.set(accessToken, {
    clientId,
    granted,
    resourceScopes: granted.flatMap((s) => parseResourceScope(s) ?? []),
    context: launch,
    expiresAt: now + context.tokenTtlSeconds * 1000,
  });
  const response: Record<string, unknown> = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: context.tokenTtlSeconds,
    scope: granted.join(' '),
    need_patient_banner: true,
  };
  if (launch.patient) {
    response.patient = launch.patient;
  }
  if (launch.encounter && granted.includes('launch')) {
    response.encounter = launch.encounter;
  }
  // Source: HL7 SMART App Launch 2.2, "App Launch: Launch and Authorization", launch context `intent`.
  if (launch.intent && granted.includes('launch')) {
    response.intent = launch.intent;
  }
  if (granted.includes('openid') && (granted.includes('fhirUser') || granted.includes('profile'))) {
    response.id_token = await signIdToken(context.key, {
      issuer: context.fhirBase,
      subject: launch.user.practitionerId,
      audience: clientId,
      fhirUser: `${context.fhirBase}/Practitioner/${launch.user.practitionerId}`,
      nonce: options.nonce,
      nowMs: now,
      ttlSeconds: context.tokenTtlSeconds,
    });
  }
  const refreshToken =
    options.refreshToken ??
    (granted.includes('online_access') || granted.includes('offline_access') ? opaqueToken() : undefined);
  if (refreshToken) {
    context.store.refreshTokens.set(refreshToken, { clientId, granted, context: launch });
    response.refresh_token = refreshToken;
  }
  return { response, accessToken };
}

async function exchangeCode(
  context: AuthContext,
  form: URLSearchParams,
  clientId: string,
): Promise<SandboxResponse> {
  const code = context.store.codes.get(form.get('code') ?? '');
  if (!code) {
    return oauthError(400, 'invalid_grant', 'Unknown authorization code');
  }
  if (code.used) {
    // RFC 6749 4.1.2: a replayed code revokes what it was exchanged for.
    for (const token of code.accessTokens) {
      context.store.tokens.delete(token);
    }
    return oauthError(400, 'invalid_grant', 'Authorization code already used');
  }
  if (code.expiresAt <= context.clock()) {
    return oauthError(400, 'invalid_grant', 'Authorization code expired');
  }
  if (code.clientId !== clientId || code.redirectUri !== form.get('redirect_uri')) {
    return oauthError(
      400,
      'invalid_grant',
      'client_id or redirect_uri does not match the authorization request',
    );
  }
  const verifier = form.get('code_verifier') ?? '';
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || s256(verifier) !== code.codeChallenge) {
    return oauthError(400, 'invalid_grant', 'PKCE code_verifier does not match the code_challenge');
  }
  code.used = true;
  const { response, accessToken } = await issueTokens(context, clientId, code.granted, code.context, {
    nonce: code.nonce,
  });
  code.accessTokens.push(accessToken);
  return plainJson(200, response);
}

async function refresh(context: AuthContext, form: URLSearchParams): Promise<SandboxResponse> {
  const token = form.get('refresh_token') ?? '';
  const grant = context.store.refreshTokens.get(token);
  // fhirclient sends no client_id on refresh unless configured to; the token is bound to its client anyway.
  const clientId = form.get('client_id') ?? grant?.clientId;
  if (!grant || grant.clientId !== clientId) {
    return oauthError(400, 'invalid_grant', 'Unknown refresh token');
  }
  const asked = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const wider = asked.filter((s) => !grant.granted.includes(s));
  if (wider.length > 0) {
    return oauthError(
      400,
      'invalid_scope',
      `A refresh cannot add scopes that were not granted: ${wider.join(' ')}`,
    );
  }
  const granted = asked.length > 0 ? asked : grant.granted;
  const { response } = await issueTokens(context, clientId, granted, grant.context, { refreshToken: token });
  return plainJson(200, response);
}

/** POST /auth/token: the authorization_code grant (with PKCE) and the refresh_token grant, for public clients. */
export async function token(context: AuthContext, form: URLSearchParams): Promise<SandboxResponse> {
  switch (form.get('grant_type')) {
    case 'authorization_code': {
      const clientId = form.get('client_id') ?? '';
      if (!context.clients.some((c) => c.clientId === clientId)) {
        return oauthError(401, 'invalid_client', 'Unknown client_id');
      }
      return exchangeCode(context, form, clientId);
    }
    case 'refresh_token':
      return refresh(context, form);
    default:
      return oauthError(
        400,
        'unsupported_grant_type',
        'grant_type must be authorization_code or refresh_token',
      );
  }
}
