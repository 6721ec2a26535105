/**
 * The events the workflow elements dispatch, with their `detail` types. Every event bubbles and is composed,
 * so the shell can listen on any ancestor. `by` and `at` are never in a detail: the shell adds who and when.
 */

import type { DraftKind } from '../../domain/draft/types.ts';
import type { AttestationInput, CriterionId } from '../../domain/evaluation.ts';
import type { Ref } from '../../domain/record.ts';

export type { DraftKind } from '../../domain/draft/types.ts';

/** `request-attest`: the user asked to attest a missing criterion. */
export interface RequestAttestDetail {
  readonly criterion: CriterionId;
}

/** `attest`: an attestation to add (`AttestationInput` without `by`/`at`). */
export type AttestDetail = Omit<AttestationInput, 'by' | 'at'>;

/** `confirm-code`: the user confirms G9012 despite code-fit alternatives; an attestation of that criterion. */
export interface ConfirmCodeDetail {
  readonly criterion: 'not-elsewhere-classified';
  readonly note: string;
}

/** `show-evidence`: the user picked a mark or row that points at a record entry. */
export interface ShowEvidenceDetail {
  readonly ref: Ref;
}

/** `period-change`: a new evaluation period, inclusive `YYYY-MM-DD` dates. */
export interface PeriodChangeDetail {
  readonly start: string;
  readonly end: string;
}

/** `payer-change`: the payer policy the user chose. */
export interface PayerChangeDetail {
  readonly policyId: string;
}

/** `choose-draft-kind`: ChargeItem or Claim. */
export interface ChooseDraftKindDetail {
  readonly kind: DraftKind;
}

/** `confirm-diagnosis`: the user ticked (or unticked) a suggested ICD-10-CM code. */
export interface ConfirmDiagnosisDetail {
  readonly condition: Ref;
  readonly code: string;
  readonly confirmed: boolean;
}

/** `request-modifier`: modifier 22 with its written justification (`ModifierJustification` minus by/at). */
export interface RequestModifierDetail {
  readonly code: '22';
  readonly justification: string;
}

/** `choose-pos`: the place of service the user chose among the candidates. */
export interface ChoosePosDetail {
  readonly code: string;
}

/** `write-draft`, `download-draft`, `copy-draft`: act on the current draft of this kind. */
export interface DraftActionDetail {
  readonly kind: DraftKind;
}

/** Dispatches a bubbling, composed CustomEvent with a typed detail. */
export function emit<T>(target: EventTarget, name: string, detail: T): boolean {
  return target.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
}
