/** Draft builders: pure functions from an evaluation to a ChargeItem or Claim, Provenance and Bundles. */
export { withAbsoluteReferences } from './absolute-references.ts';

export { type BuiltDraft, buildDraft, buildDraftResource, type DraftRequest } from './build-draft.ts';
export {
  buildDownloadBundle,
  buildDraftTransaction,
  type DraftPackage,
  draftCondition,
  provenanceCondition,
  taggedProvenance,
  urnUuid,
} from './bundles.ts';
export { buildChargeItem } from './charge-item.ts';
export { buildClaim } from './claim.ts';
export { draftIdentifier, draftIdentifierValue, G9012_CODE, G9012_DISPLAY } from './identity.ts';
export { buildProvenance, type ProvenanceInput } from './provenance.ts';
export type {
  AppInfo,
  DraftChoices,
  DraftIds,
  DraftKind,
  DraftRefusal,
  DraftResource,
  DraftResult,
  RefusalCode,
} from './types.ts';
export * from './urls.ts';
