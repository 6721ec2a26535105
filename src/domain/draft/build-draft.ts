/**
 * One call from an evaluation to everything the draft panel and the CLI need: the draft resource (ChargeItem
 * or Claim), its Provenance, and the transaction Bundle that writes both. Pure.
 */
import type { Evaluation } from '../evaluation.ts';
import type { PatientRecord } from '../record.ts';
import { buildDraftTransaction, type DraftPackage, urnUuid } from './bundles.ts';
import { buildChargeItem } from './charge-item.ts';
import { buildClaim } from './claim.ts';
import type { Bundle } from './fhir-types.ts';
import { buildProvenance } from './provenance.ts';
import type {
  AppInfo,
  DraftChoices,
  DraftIds,
  DraftKind,
  DraftRefusal,
  DraftResource,
  DraftResult,
} from './types.ts';

/** Everything a draft is built from. */
export interface DraftRequest {
  readonly kind: DraftKind;
  readonly evaluation: Evaluation;
  readonly record: PatientRecord;
  readonly choices: DraftChoices;
  /** The draft's date (`ChargeItem.enteredDate`, `Claim.created`), from the caller's clock. */
  readonly asOf: string;
  /** The time of writing (`Provenance.recorded`), an ISO 8601 instant from the caller's clock. */
  readonly recorded: string;
  /** Caller-generated uuids for the Bundle fullUrls. */
  readonly ids: DraftIds;
  /** The app's name and version, recorded in Provenance. */
  readonly app: AppInfo;
}

/** A built draft: the resource, its Provenance and the transaction Bundle. */
export interface BuiltDraft extends DraftPackage {
  readonly ok: true;
  readonly kind: DraftKind;
  readonly transaction: Bundle;
}

/** Builds the draft resource of a kind, or the refusal. */
export function buildDraftResource(
  kind: DraftKind,
  evaluation: Evaluation,
  record: PatientRecord,
  choices: DraftChoices,
  asOf: string,
): DraftResult<DraftResource> {
  return kind === 'claim'
    ? buildClaim(evaluation, record, choices, asOf)
    : buildChargeItem(evaluation, record, choices, asOf);
}

/**
 * Builds the draft, its Provenance and the transaction Bundle, or says why there is no draft.
 * A Claim without an active Coverage is refused with `offer: 'chargeitem'`.
 */
export function buildDraft(request: DraftRequest): BuiltDraft | DraftRefusal {
  const { kind, evaluation, record, choices, asOf, ids } = request;
  const result = buildDraftResource(kind, evaluation, record, choices, asOf);
  if (!result.ok) {
    return result;
  }
  const user = record.user;
  if (user === undefined) {
    // The gate refuses a draft without a user; this keeps the types honest.
    return { ok: false, code: 'no-provider', reason: 'The signed-in user is not known.', details: [] };
  }
  const provenance = buildProvenance(evaluation, {
    target: urnUuid(ids.draft),
    user,
    recorded: request.recorded,
    app: request.app,
  });
  const draft: DraftPackage = { resource: result.resource, provenance, ids };
  return { ok: true, kind, ...draft, transaction: buildDraftTransaction(draft) };
}
