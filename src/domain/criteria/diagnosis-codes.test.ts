import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../evaluation.ts';
import { checkDiagnosisCodes } from './diagnosis-codes.ts';

const coded = (code: string, condition: string): Diagnosis => ({
  system: 'http://hl7.org/fhir/sid/icd-10-cm',
  code,
  suggested: false,
  confirmed: false,
  condition,
  chronic: true,
  source: 'record',
});

describe('diagnosis-codes reason', () => {
  // Found by the evaluate property test (seed 869317392): a 5,000-character "code" made a 5,000-character reason.
  it('stays one short line when a record carries a huge code', () => {
    const result = checkDiagnosisCodes([coded('x'.repeat(5000), 'Condition/a')], 1);
    expect(result.status).toBe('met');
    expect(result.reason.length).toBeLessThan(100);
    expect(result.evidence).toEqual(['Condition/a']);
  });

  it('lists at most four codes and counts the rest', () => {
    const many = ['I50.9', 'E11.9', 'J44.9', 'I10', 'N18.30'].map((c, i) => coded(c, `Condition/${i}`));
    expect(checkDiagnosisCodes(many, 5).reason).toBe(
      '5 ICD-10-CM codes on active conditions: I50.9, E11.9, J44.9, I10 and 1 more',
    );
  });
});
