import type Client from 'fhirclient/lib/Client';

/**
 * What the rest of the app needs from a completed SMART launch. The FHIR reads depend on this port, not on
 * fhirclient, so they can be tested with a plain object.
 */
export interface FhirSession {
  /** FHIR base URL, without a trailing slash. */
  readonly serverUrl: string;
  /**
   * Identifies this launch (fhirclient's state key), so per-launch caches are not reused by the next launch:
   * a server may answer /metadata differently per session (the local sandbox's emulation switches do).
   */
  readonly launchId?: string;
  readonly patientId?: string;
  readonly encounterId?: string;
  /** The signed-in user as `Practitioner/id` or `PractitionerRole/id` (from the id_token's fhirUser). */
  readonly fhirUser?: string;
  /** Scopes the token response says were granted (never the requested ones). */
  readonly grantedScopes: readonly string[];
  /** False when the EHR said `need_patient_banner: false` (it shows its own banner). */
  readonly needPatientBanner: boolean;
  /** The EHR's `smart_style_url`, when the token response gave one. */
  readonly styleUrl?: string;
  /** The launch context `intent` (what the EHR asks the app to do); `review` opens the payer review. */
  readonly intent?: string;
  /** False for an open server reached through `fhirServiceUrl` (no token at all). */
  readonly authorized: boolean;
  /** The Authorization header value for the next request, refreshing first when the token is about to expire. */
  authorization(): Promise<string | undefined>;
  /** Try once to get a new access token with the refresh token. Resolves false when that is not possible. */
  refresh(): Promise<boolean>;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Adapt a fhirclient `Client` (after `ready()`) to a `FhirSession`. */
export function sessionFromClient(client: Client): FhirSession {
  const tokenResponse = client.state.tokenResponse ?? {};
  const scope = text(tokenResponse.scope) ?? '';
  const fhirUser = text(client.getFhirUser());
  return {
    serverUrl: client.state.serverUrl.replace(/\/+$/, ''),
    launchId: text(client.state.key),
    patientId: text(client.getPatientId()),
    encounterId: text(client.getEncounterId()),
    fhirUser: fhirUser && /^(Practitioner|PractitionerRole)\/[^/]+$/.test(fhirUser) ? fhirUser : undefined,
    grantedScopes: scope.split(/\s+/).filter(Boolean),
    needPatientBanner: tokenResponse.need_patient_banner !== false,
    styleUrl: text(tokenResponse.smart_style_url),
    intent: text(tokenResponse.intent),
    authorized: Boolean(text(tokenResponse.access_token)),
    async authorization() {
      try {
        await client.refreshIfNeeded();
      } catch {
        // A failed refresh is reported by the 401 that follows, as AuthExpired.
      }
      return client.getAuthorizationHeader() ?? undefined;
    },
    async refresh() {
      if (!client.state.tokenResponse?.refresh_token) {
        return false;
      }
      try {
        await client.refresh();
        return true;
      } catch {
        return false;
      }
    },
  };
}
