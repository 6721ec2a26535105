import {
  AuthExpired,
  FhirHttpError,
  NetworkError,
  NotFound,
  RateLimited,
  ScopeMissing,
  Unavailable,
} from './errors.ts';
import { outcomeDiagnostics, scopeNamedIn } from './operation-outcome.ts';
import type { FhirSession } from './session.ts';

/** How to retry throttled (429) and unavailable (502/503/504) answers. */
export interface RetryPolicy {
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  /** A wait longer than this (from Retry-After or backoff) makes the read give up at once. */
  readonly maxDelayMs: number;
  /** Waits; tests replace it to observe the delays without sleeping. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What is being read, for error messages and the scope a 403 most likely lacks. */
export interface ReadTarget {
  readonly resourceType: string;
  readonly requiredScope: string;
  readonly signal?: AbortSignal;
}

const transient = new Set([429, 502, 503, 504]);

/** Wait `ms`, or reject with the abort reason when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(header.trim())) {
    return Number(header.trim()) * 1000;
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function readBody(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function failure(status: number, body: unknown, target: ReadTarget): Error {
  const diagnostics = outcomeDiagnostics(body);
  if (status === 403) {
    const named = scopeNamedIn(diagnostics);
    return new ScopeMissing(
      target.resourceType,
      named ?? target.requiredScope,
      named !== undefined,
      diagnostics,
    );
  }
  if (status === 404) {
    return new NotFound(target.resourceType, diagnostics);
  }
  return new FhirHttpError(target.resourceType, status, body, diagnostics);
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/**
 * GET one FHIR URL as JSON with the session's token. Retries 429/502/503/504 and network failures (no
 * answer, e.g. a dropped connection) with exponential backoff, honouring Retry-After; on 401 tries one token
 * refresh. Every failure is a typed error; an abort rejects
 * with the signal's reason.
 * @throws {AuthExpired | ScopeMissing | NotFound | RateLimited | Unavailable | NetworkError | FhirHttpError}
 */
export async function fetchFhirJson(
  session: FhirSession,
  url: string,
  policy: RetryPolicy,
  target: ReadTarget,
): Promise<unknown> {
  const wait = policy.sleep ?? sleep;
  let refreshed = false;
  let retries = 0;
  for (;;) {
    const headers: Record<string, string> = { accept: 'application/fhir+json' };
    const authorization = await session.authorization();
    if (authorization) {
      headers.authorization = authorization;
    }
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: target.signal });
    } catch (error) {
      if (isAbort(error, target.signal)) {
        throw target.signal?.reason ?? error;
      }
      // A GET is safe to repeat: a dropped connection or a network blip gets the same backoff as a 503.
      if (retries >= policy.maxRetries) {
        throw new NetworkError(target.resourceType);
      }
      await wait(Math.min(policy.baseDelayMs * 2 ** retries, policy.maxDelayMs), target.signal);
      retries += 1;
      continue;
    }
    if (response.ok) {
      const body = await readBody(response);
      if (body === undefined) {
        throw new FhirHttpError(target.resourceType, response.status, undefined, [
          'The answer was not JSON.',
        ]);
      }
      return body;
    }
    if (response.status === 401) {
      await readBody(response);
      if (!refreshed && (await session.refresh())) {
        refreshed = true;
        continue;
      }
      throw new AuthExpired(target.resourceType);
    }
    if (transient.has(response.status)) {
      await readBody(response);
      const asked = retryAfterMs(response.headers.get('retry-after'));
      const delay = asked ?? Math.min(policy.baseDelayMs * 2 ** retries, policy.maxDelayMs);
      const seconds = asked === undefined ? undefined : Math.ceil(asked / 1000);
      if (retries >= policy.maxRetries || delay > policy.maxDelayMs) {
        const attempts = retries + 1;
        throw response.status === 429
          ? new RateLimited(target.resourceType, attempts, seconds)
          : new Unavailable(target.resourceType, response.status, attempts, seconds);
      }
      retries += 1;
      await wait(delay, target.signal);
      continue;
    }
    throw failure(response.status, await readBody(response), target);
  }
}
