/**
 * Plain names for conditions in reasons: the curated name when the code is known, else the record's label.
 */
import { rowForIcd10, rowForSnomed } from './chronic-condition-table.ts';
import { codesIn, conceptLabel, SYSTEMS } from './concept.ts';
import type { ConditionItem } from './record.ts';

/** "heart failure", "type 2 diabetes", or the record's own label. */
export function conditionName(c: ConditionItem): string {
  for (const code of codesIn(c.code, SYSTEMS.snomed)) {
    const row = rowForSnomed(code);
    if (row) {
      return row.name;
    }
  }
  for (const code of codesIn(c.code, SYSTEMS.icd10cm)) {
    const row = rowForIcd10(code);
    if (row) {
      return row.name;
    }
  }
  return conceptLabel(c.code);
}
