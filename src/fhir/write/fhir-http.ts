/**
 * The one port the writer talks through: a FHIR HTTP call and its answer. Adapters make it from a SMART
 * session (the app; refreshes the token before each call), or from a base URL with an optional token
 * (the CLI, tests, and a configured separate write target).
 */
import type { FhirSession } from '../session.ts';

/** An HTTP answer: status, lower-cased headers, and the JSON body (undefined when empty or not JSON). */
export interface FhirHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * One FHIR call. `url` is relative to the FHIR base (`''` for the base itself, `ChargeItem`, ...).
 * Rejects only when there was no HTTP answer at all (network failure).
 */
export type FhirHttp = (
  method: 'GET' | 'POST',
  url: string,
  body: unknown,
  headers: Readonly<Record<string, string>>,
) => Promise<FhirHttpResponse>;

/** How an adapter reaches the server. */
export interface FhirHttpOptions {
  /** The `Authorization` header value for the next call (refreshing first when needed), if any. */
  readonly authorization?: () => Promise<string | undefined>;
  /** The fetch to use; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** A `FhirHttp` over fetch for a FHIR base URL (trailing slashes ignored). */
export function fetchFhirHttp(baseUrl: string, options: FhirHttpOptions = {}): FhirHttp {
  const base = baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return async (method, url, body, headers) => {
    const all: Record<string, string> = { accept: 'application/fhir+json', ...headers };
    if (body !== undefined) {
      all['content-type'] = 'application/fhir+json';
    }
    const authorization = await options.authorization?.();
    if (authorization) {
      all.authorization = authorization;
    }
    const response = await doFetch(url === '' ? base : `${base}/${url}`, {
      method,
      headers: all,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name.toLowerCase()] = value;
    });
    return { status: response.status, headers: responseHeaders, body: await readJson(response) };
  };
}

/**
 * A `FhirHttp` for the launching server. The session's `authorization()` refreshes the token when it is
 * about to expire (fhirclient's `create` does not), so a long attestation does not end in a 401.
 */
export function sessionFhirHttp(session: FhirSession, fetchImpl?: typeof fetch): FhirHttp {
  return fetchFhirHttp(session.serverUrl, {
    authorization: () => session.authorization(),
    ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
  });
}
