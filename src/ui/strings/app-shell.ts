/**
 * The app shell's words: launch pages, loading, the record tables, data notes, errors and write errors.
 * Messages never include tokens, patient data or request URLs. Part of `../strings.ts`.
 */
import type { ConfigError } from '../../config/config-error.ts';
import type { KnownError, LaunchError, LaunchFailure } from '../../fhir/errors.ts';
import type { WriteError } from '../../fhir/write/write-error.ts';

/** An error as the user sees it: what happened, the detail, and what to do next. */
export interface ErrorText {
  readonly title: string;
  readonly detail: string;
  readonly nextStep: string;
}

const relaunch = 'Relaunch the app from your EHR (or from the standalone launch page).';

function launchErrorText(error: LaunchError): ErrorText {
  const detail = error.detail ?? '';
  const texts: Record<LaunchFailure, ErrorText> = {
    'no-iss': {
      title: 'The launch did not say which FHIR server to use',
      detail: 'The EHR launch URL has no "iss" parameter.',
      nextStep: 'Start the app from the EHR, or use the standalone launch page.',
    },
    'no-launch': {
      title: 'The launch did not include a launch context',
      detail: 'The EHR launch URL has no "launch" parameter.',
      nextStep: 'Start the app from the EHR, or use the standalone launch page.',
    },
    'unexpected-parameter': {
      title: 'The launch URL carries a parameter the app refuses',
      detail: `The parameter "${detail}" could override the configured server or client.`,
      nextStep: 'Start the app again from the EHR with its normal launch link.',
    },
    'unknown-issuer': {
      title: 'This FHIR server is not configured for the app',
      detail: `The server ${detail} does not match any configured issuer, so the app will not send it a sign-in.`,
      nextStep:
        'Ask your administrator to add this server (issMatch and client id) to the app configuration.',
    },
    'state-mismatch': {
      title: 'The sign-in response does not belong to this session',
      detail: 'The "state" returned by the server does not match the one this browser tab sent.',
      nextStep: relaunch,
    },
    'no-session': {
      title: 'No launch in progress',
      detail: 'This page was opened directly, or the browser tab lost its session.',
      nextStep: relaunch,
    },
    'authorization-denied': {
      title: 'The server did not authorize the app',
      detail: `The authorization server answered "${detail}".`,
      nextStep:
        'Relaunch and approve the requested access, or ask your administrator about the app registration.',
    },
    'discovery-failed': {
      title: 'Could not reach the server’s sign-in service',
      detail:
        'Neither .well-known/smart-configuration nor the CapabilityStatement named an authorization endpoint.',
      nextStep: 'Check that the server is running and supports SMART on FHIR, then relaunch.',
    },
    'pkce-unsupported': {
      title: 'The server does not support secure sign-in (PKCE S256)',
      detail: 'The app requires PKCE with S256, and the server does not declare it.',
      nextStep: 'Ask your administrator to enable PKCE S256 on the authorization server.',
    },
    'token-exchange-failed': {
      title: 'The sign-in could not be completed',
      detail: detail
        ? `The token endpoint answered with status ${detail}.`
        : 'The token endpoint gave no usable answer.',
      nextStep: relaunch,
    },
    'no-patient': {
      title: 'No patient was selected',
      detail: 'The launch gave no patient context, so there is no record to show.',
      nextStep: 'Relaunch from a patient’s chart, or pick a patient on the standalone page.',
    },
    'unknown-server': {
      title: 'This server is not in the configured list',
      detail: `The server ${detail} is not one of the configured sandboxes.`,
      nextStep: 'Pick a server from the list.',
    },
  };
  return texts[error.reason];
}

function configText(error: ConfigError): ErrorText {
  return {
    title: 'The app configuration is invalid',
    detail: `${error.field}: ${error.problem}.`,
    nextStep: 'Fix this setting in app-config.json, then reload.',
  };
}

function diagnosticsText(diagnostics: readonly string[]): string {
  return diagnostics.length > 0 ? ` The server said: ${diagnostics.join(' ')}` : '';
}

function waitText(seconds: number | undefined): string {
  return seconds === undefined ? '' : ` It last asked to wait ${seconds} s.`;
}

/** Title, detail and next step for any known app error. */
export function describeError(error: KnownError): ErrorText {
  switch (error.kind) {
    case 'launch':
      return launchErrorText(error);
    case 'config':
      return configText(error);
    case 'auth-expired':
      return {
        title: 'Your session has expired',
        detail: `The server refused the access token while reading ${error.resourceType}.`,
        nextStep: relaunch,
      };
    case 'scope-missing':
      return {
        title: `Missing permission: ${error.scope}`,
        detail: `The server refused to share ${error.resourceType} (403). ${
          error.scopeFromServer ? 'The server named the missing scope.' : 'This is the scope the read needs.'
        }${diagnosticsText(error.diagnostics)}`,
        nextStep: `Ask your administrator to grant ${error.scope} to the app, then relaunch.`,
      };
    case 'not-found':
      return {
        title: `${error.resourceType} not found`,
        detail: `The server has no such ${error.resourceType} (404).${diagnosticsText(error.diagnostics)}`,
        nextStep: 'Check that you launched from the right chart, then relaunch.',
      };
    case 'rate-limited':
      return {
        title: 'The server is busy (too many requests)',
        detail: `Reading ${error.resourceType} was refused with 429 after ${error.attempts} attempts.${waitText(
          error.retryAfterSeconds,
        )}`,
        nextStep: 'Wait a minute, then reload the page.',
      };
    case 'unavailable':
      return {
        title: 'The server is unavailable',
        detail: `Reading ${error.resourceType} failed with ${error.status} after ${error.attempts} attempts.${waitText(
          error.retryAfterSeconds,
        )}`,
        nextStep: 'Try again later by reloading the page. If it persists, tell your EHR support team.',
      };
    case 'network':
      return {
        title: 'Could not reach the server',
        detail: `Reading ${error.resourceType} got no answer (offline, blocked, or the server is down).`,
        nextStep: 'Check your connection, then reload the page.',
      };
    case 'http':
      return {
        title: `The server answered ${error.status}`,
        detail: `Reading ${error.resourceType} failed.${diagnosticsText(error.diagnostics)}`,
        nextStep: 'Reload the page. If it persists, give this message to your EHR support team.',
      };
  }
}

/** For a thrown value that is not one of ours: say so without echoing it. */
export const unexpectedError: ErrorText = {
  title: 'Something went wrong',
  detail: 'The app hit an unexpected problem.',
  nextStep: 'Reload the page. If it persists, relaunch the app.',
};

/** Static text for the launch pages. */
export const launchPageText = {
  ehrRedirecting: 'Connecting to your EHR…',
  standaloneTitle: 'Launch the G9012 case-management app',
  standaloneIntro: 'Pick a FHIR server. You will sign in there and choose a patient.',
  serverLabel: 'FHIR server',
  patientIdLabel: 'Patient id (open servers only)',
  launchButton: 'Launch',
  redirecting: 'Redirecting to the server…',
} as const;

/** Static text of the first screen. */
export const screenText = {
  appTitle: 'G9012 case management',
  connecting: 'Completing sign-in…',
  loadingRecord: 'Reading the patient record…',
  loadProgressHeading: 'Loading',
  patientBannerLabel: 'Patient',
  born: 'Born',
  gender: 'Gender',
  deceased: 'Deceased',
  unnamedPatient: 'Name not recorded',
  conditionsHeading: 'Conditions',
  medicationsHeading: 'Medications',
  carePlansHeading: 'Care plans',
  coverageHeading: 'Coverage',
  dataNotesHeading: 'Data notes',
  noDataNotes: 'Everything the server offers was read, and every resource was valid.',
  noneRecorded: 'None recorded.',
  notRead: 'Not read: see the data notes.',
  columnName: 'Name',
  columnCodes: 'Codes',
  columnStatus: 'Status',
  columnOnset: 'Onset',
  columnRecorded: 'Recorded',
  columnPeriod: 'Period',
  columnActivities: 'Activities',
  columnPayor: 'Payor',
  columnType: 'Type',
  columnSubscriber: 'Subscriber id',
  columnAsserted: 'Asserted / authored',
  untitled: 'Untitled',
  unknownValue: '—',
  noRecord: 'No record could be built from what the server returned.',
} as const;

/** Which medication source was used, and what that means. */
export function medicationSourceText(source: 'MedicationStatement' | 'MedicationRequest' | 'none'): string {
  switch (source) {
    case 'MedicationStatement':
      return 'Source: MedicationStatement (the medication list as recorded for the patient).';
    case 'MedicationRequest':
      return 'Source: MedicationRequest (orders). This server has no MedicationStatement, so this is an order list, not a reconciled medication list.';
    case 'none':
      return 'Source: none. The server offers neither MedicationStatement nor MedicationRequest, or neither could be read.';
  }
}

/** Label of a read's state in the progress list. */
export function readStateText(state: 'loading' | 'done' | 'unavailable' | 'skipped' | 'failed'): string {
  switch (state) {
    case 'loading':
      return 'loading…';
    case 'done':
      return 'done';
    case 'unavailable':
      return 'not available on this server';
    case 'skipped':
      return 'not needed';
    case 'failed':
      return 'failed';
  }
}

/** Count of resources read, with pages when there was more than one. */
export function readCountText(count: number, pages: number, truncated: boolean): string {
  const base = `${count} ${count === 1 ? 'resource' : 'resources'}`;
  const paged = pages > 1 ? `${base} in ${pages} pages` : base;
  return truncated ? `${paged} (truncated)` : paged;
}

/** Data-note sentences. */
export const noteText = {
  truncated: (type: string, count: number, pageLimit: number) =>
    `${type}: record truncated at ${count} (the limit is ${pageLimit} pages). The server holds more; criteria only see these.`,
  unavailable: (type: string) => `${type}: not available on this server.`,
  failed: (type: string) => `${type} could not be read:`,
  foreignNextLink: (type: string) =>
    `${type}: the server's next page points at another server, so it was not followed (the access token would go with it).`,
  capabilityUnknown:
    'The server’s CapabilityStatement could not be read, so writing is not offered and unavailable types show as errors.',
  invalid: (ref: string, problem: string) => `${ref} was left out: ${problem}.`,
  problem: (text: string) => `The record could not be built: ${text}.`,
} as const;

/** Static text of the case workflow (the G9012 screen after the record loads). */
export const workflowText = {
  noPolicy: 'No payer policy could be chosen, so the record cannot be evaluated.',
  evaluationFailed: 'The record could not be evaluated for this period.',
  recordDetails: 'Record details (conditions, medications, care plans, coverage, load summary)',
  discard: 'Discard unsaved work',
  discarded: 'Unsaved attestations and choices for this period were discarded.',
  restored: 'Unsaved attestations and choices for this patient and period were restored.',
  unsavedNote:
    'Attestations and choices are kept in this browser tab until the draft is written or you discard them.',
  downloaded: (fileName: string) => `Downloaded ${fileName}.`,
  copied: 'The draft Bundle was copied to the clipboard.',
  copyFailed: 'The browser did not allow copying. Use Download instead.',
  noDraftToAct: 'There is no draft to act on: see the reason in the draft panel.',
  reviewHeading: 'Payer review',
} as const;

/** Why the launching server cannot take the write, with what to do instead. */
export function writeBlockedText(
  reason: 'scope-not-granted' | 'server-cannot-create' | 'capability-unknown',
  missingScopes: readonly string[],
  notCreatable: readonly string[],
  writeTargetName?: string,
): string {
  const instead = writeTargetName
    ? `Download or copy the draft, or send it to ${writeTargetName}.`
    : 'Download or copy the draft instead.';
  switch (reason) {
    case 'scope-not-granted':
      return `The write permission was not granted (${missingScopes.join(', ')}). ${instead} To write here, relaunch and approve writing, or ask your administrator to grant ${missingScopes.join(', ')}.`;
    case 'server-cannot-create':
      return `This server does not accept new ${notCreatable.join(' or ')} resources. ${instead}`;
    case 'capability-unknown':
      return `The server’s CapabilityStatement could not be read, so the app does not know whether it accepts drafts. ${instead}`;
  }
}

/** A failed draft write as the user sees it (`WriteError` kinds), with a next step. Never echoes a token. */
export function writeErrorText(error: WriteError): ErrorText {
  switch (error.kind) {
    case 'invalid-draft':
      return {
        title: 'The draft is not valid FHIR R4',
        detail: `Nothing was sent. ${error.issues.length} validation ${error.issues.length === 1 ? 'issue' : 'issues'}: ${error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path}: ${issue.message}`)
          .join('; ')}`,
        nextStep: 'Fix what the validation lists (or download the draft and report it), then write again.',
      };
    case 'auth-expired':
      return {
        title: 'Your session has expired',
        detail: `The server refused the access token while writing ${error.resourceType} (401).`,
        nextStep: `${relaunch} Your unsaved attestations and choices are kept in this tab and come back after the relaunch.`,
      };
    case 'scope-missing':
      return {
        title: `Missing permission: ${error.scope}`,
        detail: `The server refused to create ${error.resourceType} (403). ${
          error.scopeFromServer ? 'The server named the missing scope.' : 'This is the scope the write needs.'
        }${diagnosticsText(error.diagnostics)}`,
        nextStep: `Download or copy the draft now; ask your administrator to grant ${error.scope}, then relaunch.`,
      };
    case 'conflict':
      return {
        title: 'Someone else changed this draft',
        detail: `The server answered ${error.status} while writing ${error.resourceType}.${diagnosticsText(error.diagnostics)}`,
        nextStep: 'Reload the page to see the current state, then write again if it is still needed.',
      };
    case 'rejected':
      return {
        title: 'The server refused the draft',
        detail: `Writing ${error.resourceType} was refused with ${error.status}.${diagnosticsText(error.diagnostics)}`,
        nextStep:
          'Check the server’s message above; download the draft and give it to your EHR support team.',
      };
    case 'unavailable':
      return {
        title: 'The server is unavailable',
        detail: `Writing ${error.resourceType} failed with ${error.status}.${diagnosticsText(error.diagnostics)}`,
        nextStep: 'Press Write again in a minute: a retry never creates a duplicate.',
      };
    case 'network':
      return {
        title: 'Could not reach the server',
        detail: `Writing ${error.resourceType} got no answer (offline, blocked, or the server is down).`,
        nextStep: 'Check your connection, then press Write again: a retry never creates a duplicate.',
      };
    case 'http':
      return {
        title: `The server answered ${error.status}`,
        detail: `Writing ${error.resourceType} failed.${diagnosticsText(error.diagnostics)}`,
        nextStep: 'Download the draft and give this message to your EHR support team.',
      };
  }
}

/** When the R4 validator (needed before any write) could not be loaded. */
export const validatorUnavailableText: ErrorText = {
  title: 'The draft could not be validated',
  detail: 'The FHIR R4 definitions the validator needs could not be loaded, so nothing was sent.',
  nextStep: 'Check your connection, then press Write again. Download still works.',
};
