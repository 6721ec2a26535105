/**
 * `coverage`: an active Coverage, matched to a payer policy. Required for a Claim; informative for a
 * ChargeItem. DESIGN.md §4. Coverage cannot be attested: it has to be in the record.
 */
import { dayRange } from '../calendar.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';
import type { PayerMatch } from '../evaluation.ts';
import { activeCoverages } from '../payer-match.ts';

/** Checks coverage. */
export function checkCoverage(ctx: EvaluationContext, payer: PayerMatch): CriterionFinding {
  const { record, period, index } = ctx;
  const active = activeCoverages(record).filter((c) => {
    const ended = dayRange(c.period?.end);
    const starts = dayRange(c.period?.start);
    return (
      (ended === undefined || ended.last >= period.start) &&
      (starts === undefined || starts.first <= period.end)
    );
  });
  const matched = active.find((c) => c.ref === payer.coverage) ?? active[0];
  if (matched) {
    const evidence = [matched.ref, ...matched.payors.filter((ref) => index.refs.has(ref))];
    const how =
      payer.matchedBy === 'default'
        ? 'payer not recognised, default policy used'
        : payer.matchedBy === 'chosen'
          ? `policy "${payer.policyId}" chosen by the user`
          : `matched to ${payer.name} by ${payer.matchedBy.replace('-', ' ')}`;
    return { status: 'met', evidence, reason: `Active coverage (${how})` };
  }
  if (record.coverages.length > 0) {
    return {
      status: 'not-met',
      evidence: record.coverages.map((c) => c.ref),
      reason: 'Coverage on file is not active for the period',
    };
  }
  return {
    status: 'missing',
    evidence: [],
    reason: 'No Coverage in the record: a Claim needs one (a ChargeItem does not)',
  };
}
