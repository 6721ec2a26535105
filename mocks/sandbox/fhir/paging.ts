import type { BundleLink } from '@medplum/fhirtypes';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './sandbox-repository.ts';

/**
 * `self`, `next` and `previous` links for a searchset page, as absolute URLs under the FHIR base that repeat
 * the search with another `_offset`.
 */
export function searchsetLinks(typeUrl: string, query: URLSearchParams, total: number): BundleLink[] {
  const offset = Math.max(0, Number.parseInt(query.get('_offset') ?? '0', 10) || 0);
  const requested = Number.parseInt(query.get('_count') ?? '', 10);
  const count = Math.min(Number.isNaN(requested) ? DEFAULT_PAGE_SIZE : Math.max(0, requested), MAX_PAGE_SIZE);
  const at = (newOffset: number): string => {
    const params = new URLSearchParams(query);
    params.set('_offset', String(newOffset));
    params.set('_count', String(count));
    return `${typeUrl}?${params.toString()}`;
  };
  const links: BundleLink[] = [{ relation: 'self', url: at(offset) }];
  if (count > 0 && offset + count < total) {
    links.push({ relation: 'next', url: at(offset + count) });
  }
  if (count > 0 && offset > 0) {
    links.push({ relation: 'previous', url: at(Math.max(0, offset - count)) });
  }
  return links;
}
