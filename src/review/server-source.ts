/**
 * An evidence source backed by a FHIR server, through a `FhirReader` port the app shell supplies (it owns
 * the SMART session; this module never talks to the network itself). Reads are one parallel wave.
 */
import { DRAFT_PROVENANCE_TAG_SYSTEM } from '../domain/draft/urls.ts';
import type { DraftTarget, EvidenceSource, ReadResult } from './evidence-source.ts';
import { arr, isObject, type JsonObject, obj, refOf } from './json-access.ts';

/** One GET relative to the FHIR base (`Claim/1`, `Provenance?target=Claim/1`): the status and JSON body. */
export type FhirReader = (path: string) => Promise<{ readonly status: number; readonly body?: unknown }>;

/** The patient-linked types the criteria read, with their patient search parameter. */
const PATIENT_SEARCHES: readonly (readonly [string, string])[] = [
  ['Condition', 'patient'],
  ['MedicationStatement', 'patient'],
  ['MedicationRequest', 'patient'],
  ['CarePlan', 'patient'],
  ['Goal', 'patient'],
  ['Encounter', 'patient'],
  ['Coverage', 'beneficiary'],
  ['Communication', 'patient'],
  ['Procedure', 'patient'],
  ['Observation', 'patient'],
  ['QuestionnaireResponse', 'patient'],
];

function entries(body: unknown): JsonObject[] {
  return arr(body, 'entry').flatMap((e) => {
    const resource = obj(e, 'resource');
    return resource === undefined ? [] : [resource];
  });
}

async function search(reader: FhirReader, path: string): Promise<JsonObject[]> {
  try {
    const response = await reader(path);
    return response.status === 200 ? entries(response.body) : [];
  } catch {
    return [];
  }
}

/**
 * A source over a FHIR server. `patientResources` reads the first page (up to 200) of each type the criteria
 * use; cited evidence is always read by reference, so a long history only limits context, never the claims.
 */
export function serverSource(reader: FhirReader): EvidenceSource {
  return {
    async read(ref): Promise<ReadResult> {
      if (!/^[A-Za-z]+\/[A-Za-z0-9.-]{1,64}$/.test(ref)) {
        return { found: false, reason: 'not-found', detail: 'not a Type/id reference' };
      }
      try {
        const response = await reader(ref);
        if (response.status === 200 && isObject(response.body)) {
          return { found: true, resource: response.body };
        }
        if (response.status === 410) {
          return { found: false, reason: 'gone', detail: 'HTTP 410' };
        }
        return response.status === 404
          ? { found: false, reason: 'not-found', detail: 'HTTP 404' }
          : { found: false, reason: 'error', detail: `HTTP ${response.status}` };
      } catch {
        return { found: false, reason: 'error', detail: 'the server did not answer' };
      }
    },
    async patientResources(patientRef) {
      const id = patientRef.startsWith('Patient/') ? patientRef.slice('Patient/'.length) : undefined;
      if (id === undefined) {
        return [];
      }
      const lists = await Promise.all(
        PATIENT_SEARCHES.map(([type, param]) =>
          search(reader, `${type}?${param}=${encodeURIComponent(id)}&_count=200`),
        ),
      );
      return lists.flat();
    },
    async provenanceFor(target: DraftTarget) {
      const [type, id] = target.ref?.split('/') ?? [];
      const queries = [
        ...(target.ref === undefined ? [] : [`Provenance?target=${encodeURIComponent(target.ref)}`]),
        // With patient/ scopes a server keeps a search to the Patient compartment, which holds only the
        // Provenance whose target is the Patient itself, so the search above finds none. The draft's own
        // search with _revinclude=Provenance:target brings its Provenance along (US Core, Basic Provenance:
        // how a client fetches the Provenance of a resource it can read).
        ...(type === undefined || id === undefined
          ? []
          : [`${type}?_id=${encodeURIComponent(id)}&_revinclude=Provenance:target`]),
        // The app tags each draft's Provenance (bundles.ts), which finds it even on servers without `target`.
        ...(target.tagCode === undefined
          ? []
          : [`Provenance?_tag=${encodeURIComponent(`${DRAFT_PROVENANCE_TAG_SYSTEM}|${target.tagCode}`)}`]),
      ];
      const lists = await Promise.all(queries.map((q) => search(reader, q)));
      const seen = new Set<string>();
      return lists.flat().filter((p) => {
        if (p.resourceType !== 'Provenance') {
          return false;
        }
        const key = refOf(p) ?? JSON.stringify(p);
        if (seen.has(key)) {
          return false;
        }
        seen.add(key);
        return true;
      });
    },
  };
}
