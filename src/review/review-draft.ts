/**
 * Reviews one Claim or ChargeItem: structural validity (the R4 validator), product checks, the criteria it
 * claims, its evidence resolved, re-evaluation on the evidence now available, Provenance, and a verdict with
 * reasons. Pure apart from the evidence source it is given (which may fetch).
 */
import type { PayerPolicy } from '../domain/policy.ts';
import type { ValidationIssue } from '../validate/issue.ts';
import { criterionDiscrepancies, criterionRows, evidenceChecks } from './compare.ts';
import { type DraftClaims, readDraftClaims } from './draft-claims.ts';
import { isEnteredInError, keyFields } from './evidence-fields.ts';
import type { DraftTarget, EvidenceSource, ReadResult } from './evidence-source.ts';
import { isObject, type JsonObject, objects, refOf, str } from './json-access.ts';
import { billsG9012, ruleChecks } from './product-checks.ts';
import { NO_PROVENANCE, reviewProvenance } from './provenance-review.ts';
import { reEvaluate } from './re-evaluate.ts';
import type {
  EvidenceReview,
  ProductCheck,
  ProvenanceReview,
  ReEvaluation,
  ReviewReport,
  Verdict,
} from './types.ts';
import { verdictReasons } from './verdict.ts';

/** What a review needs besides the draft. */
export interface ReviewOptions {
  /** The FHIR R4 validator (`R4Validator.validate`). */
  readonly validate: (resource: unknown) => readonly ValidationIssue[];
  /** Where evidence comes from. */
  readonly source: EvidenceSource;
  /** The payer policies (the shipped ones, plus any extra). */
  readonly policies: readonly PayerPolicy[];
  /** The re-evaluation date, `YYYY-MM-DD`; default: the draft's own date. */
  readonly asOf?: string;
}

/** One draft to review, as found in the input. */
export interface DraftInput {
  readonly resource: unknown;
  /** Its Bundle fullUrl, when it came from a Bundle. */
  readonly fullUrl?: string;
  /** Its position in the input (for naming a draft without an id). */
  readonly position?: number;
}

function isBlocking(issue: ValidationIssue): boolean {
  return issue.severity === 'error' || issue.severity === 'fatal';
}

function nameOf(input: DraftInput): string {
  const type = isObject(input.resource)
    ? (str(input.resource, 'resourceType') ?? '(no resourceType)')
    : '(not a resource)';
  return refOf(input.resource) ?? input.fullUrl ?? `${type}/(no id)#${input.position ?? 0}`;
}

async function resolveEvidence(
  claims: DraftClaims,
  source: EvidenceSource,
): Promise<Map<string, ReadResult>> {
  const refs = [...new Set(claims.evidence.map((e) => e.ref))];
  const results = await Promise.all(refs.map((ref) => source.read(ref)));
  return new Map(refs.map((ref, i) => [ref, results[i] ?? { found: false, reason: 'error' }]));
}

function evidenceReviews(
  claims: DraftClaims,
  reads: ReadonlyMap<string, ReadResult>,
  invalid: ReadonlyMap<string, string>,
): EvidenceReview[] {
  return [...reads].map(([ref, read]) => {
    const criteria = [...new Set(claims.evidence.filter((e) => e.ref === ref).map((e) => e.criterion))];
    if (!read.found) {
      const problem =
        read.reason === 'gone'
          ? 'deleted'
          : read.reason === 'error'
            ? `could not be read${read.detail ? `: ${read.detail}` : ''}`
            : 'not found';
      return { ref, criteria, state: 'missing', fields: [], problem };
    }
    const fields = keyFields(read.resource);
    if (isEnteredInError(read.resource)) {
      return { ref, criteria, state: 'entered-in-error', fields };
    }
    const problem = invalid.get(refOf(read.resource) ?? ref);
    return problem === undefined
      ? { ref, criteria, state: 'found', fields }
      : { ref, criteria, state: 'unreadable', fields, problem };
  });
}

/** Reads the other resources the record needs: the patient, the user, Coverage and its payors. */
async function supportingResources(claims: DraftClaims, source: EvidenceSource): Promise<JsonObject[]> {
  const refs = [claims.user, ...claims.coverages].filter((r): r is string => r !== undefined);
  const first = await Promise.all(refs.map((ref) => source.read(ref)));
  const found = first.flatMap((r) => (r.found ? [r.resource] : []));
  const payors = found
    .filter((r) => r.resourceType === 'Coverage')
    .flatMap((c) => objects(c, 'payor').flatMap((p) => str(p, 'reference') ?? []));
  const second = await Promise.all(payors.map((ref) => source.read(ref)));
  return [...found, ...second.flatMap((r) => (r.found ? [r.resource] : []))];
}

function dedupe(resources: readonly JsonObject[]): { resource: JsonObject }[] {
  const seen = new Set<string>();
  const out: { resource: JsonObject }[] = [];
  for (const resource of resources) {
    const ref = refOf(resource);
    if (ref !== undefined) {
      if (seen.has(ref)) {
        continue;
      }
      seen.add(ref);
    }
    out.push({ resource });
  }
  return out;
}

function verdictOf(
  valid: boolean,
  checks: readonly ProductCheck[],
  discrepancies: readonly string[],
): Verdict {
  if (!valid || checks.some((c) => c.kind === 'rule' && !c.ok)) {
    return 'invalid';
  }
  return discrepancies.length > 0 ? 'inconsistent' : 'consistent';
}

function notADraft(input: DraftInput, issues: readonly ValidationIssue[]): ReviewReport {
  const valid = !issues.some(isBlocking);
  const type = isObject(input.resource) ? (str(input.resource, 'resourceType') ?? '(none)') : '(none)';
  const reason = `It is a ${type}, not a Claim or ChargeItem.`;
  return {
    ref: nameOf(input),
    resourceType: type,
    g9012: false,
    valid,
    issues,
    checks: [],
    criteria: [],
    evidence: [],
    discrepancies: [reason],
    provenance: NO_PROVENANCE,
    verdict: 'invalid',
    reasons: [reason],
  };
}

async function findProvenance(
  input: DraftInput,
  claims: DraftClaims,
  source: EvidenceSource,
): Promise<ProvenanceReview> {
  if (source.provenanceFor === undefined) {
    return NO_PROVENANCE;
  }
  const ref = refOf(input.resource);
  // The builders' `provenanceTagCode`, from the identifier already read (the input may be malformed).
  const tagCode =
    claims.identifierValue === undefined ? undefined : `${claims.type}_${claims.identifierValue}`;
  const target: DraftTarget = {
    ...(ref === undefined ? {} : { ref }),
    ...(input.fullUrl === undefined ? {} : { fullUrl: input.fullUrl }),
    ...(tagCode === undefined ? {} : { tagCode }),
  };
  return reviewProvenance(await source.provenanceFor(target));
}

/** Reviews one draft. Never throws on bad input: every problem is in the report. */
export async function reviewDraft(input: DraftInput, options: ReviewOptions): Promise<ReviewReport> {
  const issues = [...options.validate(input.resource)];
  const valid = !issues.some(isBlocking);
  const claims = readDraftClaims(input.resource);
  if (claims === undefined) {
    return notADraft(input, issues);
  }
  const base = { ref: nameOf(input), resourceType: claims.type, valid, issues };
  const rules = ruleChecks(claims);
  if (!billsG9012(claims)) {
    const discrepancies = rules.filter((c) => !c.ok).map((c) => c.detail);
    return {
      ...base,
      g9012: false,
      checks: rules,
      criteria: [],
      evidence: [],
      discrepancies,
      provenance: NO_PROVENANCE,
      verdict: 'invalid',
      reasons: verdictReasons({
        valid,
        g9012: false,
        issues,
        checks: rules,
        discrepancies,
        claims,
        evidence: [],
        provenance: NO_PROVENANCE,
      }),
    };
  }
  const { source } = options;
  const reads = await resolveEvidence(claims, source);
  const patientRead: ReadResult =
    claims.patient === undefined ? { found: false, reason: 'not-found' } : await source.read(claims.patient);
  const problems: string[] = [];
  let reEvaluation: ReEvaluation | undefined;
  let invalidByRef = new Map<string, string>();
  let evaluation: Parameters<typeof criterionRows>[1];
  if (!patientRead.found) {
    problems.push(
      claims.patient === undefined
        ? 'The draft names no patient, so it cannot be re-evaluated.'
        : `The draft's patient ${claims.patient} cannot be resolved, so the draft cannot be re-evaluated.`,
    );
  } else {
    const cited = [...reads.values()].flatMap((r) => (r.found ? [r.resource] : []));
    const others = (await source.patientResources?.(claims.patient ?? '')) ?? [];
    const supporting = await supportingResources(claims, source);
    const result = reEvaluate({
      claims,
      patientId: str(patientRead.resource, 'id') ?? '',
      resources: dedupe([patientRead.resource, ...cited, ...supporting, ...others]),
      policies: options.policies,
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    });
    invalidByRef = new Map(result.invalid.map((i) => [i.ref, i.problem]));
    if (result.ok) {
      evaluation = result.evaluation;
      reEvaluation = {
        asOf: result.evaluation.asOf,
        period: result.evaluation.period,
        policyId: result.evaluation.payer.policyId,
        policyBasis: result.policyBasis,
        status: result.evaluation.status,
        invalidResources: result.invalid.map((i) => `${i.ref}: ${i.problem}`),
      };
      if (result.evaluation.status === 'not-billable') {
        problems.push(
          `Re-evaluation now finds the patient not billable for G9012: ${result.evaluation.blockers.map((b) => `${b.criterion} ${b.status}`).join(', ')}.`,
        );
      }
    } else {
      problems.push(`The draft cannot be re-evaluated: ${result.problem}.`);
    }
  }
  const evidence = evidenceReviews(claims, reads, invalidByRef);
  const provenance = await findProvenance(input, claims, source);
  const checks = [...rules, ...evidenceChecks(claims, evidence, evaluation, provenance)];
  const criteria = criterionRows(claims, evaluation);
  const discrepancies = [
    ...new Set([
      ...rules.filter((c) => !c.ok).map((c) => c.detail),
      ...criterionDiscrepancies(criteria, evidence, evaluation),
      ...problems,
      ...checks.filter((c) => c.kind === 'evidence' && !c.ok).map((c) => c.detail),
    ]),
  ];
  const verdict = verdictOf(valid, checks, discrepancies);
  return {
    ...base,
    g9012: true,
    checks,
    criteria,
    evidence,
    ...(reEvaluation === undefined ? {} : { reEvaluation }),
    discrepancies,
    provenance,
    verdict,
    reasons: verdictReasons({
      valid,
      g9012: true,
      issues,
      checks,
      discrepancies,
      claims,
      evidence,
      provenance,
    }),
  };
}
