/**
 * Whether a draft of a kind may be built from an evaluation, and the facts it will be built from.
 *
 * Every fact comes from the evaluation, the record or an explicit user choice; when one is missing the
 * answer is a refusal that says what to do, never a default (DESIGN.md §2: "a default is a false claim").
 */
import type { Diagnosis, Evaluation } from '../evaluation.ts';
import type { CoverageItem, PatientRecord, Ref } from '../record.ts';
import type { DraftChoices, DraftKind, DraftRefusal, RefusalCode } from './types.ts';
import { ICD10CM_SYSTEM } from './urls.ts';

/** The checked facts a draft is built from. */
export interface DraftFacts {
  /** The signed-in user: ChargeItem performer and enterer, Claim enterer and care team member. */
  readonly user: Ref;
  /** Claim.provider (the user unless the user chose another billing provider). */
  readonly provider: Ref;
  /** The active Coverage, for a Claim (and for a ChargeItem when there is one). */
  readonly coverage?: CoverageItem;
  /** ICD-10-CM diagnoses from the record, and confirmed suggestions; chronic first, as evaluated. */
  readonly diagnoses: readonly Diagnosis[];
  /** CMS place-of-service code, when known or chosen. Required for a Claim. */
  readonly placeOfService?: string;
  readonly units: number;
}

/** The result of the gate. */
export type GateResult = { readonly ok: true; readonly facts: DraftFacts } | DraftRefusal;

function refuse(
  code: RefusalCode,
  reason: string,
  details: readonly string[] = [],
  offer?: DraftKind,
): DraftRefusal {
  return offer === undefined
    ? { ok: false, code, reason, details }
    : { ok: false, code, reason, details, offer };
}

function blockerLines(evaluation: Evaluation, ignoreCoverage: boolean): string[] {
  return evaluation.blockers
    .filter((b) => !(ignoreCoverage && b.criterion === 'coverage'))
    .map((b) => `${b.criterion} (${b.status}): ${b.reason}`);
}

function isBillingCode(diagnosis: Diagnosis): boolean {
  // Source: DESIGN.md §4 diagnosis-codes — a suggested ICD-10-CM code counts only after the user confirms it.
  return diagnosis.system === ICD10CM_SYSTEM && (!diagnosis.suggested || diagnosis.confirmed);
}

type Found<T> = { readonly ok: true; readonly value: T | undefined } | DraftRefusal;

function findCoverage(
  evaluation: Evaluation,
  record: PatientRecord,
  choices: DraftChoices,
): Found<CoverageItem> {
  const ref = choices.coverage ?? evaluation.payer.coverage;
  if (ref === undefined) {
    return { ok: true, value: undefined };
  }
  const coverage = record.coverages.find((c) => c.ref === ref);
  if (choices.coverage !== undefined && coverage?.status !== 'active') {
    return refuse('choice-invalid', `${ref} is not an active Coverage in this record.`);
  }
  return { ok: true, value: coverage?.status === 'active' ? coverage : undefined };
}

function findPlaceOfService(evaluation: Evaluation, choices: DraftChoices): Found<string> {
  const derived = evaluation.placeOfService;
  const chosen = choices.placeOfService;
  if (chosen === undefined) {
    return { ok: true, value: derived?.code };
  }
  if (!/^\d{2}$/.test(chosen)) {
    return refuse(
      'choice-invalid',
      `Place of service "${chosen}" is not a two-digit CMS place-of-service code.`,
    );
  }
  const allowed =
    derived === undefined ? undefined : [...derived.candidates, ...(derived.code ? [derived.code] : [])];
  if (allowed !== undefined && allowed.length > 0 && !allowed.includes(chosen)) {
    return refuse(
      'choice-invalid',
      `Place of service ${chosen} does not fit ${derived?.encounter}: choose one of ${allowed.join(', ')}.`,
    );
  }
  return { ok: true, value: chosen };
}

// Source: HL7 FHIR R4 ChargeItem.context Reference(Encounter | EpisodeOfCare); Claim.provider
// Reference(Practitioner | PractitionerRole | Organization).
const CONTEXT_REF = /^(Encounter|EpisodeOfCare)\/[A-Za-z0-9.-]{1,64}$/;
const PROVIDER_REF = /^(Practitioner|PractitionerRole|Organization)\/[A-Za-z0-9.-]{1,64}$/;

function checkChoiceTypes(choices: DraftChoices): DraftRefusal | undefined {
  if (choices.context !== undefined && !CONTEXT_REF.test(choices.context)) {
    return refuse('choice-invalid', `${choices.context} is not an Encounter or EpisodeOfCare reference.`);
  }
  if (choices.provider !== undefined && !PROVIDER_REF.test(choices.provider)) {
    return refuse(
      'choice-invalid',
      `${choices.provider} is not a Practitioner, PractitionerRole or Organization.`,
    );
  }
  return undefined;
}

/**
 * Checks that a draft of `kind` can be built. Order: not-billable, Claim coverage, incomplete criteria, user,
 * diagnoses, units, place of service, modifier justification.
 */
export function draftGate(
  kind: DraftKind,
  evaluation: Evaluation,
  record: PatientRecord,
  choices: DraftChoices,
): GateResult {
  if (evaluation.status === 'not-billable') {
    return refuse(
      'not-billable',
      'Not billable: a required criterion is not met, and attestation cannot change that.',
      blockerLines(evaluation, false),
    );
  }
  const coverage = findCoverage(evaluation, record, choices);
  if (!coverage.ok) {
    return coverage;
  }
  // Source: HL7 FHIR R4 Claim.insurance 1..* — a Claim must name a Coverage; DESIGN.md §5 offers a ChargeItem.
  if (kind === 'claim' && coverage.value === undefined) {
    return refuse(
      'no-coverage',
      'No active Coverage: a Claim needs one. Draft a ChargeItem instead, or add the Coverage in the EHR.',
      [],
      'chargeitem',
    );
  }
  // DESIGN.md §4: coverage is required for a Claim and informative for a ChargeItem.
  const blockers = blockerLines(evaluation, kind === 'chargeitem');
  if (evaluation.status === 'incomplete' && blockers.length > 0) {
    return refuse('incomplete', 'Not ready: document or attest the missing criteria first.', blockers);
  }
  const invalidChoice = checkChoiceTypes(choices);
  if (invalidChoice !== undefined) {
    return invalidChoice;
  }
  const user = record.user;
  if (user === undefined) {
    return refuse(
      'no-provider',
      'The signed-in user is not known (no fhirUser), so no performer can be named.',
    );
  }
  const diagnoses = evaluation.diagnoses.filter(isBillingCode);
  if (kind === 'claim' && diagnoses.length === 0) {
    return refuse(
      'no-diagnosis',
      'No ICD-10-CM diagnosis to put on the Claim: confirm a suggested code or add one in the EHR.',
    );
  }
  if (!(evaluation.units.quantity > 0)) {
    return refuse('no-units', `No units to bill: ${evaluation.units.rule}.`);
  }
  const placeOfService = findPlaceOfService(evaluation, choices);
  if (!placeOfService.ok) {
    return placeOfService;
  }
  if (kind === 'claim' && placeOfService.value === undefined) {
    const candidates = evaluation.placeOfService?.candidates ?? [];
    return refuse(
      'place-of-service',
      candidates.length > 0
        ? `Choose the place of service: ${candidates.join(' or ')}.`
        : 'No place of service follows from the record: choose one.',
    );
  }
  const unjustified = evaluation.modifiers.applied.find(
    (m) => m.code === '22' && !choices.modifierJustifications?.some((j) => j.code === m.code),
  );
  if (unjustified !== undefined) {
    // Source: SOURCES.md §9, NGS quoting IOM 100-04 ch. 12 §40.2(A)(10): modifier 22 needs a concise statement.
    return refuse('choice-invalid', 'Modifier 22 is applied but its written justification was not given.');
  }
  return {
    ok: true,
    facts: {
      user,
      provider: choices.provider ?? user,
      ...(coverage.value === undefined ? {} : { coverage: coverage.value }),
      diagnoses,
      ...(placeOfService.value === undefined ? {} : { placeOfService: placeOfService.value }),
      units: evaluation.units.quantity,
    },
  };
}
