import { delay, HttpResponse, http } from 'msw';
import type { AppConfig } from '../../src/config/app-config.ts';
import { configFrom } from '../../src/config/load-config.ts';
import { memoryCapabilityCache } from '../../src/fhir/capability.ts';
import type { LoadOptions } from '../../src/fhir/load-record.ts';
import type { FhirSession } from '../../src/fhir/session.ts';

export const base = 'http://127.0.0.1:8080/fhir';
export const patientId = 'pat-7Q';
export const accessToken = 'secret-access-token-xyz';

type Resource = Record<string, unknown> & { resourceType: string; id?: string };

/** One request the fake server saw. */
export interface SeenRequest {
  readonly url: URL;
  readonly authorization: string | null;
  readonly startedAt: number;
  respondedAt?: number;
}

/** A small in-memory FHIR server: metadata, reads, searches with paging (`_count`, `_page`), `_include`. */
export interface FakeFhirServer {
  /** Resources by type; searches return all of a type (the tests hold one patient). */
  readonly resources: Record<string, Resource[]>;
  /** Types the CapabilityStatement lists; a search on another type answers 404. */
  types: string[];
  /** Types the CapabilityStatement says can be created. */
  creatable: string[];
  /** Delay before every answer, in ms. */
  delayMs: number;
  /** fullUrl for search entries; defaults to the absolute URL. */
  fullUrl: (resource: Resource) => string;
  /** Answer a request differently (errors, throttling); return undefined for the normal answer. */
  intercept?: (url: URL, request: Request) => Response | undefined | Promise<Response | undefined>;
  readonly seen: SeenRequest[];
}

export const allTypes = [
  'Patient',
  'Condition',
  'MedicationStatement',
  'MedicationRequest',
  'Medication',
  'CarePlan',
  'Goal',
  'Encounter',
  'Coverage',
  'Communication',
  'Procedure',
  'Observation',
  'QuestionnaireResponse',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'ChargeItem',
  'Claim',
];

/** A fake server holding a patient and a signed-in practitioner. */
export function fakeFhirServer(resources: Record<string, Resource[]> = {}): FakeFhirServer {
  return {
    resources: {
      Patient: [{ resourceType: 'Patient', id: patientId, name: [{ given: ['Ana'], family: 'Diaz' }] }],
      Practitioner: [{ resourceType: 'Practitioner', id: 'dr-1', name: [{ family: 'Lee' }] }],
      ...resources,
    },
    types: [...allTypes],
    creatable: ['ChargeItem', 'Claim', 'Provenance'],
    delayMs: 0,
    fullUrl: (resource) => `${base}/${resource.resourceType}/${resource.id}`,
    seen: [],
  };
}

function capabilityStatement(server: FakeFhirServer) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    kind: 'instance',
    fhirVersion: '4.0.1',
    rest: [
      {
        mode: 'server',
        resource: server.types.map((type) => ({
          type,
          interaction: [
            { code: 'read' },
            { code: 'search-type' },
            ...(server.creatable.includes(type) ? [{ code: 'create' }] : []),
          ],
        })),
      },
    ],
  };
}

function notFound(text: string) {
  return HttpResponse.json(
    {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-found', diagnostics: text }],
    },
    { status: 404 },
  );
}

function includes(
  server: FakeFhirServer,
  type: string,
  include: string | null,
  page: Resource[],
): Resource[] {
  if (include !== 'Coverage:payor' || type !== 'Coverage') {
    return [];
  }
  const refs = page.flatMap((coverage) =>
    Array.isArray(coverage.payor)
      ? coverage.payor.map((payor: { reference?: string }) => payor.reference)
      : [],
  );
  return (server.resources.Organization ?? []).filter((org) => refs.includes(`Organization/${org.id}`));
}

function answer(server: FakeFhirServer, url: URL): Response {
  const path = url.pathname.slice(new URL(base).pathname.length + 1);
  if (path === 'metadata') {
    return HttpResponse.json(capabilityStatement(server));
  }
  const [type = '', id] = path.split('/');
  if (!server.types.includes(type)) {
    return notFound(`Unknown resource type ${type}`);
  }
  const all = server.resources[type] ?? [];
  if (id !== undefined) {
    const found = all.find((resource) => resource.id === id);
    return found ? HttpResponse.json(found) : notFound(`${type}/${id} is not known`);
  }
  const count = Number(url.searchParams.get('_count') ?? '50');
  const pageIndex = Number(url.searchParams.get('_page') ?? '0');
  const page = all.slice(pageIndex * count, (pageIndex + 1) * count);
  const link = [{ relation: 'self', url: url.href }];
  if ((pageIndex + 1) * count < all.length) {
    const next = new URL(url.href);
    next.searchParams.set('_page', String(pageIndex + 1));
    link.push({ relation: 'next', url: next.href });
  }
  const entry = [
    ...page.map((resource) => ({ fullUrl: server.fullUrl(resource), resource, search: { mode: 'match' } })),
    ...includes(server, type, url.searchParams.get('_include'), page).map((resource) => ({
      fullUrl: server.fullUrl(resource),
      resource,
      search: { mode: 'include' },
    })),
  ];
  return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', total: all.length, link, entry });
}

/** msw handler serving `server` under `base`. */
export function fakeFhirHandlers(server: FakeFhirServer) {
  return [
    http.get(`${base}/*`, async ({ request }) => {
      const seen: SeenRequest = {
        url: new URL(request.url),
        authorization: request.headers.get('authorization'),
        startedAt: performance.now(),
      };
      server.seen.push(seen);
      if (server.delayMs > 0) {
        await delay(server.delayMs);
      }
      const response = (await server.intercept?.(seen.url, request)) ?? answer(server, seen.url);
      seen.respondedAt = performance.now();
      return response;
    }),
  ];
}

/** A session as `ready()` would give, with a fixed token and no refresh. */
export function fakeSession(overrides: Partial<FhirSession> = {}): FhirSession {
  return {
    serverUrl: base,
    patientId,
    fhirUser: 'Practitioner/dr-1',
    grantedScopes: ['launch', 'openid', 'fhirUser', 'patient/*.rs', 'user/ChargeItem.crs', 'user/Claim.crs'],
    needPatientBanner: true,
    authorized: true,
    authorization: async () => `Bearer ${accessToken}`,
    refresh: async () => false,
    ...overrides,
  };
}

/** The default configuration with test-sized paging and retries. */
export function testConfig(override: Record<string, unknown> = {}): AppConfig {
  return configFrom({ retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 5000 }, ...override });
}

/** Load options that never touch sessionStorage and record the retry waits instead of sleeping. */
export function testLoadOptions(waits: number[] = []): LoadOptions {
  return {
    capabilityCache: memoryCapabilityCache(),
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}

const subject = { reference: `Patient/${patientId}` };

/** A valid Condition for the test patient. */
export function condition(id: string, code = '44054006'): Resource {
  return {
    resourceType: 'Condition',
    id,
    subject,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    code: { coding: [{ system: 'http://snomed.info/sct', code, display: `Condition ${id}` }] },
  };
}

/** A valid MedicationStatement or MedicationRequest for the test patient. */
export function medication(type: 'MedicationStatement' | 'MedicationRequest', id: string): Resource {
  const common = {
    resourceType: type,
    id,
    subject,
    status: 'active',
    medicationCodeableConcept: { text: `Drug ${id}` },
  };
  return type === 'MedicationRequest' ? { ...common, intent: 'order' } : common;
}
