/**
 * The drafts (ChargeItem and Claim) a FHIR server holds for one patient, so the payer review can offer them
 * instead of asking for an id. One search per type, in parallel, first page only; nothing is assumed about
 * the resources' shape.
 */
import { isObject, type JsonObject, obj, objects, str } from './json-access.ts';
import type { FhirReader } from './server-source.ts';

/** One draft found on the server. */
export interface ServerDraft {
  /** `ChargeItem/id` or `Claim/id`. */
  readonly reference: string;
  readonly status?: string;
  /** The service period's first and last day (`YYYY-MM-DD`), when the draft has one. */
  readonly start?: string;
  readonly end?: string;
  /** `meta.lastUpdated`, for the newest-first order. */
  readonly updated?: string;
}

/** What the searches found, and which draft types could not be searched. */
export interface PatientDrafts {
  readonly drafts: readonly ServerDraft[];
  /** Resource types whose search failed (no answer, or not 200). */
  readonly unsearched: readonly string[];
}

const SEARCHES: readonly (readonly [type: 'ChargeItem' | 'Claim', parameter: string])[] = [
  ['ChargeItem', 'subject'],
  ['Claim', 'patient'],
];

const ID = /^[A-Za-z0-9.-]{1,64}$/;
const PAGE_SIZE = 50;

function day(value: string | undefined): string | undefined {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

function periodOf(resource: JsonObject): JsonObject | undefined {
  return (
    obj(resource, 'occurrencePeriod') ??
    obj(resource, 'billablePeriod') ??
    obj(objects(resource, 'item')[0], 'servicedPeriod')
  );
}

function summary(type: string, resource: JsonObject): ServerDraft | undefined {
  const id = str(resource, 'id');
  if (str(resource, 'resourceType') !== type || id === undefined || !ID.test(id)) {
    return undefined;
  }
  const period = periodOf(resource);
  const fields: Record<string, string | undefined> = {
    status: str(resource, 'status'),
    start: day(str(period, 'start')),
    end: day(str(period, 'end')),
    updated: str(obj(resource, 'meta'), 'lastUpdated'),
  };
  const known = Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { reference: `${type}/${id}`, ...Object.fromEntries(known) };
}

/**
 * Searches the server for the patient's ChargeItems and Claims, newest first. A failed search is reported
 * in `unsearched`, never thrown.
 * @param patientId the patient's id (not `Patient/id`)
 */
export async function findPatientDrafts(reader: FhirReader, patientId: string): Promise<PatientDrafts> {
  if (!ID.test(patientId)) {
    return { drafts: [], unsearched: SEARCHES.map(([type]) => type) };
  }
  const results = await Promise.all(
    SEARCHES.map(async ([type, parameter]) => {
      try {
        const response = await reader(`${type}?${parameter}=Patient/${patientId}&_count=${PAGE_SIZE}`);
        if (response.status !== 200 || !isObject(response.body)) {
          return { type, drafts: undefined };
        }
        const drafts = objects(response.body, 'entry')
          .filter((entry) => str(obj(entry, 'search'), 'mode') !== 'include')
          .flatMap((entry) => {
            const resource = obj(entry, 'resource');
            const found = resource && summary(type, resource);
            return found ? [found] : [];
          });
        return { type, drafts };
      } catch {
        return { type, drafts: undefined };
      }
    }),
  );
  const drafts = results
    .flatMap((result) => result.drafts ?? [])
    .sort((a, b) => (b.updated ?? '').localeCompare(a.updated ?? ''));
  return { drafts, unsearched: results.filter((r) => r.drafts === undefined).map((r) => r.type) };
}
