/**
 * no-coverage: meets-all without any Coverage. A Claim cannot be made; a ChargeItem can.
 */
import type { Scenario } from './scenario.ts';
import { meetsAllParts, toBundle } from './scenario-kit.ts';

const id = 'no-coverage';
const parts = meetsAllParts(id, { given: 'Nora', family: 'Uninsured' });
parts.coverages = [];
parts.people = parts.people.filter((p) => p.resourceType !== 'Organization');

/** The no-coverage scenario. */
export const noCoverage: Scenario = {
  id,
  title: 'No Coverage',
  description:
    'Every documentation criterion is met but there is no Coverage: a ChargeItem is possible, a Claim is not.',
  bundle: toBundle(id, parts),
};
