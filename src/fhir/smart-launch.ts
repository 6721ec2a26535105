import type Client from 'fhirclient/lib/Client';
import type { fhirclient } from 'fhirclient/lib/types';
import type { AppConfig, SandboxConfig } from '../config/app-config.ts';
import { findIssuer } from '../config/issuer.ts';
import { requestedScopes } from '../config/scopes.ts';
import { LaunchError } from './errors.ts';

/** The part of `FHIR.oauth2` the app uses; tests pass a fresh fhirclient adapter per simulated page load. */
export interface OAuth2Api {
  authorize(options: fhirclient.AuthorizeParams): Promise<unknown>;
  ready(options?: fhirclient.ReadyOptions): Promise<Client>;
}

/** Bytes of randomness in the OAuth `state` (128 bits; fhirclient's own key is shorter and uses Math.random). */
const stateKeyBytes = 16;

/** A fresh OAuth `state` from `crypto.getRandomValues`: 128 bits, base64url. */
export function newStateKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(stateKeyBytes));
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The redirect URI: the app root (`index.html`), one level above the `launch/` pages. */
export function redirectUriFor(launchPageUrl: URL): string {
  return new URL('../', launchPageUrl).href;
}

function launchFailure(error: unknown): LaunchError {
  const message = error instanceof Error ? error.message : '';
  return /PKCE|S256/.test(message)
    ? new LaunchError('pkce-unsupported')
    : new LaunchError('discovery-failed');
}

async function authorizeUrl(oauth2: OAuth2Api, options: fhirclient.AuthorizeParams): Promise<string> {
  let url: unknown;
  try {
    url = await oauth2.authorize({ ...options, noRedirect: true });
  } catch (error) {
    throw launchFailure(error);
  }
  if (typeof url !== 'string') {
    throw new LaunchError('discovery-failed');
  }
  return url;
}

/** Parameters an EHR launch URL must not carry: fhirclient would let them override the configured values. */
const refusedLaunchParameters = ['fhirServiceUrl', 'clientId', 'patientId'];

/**
 * EHR launch: read `iss` and `launch` from the launch page URL, check `iss` against the configured
 * issuers, and return the authorization URL to navigate to (PKCE S256 required, fresh 128-bit state).
 * @throws {LaunchError} no-iss, no-launch, unexpected-parameter, unknown-issuer, discovery-failed, pkce-unsupported
 */
export async function startEhrLaunch(pageUrl: URL, config: AppConfig, oauth2: OAuth2Api): Promise<string> {
  const iss = pageUrl.searchParams.get('iss');
  if (!iss) {
    throw new LaunchError('no-iss');
  }
  const launch = pageUrl.searchParams.get('launch');
  if (!launch) {
    throw new LaunchError('no-launch');
  }
  const refused = refusedLaunchParameters.find((name) => pageUrl.searchParams.has(name));
  if (refused) {
    throw new LaunchError('unexpected-parameter', refused);
  }
  const issuer = findIssuer(config, iss);
  if (!issuer) {
    throw new LaunchError('unknown-issuer', iss);
  }
  return authorizeUrl(oauth2, {
    iss,
    launch,
    clientId: issuer.clientId,
    scope: requestedScopes(config, 'ehr'),
    redirectUri: redirectUriFor(pageUrl),
    pkceMode: 'required',
    stateKey: newStateKey(),
    completeInTarget: true,
  });
}

/**
 * Standalone launch against one configured server. A `smart` server is authorized with `launch/patient`
 * (the server lets the user pick a patient); an `open` server is read without a token for `patientId`.
 * @throws {LaunchError} unknown-server, unknown-issuer, no-patient, discovery-failed, pkce-unsupported
 */
export async function startStandaloneLaunch(
  pageUrl: URL,
  config: AppConfig,
  sandbox: SandboxConfig,
  oauth2: OAuth2Api,
  patientId?: string,
): Promise<string> {
  if (!config.sandboxes.some((known) => known.url === sandbox.url && known.kind === sandbox.kind)) {
    throw new LaunchError('unknown-server', sandbox.url);
  }
  const common = { redirectUri: redirectUriFor(pageUrl), stateKey: newStateKey(), completeInTarget: true };
  if (sandbox.kind === 'open') {
    const patient = patientId?.trim();
    if (!patient) {
      throw new LaunchError('no-patient');
    }
    return authorizeUrl(oauth2, { ...common, fhirServiceUrl: sandbox.url, patientId: patient });
  }
  const issuer = findIssuer(config, sandbox.url);
  if (!issuer) {
    throw new LaunchError('unknown-issuer', sandbox.url);
  }
  return authorizeUrl(oauth2, {
    ...common,
    iss: sandbox.url,
    clientId: issuer.clientId,
    scope: requestedScopes(config, 'standalone'),
    pkceMode: 'required',
  });
}
