/**
 * Every user-visible word in the app. Messages never include tokens, patient data or request URLs.
 */
import type { ConfigError } from '../config/config-error.ts';
import type { KnownError, LaunchError, LaunchFailure } from '../fhir/errors.ts';

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
