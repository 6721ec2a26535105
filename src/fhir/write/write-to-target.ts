/**
 * Writes a draft to a configured separate write target (another FHIR base URL: a billing system or payer
 * endpoint), for when the launching server cannot take the write. The target is another server, so it is
 * reached with no Authorization header: this module never sees the SMART session or its token. The draft's
 * references are made absolute against the EHR's FHIR base, so they still point at the record they came from.
 */
import { withAbsoluteReferences } from '../../domain/draft/absolute-references.ts';
import type { DraftPackage } from '../../domain/draft/bundles.ts';
import { fetchFhirHttp } from './fhir-http.ts';
import { type WriteOptions, type WriteOutcome, writeDraft } from './write-draft.ts';

/** A configured separate write target (`src/config` `writeTarget`). */
export interface WriteTarget {
  readonly name: string;
  readonly url: string;
}

/** How to write to the target. */
export interface TargetWriteOptions extends WriteOptions {
  /** The EHR's FHIR base URL, which the draft's relative references are resolved against. */
  readonly ehrBase: string;
  /** The fetch to use; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

/**
 * Validates, then writes the draft (references made absolute against `options.ehrBase`) and its Provenance to
 * the target's FHIR base, without credentials. Never throws: every failure is a `WriteFailure`.
 * Call it only on an explicit user action.
 */
export function writeDraftToTarget(
  target: WriteTarget,
  draft: DraftPackage,
  options: TargetWriteOptions,
): Promise<WriteOutcome> {
  const { ehrBase, fetch: fetchImpl, ...writeOptions } = options;
  // No `authorization` option: the EHR's access token must never leave for another server.
  const http = fetchFhirHttp(target.url, fetchImpl === undefined ? {} : { fetch: fetchImpl });
  return writeDraft(http, withAbsoluteReferences(draft, ehrBase), writeOptions);
}
