/**
 * What the draft says about each criterion: the evidence behind every `met` criterion, and the text of every
 * attestation (who, when, note) and modifier justification. Both draft kinds read this, so a ChargeItem and a
 * Claim for the same evaluation make exactly the same claims.
 */
import type { AttestationRecord, CriterionId, Evaluation } from '../evaluation.ts';
import type { Ref } from '../record.ts';
import type { DraftChoices } from './types.ts';

/** One piece of evidence and the criterion it supports. */
export interface CriterionEvidence {
  readonly criterion: CriterionId;
  readonly ref: Ref;
}

/** One attestation or justification, as text with its author and time. */
export interface SupportStatement {
  /** The criterion it is about, or undefined for a modifier justification. */
  readonly criterion?: CriterionId;
  /** `Practitioner/id`, `PractitionerRole/id` or a user name, as given by the caller. */
  readonly by: string;
  /** ISO 8601 dateTime, as given by the caller. */
  readonly at: string;
  readonly text: string;
}

/**
 * Every (criterion, evidence) pair of the `met` criteria, in checklist order, without repeats.
 * Evidence listed under a `missing` criterion (e.g. an order list that is not a reconciliation) is left out:
 * it is shown to the user, but the draft must not present it as support.
 */
export function metEvidence(evaluation: Evaluation): CriterionEvidence[] {
  const out: CriterionEvidence[] = [];
  for (const criterion of evaluation.criteria) {
    if (criterion.status !== 'met') {
      continue;
    }
    for (const ref of new Set(criterion.evidence)) {
      out.push({ criterion: criterion.id, ref });
    }
  }
  return out;
}

/** Distinct evidence references of the `met` criteria (Provenance.entity). */
export function evidenceRefs(evaluation: Evaluation): Ref[] {
  return [...new Set(metEvidence(evaluation).map((e) => e.ref))];
}

function attestationText(criterion: CriterionId, attestation: AttestationRecord): string {
  const minutes = attestation.minutes === undefined ? '' : ` (${attestation.minutes} minutes)`;
  return `Attested "${criterion}"${minutes} by ${attestation.by} at ${attestation.at}: ${attestation.note}`.trim();
}

function key(a: AttestationRecord): string {
  return JSON.stringify([a.criterion, a.by, a.at, a.note, a.minutes]);
}

/**
 * The statements the draft carries as text: each applied attestation (criteria the user attested, attested
 * minutes, the confirmation that G9012 still fits), then each applied modifier with its justification.
 */
export function supportStatements(evaluation: Evaluation, choices: DraftChoices): SupportStatement[] {
  const seen = new Set<string>();
  const out: SupportStatement[] = [];
  const add = (attestation: AttestationRecord | undefined): void => {
    if (attestation === undefined || !attestation.applied || seen.has(key(attestation))) {
      return;
    }
    seen.add(key(attestation));
    out.push({
      criterion: attestation.criterion,
      by: attestation.by,
      at: attestation.at,
      text: attestationText(attestation.criterion, attestation),
    });
  };
  for (const criterion of evaluation.criteria) {
    if (criterion.status === 'attested') {
      add(criterion.attestation);
    }
  }
  add(evaluation.codeFit.confirmation);
  for (const source of evaluation.minutes.sources) {
    add(source.attestation);
  }
  for (const modifier of evaluation.modifiers.applied) {
    const justification = choices.modifierJustifications?.find((j) => j.code === modifier.code);
    if (justification !== undefined) {
      out.push({
        by: justification.by,
        at: justification.at,
        text: `Modifier ${modifier.code} justification by ${justification.by} at ${justification.at}: ${justification.justification}`.trim(),
      });
    }
  }
  return out;
}
