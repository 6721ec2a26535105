/**
 * Lays out the activity timeline: record + evaluation period → marks on a day axis. Pure (no DOM, no
 * clock), so where each mark lands is tested on its own. Dates are compared as the calendar day written in
 * the source, like the criteria do.
 */
import { addDays, dayOf, daysBetween } from '../../domain/calendar.ts';
import type { EvaluationPeriod } from '../../domain/evaluation.ts';
import type { EncounterItem, PatientRecord, Ref } from '../../domain/record.ts';
import { timelineText } from '../strings.ts';
import { conceptText } from './evidence-fields.ts';

/** The lanes of the timeline, top to bottom. */
export const TIMELINE_LANES = [
  'encounter',
  'care-plan',
  'communication',
  'medication',
  'transition',
] as const;

/** One lane of the timeline. */
export type TimelineLane = (typeof TIMELINE_LANES)[number];

/** What a mark stands for, within its lane. */
export type TimelineMarkKind =
  | 'encounter'
  | 'created'
  | 'updated'
  | 'progress'
  | 'sent'
  | 'received'
  | 'asserted'
  | 'effective'
  | 'reconciliation'
  | 'discharge';

/** One mark on the timeline. */
export interface TimelineMark {
  /** The record entry the mark stands for: its evidence. */
  readonly ref: Ref;
  readonly lane: TimelineLane;
  readonly kind: TimelineMarkKind;
  /** The calendar day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Days from the period start (0 = first day; negative = before the period). */
  readonly day: number;
  /** Horizontal centre of the mark, 0..width. Marks before the period sit at the left edge. */
  readonly x: number;
  /** For a stay spanning several days in the period: the centre of its last day. */
  readonly endX?: number;
  /** How many marks sit before this one on the same lane and day (for stacking). */
  readonly stack: number;
  /** The encounter class code (AMB, IMP, EMER, VR, HH...), for encounters and transitions. */
  readonly classCode?: string;
  /** Plain words, e.g. "inpatient encounter" or "care plan updated". */
  readonly label: string;
  /** True for a transition of care that ended within 30 days before the period (shown at the edge). */
  readonly beforePeriod: boolean;
}

/** A labelled tick on the day axis. */
export interface TimelineTick {
  readonly day: number;
  readonly x: number;
  /** `MM-DD`. */
  readonly label: string;
}

/** The laid-out timeline. */
export interface TimelineLayout {
  /** Days in the period (inclusive). */
  readonly days: number;
  readonly width: number;
  readonly marks: readonly TimelineMark[];
  readonly ticks: readonly TimelineTick[];
}

// Source: DESIGN.md §4 complex-needs: a transition of care counts when it ended within 30 days before the period.
const TRANSITION_LOOKBACK_DAYS = 30;
// HL7 v3 ActCode classes that end in a transition of care (DESIGN.md §4: inpatient or emergency).
const TRANSITION_CLASSES = new Set(['IMP', 'EMER', 'ACUTE', 'NONAC']);
// SNOMED CT 430193006 "Medication reconciliation (procedure)" (DESIGN.md §4 medication-reconciliation).
const RECONCILIATION_CODE = '430193006';

type Draft = Omit<TimelineMark, 'x' | 'day' | 'stack' | 'endX'> & { readonly endDate?: string };

function encounterMarks(encounter: EncounterItem, period: EvaluationPeriod): Draft[] {
  const start = dayOf(encounter.period?.start);
  const end = dayOf(encounter.period?.end);
  const classCode = encounter.classCode ?? '';
  const marks: Draft[] = [];
  const overlaps = start !== undefined && start <= period.end && (end === undefined || end >= period.start);
  if (overlaps) {
    const first = start < period.start ? period.start : start;
    const last = end === undefined || end > period.end ? undefined : end;
    marks.push({
      ref: encounter.ref,
      lane: 'encounter',
      kind: 'encounter',
      date: first,
      ...(last !== undefined && last > first ? { endDate: last } : {}),
      classCode,
      label: encounterLabel(encounter),
      beforePeriod: false,
    });
  }
  const lookbackStart = addDays(period.start, -TRANSITION_LOOKBACK_DAYS);
  if (TRANSITION_CLASSES.has(classCode) && end !== undefined && end >= lookbackStart && end <= period.end) {
    marks.push({
      ref: encounter.ref,
      lane: 'transition',
      kind: 'discharge',
      date: end,
      classCode,
      label: timelineText.transition(classCode),
      beforePeriod: end < period.start,
    });
  }
  return marks;
}

function encounterLabel(encounter: EncounterItem): string {
  const what = timelineText.encounter(encounter.classCode ?? '?');
  const type = conceptText(encounter.types[0]);
  return type ? `${what} (${type})` : what;
}

function inPeriod(day: string | undefined, period: EvaluationPeriod): day is string {
  return day !== undefined && day >= period.start && day <= period.end;
}

function recordMarks(record: PatientRecord, period: EvaluationPeriod): Draft[] {
  const marks: Draft[] = record.encounters.flatMap((encounter) => encounterMarks(encounter, period));
  const add = (
    ref: Ref,
    lane: TimelineLane,
    kind: TimelineMarkKind,
    value: string | undefined,
    label: string,
  ) => {
    const date = dayOf(value);
    if (inPeriod(date, period)) {
      marks.push({ ref, lane, kind, date, label, beforePeriod: false });
    }
  };
  for (const plan of record.carePlans) {
    const title = plan.title ? `: ${plan.title}` : '';
    add(plan.ref, 'care-plan', 'created', plan.created, `${timelineText.carePlanCreated}${title}`);
    add(plan.ref, 'care-plan', 'updated', plan.lastUpdated, `${timelineText.carePlanUpdated}${title}`);
    for (const activity of plan.activities) {
      for (const progress of activity.progressDates) {
        add(plan.ref, 'care-plan', 'progress', progress, `${timelineText.carePlanProgress}${title}`);
      }
    }
  }
  for (const communication of record.communications) {
    const topic = conceptText(communication.topic) ?? conceptText(communication.categories[0]);
    const suffix = topic ? `: ${topic}` : '';
    if (communication.sent) {
      add(
        communication.ref,
        'communication',
        'sent',
        communication.sent,
        `${timelineText.communicationSent}${suffix}`,
      );
    } else {
      add(
        communication.ref,
        'communication',
        'received',
        communication.received,
        `${timelineText.communicationReceived}${suffix}`,
      );
    }
  }
  for (const medication of record.medications) {
    if (medication.source !== 'MedicationStatement') {
      continue;
    }
    const name = conceptText(medication.medication);
    const suffix = name ? `: ${name}` : '';
    add(
      medication.ref,
      'medication',
      'asserted',
      medication.asserted,
      `${timelineText.medicationAsserted}${suffix}`,
    );
    if (dayOf(medication.effective?.start) !== dayOf(medication.asserted)) {
      add(
        medication.ref,
        'medication',
        'effective',
        medication.effective?.start,
        `${timelineText.medicationEffective}${suffix}`,
      );
    }
  }
  for (const procedure of record.procedures) {
    if (procedure.code.codings.some((coding) => coding.code === RECONCILIATION_CODE)) {
      add(
        procedure.ref,
        'medication',
        'reconciliation',
        procedure.performed?.start,
        timelineText.reconciliation,
      );
    }
  }
  return marks;
}

/**
 * The timeline of `record` over `period`, `width` units wide: encounters (by class, multi-day stays with an
 * end), care-plan activity, communications, medication-list assertions and reconciliations, and transitions
 * of care (the end of an inpatient or emergency encounter, also within 30 days before the period).
 */
export function layoutTimeline(
  record: PatientRecord,
  period: EvaluationPeriod,
  width = 1000,
): TimelineLayout {
  const days = Math.max(1, daysBetween(period.start, period.end) + 1);
  const step = width / days;
  const xOf = (day: number) => (Math.max(0, day) + 0.5) * step;
  const seen = new Set<string>();
  const perSlot = new Map<string, number>();
  const marks: TimelineMark[] = [];
  const ordered = recordMarks(record, period).sort(
    (a, b) => TIMELINE_LANES.indexOf(a.lane) - TIMELINE_LANES.indexOf(b.lane) || a.date.localeCompare(b.date),
  );
  for (const { endDate, ...draft } of ordered) {
    const key = `${draft.lane}|${draft.kind}|${draft.ref}|${draft.date}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const day = daysBetween(period.start, draft.date);
    const slot = `${draft.lane}|${Math.max(0, day)}`;
    const stack = perSlot.get(slot) ?? 0;
    perSlot.set(slot, stack + 1);
    const endX = endDate === undefined ? undefined : xOf(daysBetween(period.start, endDate));
    marks.push({ ...draft, day, x: xOf(day), stack, ...(endX === undefined ? {} : { endX }) });
  }
  const ticks: TimelineTick[] = [];
  for (let day = 0; day < days; day += 7) {
    ticks.push({ day, x: xOf(day), label: addDays(period.start, day).slice(5) });
  }
  return { days, width, marks, ticks };
}
