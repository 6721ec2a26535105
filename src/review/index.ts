/** Payer review: open a Claim or ChargeItem, validate it, resolve its evidence, re-evaluate, compare. */

export {
  bundleEntries,
  bundleSource,
  combineSources,
  type DraftTarget,
  type EvidenceSource,
  type ReadResult,
} from './evidence-source.ts';
export { findPatientDrafts, type PatientDrafts, type ServerDraft } from './patient-drafts.ts';
export { type DraftInput, type ReviewOptions, reviewDraft } from './review-draft.ts';
export { type DraftsFound, draftsFromJson } from './review-input.ts';
export { type FhirReader, serverSource } from './server-source.ts';
export type * from './types.ts';
