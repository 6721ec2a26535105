/**
 * Reference resolution: every reference in the record becomes `Type/id`, whichever form the source used
 * (`Type/id`, an absolute URL ending in `Type/id`, or a `urn:uuid:` fullUrl inside a Bundle).
 */
import type { Ref } from '../../domain/record.ts';

const RELATIVE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** Maps Bundle `fullUrl`s (urn:uuid: or absolute) to the `Type/id` of the resource they name. */
export type FullUrlIndex = ReadonlyMap<string, Ref>;

/**
 * Resolves one reference string to `Type/id`, or `undefined` when it cannot be resolved
 * (a contained `#id`, a dangling `urn:uuid:`, or text that is not a reference).
 */
export function resolveReference(reference: string | undefined, fullUrls: FullUrlIndex): Ref | undefined {
  if (reference === undefined || reference.startsWith('#')) {
    return undefined;
  }
  const viaBundle = fullUrls.get(reference);
  if (viaBundle !== undefined) {
    return viaBundle;
  }
  if (reference.startsWith('urn:')) {
    return undefined;
  }
  const match = RELATIVE.exec(reference);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** The `Type/id` a Bundle entry's fullUrl stands for, when the fullUrl itself says so. */
export function refFromFullUrl(fullUrl: string): Ref | undefined {
  const match = RELATIVE.exec(fullUrl);
  return match ? `${match[1]}/${match[2]}` : undefined;
}
