/**
 * Where the review gets evidence from. An interface, so the review view can pass one backed by the FHIR
 * server (fhirclient) and the CLI one backed by a Bundle or NDJSON; `bundleSource` is the Bundle one.
 */
import { arr, isObject, type JsonObject, objects, refOf, str } from './json-access.ts';

/** The result of reading one reference. */
export type ReadResult =
  | { readonly found: true; readonly resource: JsonObject }
  | {
      readonly found: false;
      /** `not-found` (404 or absent from the Bundle), `gone` (410, deleted), `error` (could not ask). */
      readonly reason: 'not-found' | 'gone' | 'error';
      /** A short technical detail (HTTP status), never resource content. */
      readonly detail?: string;
    };

/** How a draft is named, for finding its Provenance. */
export interface DraftTarget {
  /** `Claim/id` or `ChargeItem/id`. */
  readonly ref?: string;
  /** Its Bundle fullUrl (`urn:uuid:...`). */
  readonly fullUrl?: string;
  /** The app's Provenance tag code, `<Type>_<identifier value>`, when the draft has the app's identifier. */
  readonly tagCode?: string;
}

/** Evidence available to a review. */
export interface EvidenceSource {
  /** Reads one reference: `Type/id`, or a fullUrl inside a Bundle. */
  read(ref: string): Promise<ReadResult>;
  /**
   * Every other resource known about the patient (a Bundle's entries, a server's patient compartment), and
   * the shared ones (Practitioner, Organization...). Optional: without it, only cited resources are used.
   */
  patientResources?(patientRef: string): Promise<readonly JsonObject[]>;
  /** Provenance resources whose target is the draft. Optional. */
  provenanceFor?(target: DraftTarget): Promise<readonly JsonObject[]>;
}

const PATIENT_KEYS = ['subject', 'patient', 'beneficiary'] as const;

/** The reference a resource makes to its patient (subject, patient or beneficiary), as written. */
export function patientReferenceOf(resource: unknown): string | undefined {
  for (const key of PATIENT_KEYS) {
    const field = isObject(resource) ? resource[key] : undefined;
    const ref = str(field, 'reference');
    if (ref !== undefined) {
      return ref;
    }
  }
  return undefined;
}

interface IndexedEntry {
  readonly resource: JsonObject;
  readonly fullUrl?: string;
}

/** A source over the resources of one or more Bundles (or plain resource lists). */
export function bundleSource(entries: readonly IndexedEntry[]): EvidenceSource {
  const byKey = new Map<string, JsonObject>();
  const canonical = new Map<string, string>();
  for (const { resource, fullUrl } of entries) {
    const ref = refOf(resource);
    if (ref !== undefined && !byKey.has(ref)) {
      byKey.set(ref, resource);
    }
    if (fullUrl !== undefined && !byKey.has(fullUrl)) {
      byKey.set(fullUrl, resource);
      if (ref !== undefined) {
        canonical.set(fullUrl, ref);
      }
    }
  }
  const keyOf = (ref: string): string => canonical.get(ref) ?? ref;
  return {
    read(ref) {
      const resource = byKey.get(ref) ?? byKey.get(keyOf(ref));
      return Promise.resolve(
        resource === undefined ? { found: false, reason: 'not-found' } : { found: true, resource },
      );
    },
    patientResources(patientRef) {
      const patient = keyOf(patientRef);
      const out = entries
        .filter(({ resource }) => {
          const owner = patientReferenceOf(resource);
          return owner === undefined || keyOf(owner) === patient;
        })
        .map((e) => e.resource);
      return Promise.resolve(out);
    },
    provenanceFor(target) {
      const names = new Set([target.ref, target.fullUrl].filter((n): n is string => n !== undefined));
      const out = entries
        .map((e) => e.resource)
        .filter(
          (r) =>
            r.resourceType === 'Provenance' &&
            (objects(r, 'target').some((t) => {
              const ref = str(t, 'reference');
              return ref !== undefined && (names.has(ref) || names.has(keyOf(ref)));
            }) ||
              (target.tagCode !== undefined &&
                objects(r.meta, 'tag').some((t) => str(t, 'code') === target.tagCode))),
        );
      return Promise.resolve(out);
    },
  };
}

/** The entries of a Bundle (resource with its fullUrl); anything else gives none. */
export function bundleEntries(bundle: unknown): IndexedEntry[] {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') {
    return [];
  }
  return arr(bundle, 'entry').flatMap((entry) => {
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(resource)) {
      return [];
    }
    const fullUrl = str(entry, 'fullUrl');
    return [fullUrl === undefined ? { resource } : { resource, fullUrl }];
  });
}

/** Reads from each source in turn; the first that has a resource wins. */
export function combineSources(...sources: readonly EvidenceSource[]): EvidenceSource {
  return {
    async read(ref) {
      let last: ReadResult = { found: false, reason: 'not-found' };
      for (const source of sources) {
        const result = await source.read(ref);
        if (result.found) {
          return result;
        }
        // A definite answer (gone, error) says more than "not in this source".
        if (!last.found && last.reason === 'not-found') {
          last = result;
        }
      }
      return last;
    },
    async patientResources(patientRef) {
      const lists = await Promise.all(sources.map((s) => s.patientResources?.(patientRef) ?? []));
      return lists.flat();
    },
    async provenanceFor(target) {
      const lists = await Promise.all(sources.map((s) => s.provenanceFor?.(target) ?? []));
      return lists.flat();
    },
  };
}
