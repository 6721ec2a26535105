/**
 * Chooses the payer policy from the patient's Coverage: payor identifiers first, then payor names, then
 * Coverage.type; otherwise the `default` policy. Recognition only: billing rules live in the policy.
 */
import { conceptLabel } from './concept.ts';
import type { PayerMatch, PayerMatchBasis } from './evaluation.ts';
import type { PayerPolicy } from './policy.ts';
import type { CoverageItem, PatientRecord } from './record.ts';
import type { RecordIndex } from './record-index.ts';

/** The policy chosen for a record and how. */
export interface PolicySelection {
  readonly policy: PayerPolicy;
  readonly match: PayerMatch;
}

/** The id of the fallback policy. */
export const DEFAULT_POLICY_ID = 'default';

const RANK: Record<PayerMatchBasis, number> = {
  'payor-identifier': 0,
  'payor-name': 1,
  'coverage-type': 2,
  chosen: 3,
  default: 4,
};

interface Candidate {
  readonly match: PayerMatch;
  /** Position of the matched name in the text: "Aetna Medicare" is Aetna's plan, not Medicare's. */
  readonly position: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One RegExp per payer name, built once: bulk runs match thousands of coverages against the same names. */
const NAME_PATTERNS = new Map<string, RegExp>();

function namePattern(name: string): RegExp {
  let pattern = NAME_PATTERNS.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(^|[^a-z0-9])${escapeRegExp(name.toLowerCase())}($|[^a-z0-9])`);
    NAME_PATTERNS.set(name, pattern);
  }
  return pattern;
}

/** Where `name` appears in `lowerText` as a whole word, or -1. */
function namePosition(lowerText: string, name: string): number {
  const m = namePattern(name).exec(lowerText);
  return m ? m.index + (m[1]?.length ?? 0) : -1;
}

/** Active Coverage: status active (nothing else is assumed). */
export function activeCoverages(record: PatientRecord): CoverageItem[] {
  return record.coverages.filter((c) => c.status === 'active');
}

function matchCoverage(
  policy: PayerPolicy,
  coverage: CoverageItem,
  index: RecordIndex,
): Candidate | undefined {
  const base = { policyId: policy.id, name: policy.name, coverage: coverage.ref };
  const orgs = coverage.payors.flatMap((ref) => {
    const org = index.organizations.get(ref);
    return org ? [org] : [];
  });
  for (const org of orgs) {
    for (const id of org.identifiers) {
      const hit = policy.match.payorIdentifiers.find(
        (m) => m.value === id.value && (m.system === undefined || m.system === id.system),
      );
      if (hit) {
        return {
          match: {
            ...base,
            matchedBy: 'payor-identifier',
            payor: org.ref,
            detail: `${coverage.ref} payor ${org.ref} identifier ${hit.value}`,
          },
          position: 0,
        };
      }
    }
  }
  const texts: { text: string; payor?: string }[] = [
    ...orgs.flatMap((o) => (typeof o.name === 'string' ? [{ text: o.name, payor: o.ref }] : [])),
    ...coverage.payorDisplays.filter((d) => typeof d === 'string').map((text) => ({ text })),
  ];
  let best: Candidate | undefined;
  for (const { text, payor } of texts) {
    const lowerText = text.toLowerCase();
    for (const name of policy.match.payorNames) {
      const position = namePosition(lowerText, name);
      if (position >= 0 && (best === undefined || position < best.position)) {
        best = {
          match: {
            ...base,
            matchedBy: 'payor-name',
            ...(payor ? { payor } : {}),
            detail: `${coverage.ref} payor name matches "${name}"`,
          },
          position,
        };
      }
    }
  }
  if (best) {
    return best;
  }
  for (const coding of coverage.type?.codings ?? []) {
    const hit = policy.match.coverageTypes.find(
      (m) => m.code === coding.code && (m.system === undefined || m.system === coding.system),
    );
    if (hit) {
      return {
        match: {
          ...base,
          matchedBy: 'coverage-type',
          detail: `${coverage.ref} type ${conceptLabel(coverage.type)} (${hit.code})`,
        },
        position: 0,
      };
    }
  }
  return undefined;
}

function better(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) {
    return true;
  }
  const ra = RANK[a.match.matchedBy];
  const rb = RANK[b.match.matchedBy];
  return ra < rb || (ra === rb && a.position < b.position);
}

/** How one given policy relates to the record: matched from a Coverage, or chosen without one. */
export function describeMatch(record: PatientRecord, index: RecordIndex, policy: PayerPolicy): PayerMatch {
  let best: Candidate | undefined;
  for (const coverage of activeCoverages(record)) {
    const candidate = matchCoverage(policy, coverage, index);
    if (candidate && better(candidate, best)) {
      best = candidate;
    }
  }
  if (best) {
    return best.match;
  }
  const first = activeCoverages(record)[0];
  const basis: PayerMatchBasis = policy.id === DEFAULT_POLICY_ID ? 'default' : 'chosen';
  return {
    policyId: policy.id,
    name: policy.name,
    matchedBy: basis,
    ...(first ? { coverage: first.ref } : {}),
    detail:
      basis === 'default'
        ? first
          ? `${first.ref} payor not recognised by any policy; default policy used`
          : 'No active Coverage; default policy used'
        : `Policy "${policy.id}" chosen by the user`,
  };
}

/**
 * Picks the policy for a record: `payerId` when given (undefined if no such policy), else the best Coverage
 * match, else the `default` policy (undefined only if the list has no default).
 */
export function selectPolicy(
  record: PatientRecord,
  index: RecordIndex,
  policies: readonly PayerPolicy[],
  payerId?: string,
): PolicySelection | undefined {
  if (payerId !== undefined) {
    const policy = policies.find((p) => p.id === payerId);
    return policy ? { policy, match: describeMatch(record, index, policy) } : undefined;
  }
  let best: Candidate | undefined;
  let bestPolicy: PayerPolicy | undefined;
  for (const policy of policies) {
    if (policy.id === DEFAULT_POLICY_ID) {
      continue;
    }
    for (const coverage of activeCoverages(record)) {
      const candidate = matchCoverage(policy, coverage, index);
      if (candidate && better(candidate, best)) {
        best = candidate;
        bestPolicy = policy;
      }
    }
  }
  if (best && bestPolicy) {
    return { policy: bestPolicy, match: best.match };
  }
  const fallback = policies.find((p) => p.id === DEFAULT_POLICY_ID);
  return fallback ? { policy: fallback, match: describeMatch(record, index, fallback) } : undefined;
}
