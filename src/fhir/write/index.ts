/** Writing drafts: the HTTP port, the write decision, the writer and its typed errors. */
export {
  type FhirHttp,
  type FhirHttpOptions,
  type FhirHttpResponse,
  fetchFhirHttp,
  sessionFhirHttp,
} from './fhir-http.ts';
export { compareFoundDraft, type FoundContent, sameDraftContent } from './found-draft.ts';
export {
  type WriteFailure,
  type WriteOptions,
  type WriteOutcome,
  type WriteSuccess,
  type WrittenResource,
  writeDraft,
} from './write-draft.ts';
export { createScope, isRetryable, type ScopeStyle, type WriteError, writeErrorFrom } from './write-error.ts';
export {
  type CannotWriteReason,
  draftResourceType,
  planDraftWrite,
  type WriteOffer,
  type WritePlan,
  type WritePlanInput,
} from './write-plan.ts';
export { type TargetWriteOptions, type WriteTarget, writeDraftToTarget } from './write-to-target.ts';
