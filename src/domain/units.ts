/**
 * Units for the G9012 line, by the policy's units rule. The default is 1 unit per service period: the G9012
 * descriptor names no time unit (CMS 2019 Alpha-Numeric HCPCS File, SOURCES.md §1a).
 */
import type { Units } from './evaluation.ts';
import type { PayerPolicy } from './policy.ts';

/** Units from the policy rule and the period's total minutes. */
export function unitsFor(policy: PayerPolicy, totalMinutes: number): Units {
  const rule = policy.units;
  if (rule.kind === 'per-period') {
    return {
      quantity: rule.quantity,
      rule: `${rule.quantity} unit${rule.quantity === 1 ? '' : 's'} per service period`,
      source: rule.source,
    };
  }
  return {
    quantity: Math.floor(totalMinutes / rule.minutes),
    rule: `1 unit for each full ${rule.minutes} minutes`,
    source: rule.source,
  };
}
