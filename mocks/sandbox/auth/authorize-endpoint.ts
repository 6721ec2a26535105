import type { SandboxResponse } from '../http/exchange.ts';
import { settingsFromForm } from '../launch-settings.ts';
import { errorPage } from '../pages/error-page.ts';
import { summarisePatients } from '../pages/patient-summary.ts';
import { pickerPage } from '../pages/picker-page.ts';
import { SANDBOX_USERS } from '../seed/sandbox-staff.ts';
import type { AuthContext } from './auth-context.ts';
import type { LaunchContext, PendingAuthorization } from './auth-store.ts';
import { opaqueToken } from './auth-store.ts';
import { grantScopes } from './scopes.ts';

const PENDING_TTL_MS = 10 * 60_000;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

function redirectTo(redirectUri: string, params: Record<string, string | undefined>): SandboxResponse {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) {
      url.searchParams.set(name, value);
    }
  }
  return { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store' }, body: '' };
}

function issueCode(
  context: AuthContext,
  pending: PendingAuthorization,
  launch: LaunchContext,
): SandboxResponse {
  const code = opaqueToken();
  context.store.codes.set(code, {
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    codeChallenge: pending.codeChallenge,
    granted: grantScopes(pending.scope, launch.settings.readOnlyScopes),
    context: launch,
    nonce: pending.nonce,
    expiresAt: context.clock() + context.codeTtlSeconds * 1000,
    used: false,
    accessTokens: [],
  });
  return redirectTo(pending.redirectUri, { code, state: pending.state });
}

/**
 * GET /auth/authorize. Unknown client_id or unregistered redirect_uri: an error page, never a redirect.
 * Otherwise errors go back to the app: PKCE S256 is required, `aud` must be the FHIR base, and `launch`
 * must be a live launch id. An EHR launch whose context names the user is approved at once; a standalone
 * launch shows the picker.
 */
export function authorize(context: AuthContext, query: URLSearchParams): SandboxResponse {
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri') ?? '';
  const client = context.clients.find((c) => c.clientId === clientId);
  if (!client) {
    return errorPage(400, 'Unknown app', 'client_id is not registered with this sandbox.');
  }
  if (!client.redirectUris.includes(redirectUri)) {
    return errorPage(400, 'Unregistered redirect URI', 'redirect_uri is not registered for this app.');
  }
  const state = query.get('state') ?? undefined;
  const fail = (error: string, description: string) =>
    redirectTo(redirectUri, { error, error_description: description, state });
  if (query.get('response_type') !== 'code') {
    return fail('unsupported_response_type', 'response_type must be code');
  }
  const challenge = query.get('code_challenge') ?? '';
  if (!challenge) {
    return fail('invalid_request', 'PKCE is required: code_challenge is missing');
  }
  if (query.get('code_challenge_method') !== 'S256') {
    return fail('invalid_request', 'PKCE code_challenge_method must be S256 (plain is not accepted)');
  }
  if (!CHALLENGE.test(challenge)) {
    return fail('invalid_request', 'code_challenge must be a base64url SHA-256 digest');
  }
  if ((query.get('aud') ?? '').replace(/\/$/, '') !== context.fhirBase) {
    return fail('invalid_request', 'aud must be the FHIR base URL of this server');
  }
  const scope = query.get('scope') ?? '';
  const pending: PendingAuthorization = {
    clientId,
    redirectUri,
    scope,
    state: state ?? '',
    codeChallenge: challenge,
    nonce: query.get('nonce') ?? undefined,
    expiresAt: context.clock() + PENDING_TTL_MS,
  };
  const scopes = scope.split(/\s+/);
  const launchId = query.get('launch');
  if (scopes.includes('launch') || launchId) {
    const launch = launchId ? context.store.launches.get(launchId) : undefined;
    if (!launch || launch.expiresAt < context.clock()) {
      return fail(
        'invalid_request',
        'launch is missing, unknown or expired: launch the app again from the EHR',
      );
    }
    return issueCode(context, pending, launch.context);
  }
  const requestId = opaqueToken();
  context.store.pending.set(requestId, pending);
  return pickerPage({
    requestId,
    clientId,
    scopes: grantScopes(scope, false),
    patients: scopes.includes('launch/patient') ? summarisePatients(context.repo, context.today) : undefined,
  });
}

/** POST /auth/decide: the picker's Approve or Deny. Deny sends `error=access_denied` with the state. */
export function decide(context: AuthContext, form: URLSearchParams): SandboxResponse {
  const requestId = form.get('request') ?? '';
  const pending = context.store.pending.get(requestId);
  if (!pending || pending.expiresAt < context.clock()) {
    return errorPage(
      400,
      'Request expired',
      'This authorization request is unknown or expired. Start the launch again.',
    );
  }
  context.store.pending.delete(requestId);
  if (form.get('decision') !== 'approve') {
    return redirectTo(pending.redirectUri, {
      error: 'access_denied',
      error_description: 'The user denied access',
      state: pending.state,
    });
  }
  const user = SANDBOX_USERS.find((u) => u.key === form.get('user')) ?? SANDBOX_USERS[0];
  const wantsPatient = pending.scope.split(/\s+/).includes('launch/patient');
  const patient = form.get('patient') ?? undefined;
  if (!user || (wantsPatient && (!patient || !context.repo.peek('Patient', patient)))) {
    context.store.pending.set(requestId, pending);
    return pickerPage({
      requestId,
      clientId: pending.clientId,
      scopes: grantScopes(pending.scope, false),
      patients: summarisePatients(context.repo, context.today),
      error: 'Choose a patient.',
    });
  }
  const settings = settingsFromForm(form);
  return issueCode(context, pending, { patient: wantsPatient ? patient : undefined, user, settings });
}
