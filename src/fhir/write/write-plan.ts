/**
 * Where a draft can be written, decided from the server's CapabilityStatement and the scopes the token
 * response granted (never the requested ones): the launching server, or, when it cannot take the write
 * (Epic: Claim read-only and no ChargeItem; Oracle Health: ChargeItem only through a proprietary `$create`),
 * download, copy, or a configured separate write target. Pure.
 */
import type { DraftKind } from '../../domain/draft/types.ts';
import type { ServerCapability } from '../capability.ts';
import { scopesGrant } from '../granted-scopes.ts';
import { createScope, type ScopeStyle } from './write-error.ts';

/** What the decision reads. */
export interface WritePlanInput {
  readonly kind: DraftKind;
  /** The CapabilityStatement summary (`capabilityFrom`, cached per launch); undefined when it could not be read. */
  readonly capability: ServerCapability | undefined;
  /** Scopes from the token response. */
  readonly grantedScopes: readonly string[];
  /** False for an open server (no token): then only the CapabilityStatement counts. */
  readonly authorized: boolean;
  /** How the app names write scopes (`src/config` `scopes.write` and `scopes.syntax`). */
  readonly scopeStyle?: ScopeStyle;
  /** A configured separate write target (another FHIR base URL), if any. */
  readonly writeTarget?: { readonly name: string; readonly url: string };
}

/** Why the launching server cannot take the write. */
export type CannotWriteReason = 'scope-not-granted' | 'server-cannot-create' | 'capability-unknown';

/** What the app offers instead. */
export type WriteOffer = 'download' | 'copy' | 'write-target';

/** The decision. */
export type WritePlan =
  | {
      readonly where: 'server';
      /** `separate` when the CapabilityStatement lists system interactions without `transaction`. */
      readonly mode: 'transaction' | 'separate';
    }
  | {
      readonly where: 'elsewhere';
      readonly reason: CannotWriteReason;
      /** The scopes that were not granted (`user/ChargeItem.c`, `user/Provenance.c`). */
      readonly missingScopes: readonly string[];
      /** The types the server does not list with a `create` interaction. */
      readonly notCreatable: readonly string[];
      readonly offers: readonly WriteOffer[];
    };

/** The resource type a draft kind writes. */
export function draftResourceType(kind: DraftKind): 'ChargeItem' | 'Claim' {
  return kind === 'claim' ? 'Claim' : 'ChargeItem';
}

/** Decides where the draft of `kind` and its Provenance can be written. */
export function planDraftWrite(input: WritePlanInput): WritePlan {
  const types = [draftResourceType(input.kind), 'Provenance'];
  const offers: WriteOffer[] = [
    'download',
    'copy',
    ...(input.writeTarget ? (['write-target'] as const) : []),
  ];
  const missingScopes = input.authorized
    ? types
        .filter((t) => !scopesGrant(input.grantedScopes, t, 'c'))
        .map((t) => createScope(t, input.scopeStyle))
    : [];
  const capability = input.capability;
  const notCreatable = capability === undefined ? [] : types.filter((t) => !capability.creatable.includes(t));
  if (missingScopes.length > 0) {
    return { where: 'elsewhere', reason: 'scope-not-granted', missingScopes, notCreatable, offers };
  }
  if (capability === undefined) {
    return { where: 'elsewhere', reason: 'capability-unknown', missingScopes, notCreatable, offers };
  }
  if (notCreatable.length > 0) {
    return { where: 'elsewhere', reason: 'server-cannot-create', missingScopes, notCreatable, offers };
  }
  return {
    where: 'server',
    mode: capability.transaction === false ? 'separate' : 'transaction',
  };
}
