/**
 * tcm-recent-discharge: an inpatient stay ended on 14 November 2026, six days before asOf 2026-11-20, so
 * transitional care management (99495/99496) fits; complex-needs is met by the transition of care even
 * though only one chronic condition is on the list.
 */
import type { Scenario } from './scenario.ts';
import { meetsAllParts, toBundle } from './scenario-kit.ts';

const id = 'tcm-recent-discharge';
const parts = meetsAllParts(id, { given: 'Tomas', family: 'Transition' });
parts.conditions = parts.conditions.filter((c) => c.id === `${id}-copd` || c.id === `${id}-food`);
parts.encounters.push({
  resourceType: 'Encounter',
  id: `${id}-admission`,
  status: 'finished',
  class: {
    system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
    code: 'IMP',
    display: 'inpatient encounter',
  },
  type: [{ text: 'Hospital admission for COPD exacerbation' }],
  subject: { reference: `Patient/${id}` },
  period: { start: '2026-11-10T22:00:00Z', end: '2026-11-14T11:00:00Z' },
  reasonReference: [{ reference: `Condition/${id}-copd` }],
});

/** The TCM scenario. */
export const tcmRecentDischarge: Scenario = {
  id,
  title: 'Recent hospital discharge (TCM 99495/99496 fits)',
  description:
    'COPD admission 10–14 November 2026: a transition of care; transitional care management fits better than G9012.',
  bundle: toBundle(id, parts),
};
