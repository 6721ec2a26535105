/**
 * Typed errors for launching, authorising and reading from a FHIR server.
 *
 * Each error carries the facts a user needs (status, scope, diagnostics) and never a token, a URL with a
 * patient id in it, or patient data. The words shown to the user come from `src/ui/strings.ts`
 * (`describeError`); `message` here is a short developer summary that is equally free of secrets.
 */

import type { ConfigError } from '../config/config-error.ts';

/** Why a SMART launch could not start or finish. */
export type LaunchFailure =
  | 'no-iss'
  | 'no-launch'
  | 'unknown-issuer'
  | 'unexpected-parameter'
  | 'state-mismatch'
  | 'no-session'
  | 'authorization-denied'
  | 'discovery-failed'
  | 'pkce-unsupported'
  | 'token-exchange-failed'
  | 'no-patient'
  | 'unknown-server';

/** Common base: every app error has a stable `kind` for exhaustive rendering. */
export abstract class AppError extends Error {
  abstract readonly kind: AppErrorKind;
}

/** The launch (authorize or ready) failed before any data was read. */
export class LaunchError extends AppError {
  readonly kind = 'launch';
  /**
   * @param reason what went wrong
   * @param detail a safe, non-secret detail: the issuer URL, an OAuth error code, an HTTP status
   */
  constructor(
    readonly reason: LaunchFailure,
    readonly detail?: string,
  ) {
    super(`Launch failed: ${reason}`);
    this.name = 'LaunchError';
  }
}

/** 401: the access token expired or was revoked, and refreshing did not help. */
export class AuthExpired extends AppError {
  readonly kind = 'auth-expired';
  constructor(readonly resourceType: string) {
    super(`401 reading ${resourceType}`);
    this.name = 'AuthExpired';
  }
}

/** 403: the token lacks a scope. `scope` is the one the server named, or else the one the read needs. */
export class ScopeMissing extends AppError {
  readonly kind = 'scope-missing';
  constructor(
    readonly resourceType: string,
    readonly scope: string,
    /** True when the scope came from the server's OperationOutcome, false when it is our inference. */
    readonly scopeFromServer: boolean,
    readonly diagnostics: readonly string[],
  ) {
    super(`403 reading ${resourceType}: scope ${scope}`);
    this.name = 'ScopeMissing';
  }
}

/** 404 on a read the app needs. */
export class NotFound extends AppError {
  readonly kind = 'not-found';
  constructor(
    readonly resourceType: string,
    readonly diagnostics: readonly string[],
  ) {
    super(`404 reading ${resourceType}`);
    this.name = 'NotFound';
  }
}

/** 429 that persisted through every retry. */
export class RateLimited extends AppError {
  readonly kind = 'rate-limited';
  constructor(
    readonly resourceType: string,
    readonly attempts: number,
    /** The last Retry-After the server sent, in seconds, when it sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`429 reading ${resourceType} after ${attempts} attempts`);
    this.name = 'RateLimited';
  }
}

/** 503 (or 502/504) that persisted through every retry. */
export class Unavailable extends AppError {
  readonly kind = 'unavailable';
  constructor(
    readonly resourceType: string,
    readonly status: number,
    readonly attempts: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(`${status} reading ${resourceType} after ${attempts} attempts`);
    this.name = 'Unavailable';
  }
}

/** The request never got an HTTP answer (offline, DNS, CORS, connection reset). */
export class NetworkError extends AppError {
  readonly kind = 'network';
  constructor(readonly resourceType: string) {
    super(`Network failure reading ${resourceType}`);
    this.name = 'NetworkError';
  }
}

/** Any other HTTP failure, with the server's OperationOutcome when it sent one. */
export class FhirHttpError extends AppError {
  readonly kind = 'http';
  constructor(
    readonly resourceType: string,
    readonly status: number,
    readonly operationOutcome: unknown,
    readonly diagnostics: readonly string[],
  ) {
    super(`${status} reading ${resourceType}`);
    this.name = 'FhirHttpError';
  }
}

/** Every error kind the UI knows how to render. */
export type AppErrorKind =
  | 'launch'
  | 'config'
  | 'auth-expired'
  | 'scope-missing'
  | 'not-found'
  | 'rate-limited'
  | 'unavailable'
  | 'network'
  | 'http';

/** The closed set of app errors, for exhaustive switches. */
export type KnownError =
  | LaunchError
  | ConfigError
  | AuthExpired
  | ScopeMissing
  | NotFound
  | RateLimited
  | Unavailable
  | NetworkError
  | FhirHttpError;

/** Narrow an unknown thrown value to a known app error. */
export function isKnownError(value: unknown): value is KnownError {
  return value instanceof AppError;
}
