/**
 * Re-evaluation: build a PatientRecord from the evidence now available and run the same criteria engine
 * the app ran, with the attestations and justifications the draft itself carries. Pure.
 */
import { evaluate } from '../domain/evaluate.ts';
import type {
  AttestationInput,
  DiagnosisConfirmation,
  Evaluation,
  EvaluationPeriod,
  ModifierJustification,
} from '../domain/evaluation.ts';
import { selectPolicy } from '../domain/payer-match.ts';
import type { PayerPolicy } from '../domain/policy.ts';
import type { InvalidResource, PatientRecord } from '../domain/record.ts';
import { indexRecord } from '../domain/record-index.ts';
import { recordFromEntries } from '../fhir/record/index.ts';
import type { DraftClaims, DraftStatement } from './draft-claims.ts';
import type { JsonObject } from './json-access.ts';

/** What re-evaluation needs besides the draft. */
export interface ReEvaluateInput {
  readonly claims: DraftClaims;
  /** The Patient's id (from the resolved Patient resource). */
  readonly patientId: string;
  /** Every resource now available: cited evidence, the patient's other resources, shared ones. */
  readonly resources: readonly { readonly resource: JsonObject; readonly fullUrl?: string }[];
  readonly policies: readonly PayerPolicy[];
  /** The evaluation date; default: the draft's own date, else its period end. */
  readonly asOf?: string;
}

/** The outcome: an evaluation, or why there is none. */
export type ReEvaluateResult =
  | {
      readonly ok: true;
      readonly evaluation: Evaluation;
      readonly record: PatientRecord;
      readonly invalid: readonly InvalidResource[];
      readonly policyBasis: string;
    }
  | { readonly ok: false; readonly problem: string; readonly invalid: readonly InvalidResource[] };

const DAY = /^\d{4}-\d{2}-\d{2}/;
const PERSON_REF = /^(Practitioner|PractitionerRole)\/[A-Za-z0-9.-]{1,64}$/;

function day(value: string | undefined): string | undefined {
  return value !== undefined && DAY.test(value) ? value.slice(0, 10) : undefined;
}

function periodOf(claims: DraftClaims): EvaluationPeriod | undefined {
  const start = day(claims.period?.start);
  const end = day(claims.period?.end);
  return start !== undefined && end !== undefined && start <= end ? { start, end } : undefined;
}

function instant(at: string | undefined, fallbackDay: string): string {
  if (at !== undefined && /T/.test(at)) {
    return at;
  }
  return `${day(at) ?? fallbackDay}T00:00:00Z`;
}

function attestationsOf(statements: readonly DraftStatement[], asOf: string): AttestationInput[] {
  return statements.flatMap((s): AttestationInput[] => {
    if (s.criterion === undefined) {
      return [];
    }
    // The app writes attested minutes as `... "time" (N minutes) ...`.
    const minutes = Number(/\((\d+) minutes\)/.exec(s.text)?.[1]);
    return [
      {
        criterion: s.criterion,
        note: s.text,
        by: s.by ?? 'the draft',
        at: instant(s.at, asOf),
        ...(Number.isFinite(minutes) && minutes > 0 ? { minutes } : {}),
      },
    ];
  });
}

/** A modifier justification in the draft: a statement without a criterion that names the modifier. */
export function justificationFor(
  code: string,
  statements: readonly DraftStatement[],
): DraftStatement | undefined {
  const pattern = new RegExp(`modifier\\s*${code}\\b`, 'i');
  return statements.find((s) => s.criterion === undefined && pattern.test(s.text));
}

function modifierConfirmations(claims: DraftClaims, asOf: string): ModifierJustification[] {
  if (!claims.modifiers.includes('22')) {
    return [];
  }
  const statement = justificationFor('22', claims.statements);
  return statement === undefined
    ? []
    : [
        {
          code: '22',
          justification: statement.text,
          by: statement.by ?? 'the draft',
          at: instant(statement.at, asOf),
        },
      ];
}

/** Re-evaluates the draft on the resources now available. */
export function reEvaluate(input: ReEvaluateInput): ReEvaluateResult {
  const { claims } = input;
  const user = claims.user !== undefined && PERSON_REF.test(claims.user) ? claims.user : undefined;
  const built = recordFromEntries(input.resources, {
    patientId: input.patientId,
    ...(user === undefined ? {} : { user }),
  });
  if (built.record === undefined) {
    return {
      ok: false,
      problem: built.problems.join('; ') || 'no patient record could be built',
      invalid: built.invalid,
    };
  }
  const record = built.record;
  const period = periodOf(claims);
  const asOf = day(input.asOf) ?? day(claims.date) ?? period?.end;
  if (asOf === undefined) {
    return {
      ok: false,
      problem: 'the draft has no date or period to evaluate as of',
      invalid: built.invalid,
    };
  }
  const named =
    claims.policyId === undefined ? undefined : input.policies.find((p) => p.id === claims.policyId);
  const selection = named
    ? {
        policy: named,
        match: {
          policyId: named.id,
          name: named.name,
          matchedBy: 'chosen' as const,
          detail: `payer policy "${named.id}" named in the draft identifier`,
        },
      }
    : selectPolicy(record, indexRecord(record), input.policies);
  if (selection === undefined) {
    return {
      ok: false,
      problem: 'no payer policy applies and no default policy is loaded',
      invalid: built.invalid,
    };
  }
  const base = {
    asOf,
    ...(period === undefined ? {} : { period }),
    policy: selection.policy,
    payerMatch: selection.match,
    attestations: attestationsOf(claims.statements, asOf),
  };
  const modifiers = modifierConfirmations(claims, asOf);
  const first = evaluate(record, { ...base, confirmations: { modifiers } });
  // A billed code that the engine only suggests (SNOMED-only condition) was confirmed by whoever drafted it.
  const billed = new Set(claims.diagnoses.flatMap((c) => (c.code === undefined ? [] : [c.code])));
  const diagnoses: DiagnosisConfirmation[] = first.diagnoses
    .filter((d) => d.suggested && billed.has(d.code))
    .map((d) => ({ condition: d.condition, code: d.code, by: 'the draft', at: `${asOf}T00:00:00Z` }));
  const evaluation =
    diagnoses.length === 0 ? first : evaluate(record, { ...base, confirmations: { modifiers, diagnoses } });
  return {
    ok: true,
    evaluation,
    record,
    invalid: built.invalid,
    policyBasis: selection.match.detail,
  };
}
