/**
 * The sandbox's transport-neutral request and response. The node:http server and the msw handlers both
 * translate to and from these, and call the same `Sandbox.handle`, so tests and sandbox cannot drift apart.
 */
export interface SandboxRequest {
  method: string;
  url: URL;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** What to send back. `fault: 'drop'` asks the transport to cut the connection instead of answering. */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  fault?: 'drop';
  /** Milliseconds the transport waits before answering (the chaos "slow response"). */
  delayMs?: number;
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** A FHIR JSON response. */
export function fhirJson(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): SandboxResponse {
  return { status, headers: { 'content-type': FHIR_JSON, ...headers }, body: JSON.stringify(value) };
}

/** A plain JSON response (OAuth endpoints), never cached since it may carry tokens. */
export function plainJson(status: number, value: unknown): SandboxResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      pragma: 'no-cache',
    },
    body: JSON.stringify(value),
  };
}

/** An HTML page. */
export function htmlPage(status: number, html: string): SandboxResponse {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    },
    body: html,
  };
}

/** A 303 See Other redirect. */
export function redirect(location: string): SandboxResponse {
  return { status: 303, headers: { location, 'cache-control': 'no-store' }, body: '' };
}
