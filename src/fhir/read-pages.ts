import { FhirHttpError } from './errors.ts';
import { fetchFhirJson, type RetryPolicy } from './fhir-fetch.ts';
import type { ReadTask } from './read-plan.ts';
import type { FhirSession } from './session.ts';

/** A resource as the server returned it, with its Bundle fullUrl when it came from a search. */
export interface RawEntry {
  readonly resource: unknown;
  readonly fullUrl?: string;
}

/** Everything one read task brought back. */
export interface TaskResult {
  readonly entries: readonly RawEntry[];
  /** Resources that matched the search (or 1 for a read); `_include`d ones are not counted. */
  readonly matched: number;
  readonly pages: number;
  /** True when the page limit stopped the paging while the server still had a next page. */
  readonly truncated: boolean;
  /** True when a next link pointed at another server and was not followed (the token must not go there). */
  readonly foreignNextLink: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nextLink(bundle: Record<string, unknown>): string | undefined {
  const links = Array.isArray(bundle.link) ? bundle.link.filter(isObject) : [];
  const next = links.find((link) => link.relation === 'next');
  return typeof next?.url === 'string' ? next.url : undefined;
}

/** Options for one task's paging. */
export interface PagingOptions {
  readonly pageLimit: number;
  readonly retry: RetryPolicy;
  readonly signal?: AbortSignal;
  /** Called after each page with the running count of matched resources. */
  readonly onPage?: (matched: number, pages: number) => void;
}

/**
 * Run one read task: a single read, or a search followed through its next links up to `pageLimit` pages.
 * Next links are only followed on the FHIR server's own origin.
 */
export async function readTask(
  session: FhirSession,
  task: ReadTask,
  options: PagingOptions,
): Promise<TaskResult> {
  const target = {
    resourceType: task.resourceType,
    requiredScope: task.requiredScope,
    signal: options.signal,
  };
  const base = `${session.serverUrl}/`;
  let url: string | undefined = new URL(task.path, base).href;
  if (!task.search) {
    const resource = await fetchFhirJson(session, url, options.retry, target);
    options.onPage?.(1, 1);
    return { entries: [{ resource }], matched: 1, pages: 1, truncated: false, foreignNextLink: false };
  }
  const origin = new URL(base).origin;
  const seen = new Set<string>();
  const entries: RawEntry[] = [];
  let matched = 0;
  let pages = 0;
  let foreignNextLink = false;
  while (url !== undefined && pages < options.pageLimit) {
    seen.add(url);
    const bundle = await fetchFhirJson(session, url, options.retry, target);
    if (!isObject(bundle) || bundle.resourceType !== 'Bundle') {
      throw new FhirHttpError(task.resourceType, 200, undefined, ['The search answer was not a Bundle.']);
    }
    pages += 1;
    for (const entry of Array.isArray(bundle.entry) ? bundle.entry.filter(isObject) : []) {
      const mode = isObject(entry.search) ? entry.search.mode : undefined;
      if (mode === 'outcome' || !isObject(entry.resource)) {
        continue;
      }
      entries.push(
        typeof entry.fullUrl === 'string'
          ? { resource: entry.resource, fullUrl: entry.fullUrl }
          : { resource: entry.resource },
      );
      if (mode !== 'include') {
        matched += 1;
      }
    }
    options.onPage?.(matched, pages);
    const next = nextLink(bundle);
    url = undefined;
    if (next !== undefined) {
      const resolved = new URL(next, base);
      if (resolved.origin !== origin) {
        foreignNextLink = true;
      } else if (!seen.has(resolved.href)) {
        url = resolved.href;
      }
    }
  }
  return { entries, matched, pages, truncated: url !== undefined, foreignNextLink };
}
