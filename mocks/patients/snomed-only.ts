/**
 * snomed-only: the conditions carry SNOMED CT codes only (as Synthea data does). The diagnoses are suggested
 * ICD-10-CM codes (I50.9, E11.9, J44.9) that count only once the user confirms them.
 */
import type { Scenario } from './scenario.ts';
import { meetsAllParts, toBundle } from './scenario-kit.ts';

const id = 'snomed-only';
const parts = meetsAllParts(id, { given: 'Sam', family: 'Snomed' });
for (const c of parts.conditions) {
  c.code = {
    ...c.code,
    coding: (c.code?.coding ?? []).filter((coding) => coding.system === 'http://snomed.info/sct'),
  };
}

/** The SNOMED-only scenario. */
export const snomedOnly: Scenario = {
  id,
  title: 'SNOMED-only conditions',
  description: 'Conditions have SNOMED CT codes only; ICD-10-CM codes are suggestions awaiting confirmation.',
  bundle: toBundle(id, parts),
};
