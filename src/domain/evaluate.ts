/**
 * The entry point of the domain core: evaluate one patient's record for one period under one payer policy.
 * Pure: no I/O and no clock; `asOf`, the period and who attested when are all inputs.
 */
import { APP_DEFAULT_THRESHOLDS, type Thresholds } from './app-defaults.ts';
import { applyAttestation, attestationProblem, NOT_ATTESTABLE } from './attestations.ts';
import { addDays, dayOf, dayRange } from './calendar.ts';
import { findAlternatives } from './code-fit.ts';
import { isCuratedCondition } from './condition-names.ts';
import { isActiveCondition, isChronicCondition } from './conditions.ts';
import type { CriterionFinding, EvaluationContext } from './context.ts';
import { checkAssessment } from './criteria/assessment.ts';
import { checkBarriers } from './criteria/barriers.ts';
import { checkCareCoordination } from './criteria/care-coordination.ts';
import { checkCarePlan } from './criteria/care-plan.ts';
import { checkCarePlanUpdated } from './criteria/care-plan-updated.ts';
import { checkCaseManager } from './criteria/case-manager.ts';
import { checkComplexNeeds } from './criteria/complex-needs.ts';
import { checkCoverage } from './criteria/coverage.ts';
import { checkDiagnosisCodes } from './criteria/diagnosis-codes.ts';
import { checkGoals } from './criteria/goals.ts';
import { checkMedicationReconciliation } from './criteria/medication-reconciliation.ts';
import { checkNotElsewhereClassified } from './criteria/not-elsewhere-classified.ts';
import { checkProblemListReview } from './criteria/problem-list-review.ts';
import { checkTime } from './criteria/time.ts';
import { buildDiagnoses } from './diagnoses.ts';
import {
  type AttestationInput,
  type AttestationRecord,
  type Blocker,
  type Confirmations,
  CRITERION_IDS,
  type CriterionId,
  type CriterionResult,
  type Evaluation,
  type EvaluationPeriod,
  type EvaluationWarning,
  type OverallStatus,
  type PayerMatch,
} from './evaluation.ts';
import { documentedMinutes, totalMinutes } from './minutes.ts';
import { decideModifiers } from './modifiers.ts';
import { describeMatch } from './payer-match.ts';
import { resolvePeriod } from './period.ts';
import { attesterName } from './person-name.ts';
import { placeOfService } from './place-of-service.ts';
import { isUnpublished, type PayerPolicy } from './policy.ts';
import type { PatientRecord } from './record.ts';
import { indexRecord } from './record-index.ts';
import { unitsFor } from './units.ts';
import { policyWarnings } from './warnings.ts';

/** Inputs to `evaluate`. */
export interface EvaluateOptions {
  /** The evaluation date, `YYYY-MM-DD` (a dateTime is cut to its day). */
  readonly asOf: string;
  /** The period; default: the calendar month containing `asOf`. */
  readonly period?: EvaluationPeriod;
  readonly policy: PayerPolicy;
  /** How the policy was chosen (from `selectPolicy`); computed from the record when absent. */
  readonly payerMatch?: PayerMatch;
  readonly attestations?: readonly AttestationInput[];
  readonly confirmations?: Confirmations;
}

const STAY_CLASSES = new Set(['IMP', 'EMER']);

function resolveThresholds(policy: PayerPolicy): Thresholds {
  const t = policy.thresholds;
  return {
    minChronicConditions: t.minChronicConditions?.value ?? APP_DEFAULT_THRESHOLDS.minChronicConditions,
    chronicMinDays: t.chronicMinDays?.value ?? APP_DEFAULT_THRESHOLDS.chronicMinDays,
    transitionWindowDays: t.transitionWindowDays?.value ?? APP_DEFAULT_THRESHOLDS.transitionWindowDays,
    minMinutes: t.minMinutes?.value ?? APP_DEFAULT_THRESHOLDS.minMinutes,
  };
}

function buildContext(
  record: PatientRecord,
  period: EvaluationPeriod,
  asOf: string,
  policy: PayerPolicy,
): EvaluationContext {
  const thresholds = resolveThresholds(policy);
  const activeConditions = record.conditions.filter((c) => isActiveCondition(c, period));
  const chronicConditions = activeConditions
    .filter((c) => isChronicCondition(c, period, thresholds.chronicMinDays))
    // Well-known chronic conditions first, so reasons and claim diagnoses lead with them (stable sort).
    .sort((a, b) => Number(!isCuratedCondition(a)) - Number(!isCuratedCondition(b)));
  const windowStart = addDays(period.start, -thresholds.transitionWindowDays);
  const transitions = record.encounters
    .filter(
      (e) =>
        STAY_CLASSES.has(e.classCode ?? '') && e.status !== 'entered-in-error' && e.status !== 'cancelled',
    )
    .filter((e) => {
      const end = dayRange(e.period?.end);
      return end !== undefined && end.first >= windowStart && end.last <= period.end;
    })
    .sort((a, b) => ((a.period?.end ?? '') < (b.period?.end ?? '') ? 1 : -1));
  return {
    record,
    index: indexRecord(record),
    period,
    asOf,
    policy,
    thresholds,
    activeConditions,
    chronicConditions,
    transitions,
    documentedMinutes: documentedMinutes(record, period),
  };
}

/** The last well-formed attestation per criterion; the rest are recorded as superseded or invalid. */
function latestAttestations(inputs: readonly AttestationInput[]): {
  latest: Map<CriterionId, AttestationInput>;
  dropped: AttestationRecord[];
} {
  const latest = new Map<CriterionId, AttestationInput>();
  const dropped: AttestationRecord[] = [];
  for (const input of inputs) {
    if (input.criterion === 'time') {
      continue;
    }
    const problem = attestationProblem(input);
    if (problem) {
      dropped.push({ ...input, applied: false, ignoredBecause: problem });
      continue;
    }
    const previous = latest.get(input.criterion);
    if (previous) {
      dropped.push({ ...previous, applied: false, ignoredBecause: 'superseded by a later attestation' });
    }
    latest.set(input.criterion, input);
  }
  return { latest, dropped };
}

interface ResultBase {
  readonly id: CriterionId;
  readonly required: boolean;
  readonly attestable: boolean;
}

/**
 * A criterion's result from its finding. Written out field by field: spreading findings of different
 * shapes into one literal sends V8 down a slow generic path for every criterion of every patient.
 */
function fromFinding(
  base: ResultBase,
  finding: Pick<CriterionResult, 'status' | 'evidence' | 'reason'>,
  reason = finding.reason,
): CriterionResult {
  return {
    id: base.id,
    required: base.required,
    attestable: base.attestable,
    status: finding.status,
    evidence: finding.evidence,
    reason,
  };
}

function overall(criteria: readonly CriterionResult[]): { status: OverallStatus; blockers: Blocker[] } {
  const blockers: Blocker[] = criteria
    .filter((c) => c.required && (c.status === 'missing' || c.status === 'not-met'))
    .map((c) => ({ criterion: c.id, status: c.status, reason: c.reason }));
  const status: OverallStatus = blockers.some((b) => b.status === 'not-met')
    ? 'not-billable'
    : blockers.length > 0
      ? 'incomplete'
      : 'ready';
  return { status, blockers };
}

/** Evaluates a record. Throws only `InvalidPeriodError` for an invalid `asOf` or period. */
export function evaluate(record: PatientRecord, options: EvaluateOptions): Evaluation {
  const { period, basis } = resolvePeriod(options.asOf, options.period);
  const asOf = dayOf(options.asOf) ?? options.asOf;
  const { policy } = options;
  const ctx = buildContext(record, period, asOf, policy);
  const inputs = options.attestations ?? [];
  const confirmations = options.confirmations ?? {};

  // Time: documented minutes plus every well-formed time attestation with minutes.
  const timeRecords: AttestationRecord[] = inputs
    .filter((a) => a.criterion === 'time')
    .map((a) => {
      const problem = attestationProblem(a);
      return problem ? { ...a, applied: false, ignoredBecause: problem } : { ...a, applied: true };
    });
  const minutes = totalMinutes(
    ctx.documentedMinutes,
    timeRecords.filter((a) => a.applied),
  );
  const alternatives = findAlternatives(ctx, minutes.total);
  const payer = options.payerMatch ?? describeMatch(record, ctx.index, policy);
  const diagnoses = buildDiagnoses(ctx, confirmations.diagnoses ?? []);

  const findings: Record<CriterionId, CriterionFinding> = {
    'complex-needs': checkComplexNeeds(ctx),
    'problem-list-review': checkProblemListReview(ctx),
    'medication-reconciliation': checkMedicationReconciliation(ctx),
    assessment: checkAssessment(ctx),
    'care-plan': checkCarePlan(ctx),
    goals: checkGoals(ctx),
    'care-plan-updated': checkCarePlanUpdated(ctx),
    barriers: checkBarriers(ctx),
    time: checkTime(ctx),
    'care-coordination': checkCareCoordination(ctx),
    'case-manager': checkCaseManager(ctx),
    'not-elsewhere-classified': checkNotElsewhereClassified(alternatives),
    coverage: checkCoverage(ctx, payer),
    'diagnosis-codes': { status: 'missing', evidence: [], reason: '' },
  };
  const diagnosisFinding = checkDiagnosisCodes(diagnoses, ctx.activeConditions.length);

  const { latest, dropped } = latestAttestations(inputs);
  const records: AttestationRecord[] = [...dropped];
  const required = new Set(policy.requiredCriteria.criteria);
  let confirmation: AttestationRecord | undefined;
  const criteria: CriterionResult[] = CRITERION_IDS.map((id) => {
    const base: ResultBase = { id, required: required.has(id), attestable: !NOT_ATTESTABLE.has(id) };
    if (id === 'diagnosis-codes') {
      const attested = latest.get(id);
      if (attested) {
        records.push({ ...attested, applied: false, ignoredBecause: 'confirm each suggested code instead' });
      }
      return fromFinding(base, diagnosisFinding);
    }
    if (id === 'time') {
      const finding = findings.time;
      const applied = timeRecords.filter((a) => a.applied);
      records.push(...timeRecords);
      if (finding.status === 'met' || applied.length === 0) {
        return fromFinding(base, finding);
      }
      if (minutes.total >= ctx.thresholds.minMinutes) {
        const last = applied[applied.length - 1];
        return {
          ...base,
          status: 'attested',
          evidence: finding.evidence,
          reason: `${minutes.total} minutes (${minutes.documented} documented, ${minutes.attested} attested)`,
          ...(last ? { attestation: last } : {}),
        };
      }
      return fromFinding(base, finding, `${finding.reason}; ${minutes.attested} minutes attested`);
    }
    const finding = findings[id];
    const input = latest.get(id);
    if (!input) {
      return fromFinding(base, finding);
    }
    const outcome = applyAttestation(id, finding, input);
    records.push(outcome.record);
    if (id === 'not-elsewhere-classified' && outcome.record.applied) {
      confirmation = outcome.record;
    }
    if (outcome.status === 'attested') {
      return {
        ...base,
        status: 'attested',
        evidence: finding.evidence,
        reason: `Attested by ${attesterName(record, outcome.record.by)}: ${outcome.record.note.trim().slice(0, 160)}`,
        attestation: outcome.record,
      };
    }
    return fromFinding(base, finding);
  });

  const pos = placeOfService(record, period, policy);
  const modifierDecision = decideModifiers(
    policy,
    confirmations.modifiers ?? [],
    confirmations.delivery,
    (by) => attesterName(record, by),
  );
  const warnings: EvaluationWarning[] = [
    ...policyWarnings(policy, record, period),
    ...modifierDecision.warnings,
    ...records
      .filter((r) => !r.applied && r.ignoredBecause !== 'already met from the record')
      .map((r) => ({
        kind: 'attestation' as const,
        message: `Attestation for ${r.criterion} not applied: ${r.ignoredBecause}`,
      })),
  ];
  if (pos?.candidates.some((c) => c === '02' || c === '10') && isUnpublished(policy.telehealth.source)) {
    warnings.push({
      kind: 'unpublished',
      message: `${policy.name}: telehealth place of service for G9012 — not published — verify with payer`,
      source: policy.telehealth.source,
    });
  }
  const { status, blockers } = overall(criteria);
  return {
    patient: record.patient.ref,
    asOf,
    period,
    periodBasis: basis,
    payer,
    status,
    blockers,
    criteria,
    codeFit: { alternatives, ...(confirmation ? { confirmation } : {}) },
    minutes,
    units: unitsFor(policy, minutes.total),
    diagnoses,
    modifiers: modifierDecision.modifiers,
    ...(pos ? { placeOfService: pos } : {}),
    warnings,
    attestations: records,
  };
}
