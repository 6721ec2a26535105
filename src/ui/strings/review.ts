/**
 * Every user-visible word of the payer review view (`src/ui/review/`). Resource content is only ever passed
 * in as values that Lit renders as text. Part of `../strings.ts`.
 */
import type { CriterionStatus } from '../../domain/evaluation.ts';
import type { ClaimedStatus, EvidenceState, ProductCheckId, Verdict } from '../../review/types.ts';

/** Headline of each verdict. */
export const verdictText: Readonly<Record<Verdict, string>> = {
  consistent: 'Consistent',
  inconsistent: 'Inconsistent',
  invalid: 'Invalid',
};

/** Label of each product check. */
export const checkLabels: Readonly<Record<ProductCheckId, string>> = {
  code: 'Billed code is G9012',
  'code-system': 'HCPCS code system',
  status: 'Draft status',
  diagnosis: 'Diagnosis present',
  'diagnosis-supported': 'Diagnoses carried by the evidence',
  units: 'Units consistent with the policy',
  'modifier-22': 'Modifier 22 justified and allowed',
  'evidence-resolvable': 'Every evidence reference resolves',
  'provenance-entities': 'Provenance lists the evidence',
};

/** Label of each evidence state. */
export const evidenceStateText: Readonly<Record<EvidenceState, string>> = {
  found: 'Found',
  missing: 'Missing',
  'entered-in-error': 'Entered in error',
  unreadable: 'Unreadable',
};

/** What the draft claims, in words. */
export const claimedText: Readonly<Record<ClaimedStatus, string>> = {
  met: 'Met (with evidence)',
  attested: 'Attested',
  'not claimed': 'Not claimed',
};

/** The re-evaluated status, in words. */
export const nowText: Readonly<Record<CriterionStatus | 'not evaluated', string>> = {
  met: 'Met',
  attested: 'Attested',
  missing: 'Missing',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
  'not evaluated': 'Not evaluated',
};

/** Section headings and fixed text. */
export const reviewText = {
  title: 'Payer review',
  openReview: 'Review a Claim or ChargeItem',
  opening: 'Opening the payer review…',
  loadFailed: 'The review view could not be loaded. Reload the page and try again.',
  intro:
    'Open a generated Claim or ChargeItem to check that it is valid FHIR R4, what it claims, and whether its evidence still supports it.',
  referenceLabel: 'Claim or ChargeItem on the FHIR server',
  referencePlaceholder: 'Claim/123',
  referenceHelp: 'Type/id, for example Claim/123 or ChargeItem/abc.',
  referenceInvalid: 'Enter a reference like Claim/123 or ChargeItem/abc.',
  openReference: 'Open from server',
  patientDrafts: 'Drafts on the server for this patient',
  searchingDrafts: 'Looking for this patient’s drafts on the server…',
  noDrafts: 'No ChargeItem or Claim was found on the server for this patient.',
  draftsUnsearched: (types: string) => `${types} could not be searched on the server.`,
  reviewDraft: (reference: string) => `Review ${reference}`,
  draftDetails: (status: string | undefined, start: string | undefined, end: string | undefined) =>
    [status, start && end ? `${start} to ${end}` : start].filter(Boolean).join(', '),
  noServer: 'There is no FHIR server connection: open a file instead.',
  fileLabel: 'Or choose a file (Claim, ChargeItem, or a Bundle with evidence and Provenance)',
  dropHint: 'You can also drop a JSON file here.',
  loadingValidator: 'Loading the FHIR R4 validator…',
  reviewing: 'Reviewing…',
  fileUnreadable: 'The file could not be read.',
  fileNotJson: 'The file is not valid JSON.',
  notFoundOnServer: (ref: string, detail: string) => `${ref} could not be read from the server (${detail}).`,
  failed: 'The review could not run.',
  verdict: 'Verdict',
  structure: 'Structural validity (FHIR R4)',
  noIssues: 'No validation issues.',
  checks: 'Product checks',
  criteria: 'Criteria the draft claims',
  criterion: 'Criterion',
  claimed: 'Draft claims',
  now: 'Re-evaluation now',
  evidenceCol: 'Evidence',
  evidence: 'Evidence',
  noEvidence: 'The draft cites no evidence.',
  supports: 'Supports',
  discrepancies: 'Discrepancies',
  noDiscrepancies: 'None: the evidence still supports every claim.',
  provenance: 'Provenance',
  noProvenance: 'No Provenance was available for this draft.',
  recorded: 'Recorded',
  appVersion: 'App version',
  notRecorded: 'not recorded',
  entities: 'Resources used',
  reEvaluated: (asOf: string, start: string, end: string, policy: string) =>
    `Re-evaluated as of ${asOf} for ${start} to ${end} under payer policy "${policy}".`,
  ok: 'Pass',
  fail: 'Fail',
  severity: 'Severity',
  path: 'Path',
  message: 'Message',
} as const;
