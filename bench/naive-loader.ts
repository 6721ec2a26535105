/**
 * The naive way to load a record, as the DTR reference app does: one request after another. /metadata, then
 * each read in turn, each search's pages one after the other. Used by the bench as the baseline the app's
 * one-wave loader is compared with; it reads exactly the tasks it is given.
 */
import type { RawEntry } from '../src/fhir/read-pages.ts';
import type { ReadTask } from '../src/fhir/read-plan.ts';
import type { FhirSession } from '../src/fhir/session.ts';

/** What the naive loader brought back. */
export interface NaiveResult {
  readonly entries: readonly RawEntry[];
  readonly requests: number;
}

interface BundleLike {
  readonly link?: readonly { relation?: string; url?: string }[];
  readonly entry?: readonly { resource?: unknown; fullUrl?: string }[];
}

async function getJson(session: FhirSession, url: string): Promise<unknown> {
  const authorization = await session.authorization();
  const response = await fetch(url, {
    headers: { accept: 'application/fhir+json', ...(authorization ? { authorization } : {}) },
  });
  if (!response.ok) {
    throw new Error(`naive loader: ${response.status} for ${url}`);
  }
  return response.json();
}

/** Loads `tasks` strictly one request at a time, following every search's next links in turn. */
export async function naiveLoad(session: FhirSession, tasks: readonly ReadTask[]): Promise<NaiveResult> {
  let requests = 1;
  await getJson(session, `${session.serverUrl}/metadata`);
  const entries: RawEntry[] = [];
  for (const task of tasks) {
    let url: string | undefined = `${session.serverUrl}/${task.path}`;
    while (url !== undefined) {
      requests += 1;
      const body = await getJson(session, url);
      if (!task.search) {
        entries.push({ resource: body });
        break;
      }
      const bundle = body as BundleLike;
      for (const entry of bundle.entry ?? []) {
        entries.push({ resource: entry.resource, ...(entry.fullUrl ? { fullUrl: entry.fullUrl } : {}) });
      }
      url = bundle.link?.find((link) => link.relation === 'next')?.url;
    }
  }
  return { entries, requests };
}
