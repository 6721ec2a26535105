/**
 * Writes a draft and its Provenance: one transaction Bundle of two conditional creates, or, when the server
 * refuses transactions (400/405/501), separate conditional creates with the Provenance last.
 *
 * Idempotent: the draft's `If-None-Exist` is its business identifier and the Provenance's is its draft tag,
 * so a retry, a second click, a reload or a second tab finds what the first write made.
 * Source: HL7 FHIR R4 http.html#ccreate ("If one match: the server ignores the post and returns 200 OK") and
 * http.html#transaction.
 */
import {
  buildDraftTransaction,
  type DraftPackage,
  draftCondition,
  provenanceCondition,
  taggedProvenance,
  urnUuid,
} from '../../domain/draft/bundles.ts';
import type { DraftResource } from '../../domain/draft/types.ts';
import { isBlocking } from '../../validate/issue.ts';
import type { R4Validator } from '../../validate/r4.ts';
import type { FhirHttp, FhirHttpResponse } from './fhir-http.ts';
import { compareFoundDraft, type FoundContent } from './found-draft.ts';
import { type ScopeStyle, type WriteError, writeErrorFrom } from './write-error.ts';

/** One resource the write made or found. */
export interface WrittenResource {
  readonly resourceType: string;
  readonly id: string;
  /** `Type/id`, relative to the FHIR base the write went to. */
  readonly location: string;
  /** False when a conditional create found it already there (a repeated write). */
  readonly created: boolean;
  /**
   * The draft only, when it was found (`created: false`): whether the server's copy holds what this write
   * sent (`same`: a retry of this same draft), other content (`different`: written first by another tab or
   * session, or before later changes), or could not be read back (`unchecked`).
   */
  readonly found?: FoundContent;
}

/** The draft and its Provenance are on the server. */
export interface WriteSuccess {
  readonly ok: true;
  readonly via: 'transaction' | 'separate';
  readonly draft: WrittenResource;
  readonly provenance: WrittenResource;
}

/** The write failed. The draft is kept by the caller; `draft` is set when it was written before the failure. */
export interface WriteFailure {
  readonly ok: false;
  readonly error: WriteError;
  readonly draft?: WrittenResource;
}

/** The outcome of a write. */
export type WriteOutcome = WriteSuccess | WriteFailure;

/** How to write. */
export interface WriteOptions {
  /** Every resource is validated first; a draft that fails is never sent. */
  readonly validator: R4Validator;
  /**
   * `transaction` (default): one Bundle, falling back to separate creates when the server refuses it.
   * `separate`: go straight to separate creates (the CapabilityStatement lists no `transaction`).
   */
  readonly mode?: 'transaction' | 'separate';
  /** How to name the write scope on a 403 that names none (default `user/<Type>.c`). */
  readonly scopeStyle?: ScopeStyle;
}

// Source: issue 5 item 3 and HL7 FHIR R4 http.html — 400/405/501 to a transaction mean "not here": fall back.
const TRANSACTION_REFUSED = new Set([400, 405, 501]);

const LOCATION = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9.-]{1,64})(?:\/_history\/[^/]+)?\/?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fromLocation(location: unknown, resourceType: string): string | undefined {
  if (typeof location !== 'string') {
    return undefined;
  }
  const match = LOCATION.exec(location);
  return match?.[1] === resourceType ? match[2] : undefined;
}

function idIn(body: unknown, resourceType: string): string | undefined {
  return isRecord(body) && body.resourceType === resourceType && typeof body.id === 'string'
    ? body.id
    : undefined;
}

function written(resourceType: string, id: string, created: boolean): WrittenResource {
  return { resourceType, id, location: `${resourceType}/${id}`, created };
}

function fail(error: WriteError, draft?: WrittenResource): WriteFailure {
  return draft === undefined ? { ok: false, error } : { ok: false, error, draft };
}

function validationFailure(draft: DraftPackage, validator: R4Validator): WriteFailure | undefined {
  const issues = validator.validate(buildDraftTransaction(draft)).filter(isBlocking);
  return issues.length > 0 ? fail({ kind: 'invalid-draft', issues }) : undefined;
}

async function send(
  http: FhirHttp,
  method: 'GET' | 'POST',
  url: string,
  body: unknown,
  headers: Readonly<Record<string, string>>,
): Promise<FhirHttpResponse | undefined> {
  try {
    return await http(method, url, body, headers);
  } catch {
    return undefined;
  }
}

function transactionEntries(response: FhirHttpResponse): unknown[] {
  return isRecord(response.body) && Array.isArray(response.body.entry) ? response.body.entry : [];
}

function transactionEntry(
  response: FhirHttpResponse,
  index: number,
  resourceType: string,
): WrittenResource | undefined {
  const entry: unknown = transactionEntries(response)[index];
  if (!isRecord(entry)) {
    return undefined;
  }
  const answer = isRecord(entry.response) ? entry.response : {};
  const id = fromLocation(answer.location, resourceType) ?? idIn(entry.resource, resourceType);
  const status = typeof answer.status === 'string' ? answer.status : '';
  return id === undefined ? undefined : written(resourceType, id, status.startsWith('201'));
}

async function viaTransaction(
  http: FhirHttp,
  draft: DraftPackage,
  options: WriteOptions,
): Promise<WriteOutcome | 'refused'> {
  const response = await send(http, 'POST', '', buildDraftTransaction(draft), {});
  if (response === undefined) {
    return fail({ kind: 'network', resourceType: 'Bundle' });
  }
  if (TRANSACTION_REFUSED.has(response.status)) {
    return 'refused';
  }
  if (response.status < 200 || response.status >= 300) {
    // A 403 on the Bundle is about a type inside it; name the draft's scope when the server names none.
    const about = response.status === 403 ? draft.resource.resourceType : 'Bundle';
    return fail(writeErrorFrom(response.status, response.body, about, options.scopeStyle));
  }
  const written0 = transactionEntry(response, 0, draft.resource.resourceType);
  const written1 = transactionEntry(response, 1, 'Provenance');
  if (written0 === undefined || written1 === undefined) {
    // A 2xx without a transaction-response we can read: the separate creates find what it made, if anything.
    return 'refused';
  }
  const first: unknown = transactionEntries(response)[0];
  const answered = isRecord(first) ? first.resource : undefined;
  const found = await withFound(http, draft.resource, written0, answered);
  return { ok: true, via: 'transaction', draft: found, provenance: written1 };
}

/** The draft as written, with `found` set when the conditional create found it rather than made it. */
async function withFound(
  http: FhirHttp,
  sent: DraftResource,
  draft: WrittenResource,
  answered: unknown,
): Promise<WrittenResource> {
  return draft.created ? draft : { ...draft, found: await compareFoundDraft(http, sent, draft.id, answered) };
}

async function findByCondition(
  http: FhirHttp,
  resourceType: string,
  condition: string,
): Promise<string | undefined> {
  const response = await send(http, 'GET', `${resourceType}?${condition}`, undefined, {});
  const entries =
    response && isRecord(response.body) && Array.isArray(response.body.entry) ? response.body.entry : [];
  const first: unknown = entries[0];
  return isRecord(first) ? idIn(first.resource, resourceType) : undefined;
}

async function conditionalCreate(
  http: FhirHttp,
  resource: DraftResource | DraftPackage['provenance'],
  condition: string | undefined,
  options: WriteOptions,
): Promise<{ ok: true; value: WrittenResource; body: unknown } | { ok: false; error: WriteError }> {
  const type = resource.resourceType;
  const response = await send(http, 'POST', type, resource, condition ? { 'if-none-exist': condition } : {});
  if (response === undefined) {
    return { ok: false, error: { kind: 'network', resourceType: type } };
  }
  if (response.status !== 200 && response.status !== 201) {
    return { ok: false, error: writeErrorFrom(response.status, response.body, type, options.scopeStyle) };
  }
  const id =
    idIn(response.body, type) ??
    fromLocation(response.headers.location, type) ??
    fromLocation(response.headers['content-location'], type) ??
    (condition === undefined ? undefined : await findByCondition(http, type, condition));
  if (id === undefined) {
    return {
      ok: false,
      error: {
        kind: 'http',
        status: response.status,
        resourceType: type,
        diagnostics: ['no id in the answer'],
      },
    };
  }
  return { ok: true, value: written(type, id, response.status === 201), body: response.body };
}

async function viaSeparateCreates(
  http: FhirHttp,
  draft: DraftPackage,
  options: WriteOptions,
): Promise<WriteOutcome> {
  const first = await conditionalCreate(http, draft.resource, draftCondition(draft.resource), options);
  if (!first.ok) {
    return fail(first.error);
  }
  const draftWritten = await withFound(http, draft.resource, first.value, first.body);
  const target = urnUuid(draft.ids.draft);
  const provenance = taggedProvenance(draft.resource, {
    ...draft.provenance,
    target: draft.provenance.target.map((t) =>
      t.reference === target ? { reference: first.value.location } : t,
    ),
  });
  const second = await conditionalCreate(http, provenance, provenanceCondition(draft.resource), options);
  if (!second.ok) {
    return fail(second.error, draftWritten);
  }
  return { ok: true, via: 'separate', draft: draftWritten, provenance: second.value };
}

/**
 * Validates, then writes the draft and its Provenance. Never throws: every failure is a `WriteFailure`.
 * Call it only on an explicit user action.
 */
export async function writeDraft(
  http: FhirHttp,
  draft: DraftPackage,
  options: WriteOptions,
): Promise<WriteOutcome> {
  const invalid = validationFailure(draft, options.validator);
  if (invalid !== undefined) {
    return invalid;
  }
  if (options.mode !== 'separate') {
    const outcome = await viaTransaction(http, draft, options);
    if (outcome !== 'refused') {
      return outcome;
    }
  }
  return viaSeparateCreates(http, draft, options);
}
