/**
 * Pure helpers of the case workflow: the unsaved work (attestations, confirmations, modifier justification
 * and choices) kept in sessionStorage per patient and period, its serialiser and checked parser, and the
 * small date helpers that turn the shell's clock into the domain's `asOf`.
 */
import { z } from 'zod';
import { monthOf } from '../domain/calendar.ts';
import type { DraftKind } from '../domain/draft/types.ts';
import { CRITERION_IDS, type EvaluationPeriod } from '../domain/evaluation.ts';
import { activeCoverages, DEFAULT_POLICY_ID, describeMatch } from '../domain/payer-match.ts';
import type { PayerPolicy } from '../domain/policy.ts';
import type { EncounterItem, PatientRecord } from '../domain/record.ts';
import { indexRecord } from '../domain/record-index.ts';
import type { WrittenResource } from '../fhir/write/write-draft.ts';
import type { FoundDraft } from './workflow/draft-panel.ts';

const attestationSchema = z.strictObject({
  criterion: z.enum(CRITERION_IDS),
  note: z.string(),
  by: z.string(),
  at: z.string(),
  minutes: z.number().finite().nonnegative().optional(),
});

const diagnosisSchema = z.strictObject({
  condition: z.string().min(1),
  code: z.string().min(1),
  by: z.string(),
  at: z.string(),
});

const modifierSchema = z.strictObject({
  code: z.literal('22'),
  justification: z.string(),
  by: z.string(),
  at: z.string(),
});

const workSchema = z.strictObject({
  version: z.literal(1),
  attestations: z.array(attestationSchema),
  diagnoses: z.array(diagnosisSchema),
  modifiers: z.array(modifierSchema),
  kind: z.enum(['chargeitem', 'claim']),
  placeOfService: z.string().min(1).optional(),
  policyId: z.string().min(1).optional(),
});

/** What the user did on the screen that is not yet in a written draft. */
export type UnsavedWork = Omit<z.infer<typeof workSchema>, 'version'>;

/** No attestations, no confirmations, ChargeItem. */
export function emptyWork(): UnsavedWork {
  return { attestations: [], diagnoses: [], modifiers: [], kind: 'chargeitem' };
}

/** Whether there is anything worth keeping. */
export function hasWork(work: UnsavedWork): boolean {
  return (
    work.attestations.length > 0 ||
    work.diagnoses.length > 0 ||
    work.modifiers.length > 0 ||
    work.kind !== 'chargeitem' ||
    work.placeOfService !== undefined ||
    work.policyId !== undefined
  );
}

/** The sessionStorage key of a patient's work for one period. */
export function workKey(patient: string, period: EvaluationPeriod): string {
  return `g9012:work:${patient}:${period.start}:${period.end}`;
}

/** The stored form. */
export function serialiseWork(work: UnsavedWork): string {
  return JSON.stringify({ version: 1, ...work });
}

/** The work read back, or undefined when the text is absent, not JSON, or not the stored shape. */
export function parseWork(text: string | null | undefined): UnsavedWork | undefined {
  if (!text) {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = workSchema.safeParse(json);
  if (!parsed.success) {
    return undefined;
  }
  const { version: _version, ...work } = parsed.data;
  return work;
}

/** Reads the work; a storage that throws (disabled, sandboxed iframe) reads as none. */
export function readWork(storage: Storage | undefined, key: string): UnsavedWork | undefined {
  try {
    return parseWork(storage?.getItem(key));
  } catch {
    return undefined;
  }
}

/** Stores the work, or removes the key when there is nothing to keep. Never throws. */
export function storeWork(storage: Storage | undefined, key: string, work: UnsavedWork): void {
  try {
    if (hasWork(work)) {
      storage?.setItem(key, serialiseWork(work));
    } else {
      storage?.removeItem(key);
    }
  } catch {
    // Storage full or disabled: the work stays on screen for this page's lifetime.
  }
}

/** Removes the stored work. Never throws. */
export function clearWork(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/**
 * How a successful write looks to this tab: undefined when it created the draft, else how the draft it found
 * compares with this tab's. `writtenHere`: this tab already wrote or confirmed that draft earlier.
 */
export function foundDraftOf(draft: WrittenResource, writtenHere: boolean): FoundDraft | undefined {
  if (draft.created) {
    return undefined;
  }
  switch (draft.found) {
    case 'same':
      return 'same';
    case 'different':
      return writtenHere ? 'earlier-here' : 'other';
    case 'unchecked':
    case undefined:
      return 'unchecked';
  }
}

/**
 * Whether the unsaved work is in the draft on the server, so it may be cleared: when the write created the
 * draft, or found one with the same content. Otherwise the work is not in it and must be kept.
 */
export function workIsWritten(found: FoundDraft | undefined): boolean {
  return found === undefined || found === 'same';
}

/** The calendar month containing `day`, as an evaluation period. */
export function monthPeriod(day: string): EvaluationPeriod {
  const month = monthOf(day);
  return { start: month.first, end: month.last };
}

/**
 * The period the workflow opens on (DESIGN.md §4): the month of the launch encounter when the EHR named one
 * and it is not in a future month, otherwise the calendar month containing today.
 */
export function defaultPeriod(today: string, launchEncounter?: EncounterItem): EvaluationPeriod {
  const day = (launchEncounter?.period?.end ?? launchEncounter?.period?.start)?.slice(0, 10);
  if (day && /^\d{4}-\d{2}-\d{2}$/.test(day) && day.slice(0, 7) <= today.slice(0, 7)) {
    return monthPeriod(day);
  }
  return monthPeriod(today);
}

/** The download file name: the kind and the period only (never patient data). */
export function downloadFileName(kind: DraftKind, period: EvaluationPeriod): string {
  return `g9012-${kind}-${period.start}-to-${period.end}.json`;
}

const COVERAGE_MATCHES = new Set(['payor-identifier', 'payor-name', 'coverage-type']);

/**
 * Whether the user must choose the payer policy: `absent` without an active Coverage, `ambiguous` when the
 * Coverage matches no shipped policy (the default applies) or more than one; undefined when exactly one fits.
 */
export function payerChoiceFor(
  record: PatientRecord,
  policies: readonly PayerPolicy[],
): 'absent' | 'ambiguous' | undefined {
  if (activeCoverages(record).length === 0) {
    return 'absent';
  }
  const index = indexRecord(record);
  const matching = policies.filter(
    (policy) =>
      policy.id !== DEFAULT_POLICY_ID && COVERAGE_MATCHES.has(describeMatch(record, index, policy).matchedBy),
  );
  return matching.length === 1 ? undefined : 'ambiguous';
}
