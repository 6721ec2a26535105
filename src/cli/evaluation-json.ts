/**
 * The `g9012 evaluate` JSON contract (issue 4): one object per patient, a projection of `Evaluation`.
 * Other tools rely on these exact names.
 */
import type { Evaluation } from '../domain/evaluation.ts';
import type { InvalidResource } from '../domain/record.ts';

/** One output line. */
export interface EvaluationJson {
  patient: string;
  period: { start: string; end: string };
  asOf: string;
  payer: string;
  status: Evaluation['status'];
  criteria: Array<{ id: string; status: string; required: boolean; evidence: string[]; reason: string }>;
  codeFit: { alternatives: Array<{ code: string; system: string; reason: string }> };
  minutes: number;
  units: number;
  diagnoses: Array<{ system: string; code: string; display?: string; suggested: boolean }>;
  modifiers: Array<{ code: string; reason: string }>;
  warnings: string[];
  invalidResources: Array<{ ref: string; problem: string }>;
}

/** Projects an evaluation (and the resources left out of its record) onto the contract. */
export function toEvaluationJson(e: Evaluation, invalid: readonly InvalidResource[]): EvaluationJson {
  return {
    patient: e.patient,
    period: { start: e.period.start, end: e.period.end },
    asOf: e.asOf,
    payer: e.payer.policyId,
    status: e.status,
    criteria: e.criteria.map((c) => ({
      id: c.id,
      status: c.status,
      required: c.required,
      evidence: [...c.evidence],
      reason: c.reason,
    })),
    codeFit: {
      alternatives: e.codeFit.alternatives.map((a) => ({ code: a.code, system: a.system, reason: a.reason })),
    },
    minutes: e.minutes.total,
    units: e.units.quantity,
    diagnoses: e.diagnoses.map((d) => ({
      system: d.system,
      code: d.code,
      ...(d.display === undefined ? {} : { display: d.display }),
      suggested: d.suggested,
    })),
    modifiers: e.modifiers.applied.map((m) => ({ code: m.code, reason: m.reason })),
    warnings: e.warnings.map((w) => w.message),
    invalidResources: invalid.map((i) => ({ ref: i.ref, problem: i.problem })),
  };
}
