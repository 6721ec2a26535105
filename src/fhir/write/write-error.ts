/**
 * Why a write failed, as data the draft panel renders with a next step. A failed write never discards the
 * draft: every kind except `invalid-draft` can be retried as is, and a retry never duplicates (conditional
 * creates).
 */
import type { ValidationIssue } from '../../validate/issue.ts';
import { outcomeDiagnostics, scopeNamedIn } from '../operation-outcome.ts';

/** A failed write. `resourceType` names what was being written (the draft, Provenance or the Bundle). */
export type WriteError =
  /** The draft failed R4 validation; nothing was sent. */
  | { readonly kind: 'invalid-draft'; readonly issues: readonly ValidationIssue[] }
  /** 401: the session expired; relaunch from the EHR. */
  | { readonly kind: 'auth-expired'; readonly status: 401; readonly resourceType: string }
  /** 403: the token lacks a scope; `scope` is the server's, or the one the write needs. */
  | {
      readonly kind: 'scope-missing';
      readonly status: 403;
      readonly resourceType: string;
      readonly scope: string;
      readonly scopeFromServer: boolean;
      readonly diagnostics: readonly string[];
    }
  /** 409/412: someone else changed it; reload the draft. */
  | {
      readonly kind: 'conflict';
      readonly status: 409 | 412;
      readonly resourceType: string;
      readonly diagnostics: readonly string[];
    }
  /** 400/422: the server refused the content; show its diagnostics. */
  | {
      readonly kind: 'rejected';
      readonly status: 400 | 422;
      readonly resourceType: string;
      readonly diagnostics: readonly string[];
    }
  /** 5xx, or 429 (too many requests): the server cannot take it now; the draft stays and the user can retry. */
  | {
      readonly kind: 'unavailable';
      readonly status: number;
      readonly resourceType: string;
      readonly diagnostics: readonly string[];
    }
  /** No HTTP answer (offline, DNS, CORS); the draft stays and the user can retry. */
  | { readonly kind: 'network'; readonly resourceType: string }
  /** Any other status (e.g. 404 on the base URL), with the server's diagnostics. */
  | {
      readonly kind: 'http';
      readonly status: number;
      readonly resourceType: string;
      readonly diagnostics: readonly string[];
    };

/** How the app names scopes (`src/config` `scopes`): context and v1/v2 syntax. */
export interface ScopeStyle {
  readonly context?: 'user' | 'patient';
  readonly syntax?: 'v2' | 'v1';
}

/** The create scope for a type: `user/Claim.c` (SMART v2) or `user/Claim.write` (v1). */
export function createScope(resourceType: string, style: ScopeStyle = {}): string {
  return `${style.context ?? 'user'}/${resourceType}.${style.syntax === 'v1' ? 'write' : 'c'}`;
}

/** Whether the same write may simply be tried again (conditional creates make that safe). */
export function isRetryable(error: WriteError): boolean {
  return error.kind === 'unavailable' || error.kind === 'network';
}

/**
 * The error for a non-2xx answer.
 *
 * @param scopeStyle how to name the write scope when the server names none
 */
export function writeErrorFrom(
  status: number,
  body: unknown,
  resourceType: string,
  scopeStyle: ScopeStyle = {},
): WriteError {
  const diagnostics = outcomeDiagnostics(body);
  if (status === 401) {
    return { kind: 'auth-expired', status, resourceType };
  }
  if (status === 403) {
    const named = scopeNamedIn(diagnostics);
    return {
      kind: 'scope-missing',
      status,
      resourceType,
      scope: named ?? createScope(resourceType, scopeStyle),
      scopeFromServer: named !== undefined,
      diagnostics,
    };
  }
  if (status === 409 || status === 412) {
    return { kind: 'conflict', status, resourceType, diagnostics };
  }
  if (status === 400 || status === 422) {
    return { kind: 'rejected', status, resourceType, diagnostics };
  }
  // Source: RFC 6585 §4 — 429 means "too many requests", a transient refusal the same write may repeat.
  if (status >= 500 || status === 429) {
    return { kind: 'unavailable', status, resourceType, diagnostics };
  }
  return { kind: 'http', status, resourceType, diagnostics };
}
