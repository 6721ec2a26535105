/**
 * The transaction Bundle that writes a draft with its Provenance, and the Bundle offered for download.
 * Pure: the caller supplies the uuids.
 *
 * Both transaction entries are conditional creates, so a retried or repeated transaction creates nothing new:
 * the draft by its business identifier, the Provenance by its `meta.tag` (R4 Provenance has no identifier).
 * Source: HL7 FHIR R4 http.html#ccreate (conditional create) and Bundle.entry.request.ifNoneExist.
 */
import type { Bundle, BundleEntry, Provenance } from './fhir-types.ts';
import type { DraftIds, DraftResource } from './types.ts';
import { DRAFT_IDENTIFIER_SYSTEM, DRAFT_PROVENANCE_TAG_SYSTEM } from './urls.ts';

/** A draft ready to write: the resource, its Provenance (target `urn:uuid:<ids.draft>`) and the ids. */
export interface DraftPackage {
  readonly resource: DraftResource;
  readonly provenance: Provenance;
  readonly ids: DraftIds;
}

/** `urn:uuid:<id>`. */
export function urnUuid(id: string): string {
  return `urn:uuid:${id}`;
}

function identifierValueOf(resource: DraftResource): string | undefined {
  return resource.identifier?.find((i) => i.system === DRAFT_IDENTIFIER_SYSTEM)?.value;
}

/** The `If-None-Exist` query for the draft (`identifier=<system>|<value>`, URL-encoded), when it has one. */
export function draftCondition(resource: DraftResource): string | undefined {
  const value = identifierValueOf(resource);
  return value === undefined
    ? undefined
    : `identifier=${encodeURIComponent(`${DRAFT_IDENTIFIER_SYSTEM}|${value}`)}`;
}

/** The tag code tying a Provenance to its draft: `<ResourceType>_<identifier value>`. */
export function provenanceTagCode(resource: DraftResource): string | undefined {
  const value = identifierValueOf(resource);
  return value === undefined ? undefined : `${resource.resourceType}_${value}`;
}

/** The `If-None-Exist` query for the Provenance (`_tag=<system>|<code>`, URL-encoded), when the draft has an identifier. */
export function provenanceCondition(resource: DraftResource): string | undefined {
  const code = provenanceTagCode(resource);
  return code === undefined
    ? undefined
    : `_tag=${encodeURIComponent(`${DRAFT_PROVENANCE_TAG_SYSTEM}|${code}`)}`;
}

/** The Provenance with its draft tag, as it is written. */
export function taggedProvenance(resource: DraftResource, provenance: Provenance): Provenance {
  const code = provenanceTagCode(resource);
  if (code === undefined) {
    return provenance;
  }
  const tag = [...(provenance.meta?.tag ?? []), { system: DRAFT_PROVENANCE_TAG_SYSTEM, code }];
  return { ...provenance, meta: { ...provenance.meta, tag } };
}

function createEntry(
  fullUrl: string,
  resource: DraftResource | Provenance,
  ifNoneExist: string | undefined,
): BundleEntry {
  return {
    fullUrl,
    resource,
    request: {
      method: 'POST',
      url: resource.resourceType,
      ...(ifNoneExist === undefined ? {} : { ifNoneExist }),
    },
  };
}

/** The transaction Bundle: the draft, then its Provenance, both conditional creates. */
export function buildDraftTransaction(draft: DraftPackage): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      createEntry(urnUuid(draft.ids.draft), draft.resource, draftCondition(draft.resource)),
      createEntry(
        urnUuid(draft.ids.provenance),
        taggedProvenance(draft.resource, draft.provenance),
        provenanceCondition(draft.resource),
      ),
    ],
  };
}

/**
 * The Bundle offered for download or copy when the server cannot take the write: a `collection` holding the
 * draft and its Provenance, whose target resolves to the draft's fullUrl inside the Bundle.
 *
 * @param timestamp when the Bundle was assembled (caller's clock), ISO 8601 instant
 */
export function buildDownloadBundle(draft: DraftPackage, timestamp: string): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp,
    entry: [
      { fullUrl: urnUuid(draft.ids.draft), resource: draft.resource },
      {
        fullUrl: urnUuid(draft.ids.provenance),
        resource: taggedProvenance(draft.resource, draft.provenance),
      },
    ],
  };
}
