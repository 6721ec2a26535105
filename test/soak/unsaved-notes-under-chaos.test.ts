// @vitest-environment happy-dom
/**
 * Unsaved notes survive every failure (issue 9 item 5): the real app shell (`<g9012-app>` and its case
 * workflow), the real loader and writer, and the sandbox in-process with its chaos faults aimed one at a time
 * at the Write: 429, 503, and a connection dropped after the server wrote. After each failure the attestation
 * note is still on screen, still in sessionStorage, and comes back after a reload; the next Write finds the
 * draft the dropped one made, and only then is the note cleared.
 */
import '../../src/fhir/write/write-draft.ts';
import '../../src/ui/case-workflow.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scenarios } from '../../mocks/patients/index.ts';
import type { ChaosFault } from '../../mocks/sandbox/http/chaos.ts';
import type { SandboxRequest } from '../../mocks/sandbox/http/exchange.ts';
import { createSandbox, type Sandbox } from '../../mocks/sandbox/sandbox.ts';
import { configFrom } from '../../src/config/load-config.ts';
import { requestedScopes } from '../../src/config/scopes.ts';
import { memoryCapabilityCache } from '../../src/fhir/capability.ts';
import { loadPatientRecord } from '../../src/fhir/load-record.ts';
import type { FhirSession } from '../../src/fhir/session.ts';
import { fetchFhirHttp } from '../../src/fhir/write/fhir-http.ts';
import '../../src/ui/g9012-app.ts';
import type { ShellServices } from '../../src/ui/g9012-app.ts';
import { loadNodeR4Validator } from '../../src/validate/node-definitions.ts';
import type { R4Validator } from '../../src/validate/r4.ts';
import { deepText, must, settle } from '../ui/deep-dom.ts';

const PATIENT = 'missing-care-coordination';
const USER = 'Practitioner/sandbox-case-manager';
const NOTE = 'Called the cardiology office on 12 Nov to align the diuretic plan.';
const WORK_KEY = `g9012:work:Patient/${PATIENT}:2026-11-01:2026-11-30`;
/** A draw that picks each fault in `pickFault` (floor(value × 4) indexes the four kinds). */
const DRAW: Record<ChaosFault, number> = { 'rate-limited': 0.1, unavailable: 0.3, dropped: 0.6, slow: 0.9 };

let sandbox: Sandbox;
let validator: R4Validator;
let token: string;
/** The fault the next FHIR request gets; none when undefined. */
let armed: ChaosFault | undefined;
const draws: number[] = [];

/** A fetch that answers from the sandbox in-process, as the node server would (a dropped answer rejects). */
async function sandboxFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const request: SandboxRequest = {
    method: (init.method ?? 'GET').toUpperCase(),
    url,
    headers,
    body: typeof init.body === 'string' ? init.body : '',
  };
  if (url.pathname.startsWith('/fhir') && armed) {
    draws.push(0, DRAW[armed]);
    armed = undefined;
  }
  const answer = await sandbox.handle(request);
  if (answer.fault === 'drop') {
    throw new TypeError('fetch failed: the connection was closed');
  }
  const empty = answer.body === '' || answer.status === 204;
  return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
}

function session(): FhirSession {
  return {
    serverUrl: sandbox.fhirBase,
    launchId: 'notes-under-chaos',
    patientId: PATIENT,
    fhirUser: USER,
    grantedScopes: requestedScopes(configFrom(), 'ehr').split(' '),
    needPatientBanner: true,
    authorized: true,
    authorization: async () => `Bearer ${token}`,
    refresh: async () => false,
  };
}

let uuids = 0;
function services(): ShellServices {
  return {
    loadConfig: async () => configFrom(),
    completeLaunch: async () => session(),
    loadRecord: (s, config, options) =>
      loadPatientRecord(s, config, { ...options, capabilityCache: memoryCapabilityCache() }),
    now: () => new Date('2026-11-20T15:00:00'),
    uuid: () => `00000000-0000-4000-8000-${String(++uuids).padStart(12, '0')}`,
    storage: () => window.sessionStorage,
    loadValidator: async () => validator,
    fhirHttp: (s) =>
      fetchFhirHttp(s.serverUrl, { authorization: () => s.authorization(), fetch: sandboxFetch }),
  };
}

/** Opens the app as a (re)load does. */
async function open(): Promise<HTMLElementTagNameMap['g9012-app']> {
  const element = document.createElement('g9012-app');
  element.services = services();
  const loaded = new Promise<void>((resolve) => element.addEventListener('record-loaded', () => resolve()));
  document.body.append(element);
  await loaded;
  await settle(element);
  return element;
}

function panel(element: Element): HTMLElementTagNameMap['draft-panel'] {
  return must(element, 'draft-panel') as HTMLElementTagNameMap['draft-panel'];
}

/** Presses Write and waits until the write has ended. */
async function pressWrite(element: Element): Promise<string> {
  (must(element, '[data-testid="write-draft"]') as HTMLButtonElement).click();
  await settle(element);
  await vi.waitFor(() => expect(panel(element).dataset.writeState).not.toBe('writing'), { timeout: 10_000 });
  await settle(element);
  return deepText(must(element, '[data-testid="write-result"]'));
}

function noteOnScreen(element: Element): string | undefined {
  return panel(element).evaluation?.attestations.find((a) => a.criterion === 'care-coordination')?.note;
}

/** The ids a search finds on the server. */
async function onServer(query: string): Promise<string[]> {
  const response = await sandboxFetch(`${sandbox.fhirBase}/${query}`, {
    headers: { authorization: `Bearer ${sandbox.issueAccessToken({ scope: 'user/*.rs' })}` },
  });
  expect(response.status).toBe(200);
  const bundle = (await response.json()) as { entry?: Array<{ resource: { id: string } }> };
  return (bundle.entry ?? []).map((entry) => entry.resource.id);
}

describe('unsaved notes under chaos, through the app shell', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    const scenario = scenarios.find((s) => s.id === PATIENT);
    [sandbox, validator] = await Promise.all([
      createSandbox({
        origin: 'http://sandbox.test',
        appOrigin: 'http://app.test',
        now: '2026-11-20',
        bundles: scenario ? [{ name: PATIENT, bundle: scenario.bundle as never }] : [],
        chaos: 1,
        // Each FHIR request draws "is it hit?" then, if hit, which fault; 1 means no fault.
        random: () => draws.shift() ?? 1,
      }),
      loadNodeR4Validator(),
    ]);
    token = sandbox.issueAccessToken({
      scope: requestedScopes(configFrom(), 'ehr'),
      patient: PATIENT,
      userKey: 'case-manager',
    });
    vi.stubGlobal('fetch', sandboxFetch);
  }, 60_000);

  afterAll(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
    window.sessionStorage.clear();
  });

  it('keeps the attestation note through a 429, a 503 and a dropped write, and writes one draft in the end', async () => {
    let app = await open();
    expect(must(app, '[data-testid="readiness-status"]').dataset.status).toBe('incomplete');
    must(app, 'criteria-list').dispatchEvent(
      new CustomEvent('attest', {
        detail: { criterion: 'care-coordination', note: NOTE },
        bubbles: true,
        composed: true,
      }),
    );
    await settle(app);
    expect(must(app, '[data-testid="readiness-status"]').dataset.status).toBe('ready');
    expect(window.sessionStorage.getItem(WORK_KEY)).toContain(NOTE);

    const failures: Array<[ChaosFault, RegExp]> = [
      ['rate-limited', /429/],
      ['unavailable', /503/],
      ['dropped', /got no answer/],
    ];
    for (const [fault, detail] of failures) {
      armed = fault;
      const result = await pressWrite(app);
      expect(result, fault).toMatch(detail);
      expect(result, fault).toMatch(/press Write again/i);
      expect(panel(app).dataset.writeState, fault).toBe('failed');
      // The note is on screen, in this tab's storage, and back after a reload.
      expect(noteOnScreen(app), fault).toBe(NOTE);
      expect(window.sessionStorage.getItem(WORK_KEY), fault).toContain(NOTE);
      app.remove();
      app = await open();
      expect(deepText(must(app, '[data-testid="workflow-message"]')), fault).toContain('restored');
      expect(noteOnScreen(app), fault).toBe(NOTE);
      expect(must(app, '[data-testid="readiness-status"]').dataset.status, fault).toBe('ready');
    }
    // The dropped write had reached the server: the draft is there once, though the user was told otherwise.
    const drafts = await onServer(`ChargeItem?patient=Patient/${PATIENT}`);
    expect(drafts).toHaveLength(1);

    const written = await pressWrite(app);
    expect(written).toContain(`ChargeItem/${drafts[0]}`);
    expect(panel(app).dataset.writeState).toBe('written');
    expect(window.sessionStorage.getItem(WORK_KEY)).toBeNull();
    expect(await onServer(`ChargeItem?patient=Patient/${PATIENT}`)).toEqual(drafts);
    expect(await onServer(`Provenance?target=ChargeItem/${drafts[0]}`)).toHaveLength(1);
    expect(draws).toEqual([]);
  });
});
