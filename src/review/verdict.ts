/** The verdict's reasons in plain words: why a draft is invalid, inconsistent or consistent. */
import type { ValidationIssue } from '../validate/issue.ts';
import type { DraftClaims } from './draft-claims.ts';
import type { EvidenceReview, ProductCheck, ProvenanceReview } from './types.ts';

/** What the reasons are written from. */
export interface VerdictFacts {
  readonly valid: boolean;
  readonly g9012: boolean;
  readonly issues: readonly ValidationIssue[];
  readonly checks: readonly ProductCheck[];
  readonly discrepancies: readonly string[];
  readonly claims: DraftClaims;
  readonly evidence: readonly EvidenceReview[];
  readonly provenance: ProvenanceReview;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function structureLine(issues: readonly ValidationIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
  const first = errors[0];
  return first === undefined
    ? 'Valid FHIR R4.'
    : `Not valid FHIR R4: ${plural(errors.length, 'error')}, the first at ${first.path}: ${first.message}.`;
}

function provenanceLine(provenance: ProvenanceReview): string {
  if (!provenance.found) {
    return 'No Provenance was available, so who made it and with which app version is not shown.';
  }
  const author = provenance.agents.find((a) => a.label === 'author')?.value ?? provenance.agents[0]?.value;
  const version =
    provenance.appVersion === undefined ? 'no app version recorded' : `app version ${provenance.appVersion}`;
  return `Provenance: made by ${author ?? 'an unnamed agent'}${provenance.recorded ? ` at ${provenance.recorded}` : ''}, ${version}.`;
}

/** The reasons, headline first. */
export function verdictReasons(facts: VerdictFacts): string[] {
  const structure = structureLine(facts.issues);
  const ruleFailures = facts.checks.filter((c) => c.kind === 'rule' && !c.ok).map((c) => c.detail);
  if (!facts.g9012) {
    return [
      facts.valid ? 'Valid FHIR R4, but not a G9012 draft.' : `${structure} It is also not a G9012 draft.`,
      ...ruleFailures,
    ];
  }
  if (!facts.valid || ruleFailures.length > 0) {
    return [
      facts.valid ? 'Valid FHIR R4, but the draft breaks a G9012 billing rule.' : structure,
      ...ruleFailures,
    ];
  }
  if (facts.discrepancies.length > 0) {
    return [
      `Valid FHIR R4 G9012 ${facts.claims.type}, but ${plural(facts.discrepancies.length, 'discrepancy').replace('discrepancys', 'discrepancies')} with the evidence now available.`,
      ...facts.discrepancies,
    ];
  }
  const claimed = new Set(facts.claims.evidence.map((e) => e.criterion));
  const attested = new Set(
    facts.claims.statements.flatMap((s) => (s.criterion === undefined ? [] : [s.criterion])),
  );
  return [
    `Valid FHIR R4 G9012 ${facts.claims.type}; all ${plural(facts.evidence.length, 'evidence reference')} resolve and re-evaluation confirms every claimed criterion (${claimed.size} met with evidence, ${attested.size} attested).`,
    provenanceLine(facts.provenance),
  ];
}
