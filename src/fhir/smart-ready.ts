import { LaunchError } from './errors.ts';
import { type FhirSession, sessionFromClient } from './session.ts';
import type { OAuth2Api } from './smart-launch.ts';

/** fhirclient keeps the current state key in sessionStorage under this name. */
const smartKey = 'SMART_KEY';

/** The browser pieces `completeLaunch` touches, so tests can hand in happy-dom's. */
export interface LaunchPage {
  readonly location: Location;
  readonly history: History;
  readonly sessionStorage: Storage;
}

function storedStateKey(storage: Storage): string | undefined {
  const raw = storage.getItem(smartKey);
  if (!raw) {
    return undefined;
  }
  try {
    const key: unknown = JSON.parse(raw);
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Remove OAuth parameters from the address bar so a code or state is never left in history or a bookmark. */
function clearOAuthParameters(page: LaunchPage): void {
  const url = new URL(page.location.href);
  const names = ['code', 'state', 'error', 'error_description', 'error_uri'];
  if (names.some((name) => url.searchParams.has(name))) {
    for (const name of names) {
      url.searchParams.delete(name);
    }
    page.history.replaceState(page.history.state, '', url.href);
  }
}

function statusOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
    return String(error.status);
  }
  return undefined;
}

/**
 * Finish the SMART launch on the redirect page (`index.html`): check the returned `state` against the one
 * this tab stored, let fhirclient exchange the code (or restore the session on a reload), and leave the
 * URL without `code` or `state`.
 * @throws {LaunchError} authorization-denied, state-mismatch, no-session, token-exchange-failed, no-patient
 */
export async function completeLaunch(oauth2: OAuth2Api, page: LaunchPage): Promise<FhirSession> {
  const url = new URL(page.location.href);
  const denied = url.searchParams.get('error');
  if (denied) {
    clearOAuthParameters(page);
    throw new LaunchError('authorization-denied', denied.slice(0, 80));
  }
  const returnedState = url.searchParams.get('state');
  const storedKey = storedStateKey(page.sessionStorage);
  if (returnedState !== null) {
    if (returnedState !== storedKey || page.sessionStorage.getItem(returnedState) === null) {
      clearOAuthParameters(page);
      throw new LaunchError('state-mismatch');
    }
  } else if (!storedKey || page.sessionStorage.getItem(storedKey) === null) {
    throw new LaunchError('no-session');
  }
  let session: FhirSession;
  try {
    session = sessionFromClient(await oauth2.ready());
  } catch (error) {
    clearOAuthParameters(page);
    throw new LaunchError('token-exchange-failed', statusOf(error));
  }
  clearOAuthParameters(page);
  if (!session.patientId) {
    throw new LaunchError('no-patient');
  }
  return session;
}
