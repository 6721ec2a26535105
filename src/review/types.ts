/**
 * The payer-review report: what a reviewer sees for one Claim or ChargeItem. Plain data, so the CLI can
 * print it as JSON and the review view can render it.
 */
import type { CriterionId, CriterionStatus, OverallStatus } from '../domain/evaluation.ts';
import type { ValidationIssue } from '../validate/issue.ts';

/** consistent: valid, and the evidence still supports every claim. inconsistent: valid, but it does not.
 * invalid: not valid FHIR R4, not a G9012 draft, or a billing rule of the draft itself is broken. */
export type Verdict = 'consistent' | 'inconsistent' | 'invalid';

/** The product checks, in the order the report lists them. */
export type ProductCheckId =
  | 'code'
  | 'code-system'
  | 'status'
  | 'diagnosis'
  | 'diagnosis-supported'
  | 'units'
  | 'modifier-22'
  | 'evidence-resolvable'
  | 'provenance-entities';

/**
 * One product check. `rule` checks are about the draft alone (a failure makes it invalid); `evidence` checks
 * compare it with the evidence now available (a failure makes it inconsistent).
 */
export interface ProductCheck {
  readonly id: ProductCheckId;
  readonly kind: 'rule' | 'evidence';
  readonly ok: boolean;
  /** One plain line: what was found, or what is wrong. */
  readonly detail: string;
}

/** What the draft says about a criterion. */
export type ClaimedStatus = 'met' | 'attested' | 'not claimed';

/** One criterion: what the draft claims and what re-evaluation finds now. */
export interface CriterionReview {
  readonly id: CriterionId;
  readonly claimed: ClaimedStatus;
  /** The re-evaluated status, or `not evaluated` when the draft could not be re-evaluated. */
  readonly now: CriterionStatus | 'not evaluated';
  /** The references the draft cites for it. */
  readonly evidence: readonly string[];
  /** Re-evaluation's reason, when re-evaluated. */
  readonly reason?: string;
}

/** What became of one cited piece of evidence. */
export type EvidenceState = 'found' | 'missing' | 'entered-in-error' | 'unreadable';

/** A label and value shown for a piece of evidence (status, code, date...). */
export interface KeyField {
  readonly label: string;
  readonly value: string;
}

/** One cited evidence reference, resolved. */
export interface EvidenceReview {
  readonly ref: string;
  /** The criteria the draft says it supports. */
  readonly criteria: readonly CriterionId[];
  readonly state: EvidenceState;
  readonly fields: readonly KeyField[];
  /** Why it is missing or unreadable (not-found, gone, schema path). */
  readonly problem?: string;
}

/** Who made the draft, when and with what (from its Provenance). */
export interface ProvenanceReview {
  readonly found: boolean;
  /** `Provenance/id` or fullUrl. */
  readonly ref?: string;
  readonly recorded?: string;
  /** Agents as `role: who` (reference or display). */
  readonly agents: readonly KeyField[];
  /** The app version the Provenance records, when it records one. */
  readonly appVersion?: string;
  /** The resources the Provenance says were used. */
  readonly entities: readonly string[];
}

/** How the draft was re-evaluated. */
export interface ReEvaluation {
  readonly asOf: string;
  readonly period: { readonly start: string; readonly end: string };
  readonly policyId: string;
  readonly policyBasis: string;
  readonly status: OverallStatus;
  /** Resources the record boundary left out, with the problem (path, never content). */
  readonly invalidResources: readonly string[];
}

/** The review of one Claim or ChargeItem. */
export interface ReviewReport {
  /** `Claim/id`, `ChargeItem/id`, the Bundle fullUrl, or a position when it has neither. */
  readonly ref: string;
  readonly resourceType: string;
  /** Whether it bills HCPCS G9012 at all. */
  readonly g9012: boolean;
  /** Structurally valid FHIR R4 (no error or fatal issue). */
  readonly valid: boolean;
  readonly issues: readonly ValidationIssue[];
  readonly checks: readonly ProductCheck[];
  readonly criteria: readonly CriterionReview[];
  readonly evidence: readonly EvidenceReview[];
  readonly reEvaluation?: ReEvaluation;
  /** Every discrepancy, in plain words. */
  readonly discrepancies: readonly string[];
  readonly provenance: ProvenanceReview;
  readonly verdict: Verdict;
  /** Why the verdict is what it is, in plain words. */
  readonly reasons: readonly string[];
}
