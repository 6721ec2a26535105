import { describe, expect, it } from 'vitest';
import { evidenceFields, nameOf } from './evidence-fields.ts';
import { sampleRecord } from './fixtures.ts';

describe('evidenceFields', () => {
  const record = sampleRecord();

  it('gives a condition its recorded date, display, recorder name and clinical status', () => {
    expect(evidenceFields(record, 'Condition/chf')).toEqual({
      ref: 'Condition/chf',
      type: 'Condition',
      found: true,
      date: '2026-11-05',
      what: 'Chronic systolic heart failure',
      author: 'Dana Whitfield, RN',
      status: 'active',
    });
  });

  it('gives a communication its sent date, topic and sender', () => {
    const fields = evidenceFields(record, 'Communication/pcp-letter');
    expect(fields.date).toBe('2026-11-19');
    expect(fields.what).toBe('Discharge summary to primary care');
    expect(fields.author).toBe('Dana Whitfield, RN');
  });

  it('says when a ref is not in the loaded record', () => {
    expect(evidenceFields(record, 'Procedure/none')).toEqual({
      ref: 'Procedure/none',
      type: 'Procedure',
      found: false,
    });
  });

  it('names a PractitionerRole by its practitioner and role', () => {
    expect(nameOf(record, 'PractitionerRole/cm1-role')).toBe('Dana Whitfield, RN (Case manager)');
  });
});
