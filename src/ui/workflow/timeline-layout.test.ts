import { describe, expect, it } from 'vitest';
import type { PatientRecord } from '../../domain/record.ts';
import { sampleRecord } from './fixtures.ts';
import { layoutTimeline, type TimelineMark } from './timeline-layout.ts';

const november = { start: '2026-11-01', end: '2026-11-30' };

function pick(marks: readonly TimelineMark[], lane: TimelineMark['lane']) {
  return marks
    .filter((mark) => mark.lane === lane)
    .map(({ ref, kind, date, day, classCode }) => ({
      ref,
      kind,
      date,
      day,
      ...(classCode ? { classCode } : {}),
    }));
}

describe('layoutTimeline', () => {
  const layout = layoutTimeline(sampleRecord(), november, 300);

  it('has one slot per day of the period and centres each mark on its day', () => {
    expect(layout.days).toBe(30);
    const followup = layout.marks.find((mark) => mark.ref === 'Encounter/followup');
    expect(followup?.day).toBe(11);
    expect(followup?.x).toBeCloseTo(115);
  });

  it('places encounters on their start day by class, with a stay spanning to its end day', () => {
    expect(pick(layout.marks, 'encounter')).toEqual([
      { ref: 'Encounter/admit', kind: 'encounter', date: '2026-11-02', day: 1, classCode: 'IMP' },
      { ref: 'Encounter/followup', kind: 'encounter', date: '2026-11-12', day: 11, classCode: 'AMB' },
      { ref: 'Encounter/video', kind: 'encounter', date: '2026-11-24', day: 23, classCode: 'VR' },
    ]);
    const admit = layout.marks.find((mark) => mark.ref === 'Encounter/admit');
    expect(admit?.endX).toBeCloseTo(55);
  });

  it('includes the transition of care at the end of the inpatient stay', () => {
    expect(pick(layout.marks, 'transition')).toEqual([
      { ref: 'Encounter/admit', kind: 'discharge', date: '2026-11-06', day: 5, classCode: 'IMP' },
    ]);
    expect(layout.marks.find((mark) => mark.lane === 'transition')?.label).toBe(
      'discharge from inpatient encounter',
    );
  });

  it('shows a discharge up to 30 days before the period at the left edge, and ignores older ones', () => {
    const record: PatientRecord = {
      ...sampleRecord(),
      encounters: [
        {
          ref: 'Encounter/er',
          classCode: 'EMER',
          types: [],
          participants: [],
          period: { start: '2026-10-20', end: '2026-10-21' },
        },
        {
          ref: 'Encounter/old',
          classCode: 'IMP',
          types: [],
          participants: [],
          period: { start: '2026-09-01', end: '2026-09-10' },
        },
      ],
    };
    const transitions = layoutTimeline(record, november, 300).marks.filter(
      (mark) => mark.lane === 'transition',
    );
    expect(transitions.map(({ ref, day, x, beforePeriod }) => ({ ref, day, x, beforePeriod }))).toEqual([
      { ref: 'Encounter/er', day: -11, x: 5, beforePeriod: true },
    ]);
  });

  it('marks care-plan update and progress, communications and the medication list assertion', () => {
    expect(pick(layout.marks, 'care-plan')).toEqual([
      { ref: 'CarePlan/cp1', kind: 'updated', date: '2026-11-18', day: 17 },
      { ref: 'CarePlan/cp1', kind: 'progress', date: '2026-11-20', day: 19 },
    ]);
    expect(pick(layout.marks, 'communication')).toEqual([
      { ref: 'Communication/pcp-letter', kind: 'sent', date: '2026-11-19', day: 18 },
    ]);
    expect(pick(layout.marks, 'medication')).toEqual([
      { ref: 'MedicationStatement/ms1', kind: 'asserted', date: '2026-11-12', day: 11 },
    ]);
  });

  it('leaves out order lists (MedicationRequest) and activity outside the period', () => {
    const record: PatientRecord = {
      ...sampleRecord(),
      medications: [
        {
          ref: 'MedicationRequest/mr1',
          source: 'MedicationRequest',
          medication: { codings: [] },
          asserted: '2026-11-03',
        },
        {
          ref: 'MedicationStatement/late',
          source: 'MedicationStatement',
          medication: { codings: [] },
          asserted: '2026-12-01',
        },
      ],
    };
    expect(pick(layoutTimeline(record, november).marks, 'medication')).toEqual([]);
  });

  it('stacks marks that share a lane and a day', () => {
    const record: PatientRecord = {
      ...sampleRecord(),
      communications: [
        { ref: 'Communication/a', categories: [], recipients: [], sent: '2026-11-05T09:00:00Z' },
        { ref: 'Communication/b', categories: [], recipients: [], received: '2026-11-05T15:00:00-05:00' },
      ],
    };
    const marks = layoutTimeline(record, november).marks.filter((mark) => mark.lane === 'communication');
    expect(marks.map((mark) => [mark.ref, mark.kind, mark.stack])).toEqual([
      ['Communication/a', 'sent', 0],
      ['Communication/b', 'received', 1],
    ]);
  });

  it('puts a tick every 7 days from the first day', () => {
    expect(layout.ticks.map((tick) => tick.label)).toEqual(['11-01', '11-08', '11-15', '11-22', '11-29']);
  });
});
