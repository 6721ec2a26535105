/**
 * Every user-visible word of the workflow view elements (`src/ui/workflow/`). Messages never include tokens
 * or request URLs; patient data is only ever passed in as values that Lit renders as text. Part of
 * `../strings.ts`.
 */
import type {
  CodeFamily,
  CriterionId,
  CriterionStatus,
  OverallStatus,
  PayerMatchBasis,
} from '../../domain/evaluation.ts';
import type { WriteError } from '../../fhir/write/write-error.ts';
import { type ErrorText, writeErrorText } from './app-shell.ts';

/** The checklist label of each criterion, in the domain's own words. */
export const criterionLabels: Readonly<Record<CriterionId, string>> = {
  'complex-needs': 'Complex needs',
  'problem-list-review': 'Problem list reviewed',
  'medication-reconciliation': 'Medications reconciled',
  assessment: 'Comprehensive assessment',
  'care-plan': 'Individualised care plan',
  goals: 'Goals set',
  'care-plan-updated': 'Care plan created or updated',
  barriers: 'Barriers and social needs addressed',
  time: 'Case-management time',
  'care-coordination': 'Care coordination',
  'case-manager': 'Performed by a case manager',
  'not-elsewhere-classified': 'No more specific code fits',
  coverage: 'Active coverage',
  'diagnosis-codes': 'ICD-10-CM diagnosis',
};

/** The chip text of each criterion status. */
export const statusLabels: Readonly<Record<CriterionStatus, string>> = {
  met: 'Met',
  attested: 'Attested',
  missing: 'Missing',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};

/** The headline and one-line explanation of each overall status. */
export const overallText: Readonly<
  Record<OverallStatus, { readonly title: string; readonly detail: string }>
> = {
  ready: {
    title: 'Ready to draft',
    detail: 'Every required criterion is met or attested.',
  },
  incomplete: {
    title: 'Incomplete',
    detail: 'Something required is missing. Attest it with a note, or document it in the chart.',
  },
  'not-billable': {
    title: 'Not billable',
    detail: 'The record shows a required criterion fails. Attestation cannot fix it.',
  },
};

/** How the payer policy was matched, in plain words. */
export const matchBasisText: Readonly<Record<PayerMatchBasis, string>> = {
  'payor-identifier': 'matched by the payer’s identifier on the Coverage',
  'payor-name': 'matched by the payer’s name on the Coverage',
  'coverage-type': 'matched by the Coverage type',
  chosen: 'chosen by you',
  default: 'no payer matched: the default policy applies',
};

/** Full names of the code families that code fit checks. */
export const codeFamilyNames: Readonly<Record<CodeFamily, string>> = {
  CCM: 'Chronic care management',
  TCM: 'Transitional care management',
  PCM: 'Principal care management',
  APCM: 'Advanced primary care management',
  CHI: 'Community health integration',
  PIN: 'Principal illness navigation',
  'MEDICAID-CM': 'Medicaid targeted case management',
};

/** The marker text the domain uses for a rule no payer publishes. */
export const notPublishedMarker = 'not published';

/** Text of `<readiness-summary>`. */
export const summaryText = {
  heading: 'G9012 readiness',
  blockersHeading: 'What blocks it',
  payer: 'Payer policy',
  period: 'Period',
  minutes: 'Case-management time',
  units: 'Units',
  warningsHeading: 'Warnings',
  noWarnings: 'No warnings.',
  unpublishedBadge: 'Not published — verify with payer',
  /** The pointer under the status to the warnings lower down. */
  warningPointer: (count: number, unpublished: number) =>
    `⚠ ${count} ${count === 1 ? 'warning' : 'warnings'}${
      unpublished > 0 ? `, ${unpublished} not published — verify with payer` : ''
    }`,
  showWarnings: 'Show',
  source: 'Source',
  minutesValue: (total: number, documented: number, attested: number) =>
    `${total} min (${documented} documented, ${attested} attested)`,
  unitsValue: (quantity: number, rule: string) => `${quantity} × G9012 — ${rule}`,
  blockerLine: (label: string, status: string, reason: string) =>
    `${label} (${status.toLowerCase()}): ${reason}`,
} as const;

/** Text of `<criteria-list>` and `<criterion-item>`. */
export const criteriaText = {
  heading: 'Documentation criteria',
  summary: (met: number, total: number) => `${met} of ${total} met or attested`,
  empty: 'No criteria were evaluated.',
  required: 'Required',
  optional: 'Optional',
  attest: 'Attest',
  attestLabel: (label: string) => `Attest: ${label}`,
  notMetExplanation:
    'Attestation cannot fix this: the record itself shows the criterion fails. Correct the chart, or do not bill G9012 for this period.',
  notAttestable: 'This criterion cannot be attested: it must come from the record.',
  attestedBy: (who: string, when: string) => `Attested by ${who} on ${when}`,
  /** When the reason above already names who attested. */
  attestedOn: (when: string) => `Attested on ${when}`,
  attestedNote: 'Note',
  attestedMinutes: (minutes: number) => `${minutes} min attested`,
  evidence: (count: number) => `Evidence (${count})`,
  evidenceFor: (label: string) => ` for ${label}`,
  noEvidence: 'No evidence in the record.',
  notInRecord: 'Not found in the loaded record',
  fieldDate: 'Date',
  fieldWhat: 'What',
  fieldAuthor: 'Author',
  fieldStatus: 'Status',
  unknown: '—',
} as const;

/** Who attested or confirmed, when the record has no name for them: a plain label, never the raw reference. */
export const peopleText = {
  signedInUser: 'you (signed-in user)',
  unknownUser: 'unknown user',
} as const;

/** Text of `<attest-dialog>`. */
export const attestText = {
  title: (label: string) => `Attest: ${label}`,
  intro:
    'Your attestation is recorded with your name and the time, and goes into the draft’s notes. Describe what you did and where it is documented.',
  note: 'Note (required)',
  minutes: 'Minutes of case-management time (required)',
  noteRequired: 'Write a note: an attestation without one is not accepted.',
  minutesInvalid: 'Enter the minutes as a whole number greater than 0.',
  submit: 'Attest',
  cancel: 'Cancel',
} as const;

/** Text of `<code-fit-callout>`. */
export const codeFitText = {
  heading: 'A more specific code may fit',
  intro:
    'G9012 is for case management “not elsewhere classified”. The record suggests these codes may describe the work better. This is advice for you to weigh, not a verdict.',
  related: 'Related codes',
  source: 'Source',
  evidence: (count: number) => (count === 1 ? '1 supporting resource' : `${count} supporting resources`),
  note: 'Why G9012 is still the right code (required)',
  noteRequired: 'Write a note explaining why none of these codes applies.',
  confirm: 'Confirm G9012 is still right',
  confirmedBy: (who: string, when: string) => `G9012 confirmed by ${who} on ${when}`,
} as const;

/** Text of `<activity-timeline>`. */
export const timelineText = {
  heading: 'Activity in the period',
  title: (start: string, end: string) => `Activity timeline from ${start} to ${end}`,
  lanes: {
    encounter: 'Encounters',
    'care-plan': 'Care plan',
    communication: 'Communication',
    medication: 'Medication list',
    transition: 'Transition of care',
  },
  textAlternative: 'Timeline as a list',
  empty: 'No encounters, care-plan activity, communications or medication reconciliation in this period.',
  beforePeriod: 'before the period',
  markLabel: (lane: string, label: string, date: string) => `${lane}: ${label}, ${date}`,
  showEvidence: 'Show evidence',
  carePlanCreated: 'care plan created',
  carePlanUpdated: 'care plan updated',
  carePlanProgress: 'activity progress note',
  carePlanPeriod: 'care plan period starts',
  medicationAsserted: 'medication list asserted',
  medicationEffective: 'medication effective',
  communicationSent: 'communication sent',
  communicationReceived: 'communication received',
  reconciliation: 'medication reconciliation',
  encounter: (classCode: string) => `${encounterClassNames[classCode] ?? classCode} encounter`,
  transition: (classCode: string) =>
    `discharge from ${encounterClassNames[classCode] ?? classCode} encounter`,
  legendText:
    'Encounters: circle, letter = class (A ambulatory, I inpatient, E emergency, V virtual, H home health). Care plan: square (C created, U updated, P progress). Communication: triangle (S sent, R received). Medication list: diamond (A asserted, E effective, M reconciliation). Transition of care: flag and dashed line (D discharge); a dashed outline means before the period.',
} as const;

/** Names of the HL7 v3 ActCode encounter classes the timeline draws. */
export const encounterClassNames: Readonly<Record<string, string>> = {
  AMB: 'ambulatory',
  IMP: 'inpatient',
  EMER: 'emergency',
  VR: 'virtual',
  HH: 'home health',
  ACUTE: 'inpatient acute',
  NONAC: 'inpatient non-acute',
  OBSENC: 'observation',
  SS: 'short stay',
  FLD: 'field',
  PRENC: 'pre-admission',
};

/** Text of `<period-controls>`. */
export const periodText = {
  heading: 'Period and payer',
  previous: 'Previous month',
  next: 'Next month',
  nextUnavailable: 'The next month has not started yet.',
  month: 'Month',
  payer: 'Payer policy',
  payerAbsent: 'No active Coverage was found. Choose the payer policy to evaluate against.',
  payerAmbiguous: 'The Coverage does not match exactly one payer policy. Choose the right one.',
  range: (start: string, end: string) => `${start} to ${end}`,
} as const;

/** Text of `<draft-panel>`. */
export const draftText = {
  heading: 'Draft',
  kindLegend: 'Resource to draft',
  chargeItem: 'ChargeItem (draft charge)',
  claim: 'Claim (draft claim)',
  claimUnavailable: 'Claim is not available',
  kindNames: { chargeitem: 'ChargeItem', claim: 'Claim' } as const,
  refused: 'No draft yet',
  offer: (kind: string) => `You can draft a ${kind} instead.`,
  diagnoses: 'Diagnoses (ICD-10-CM)',
  noDiagnoses: 'No ICD-10-CM diagnosis to put on the draft.',
  suggested: (snomed: string) => `Suggested from SNOMED ${snomed}: confirm before it is used`,
  fromRecord: 'Coded in the record',
  confirmDiagnosis: (code: string) => `I confirm ${code} for this condition`,
  chronic: 'chronic',
  unitsAndMinutes: 'Units and minutes',
  unitsLine: (quantity: number, rule: string) => `${quantity} ${quantity === 1 ? 'unit' : 'units'} — ${rule}`,
  minutesLine: (total: number) => `${total} minutes of case-management time in the period`,
  source: 'Source',
  modifiers: 'Modifiers',
  noModifiers: 'No modifiers.',
  modifierApplied: (code: string) => `Modifier ${code} added`,
  modifierRejected: (code: string) => `Modifier ${code} not added`,
  modifier22Legend: 'Modifier 22 (increased procedural services)',
  modifier22Disallowed: 'This payer policy does not allow modifier 22 on G9012.',
  modifier22Unverified: 'Nothing is published about modifier 22 on G9012 for this payer — verify with payer.',
  modifier22Label: 'Written justification (required): what made the work substantially greater than usual',
  modifier22Request: 'Request modifier 22',
  modifier22Required: 'Write the justification: modifier 22 is never added without one.',
  placeOfService: 'Place of service',
  noPlaceOfService: 'No place of service follows from the record.',
  choosePos: 'Choose the place of service',
  posNames: {
    '02': '02 — Telehealth provided other than in patient’s home',
    '10': '10 — Telehealth provided in patient’s home',
    '11': '11 — Office',
    '12': '12 — Home',
    '21': '21 — Inpatient hospital',
    '22': '22 — On campus-outpatient hospital',
    '23': '23 — Emergency room – hospital',
  } as Readonly<Record<string, string>>,
  summaryHeading: 'Summary',
  summary: (kind: string, units: number, start: string, end: string, payer: string) =>
    `${kind} for HCPCS G9012 × ${units}, ${start} to ${end}, payer policy: ${payer}.`,
  summaryDiagnoses: (codes: string) => `Diagnoses: ${codes}.`,
  summaryModifiers: (codes: string) => `Modifiers: ${codes}.`,
  summaryPos: (code: string) => `Place of service: ${code}.`,
  showJson: 'Show JSON',
  noDraft: 'No draft yet.',
  validation: 'Validation',
  notValidated: 'Not validated yet.',
  valid: 'Valid FHIR R4: no issues found.',
  issueCount: (errors: number, warnings: number) =>
    `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  severity: { fatal: 'Fatal', error: 'Error', warning: 'Warning', information: 'Note' } as Readonly<
    Record<string, string>
  >,
  write: 'Write to EHR',
  writing: 'Writing…',
  /** The button that writes to the configured separate write target when the EHR cannot take the write. */
  sendTo: (name: string) => `Send to ${name}`,
  sending: 'Sending…',
  download: 'Download JSON',
  copy: 'Copy JSON',
  writeUnavailable: 'Writing is not available',
  written: (type: string, id: string) => `Written: ${type}/${id}`,
  /** The write found the draft already there; keyed by how it compares (`FoundDraft` in draft-panel.ts). */
  found: {
    same: (type: string, id: string) =>
      `This draft was already on the server (saved earlier): ${type}/${id}.`,
    other: (type: string, id: string) =>
      `Already written: ${type}/${id} was saved earlier (by another tab or session). Your notes were not added to it; they are kept in this tab.`,
    'earlier-here': (type: string, id: string) =>
      `Already written: ${type}/${id} was written earlier from this tab. Your changes since then were not added to it; they are kept in this tab.`,
    unchecked: (type: string, id: string) =>
      `This draft was already on the server (saved earlier): ${type}/${id}. It could not be read back to check for your notes, so they are kept in this tab.`,
  },
  openWritten: 'Open the written resource',
  writeFailed: 'The draft was not written',
  nextStep: 'Next step',
  draftKept: 'The draft is kept: you can still download or copy it.',
} as const;

/** Text of shortened record strings. */
export const clipText = {
  shortened: (length: number) => `… (shortened: ${length.toLocaleString('en-US')} characters in the record)`,
} as const;

/**
 * A failed Send to the separate write target. The target gets no credentials (the EHR's token never leaves
 * the EHR), so a 401 or 403 there means the target does not take unauthenticated writes from the app: the
 * EHR's "session expired / relaunch" advice would not help.
 */
export function targetWriteErrorText(error: WriteError, targetName: string): ErrorText {
  if (error.kind === 'auth-expired' || error.kind === 'scope-missing') {
    const status = error.kind === 'auth-expired' ? 401 : 403;
    return {
      title: `${targetName} refused the draft (${status})`,
      detail: `${targetName} asks for credentials. The app sends none there: your EHR sign-in is never passed to another server.`,
      nextStep: `Download or copy the draft instead, and ask your administrator to let this app write to ${targetName}.`,
    };
  }
  return writeErrorText(error);
}
