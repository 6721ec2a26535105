import type { ServerCapability } from './capability.ts';
import { scopesGrant } from './granted-scopes.ts';
import type { FhirSession } from './session.ts';

/** The draft types the app can write. */
export type DraftType = 'ChargeItem' | 'Claim';

/** Whether the app may create one draft type on the launching server, and why. */
export interface WriteAbility {
  readonly resourceType: DraftType;
  readonly allowed: boolean;
  readonly reason:
    | 'granted'
    | 'open-server'
    | 'scope-not-granted'
    | 'server-cannot-create'
    | 'capability-unknown';
}

/**
 * Decide from the scopes the token response granted (never the requested ones) and the server's
 * CapabilityStatement. An open server has no scopes, so only its CapabilityStatement counts.
 */
export function writeAbility(
  session: FhirSession,
  capability: ServerCapability | undefined,
  resourceType: DraftType,
): WriteAbility {
  if (session.authorized && !scopesGrant(session.grantedScopes, resourceType, 'c')) {
    return { resourceType, allowed: false, reason: 'scope-not-granted' };
  }
  if (!capability) {
    return { resourceType, allowed: false, reason: 'capability-unknown' };
  }
  if (!capability.creatable.includes(resourceType)) {
    return { resourceType, allowed: false, reason: 'server-cannot-create' };
  }
  return { resourceType, allowed: true, reason: session.authorized ? 'granted' : 'open-server' };
}
