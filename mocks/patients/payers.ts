/**
 * One meets-all patient per payer, each with a Coverage whose payor Organization carries the name the
 * payer policy recognises (src/policies/*.json).
 */
import type { PayerKey } from './people.ts';
import type { Scenario } from './scenario.ts';
import { meetsAllParts, toBundle } from './scenario-kit.ts';

const PAYERS: ReadonlyArray<{ key: PayerKey; title: string; note: string }> = [
  {
    key: 'medicare',
    title: 'Medicare',
    note: 'Medicare Part B is not expected to pay G9012 (PFS status X); modifier 22 is not allowed.',
  },
  {
    key: 'aetna',
    title: 'Aetna',
    note: 'No published Aetna G9012 rule: every rule is "not published — verify with payer".',
  },
  {
    key: 'bcbs',
    title: 'Blue Cross Blue Shield',
    note: 'Plan-specific rules; Independence Blue Cross CCM/TCM policy noted.',
  },
  { key: 'cigna', title: 'Cigna', note: 'No published Cigna G9012 billing rule.' },
  { key: 'uhc', title: 'UnitedHealthcare', note: 'No published UnitedHealthcare G9012 billing rule.' },
  {
    key: 'medicaid',
    title: 'Medicaid',
    note: 'State rules vary; T1016/T1017 appear as more specific Medicaid codes.',
  },
];

/** The payer scenarios, ids `payer-<policy id>`. */
export const payerScenarios: readonly Scenario[] = PAYERS.map(({ key, title, note }) => {
  const id = `payer-${key}`;
  return {
    id,
    title: `Payer: ${title}`,
    description: `Meets every documentation criterion; Coverage with ${title}. ${note}`,
    bundle: toBundle(id, meetsAllParts(id, { given: title, family: 'Member' }, key)),
  };
});
