/**
 * The result of evaluating one patient's record against the G9012 documentation criteria.
 *
 * `Evaluation` is what the UI shows, what the draft builders (ChargeItem / Claim) read and what the CLI
 * prints. The CLI JSON contract (issue 4) is a projection of it: every field the contract names is here
 * under the same name, with richer detail beside it. Everything is plain data (no classes, no Dates), so it
 * can be serialised, stored and compared.
 */
import type { Ref } from './record.ts';

/** The stable criterion ids, in the order the checklist shows them (DESIGN.md §4). */
export const CRITERION_IDS = [
  'complex-needs',
  'problem-list-review',
  'medication-reconciliation',
  'assessment',
  'care-plan',
  'goals',
  'care-plan-updated',
  'barriers',
  'time',
  'care-coordination',
  'case-manager',
  'not-elsewhere-classified',
  'coverage',
  'diagnosis-codes',
] as const;

/** One of the fourteen criterion ids. */
export type CriterionId = (typeof CRITERION_IDS)[number];

/**
 * `met`: evidence found in the record. `attested`: the user attested it with a note. `missing`: no evidence
 * yet. `not-met`: the record shows it fails, and attestation cannot fix that. `not-applicable`: does not apply.
 */
export type CriterionStatus = 'met' | 'attested' | 'missing' | 'not-met' | 'not-applicable';

/** Overall: every required criterion met or attested / something is missing / a required criterion is not-met. */
export type OverallStatus = 'ready' | 'incomplete' | 'not-billable';

/** An evaluation period: inclusive calendar dates, `YYYY-MM-DD`. */
export interface EvaluationPeriod {
  readonly start: string;
  readonly end: string;
}

/** How the evaluation period was chosen. */
export type PeriodBasis = 'given' | 'month-of-as-of';

/**
 * What the user attested, as given to `evaluate`. `by` and `at` are inputs (who is signed in, when they
 * attested); the domain never reads a clock.
 */
export interface AttestationInput {
  readonly criterion: CriterionId;
  /** The user's note. An empty or blank note is not an attestation. */
  readonly note: string;
  /** Who attested: `Practitioner/id`, `PractitionerRole/id`, or a user name from the caller. */
  readonly by: string;
  /** When, as an ISO 8601 dateTime supplied by the caller. */
  readonly at: string;
  /** Attested case-management minutes (only for `time`). */
  readonly minutes?: number;
}

/** An attestation as the evaluation recorded it: whether it changed the criterion, and why not. */
export interface AttestationRecord extends AttestationInput {
  /** True when the attestation made the criterion `attested` (or added minutes). */
  readonly applied: boolean;
  /** Why it was not applied (criterion already met, not-met, not attestable, blank note...). */
  readonly ignoredBecause?: string;
}

/** One criterion's result. */
export interface CriterionResult {
  readonly id: CriterionId;
  readonly status: CriterionStatus;
  /** Whether the payer policy requires this criterion for readiness. */
  readonly required: boolean;
  /** Whether the user may attest it when it is `missing`. */
  readonly attestable: boolean;
  /** References (`Type/id`) into the record that the status rests on. Shown even for `missing` where useful. */
  readonly evidence: readonly Ref[];
  /** One plain-language line, e.g. "3 active chronic conditions: heart failure, type 2 diabetes, COPD". */
  readonly reason: string;
  /** The attestation that made this criterion `attested`, when there is one. */
  readonly attestation?: AttestationRecord;
}

/** A more specific code whose core conditions appear in the record (code fit, DESIGN.md §4). */
export interface CodeAlternative {
  /** The primary code, e.g. `99490`. */
  readonly code: string;
  /** CPT `http://www.ama-assn.org/go/cpt` or HCPCS `http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets`. */
  readonly system: string;
  /** The family: CCM, TCM, PCM, APCM, CHI, PIN, or Medicaid case management. */
  readonly family: CodeFamily;
  /** Related codes in the family (add-ons, levels), e.g. `['99439']`. */
  readonly related: readonly string[];
  /** Why it fits, in plain language. */
  readonly reason: string;
  /** The record entries the reason rests on. */
  readonly evidence: readonly Ref[];
  /** The document the family's conditions come from (SOURCES.md section, document, date). */
  readonly source: string;
}

/** A code family checked by code fit. */
export type CodeFamily = 'CCM' | 'TCM' | 'PCM' | 'APCM' | 'CHI' | 'PIN' | 'MEDICAID-CM';

/** Code-fit result. Any alternative makes `not-elsewhere-classified` missing until the user confirms G9012. */
export interface CodeFit {
  readonly alternatives: readonly CodeAlternative[];
  /** The user's confirmation (with a note) that G9012 is still right, when given. */
  readonly confirmation?: AttestationRecord;
}

/** Where a number of minutes came from. */
export interface MinuteSource {
  readonly kind: 'encounter' | 'procedure' | 'attested';
  /** The Encounter or Procedure, for documented minutes. */
  readonly ref?: Ref;
  readonly minutes: number;
  /** How the figure was read: `Encounter.length`, `Encounter.period`, `Procedure.performedPeriod`, `attestation`. */
  readonly basis: string;
  /** For attested minutes: who and when. */
  readonly attestation?: AttestationRecord;
}

/** Case-management time in the period. */
export interface Minutes {
  /** Documented plus attested. */
  readonly total: number;
  readonly documented: number;
  readonly attested: number;
  readonly sources: readonly MinuteSource[];
}

/** Units to bill and the rule that produced them. */
export interface Units {
  readonly quantity: number;
  /** The rule in words, e.g. "1 unit per service period". */
  readonly rule: string;
  /** The rule's source, or "not published — verify with payer". */
  readonly source: string;
}

/** A diagnosis to put on a claim. */
export interface Diagnosis {
  /** Always ICD-10-CM `http://hl7.org/fhir/sid/icd-10-cm` for claim diagnoses. */
  readonly system: string;
  readonly code: string;
  readonly display?: string;
  /** True when the code is a suggestion from the curated SNOMED table rather than a coding in the record. */
  readonly suggested: boolean;
  /** For a suggestion: whether the user confirmed it. A suggestion counts only once confirmed. */
  readonly confirmed: boolean;
  /** The Condition it came from. */
  readonly condition: Ref;
  /** Whether the Condition counts as an active chronic condition (chronic ones are ordered first). */
  readonly chronic: boolean;
  /** For a suggestion: the SNOMED code it was suggested from. */
  readonly fromSnomed?: string;
  /** Where the code or suggestion came from. */
  readonly source: string;
}

/** A modifier added to the G9012 line. */
export interface AppliedModifier {
  readonly code: string;
  readonly reason: string;
  readonly source: string;
}

/** A modifier that was asked for (or considered) and not added, with the reason. */
export interface RejectedModifier {
  readonly code: string;
  readonly reason: string;
  readonly source: string;
}

/** Modifiers for the G9012 line. */
export interface Modifiers {
  readonly applied: readonly AppliedModifier[];
  readonly rejected: readonly RejectedModifier[];
}

/** CMS place of service derived from an Encounter class. */
export interface PlaceOfService {
  /** The code when one code follows from the record, e.g. `11`, `12`. Absent when the user must choose. */
  readonly code?: string;
  /** The codes that fit, e.g. `['02', '10']` for a virtual encounter (patient location unknown). */
  readonly candidates: readonly string[];
  /** Always `https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set`. */
  readonly system: string;
  /** The Encounter it was derived from. */
  readonly encounter: Ref;
  readonly reason: string;
  readonly source: string;
}

/** How the payer policy was chosen. */
export type PayerMatchBasis = 'payor-identifier' | 'payor-name' | 'coverage-type' | 'chosen' | 'default';

/** The payer policy used and how it was matched. */
export interface PayerMatch {
  /** Policy id, e.g. `medicare`. */
  readonly policyId: string;
  /** Policy display name, e.g. `Medicare (Part B fee schedule)`. */
  readonly name: string;
  readonly matchedBy: PayerMatchBasis;
  /** The Coverage it was matched from, when any. */
  readonly coverage?: Ref;
  /** The payor (Organization) it was matched from, when any. */
  readonly payor?: Ref;
  /** One line: "Coverage/c1 payor Organization/medicare name 'Medicare'". */
  readonly detail: string;
}

/** A warning for the user. `unpublished` marks a "not published — verify with payer" rule that applied. */
export interface EvaluationWarning {
  readonly kind: 'payer-coverage' | 'unpublished' | 'data' | 'attestation' | 'modifier' | 'code-fit';
  readonly message: string;
  /** The source of the rule behind the warning, when there is one. */
  readonly source?: string;
}

/** A required criterion that stops the evaluation being `ready`. */
export interface Blocker {
  readonly criterion: CriterionId;
  readonly status: CriterionStatus;
  readonly reason: string;
}

/** The whole evaluation of one patient for one period under one payer policy. */
export interface Evaluation {
  /** `Patient/id`. */
  readonly patient: Ref;
  /** The evaluation date, `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly period: EvaluationPeriod;
  readonly periodBasis: PeriodBasis;
  readonly payer: PayerMatch;
  readonly status: OverallStatus;
  readonly blockers: readonly Blocker[];
  /** All fourteen criteria, in `CRITERION_IDS` order. */
  readonly criteria: readonly CriterionResult[];
  readonly codeFit: CodeFit;
  readonly minutes: Minutes;
  readonly units: Units;
  /** Claim diagnoses, chronic conditions first. Includes unconfirmed suggestions (`confirmed: false`). */
  readonly diagnoses: readonly Diagnosis[];
  readonly modifiers: Modifiers;
  readonly placeOfService?: PlaceOfService;
  readonly warnings: readonly EvaluationWarning[];
  /** Every attestation given, applied or not: who attested what and when. */
  readonly attestations: readonly AttestationRecord[];
}

/** The user's confirmation of a suggested ICD-10-CM code for a SNOMED-only Condition. */
export interface DiagnosisConfirmation {
  /** The Condition the suggestion is for. */
  readonly condition: Ref;
  /** The ICD-10-CM code confirmed (must equal the suggestion). */
  readonly code: string;
  readonly by: string;
  readonly at: string;
}

/** The user's written justification for modifier 22 (increased procedural services). */
export interface ModifierJustification {
  readonly code: '22';
  readonly justification: string;
  readonly by: string;
  readonly at: string;
}

/** How the service was delivered, when the user says so (drives telehealth place of service and modifiers). */
export type DeliveryMode = 'in-person' | 'audio-video' | 'audio-only';

/** User choices beyond attestations: confirmations of suggestions and modifier requests. */
export interface Confirmations {
  readonly diagnoses?: readonly DiagnosisConfirmation[];
  readonly modifiers?: readonly ModifierJustification[];
  /** Delivery mode, when the user states it. */
  readonly delivery?: DeliveryMode;
}
