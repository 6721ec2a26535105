/**
 * Plain names for conditions in reasons: the curated name when the code is known, else the record's label.
 */
import { type ChronicConditionRow, rowForIcd10, rowForSnomed } from './chronic-condition-table.ts';
import { codesIn, conceptLabel, SYSTEMS } from './concept.ts';
import type { ConditionItem } from './record.ts';

/** The curated row for a condition's SNOMED or ICD-10-CM code, if any. */
function curatedRow(c: ConditionItem): ChronicConditionRow | undefined {
  for (const code of codesIn(c.code, SYSTEMS.snomed)) {
    const row = rowForSnomed(code);
    if (row) {
      return row;
    }
  }
  for (const code of codesIn(c.code, SYSTEMS.icd10cm)) {
    const row = rowForIcd10(code);
    if (row) {
      return row;
    }
  }
  return undefined;
}

/** Whether the condition is one of the curated common chronic conditions. */
export function isCuratedCondition(c: ConditionItem): boolean {
  return curatedRow(c) !== undefined;
}

/** "heart failure", "type 2 diabetes", or the record's own label. */
export function conditionName(c: ConditionItem): string {
  return curatedRow(c)?.name ?? conceptLabel(c.code);
}
