/**
 * `medication-reconciliation`: a MedicationStatement asserted or effective in the period, or a medication
 * reconciliation Procedure (SNOMED 430193006) in the period. An order list (MedicationRequest) alone shows a
 * list exists, not that it was reconciled: `missing`, with the list as evidence. DESIGN.md §4.
 */
import { within } from '../calendar.ts';
import { hasCode, plural, SYSTEMS } from '../concept.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';

const RECONCILIATION = new Set(['430193006']);
const DONE = new Set(['completed', 'in-progress']);

/** Checks medication reconciliation. */
export function checkMedicationReconciliation(ctx: EvaluationContext): CriterionFinding {
  const { record, period } = ctx;
  const procedures = record.procedures.filter(
    (p) =>
      hasCode(p.code, SYSTEMS.snomed, RECONCILIATION) &&
      DONE.has(p.status ?? '') &&
      within(p.performed?.start, period),
  );
  if (procedures.length > 0) {
    return {
      status: 'met',
      evidence: procedures.map((p) => p.ref),
      reason: `Medication reconciliation done in the period (${procedures[0]?.performed?.start?.slice(0, 10)})`,
    };
  }
  const statements = record.medications.filter(
    (m) => m.source === 'MedicationStatement' && m.status !== 'entered-in-error',
  );
  const current = statements.filter((m) => within(m.asserted, period) || within(m.effective?.start, period));
  if (current.length > 0) {
    return {
      status: 'met',
      evidence: current.map((m) => m.ref),
      reason: `${plural(current.length, 'medication statement')} asserted in the period`,
    };
  }
  const orders = record.medications.filter(
    (m) => m.source === 'MedicationRequest' && m.status !== 'entered-in-error',
  );
  if (orders.length > 0 && statements.length === 0) {
    return {
      status: 'missing',
      evidence: orders.map((m) => m.ref),
      reason: `Only an order list (${plural(orders.length, 'MedicationRequest')}) exists: it shows a list, not a reconciliation`,
    };
  }
  if (statements.length > 0) {
    return {
      status: 'missing',
      evidence: statements.map((m) => m.ref),
      reason: `${plural(statements.length, 'medication statement')} on file, none asserted in the period`,
    };
  }
  return { status: 'missing', evidence: [], reason: 'No medication list or reconciliation in the record' };
}
