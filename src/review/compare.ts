/**
 * Compares what the draft claims with what re-evaluation finds now, and says every difference in plain
 * words ("the draft says care-coordination was met by Communication/123, which no longer exists").
 */

import { ICD10CM_SYSTEM } from '../domain/draft/urls.ts';
import { CRITERION_IDS, type CriterionId, type Evaluation } from '../domain/evaluation.ts';
import type { DraftClaims } from './draft-claims.ts';
import type {
  ClaimedStatus,
  CriterionReview,
  EvidenceReview,
  ProductCheck,
  ProvenanceReview,
} from './types.ts';

/** What the draft claims for each criterion: met (with evidence), attested (with a statement), or nothing. */
export function claimedStatuses(claims: DraftClaims): Map<CriterionId, ClaimedStatus> {
  const out = new Map<CriterionId, ClaimedStatus>();
  for (const s of claims.statements) {
    if (s.criterion !== undefined) {
      out.set(s.criterion, 'attested');
    }
  }
  for (const e of claims.evidence) {
    out.set(e.criterion, 'met');
  }
  return out;
}

/** The criteria rows: claimed and now, for all fourteen criteria. */
export function criterionRows(claims: DraftClaims, evaluation: Evaluation | undefined): CriterionReview[] {
  const claimed = claimedStatuses(claims);
  return CRITERION_IDS.map((id) => {
    const now = evaluation?.criteria.find((c) => c.id === id);
    return {
      id,
      claimed: claimed.get(id) ?? 'not claimed',
      now: now?.status ?? 'not evaluated',
      evidence: [...new Set(claims.evidence.filter((e) => e.criterion === id).map((e) => e.ref))],
      ...(now === undefined ? {} : { reason: now.reason }),
    };
  });
}

function evidenceLine(criterion: CriterionId, item: EvidenceReview): string | undefined {
  const says = `The draft says ${criterion} was met by ${item.ref}`;
  switch (item.state) {
    case 'missing':
      return `${says}, which no longer exists (${item.problem ?? 'not found'}).`;
    case 'entered-in-error':
      return `${says}, which is now entered-in-error.`;
    case 'unreadable':
      return `${says}, which can no longer be read as evidence (${item.problem ?? 'invalid'}).`;
    case 'found':
      return undefined;
  }
}

/** Discrepancies between each claimed criterion, its evidence, and re-evaluation. */
export function criterionDiscrepancies(
  rows: readonly CriterionReview[],
  evidence: readonly EvidenceReview[],
  evaluation: Evaluation | undefined,
): string[] {
  const lines: string[] = [];
  const byRef = new Map(evidence.map((e) => [e.ref, e]));
  for (const row of rows) {
    for (const ref of row.evidence) {
      const item = byRef.get(ref);
      const line = item === undefined ? undefined : evidenceLine(row.id, item);
      if (line !== undefined) {
        lines.push(line);
      }
    }
    if (evaluation === undefined) {
      continue;
    }
    const now = evaluation.criteria.find((c) => c.id === row.id);
    if (now === undefined) {
      continue;
    }
    const holds = now.status === 'met' || now.status === 'attested';
    if (row.claimed !== 'not claimed' && !holds) {
      lines.push(
        `The draft says ${row.id} was ${row.claimed}, but re-evaluation now finds it ${now.status}: ${now.reason}.`,
      );
    } else if (row.claimed === 'met' && now.status === 'met') {
      for (const ref of row.evidence) {
        if (byRef.get(ref)?.state === 'found' && !now.evidence.includes(ref)) {
          lines.push(
            `The draft cites ${ref} for ${row.id}, but re-evaluation no longer counts it as evidence.`,
          );
        }
      }
    } else if (row.claimed === 'not claimed' && now.required && now.status === 'not-met') {
      lines.push(`${row.id} is required and re-evaluation now finds it not-met: ${now.reason}.`);
    }
  }
  return lines;
}

/** The evidence checks: resolvable evidence, units, supported diagnoses, modifiers, Provenance entities. */
export function evidenceChecks(
  claims: DraftClaims,
  evidence: readonly EvidenceReview[],
  evaluation: Evaluation | undefined,
  provenance: ProvenanceReview,
): ProductCheck[] {
  const checks: ProductCheck[] = [];
  const add = (id: ProductCheck['id'], ok: boolean, detail: string): void => {
    checks.push({ id, kind: 'evidence', ok, detail });
  };
  const unresolved = evidence.filter((e) => e.state === 'missing');
  add(
    'evidence-resolvable',
    evidence.length > 0 && unresolved.length === 0,
    evidence.length === 0
      ? 'The draft cites no evidence for any criterion.'
      : unresolved.length === 0
        ? `All ${evidence.length} evidence references resolve.`
        : `${unresolved.length} of ${evidence.length} evidence references do not resolve: ${unresolved.map((e) => e.ref).join(', ')}.`,
  );
  if (evaluation !== undefined) {
    const expected = evaluation.units.quantity;
    add(
      'units',
      claims.quantity === expected,
      claims.quantity === expected
        ? `${expected} unit${expected === 1 ? '' : 's'}, as the policy's rule gives (${evaluation.units.rule}).`
        : `The draft bills ${claims.quantity ?? 'no'} unit${claims.quantity === 1 ? '' : 's'}, but the policy's rule gives ${expected} on the evidence now (${evaluation.units.rule}).`,
    );
    const known = new Set(evaluation.diagnoses.map((d) => d.code));
    const unsupported = claims.diagnoses.filter(
      (c) => c.system === ICD10CM_SYSTEM && c.code !== undefined && !known.has(c.code),
    );
    if (claims.diagnoses.some((c) => c.system === ICD10CM_SYSTEM)) {
      add(
        'diagnosis-supported',
        unsupported.length === 0,
        unsupported.length === 0
          ? 'Every billed diagnosis code is carried by an active Condition in the evidence.'
          : `The draft bills diagnosis ${unsupported.map((c) => c.code).join(', ')}, which no active Condition in the evidence now carries.`,
      );
    }
    if (claims.modifiers.includes('22')) {
      const rejected = evaluation.modifiers.rejected.find((m) => m.code === '22');
      if (rejected !== undefined) {
        add(
          'modifier-22',
          false,
          `Modifier 22 is billed, but the payer policy does not allow it: ${rejected.reason}.`,
        );
      }
    }
  }
  if (provenance.found) {
    const entities = new Set(provenance.entities);
    const absent = [...new Set(claims.evidence.map((e) => e.ref))].filter((ref) => !entities.has(ref));
    add(
      'provenance-entities',
      absent.length === 0,
      absent.length === 0
        ? 'Provenance lists every cited evidence resource.'
        : `Provenance does not list ${absent.join(', ')}, which the draft cites.`,
    );
  }
  return checks;
}
