// @vitest-environment happy-dom
// The shell imports the workflow and the writer lazily; loading them here first keeps the waits short.
import '../../src/fhir/write/write-draft.ts';
import '../../src/fhir/write/write-to-target.ts';
import '../../src/ui/case-workflow.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarios } from '../../mocks/patients/index.ts';
import { configFrom } from '../../src/config/load-config.ts';
import { NetworkError, ScopeMissing } from '../../src/fhir/errors.ts';
import type { LoadedRecord } from '../../src/fhir/load-result.ts';
import { recordFromBundle } from '../../src/fhir/record/index.ts';
import type { FhirSession } from '../../src/fhir/session.ts';
import type { FhirHttp, FhirHttpResponse } from '../../src/fhir/write/fhir-http.ts';
import '../../src/ui/g9012-app.ts';
import type { ShellServices } from '../../src/ui/g9012-app.ts';
import { deepText, find, must, settle } from './deep-dom.ts';

const USER = 'Practitioner/cm-rivera';
const WRITE_SCOPES = [
  'launch/patient',
  'patient/*.rs',
  'user/ChargeItem.c',
  'user/Claim.c',
  'user/Provenance.c',
];

function session(grantedScopes: readonly string[] = WRITE_SCOPES): FhirSession {
  return {
    serverUrl: 'http://127.0.0.1:8080/fhir',
    patientId: 'p',
    fhirUser: USER,
    grantedScopes,
    needPatientBanner: true,
    authorized: true,
    authorization: async () => 'Bearer secret-token',
    refresh: async () => false,
  };
}

function loadedFor(scenarioId: string): LoadedRecord {
  const scenario = scenarios.find((item) => item.id === scenarioId);
  if (!scenario) {
    throw new Error(`no scenario ${scenarioId}`);
  }
  const record = recordFromBundle(scenario.bundle, { user: USER }).record;
  if (!record) {
    throw new Error(`scenario ${scenarioId} has no record`);
  }
  return {
    record,
    serverUrl: 'http://127.0.0.1:8080/fhir',
    needPatientBanner: true,
    medicationSource: record.medicationSource,
    progress: [{ resourceType: 'Patient', state: 'done', count: 1, pages: 1, truncated: false }],
    notes: [{ kind: 'medication-source', source: record.medicationSource }],
    invalid: [],
    problems: [],
    capability: { creatable: ['ChargeItem', 'Claim', 'Provenance'], transaction: true },
    write: {
      ChargeItem: { resourceType: 'ChargeItem', allowed: true, reason: 'granted' },
      Claim: { resourceType: 'Claim', allowed: true, reason: 'granted' },
    },
  };
}

interface Call {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

/** A FHIR server that answers a transaction with a ChargeItem and a Provenance (or the given statuses first). */
function fakeServer(failures: number[] = []) {
  const calls: Call[] = [];
  const http: FhirHttp = async (method, url, body) => {
    calls.push({ method, url, body });
    const failure = failures.shift();
    if (failure !== undefined) {
      return { status: failure, headers: {}, body: undefined } satisfies FhirHttpResponse;
    }
    return {
      status: 200,
      headers: {},
      body: {
        resourceType: 'Bundle',
        type: 'transaction-response',
        entry: [
          { response: { status: '201 Created', location: 'ChargeItem/ci-1/_history/1' } },
          { response: { status: '201 Created', location: 'Provenance/pv-1/_history/1' } },
        ],
      },
    };
  };
  return { calls, http };
}

let uuidCounter = 0;

function services(
  loaded: LoadedRecord,
  fhirSession: FhirSession,
  http: FhirHttp,
  extra: Partial<ShellServices> = {},
): ShellServices {
  return {
    loadConfig: async () => configFrom(),
    completeLaunch: async () => fhirSession,
    loadRecord: async () => loaded,
    now: () => new Date('2026-11-20T15:00:00'),
    uuid: () => `00000000-0000-4000-8000-${String(++uuidCounter).padStart(12, '0')}`,
    storage: () => window.sessionStorage,
    loadValidator: async () => ({ validate: () => [] }),
    fhirHttp: () => http,
    ...extra,
  };
}

async function shell(shellServices: ShellServices) {
  const element = document.createElement('g9012-app');
  element.services = shellServices;
  const loaded = new Promise<void>((resolve) => {
    element.addEventListener('record-loaded', () => resolve());
  });
  document.body.append(element);
  await loaded;
  await settle(element);
  return element;
}

function status(element: Element): string | undefined {
  return must(element, '[data-testid="readiness-status"]').dataset.status;
}

async function attest(element: Element, criterion: string, note: string): Promise<void> {
  must(element, 'criteria-list').dispatchEvent(
    new CustomEvent('attest', { detail: { criterion, note }, bubbles: true, composed: true }),
  );
  await settle(element);
}

function writeButton(element: Element): HTMLButtonElement {
  return must(element, '[data-testid="write-draft"]') as HTMLButtonElement;
}

afterEach(() => {
  document.body.replaceChildren();
  window.sessionStorage.clear();
});

describe('case workflow in the app shell', () => {
  it('evaluates on load, re-evaluates on attest, builds the draft, and writes only on click', async () => {
    const server = fakeServer();
    const element = await shell(services(loadedFor('missing-problem-list-review'), session(), server.http));
    expect(status(element)).toBe('incomplete');
    expect(find(element, 'patient-banner')).toBeDefined();
    expect(find(element, 'review-launcher')).toBeDefined();

    await attest(element, 'problem-list-review', 'Reviewed the problem list with the patient by phone.');
    expect(status(element)).toBe('ready');
    const stored = Object.keys(window.sessionStorage).filter((key) => key.startsWith('g9012:work:'));
    expect(stored).toEqual(['g9012:work:Patient/missing-problem-list-review:2026-11-01:2026-11-30']);

    const panel = must(element, 'draft-panel') as HTMLElementTagNameMap['draft-panel'];
    expect((panel.draft as { resourceType?: string } | undefined)?.resourceType).toBe('ChargeItem');
    expect(panel.issues).toEqual([]);
    expect(panel.writeBlockedReason).toBeUndefined();
    // Nothing is written on load, on attest, or on building the draft.
    expect(server.calls).toEqual([]);

    writeButton(element).click();
    await settle(element);
    expect(server.calls.map((call) => [call.method, call.url])).toEqual([['POST', '']]);
    const sent = JSON.stringify(server.calls[0]?.body);
    expect(sent).toContain(USER);
    expect(sent).not.toContain('secret-token');
    const result = must(element, '[data-testid="write-result"]');
    expect(deepText(result)).toContain('ci-1');
    expect(result.querySelector('a')?.getAttribute('href')).toBe(
      'http://127.0.0.1:8080/fhir/ChargeItem/ci-1',
    );
    expect(must(element, 'draft-panel').dataset.writeState).toBe('written');
    // A successful write clears the unsaved work.
    expect(window.sessionStorage.getItem(stored[0] ?? '')).toBeNull();
  });

  it('restores an unsaved attestation from sessionStorage when the shell is created again', async () => {
    const server = fakeServer();
    const first = await shell(services(loadedFor('missing-problem-list-review'), session(), server.http));
    await attest(first, 'problem-list-review', 'Reviewed the problem list.');
    expect(status(first)).toBe('ready');
    first.remove();

    const second = await shell(services(loadedFor('missing-problem-list-review'), session(), server.http));
    expect(status(second)).toBe('ready');
    expect(deepText(must(second, '[data-testid="workflow-message"]'))).toContain('restored');
    const panel = must(second, 'draft-panel') as HTMLElementTagNameMap['draft-panel'];
    expect(panel.evaluation?.attestations[0]?.by).toBe(USER);
    expect(server.calls).toEqual([]);

    must(second, '[data-testid="discard-work"]').click();
    await settle(second);
    expect(status(second)).toBe('incomplete');
    expect(Object.keys(window.sessionStorage).filter((key) => key.startsWith('g9012:work:'))).toEqual([]);
  });

  it('disables Write and says why when the write scope was not granted', async () => {
    const server = fakeServer();
    const element = await shell(
      services(loadedFor('meets-all'), session(['launch/patient', 'patient/*.rs']), server.http),
    );
    expect(status(element)).toBe('ready');
    const panel = must(element, 'draft-panel') as HTMLElementTagNameMap['draft-panel'];
    expect(panel.draft).toBeDefined();
    expect(panel.writeBlockedReason).toContain('user/ChargeItem.c');
    expect(writeButton(element).disabled).toBe(true);
    expect(deepText(panel)).toContain('user/Provenance.c');
    // No write target is configured, so nothing is offered in Write's place.
    expect(find(element, '[data-testid="send-draft"]')).toBeUndefined();
    writeButton(element).click();
    await settle(element);
    expect(server.calls).toEqual([]);
  });

  it('while a read failed for a reason a reload may fix, Write is off and says to reload', async () => {
    const server = fakeServer();
    const loaded = loadedFor('meets-all');
    const partial: LoadedRecord = {
      ...loaded,
      notes: [
        ...loaded.notes,
        { kind: 'failed', resourceType: 'Coverage', error: new NetworkError('Coverage') },
      ],
    };
    const element = await shell(services(partial, session(), server.http));
    const panel = must(element, 'draft-panel') as HTMLElementTagNameMap['draft-panel'];
    expect(panel.draft).toBeDefined();
    expect(panel.writeBlockedReason).toContain('Reading Coverage got no answer');
    expect(panel.writeBlockedReason).toMatch(/reload the page/);
    expect(writeButton(element).disabled).toBe(true);
    writeButton(element).click();
    await settle(element);
    expect(server.calls).toEqual([]);
  });

  it('a read the server refuses for good (403) does not block Write', async () => {
    const server = fakeServer();
    const loaded = loadedFor('meets-all');
    const refused = new ScopeMissing('Communication', 'patient/Communication.rs', false, []);
    const element = await shell(
      services(
        {
          ...loaded,
          notes: [...loaded.notes, { kind: 'failed', resourceType: 'Communication', error: refused }],
        },
        session(),
        server.http,
      ),
    );
    expect((must(element, 'draft-panel') as HTMLElementTagNameMap['draft-panel']).writeBlockedReason).toBe(
      undefined,
    );
    expect(writeButton(element).disabled).toBe(false);
  });

  it('keeps the same package across a retry after a server failure, and maps the error to a next step', async () => {
    const server = fakeServer([503]);
    const element = await shell(services(loadedFor('meets-all'), session(), server.http));
    writeButton(element).click();
    await settle(element);
    const failure = deepText(must(element, '[data-testid="write-result"]'));
    expect(failure).toContain('The server is unavailable');
    expect(failure).toContain('a retry never creates a duplicate');
    writeButton(element).click();
    await settle(element);
    expect(server.calls).toHaveLength(2);
    expect(JSON.stringify(server.calls[1]?.body)).toBe(JSON.stringify(server.calls[0]?.body));
    expect(deepText(must(element, '[data-testid="write-result"]'))).toContain('ci-1');
  });

  it('downloads the draft with absolute references, and copies it with a visible message', async () => {
    const server = fakeServer();
    const files: { name: string; text: string }[] = [];
    const copies: string[] = [];
    const element = await shell(
      services(loadedFor('meets-all'), session(), server.http, {
        download: (name, text) => files.push({ name, text }),
        copy: async (text) => {
          copies.push(text);
        },
      }),
    );
    must(element, 'draft-panel').dispatchEvent(
      new CustomEvent('download-draft', { detail: { kind: 'chargeitem' }, bubbles: true, composed: true }),
    );
    await settle(element);
    expect(files[0]?.name).toBe('g9012-chargeitem-2026-11-01-to-2026-11-30.json');
    expect(files[0]?.text).toContain('http://127.0.0.1:8080/fhir/Patient/meets-all');
    expect(deepText(must(element, '[data-testid="workflow-message"]'))).toContain('Downloaded');
    must(element, 'draft-panel').dispatchEvent(
      new CustomEvent('copy-draft', { detail: { kind: 'chargeitem' }, bubbles: true, composed: true }),
    );
    await settle(element);
    expect(copies).toHaveLength(1);
    expect(deepText(must(element, '[data-testid="workflow-message"]'))).toContain('copied');
    expect(server.calls).toEqual([]);
  });
  it('a launch with intent "review" opens the payer review first, for the patient in context', async () => {
    const server = fakeServer();
    const element = await shell(
      services(loadedFor('meets-all'), { ...session(), intent: 'review' }, server.http),
    );
    const launcher = must(element, 'review-launcher') as HTMLElementTagNameMap['review-launcher'];
    expect(launcher.open).toBe(true);
    expect(launcher.patient).toBe('p');
    const main = element.shadowRoot?.querySelector('main');
    const order = [...(main?.querySelectorAll('review-launcher, case-workflow') ?? [])].map(
      (e) => e.localName,
    );
    expect(order).toEqual(['review-launcher', 'case-workflow']);
  });

  it('a plain launch keeps the review behind its button, after the workflow', async () => {
    const element = await shell(services(loadedFor('meets-all'), session(), fakeServer().http));
    const launcher = must(element, 'review-launcher') as HTMLElementTagNameMap['review-launcher'];
    expect(launcher.open).toBe(false);
    const main = element.shadowRoot?.querySelector('main');
    const order = [...(main?.querySelectorAll('review-launcher, case-workflow') ?? [])].map(
      (e) => e.localName,
    );
    expect(order).toEqual(['case-workflow', 'review-launcher']);
  });
});

interface TargetRequest {
  readonly url: string;
  readonly method: string | undefined;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A separate write target reached through fetch: answers 503 first when asked, then a transaction-response. */
function fakeTarget(failures: number[] = []) {
  const requests: TargetRequest[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    requests.push({
      url: String(input),
      method: init?.method,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: String(init?.body ?? ''),
    });
    const failure = failures.shift();
    if (failure !== undefined) {
      return new Response('', { status: failure });
    }
    const body = {
      resourceType: 'Bundle',
      type: 'transaction-response',
      entry: [
        { response: { status: '201 Created', location: 'ChargeItem/bill-1/_history/1' } },
        { response: { status: '201 Created', location: 'Provenance/bill-pv-1/_history/1' } },
      ],
    };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/fhir+json' },
    });
  };
  return { requests, fetchImpl };
}

describe('a configured separate write target, when the EHR cannot take the write', () => {
  const TARGET_BASE = 'http://127.0.0.1:9/billing/fhir';
  const readOnly = () => session(['launch/patient', 'patient/*.rs']);

  it('sends the draft there with absolute references and without the EHR token; the notes go once it is written', async () => {
    const ehr = fakeServer();
    const target = fakeTarget([503]);
    const element = await shell(
      services(loadedFor('missing-problem-list-review'), readOnly(), ehr.http, {
        loadConfig: async () => configFrom({ writeTarget: { name: 'Billing', url: `${TARGET_BASE}/` } }),
        writeTargetFetch: target.fetchImpl,
      }),
    );
    await attest(element, 'problem-list-review', 'Reviewed the problem list with the patient by phone.');
    const stored = Object.keys(window.sessionStorage).filter((key) => key.startsWith('g9012:work:'));
    expect(stored).toHaveLength(1);
    expect(writeButton(element).disabled).toBe(true);
    const panel = must(element, 'draft-panel') as HTMLElementTagNameMap['draft-panel'];
    expect(panel.writeBlockedReason).toContain('send it to Billing');
    const send = must(element, '[data-testid="send-draft"]') as HTMLButtonElement;
    expect(send.textContent?.trim()).toBe('Send to Billing');
    // Nothing is sent before the click.
    expect(target.requests).toEqual([]);

    send.click();
    await settle(element);
    expect(panel.dataset.writeState).toBe('failed');
    const failure = deepText(must(element, '[data-testid="write-result"]'));
    expect(failure).toContain('The server is unavailable');
    expect(failure).toContain('a retry never creates a duplicate');
    // A failed send keeps the unsaved work.
    expect(window.sessionStorage.getItem(stored[0] ?? '')).not.toBeNull();

    (must(element, '[data-testid="send-draft"]') as HTMLButtonElement).click();
    await settle(element);
    expect(target.requests.map((request) => [request.method, request.url])).toEqual([
      ['POST', TARGET_BASE],
      ['POST', TARGET_BASE],
    ]);
    for (const request of target.requests) {
      expect(Object.keys(request.headers)).not.toContain('authorization');
      expect(JSON.stringify(request)).not.toContain('secret-token');
    }
    expect(target.requests[1]?.body).toBe(target.requests[0]?.body);
    const bundle = JSON.parse(target.requests[1]?.body ?? '{}') as {
      entry: { resource: { subject?: { reference?: string }; patient?: { reference?: string } } }[];
    };
    expect(bundle.entry[0]?.resource.subject?.reference).toBe(
      'http://127.0.0.1:8080/fhir/Patient/missing-problem-list-review',
    );
    expect(target.requests[1]?.body).not.toMatch(/"reference":"(Patient|Practitioner|Condition)\//);
    // The EHR is never written to.
    expect(ehr.calls).toEqual([]);

    const result = must(element, '[data-testid="write-result"]');
    expect(deepText(result)).toContain('Written: ChargeItem/bill-1');
    expect(result.querySelector('a')?.getAttribute('href')).toBe(`${TARGET_BASE}/ChargeItem/bill-1`);
    expect(panel.dataset.writeState).toBe('written');
    expect(window.sessionStorage.getItem(stored[0] ?? '')).toBeNull();
  });

  it('a target that asks for credentials (401) is named, without the EHR advice to relaunch', async () => {
    const target = fakeTarget([401]);
    const element = await shell(
      services(loadedFor('missing-problem-list-review'), readOnly(), fakeServer().http, {
        loadConfig: async () => configFrom({ writeTarget: { name: 'Billing', url: `${TARGET_BASE}/` } }),
        writeTargetFetch: target.fetchImpl,
      }),
    );
    await attest(element, 'problem-list-review', 'Reviewed the problem list with the patient by phone.');
    (must(element, '[data-testid="send-draft"]') as HTMLButtonElement).click();
    await settle(element);
    expect(target.requests).toHaveLength(1);
    const failure = deepText(must(element, '[data-testid="write-result"]'));
    expect(failure).toContain('Billing refused the draft (401)');
    expect(failure).toContain('your EHR sign-in is never passed to another server');
    expect(failure).not.toContain('session has expired');
    expect(failure).not.toContain('Relaunch');
  });

  it('is not offered while a read failed for a reason a reload may fix', async () => {
    const loaded = loadedFor('meets-all');
    const partial: LoadedRecord = {
      ...loaded,
      notes: [
        ...loaded.notes,
        { kind: 'failed', resourceType: 'Coverage', error: new NetworkError('Coverage') },
      ],
    };
    const target = fakeTarget();
    const element = await shell(
      services(partial, readOnly(), fakeServer().http, {
        loadConfig: async () => configFrom({ writeTarget: { name: 'Billing', url: TARGET_BASE } }),
        writeTargetFetch: target.fetchImpl,
      }),
    );
    const panel = must(element, 'draft-panel') as HTMLElementTagNameMap['draft-panel'];
    expect(panel.writeBlockedReason).not.toContain('Billing');
    expect(find(element, '[data-testid="send-draft"]')).toBeUndefined();
    panel.dispatchEvent(
      new CustomEvent('send-draft', { detail: { kind: 'chargeitem' }, bubbles: true, composed: true }),
    );
    await settle(element);
    expect(target.requests).toEqual([]);
  });
});
