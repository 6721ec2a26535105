/**
 * ccm-fits-better: meets-all, but with 45 minutes of case-management time this month. Two or more chronic
 * conditions, a care plan and at least 20 minutes are the core of chronic care management (99490), so
 * `not-elsewhere-classified` is missing until the user confirms G9012 is still right.
 */
import type { Scenario } from './scenario.ts';
import { meetsAllParts, toBundle } from './scenario-kit.ts';

const id = 'ccm-fits-better';
const parts = meetsAllParts(id, { given: 'Colm', family: 'Chronic' });
parts.encounters.push({
  resourceType: 'Encounter',
  id: `${id}-call`,
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR', display: 'virtual' },
  type: [{ text: 'Case management phone call' }],
  subject: { reference: `Patient/${id}` },
  participant: [{ individual: { reference: 'Practitioner/cm-rivera' } }],
  period: { start: '2026-11-12T15:00:00Z', end: '2026-11-12T15:27:00Z' },
});

/** The CCM-fits-better scenario. */
export const ccmFitsBetter: Scenario = {
  id,
  title: 'Chronic care management fits better (99490)',
  description:
    'Three chronic conditions, an active care plan and 45 minutes this month: CCM 99490 fits; G9012 needs a confirmation.',
  bundle: toBundle(id, parts),
};
