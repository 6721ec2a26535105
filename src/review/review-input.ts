/**
 * Finds the drafts to review in what the reviewer opened: a Claim, a ChargeItem, or a Bundle (transaction
 * with Provenance, collection of draft plus evidence, searchset) holding one or more of them.
 */

import { bundleEntries } from './evidence-source.ts';
import { isObject, str } from './json-access.ts';
import type { DraftInput } from './review-draft.ts';

/** The drafts in an input, or why there are none. */
export type DraftsFound =
  | { readonly ok: true; readonly drafts: readonly DraftInput[]; readonly isBundle: boolean }
  | { readonly ok: false; readonly problem: string };

const DRAFT_TYPES = new Set(['Claim', 'ChargeItem']);

/** The drafts in a parsed JSON value. */
export function draftsFromJson(json: unknown): DraftsFound {
  if (!isObject(json) || typeof json.resourceType !== 'string') {
    return { ok: false, problem: 'not a FHIR resource (no resourceType)' };
  }
  if (DRAFT_TYPES.has(json.resourceType)) {
    return { ok: true, drafts: [{ resource: json, position: 0 }], isBundle: false };
  }
  if (json.resourceType !== 'Bundle') {
    return { ok: false, problem: `a ${str(json, 'resourceType')} is not a Claim, a ChargeItem or a Bundle` };
  }
  const drafts = bundleEntries(json).flatMap((entry, position): DraftInput[] =>
    DRAFT_TYPES.has(String(entry.resource.resourceType)) ? [{ ...entry, position }] : [],
  );
  return drafts.length === 0
    ? { ok: false, problem: 'the Bundle holds no Claim or ChargeItem' }
    : { ok: true, drafts, isBundle: true };
}
