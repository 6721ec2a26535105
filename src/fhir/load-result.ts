import type { InvalidResource, MedicationListSource, PatientRecord } from '../domain/record.ts';
import type { ServerCapability } from './capability.ts';
import type { KnownError } from './errors.ts';
import type { WriteAbility } from './write-ability.ts';

/** Where one read stands: running, finished, not offered by the server, not needed, or failed. */
export type ReadState = 'loading' | 'done' | 'unavailable' | 'skipped' | 'failed';

/** Progress of one resource type, for the loading UI and the data notes. */
export interface TypeProgress {
  readonly resourceType: string;
  readonly state: ReadState;
  /** Resources matched so far (`_include`d ones not counted). */
  readonly count: number;
  readonly pages: number;
  /** The page limit cut this type short. */
  readonly truncated: boolean;
  readonly error?: KnownError;
}

/** Something the user should know about how complete or trustworthy the record is. */
export type DataNote =
  | {
      readonly kind: 'truncated';
      readonly resourceType: string;
      readonly count: number;
      readonly pageLimit: number;
    }
  | { readonly kind: 'unavailable'; readonly resourceType: string }
  | { readonly kind: 'failed'; readonly resourceType: string; readonly error: KnownError }
  | { readonly kind: 'foreign-next-link'; readonly resourceType: string }
  | { readonly kind: 'capability-unknown' }
  | { readonly kind: 'medication-source'; readonly source: MedicationListSource }
  | { readonly kind: 'invalid'; readonly ref: string; readonly problem: string }
  | { readonly kind: 'problem'; readonly text: string };

/** A finished load: the record (when a valid Patient came back) and everything said about it. */
export interface LoadedRecord {
  /** Absent only when the Patient itself was invalid; `problems` then says why. */
  readonly record?: PatientRecord;
  readonly serverUrl: string;
  /** False when the EHR already shows a patient banner. */
  readonly needPatientBanner: boolean;
  readonly medicationSource: MedicationListSource;
  readonly progress: readonly TypeProgress[];
  readonly notes: readonly DataNote[];
  readonly invalid: readonly InvalidResource[];
  readonly problems: readonly string[];
  readonly capability?: ServerCapability;
  /** Whether drafts can be created on the launching server, decided from granted scopes and capability. */
  readonly write: {
    readonly ChargeItem: WriteAbility;
    readonly Claim: WriteAbility;
    /** A configured separate write target, when there is one. */
    readonly target?: { readonly name: string; readonly url: string };
  };
}

/** A read that failed. */
export type FailedRead = Extract<DataNote, { kind: 'failed' }>;

const TRANSIENT_KINDS: ReadonlySet<string> = new Set(['network', 'rate-limited', 'unavailable']);

/**
 * Reads that failed for a reason a reload may fix (no answer, throttled, unavailable). Until they are read,
 * the record may lack evidence or its Coverage, and a draft built from it could name another payer (another
 * identifier, so a second draft for the same patient and period): no draft should be written from it.
 */
export function transientReadFailures(notes: readonly DataNote[]): FailedRead[] {
  return notes.filter(
    (note): note is FailedRead => note.kind === 'failed' && TRANSIENT_KINDS.has(note.error.kind),
  );
}
