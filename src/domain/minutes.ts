/**
 * Case-management minutes in the period: documented durations plus attested minutes, each with its source
 * (DESIGN.md §4, `time`).
 */
import { minutesBetween, within } from './calendar.ts';
import type { AttestationRecord, EvaluationPeriod, MinuteSource, Minutes } from './evaluation.ts';
import type { PatientRecord } from './record.ts';

/** Encounter classes that are hospital stays, whose length is not case-management time. */
const STAY_CLASSES = new Set(['IMP', 'EMER', 'ACUTE', 'NONAC', 'OBSENC', 'PRENC', 'SS']);
const ENCOUNTER_EXCLUDED = new Set(['planned', 'cancelled', 'entered-in-error', 'unknown']);
const PROCEDURE_EXCLUDED = new Set(['preparation', 'not-done', 'entered-in-error', 'unknown']);

/** Documented minutes from encounters (length or period) and procedures (performedPeriod) in the period. */
export function documentedMinutes(record: PatientRecord, period: EvaluationPeriod): MinuteSource[] {
  const sources: MinuteSource[] = [];
  for (const e of record.encounters) {
    if (ENCOUNTER_EXCLUDED.has(e.status ?? '') || STAY_CLASSES.has(e.classCode ?? '')) {
      continue;
    }
    if (!within(e.period?.start, period)) {
      continue;
    }
    const length = e.lengthMinutes;
    if (typeof length === 'number' && Number.isFinite(length) && length > 0) {
      sources.push({ kind: 'encounter', ref: e.ref, minutes: Math.round(length), basis: 'Encounter.length' });
      continue;
    }
    const span = minutesBetween(e.period?.start, e.period?.end);
    if (span !== undefined) {
      sources.push({ kind: 'encounter', ref: e.ref, minutes: span, basis: 'Encounter.period' });
    }
  }
  for (const p of record.procedures) {
    if (PROCEDURE_EXCLUDED.has(p.status ?? '') || !within(p.performed?.start, period)) {
      continue;
    }
    const span = minutesBetween(p.performed?.start, p.performed?.end);
    if (span !== undefined) {
      sources.push({ kind: 'procedure', ref: p.ref, minutes: span, basis: 'Procedure.performedPeriod' });
    }
  }
  return sources;
}

/** Totals documented sources plus applied time attestations. */
export function totalMinutes(
  documented: readonly MinuteSource[],
  attested: readonly AttestationRecord[],
): Minutes {
  const sources: MinuteSource[] = [...documented];
  let attestedTotal = 0;
  for (const a of attested) {
    const minutes = a.minutes ?? 0;
    sources.push({ kind: 'attested', minutes, basis: 'attestation', attestation: a });
    attestedTotal += minutes;
  }
  const documentedTotal = documented.reduce((sum, s) => sum + s.minutes, 0);
  return {
    total: documentedTotal + attestedTotal,
    documented: documentedTotal,
    attested: attestedTotal,
    sources,
  };
}
