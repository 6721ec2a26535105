import { FhirRouter } from '@medplum/fhir-router';
import type { Resource } from '@medplum/fhirtypes';
import type { AuthContext } from './auth/auth-context.ts';
import type { Session } from './auth/auth-store.ts';
import { AuthStore, opaqueToken } from './auth/auth-store.ts';
import { authorize, decide } from './auth/authorize-endpoint.ts';
import { appClient, appLaunchUrl, appStandaloneUrl } from './auth/clients.ts';
import { checkFhirAccess, visibleTo } from './auth/fhir-access.ts';
import { grantScopes, parseResourceScope } from './auth/scopes.ts';
import { createSigningKey } from './auth/signing-key.ts';
import { authUrls, smartConfiguration } from './auth/smart-configuration.ts';
import { token } from './auth/token-endpoint.ts';
import { loadFhirDefinitions } from './fhir/definitions.ts';
import type { FhirEndpointContext } from './fhir/fhir-endpoint.ts';
import { handleFhirCall } from './fhir/fhir-endpoint.ts';
import { operationOutcome } from './fhir/operation-outcome.ts';
import { SandboxRepository } from './fhir/sandbox-repository.ts';
import { WriteQueue } from './fhir/write-queue.ts';
import { faultAfter, faultBefore, pickFault } from './http/chaos.ts';
import { preflight, withCors } from './http/cors.ts';
import type { SandboxRequest, SandboxResponse } from './http/exchange.ts';
import { fhirJson, plainJson, redirect } from './http/exchange.ts';
import type { LaunchSettings } from './launch-settings.ts';
import { DEFAULT_SETTINGS, settingsFromForm } from './launch-settings.ts';
import { errorPage } from './pages/error-page.ts';
import { launchPage } from './pages/launch-page.ts';
import { summarisePatients } from './pages/patient-summary.ts';
import { writtenPage } from './pages/written-page.ts';
import type { NamedBundle } from './seed/bundle-files.ts';
import { SANDBOX_USERS } from './seed/sandbox-staff.ts';
import { buildSeed } from './seed/seed-data.ts';

const LAUNCH_TTL_MS = 60 * 60_000;

/** `GET /review/<patient id>`: an EHR launch that opens the app on the payer review of that patient's drafts. */
const REVIEW_PATH = '/review/';

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The launch intents the sandbox sends: `review` asks the app to open the payer review. */
export type LaunchIntent = 'review';

/** How to build a sandbox. Only `origin` and `appOrigin` are required. */
export interface SandboxOptions {
  /** Where the sandbox is reached, e.g. `http://127.0.0.1:8080`; the FHIR base is `${origin}/fhir`. */
  origin: string;
  /** The app's origin, e.g. `http://127.0.0.1:5173`: its redirect URI is `${appOrigin}/`. */
  appOrigin: string;
  /** "Today" (YYYY-MM-DD or a Date) for the date shift and ages. Default: the real today. */
  now?: string | Date;
  /** Access token lifetime in seconds. Default 3600. */
  tokenTtl?: number;
  /** Authorization code lifetime in seconds. Default 60. */
  codeTtl?: number;
  /** A folder of Bundles to load instead of the defaults (`SANDBOX_DATA`). */
  dataDir?: string;
  /** Bundles to load instead of the defaults (tests). */
  bundles?: readonly NamedBundle[];
  /** Fraction (0..1) of FHIR requests that get a 429, 503, dropped connection or slow answer. */
  chaos?: number;
  /** Random source for chaos (tests). */
  random?: () => number;
  /** Clock in ms for code and token expiry (tests). */
  clock?: () => number;
  /** Server behaviour for requests without a session (e.g. an anonymous /metadata). */
  settings?: Partial<LaunchSettings>;
  /** Where start-up lines go. Never receives tokens or patient data. */
  log?: (line: string) => void;
}

/** A running sandbox's request handler and state. */
export interface Sandbox {
  origin: string;
  fhirBase: string;
  appOrigin: string;
  today: Date;
  repo: SandboxRepository;
  store: AuthStore;
  /** Answers one request (the node:http server and the msw handlers both call this). */
  handle(request: SandboxRequest): Promise<SandboxResponse>;
  /**
   * Creates an EHR launch, as the launch page's button does; returns the launch id. `intent` is the SMART
   * launch context intent (`review` opens the app on the payer review).
   */
  createLaunch(
    patientId: string,
    userKey?: string,
    settings?: Partial<LaunchSettings>,
    intent?: LaunchIntent,
  ): string;
  /** The app URL the launch page opens for a launch id. */
  launchUrl(launchId: string): string;
  /** Issues an access token directly, without the browser flow (integration tests). */
  issueAccessToken(options: {
    scope: string;
    patient?: string;
    userKey?: string;
    settings?: Partial<LaunchSettings>;
  }): string;
}

function parseToday(now: string | Date | undefined): Date {
  if (now instanceof Date) {
    return now;
  }
  const date = now ? new Date(`${now}T12:00:00Z`) : new Date();
  if (Number.isNaN(date.getTime())) {
    throw new Error(`SANDBOX_NOW must be YYYY-MM-DD, got ${now}`);
  }
  return date;
}

/** Builds a sandbox: loads the FHIR definitions and the seed, and makes the signing key. */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  loadFhirDefinitions();
  const origin = options.origin.replace(/\/$/, '');
  const appOrigin = options.appOrigin.replace(/\/$/, '');
  const fhirBase = `${origin}/fhir`;
  const today = parseToday(options.now);
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const defaults: LaunchSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const repo = new SandboxRepository();
  const seed: Resource[] = await buildSeed({
    today,
    dataDir: options.dataDir,
    bundles: options.bundles,
    log: options.log,
  });
  for (const resource of seed) {
    await repo.createResource(resource);
  }
  repo.validateWrites = true;
  const store = new AuthStore();
  const urls = authUrls(origin);
  const auth: AuthContext = {
    fhirBase,
    store,
    clients: [appClient(appOrigin)],
    key: await createSigningKey(),
    repo,
    today,
    clock,
    tokenTtlSeconds: options.tokenTtl ?? 3600,
    codeTtlSeconds: options.codeTtl ?? 60,
  };
  const fhir: FhirEndpointContext = {
    fhirBase,
    authorizeUrl: urls.authorizeUrl,
    tokenUrl: urls.tokenUrl,
    router: new FhirRouter(),
    repo,
    writes: new WriteQueue(),
  };

  const sessionOf = (request: SandboxRequest): Session | undefined => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const session = match?.[1] ? store.tokens.get(match[1]) : undefined;
    if (session && session.expiresAt <= clock()) {
      store.tokens.delete(match?.[1] ?? '');
      return undefined;
    }
    return session;
  };

  const createLaunch = (
    patientId: string,
    userKey?: string,
    settings?: Partial<LaunchSettings>,
    intent?: LaunchIntent,
  ): string => {
    const user = SANDBOX_USERS.find((u) => u.key === (userKey ?? 'case-manager'));
    if (!user || !repo.peek('Patient', patientId)) {
      throw new Error('Unknown patient or user for launch');
    }
    const summary = summarisePatients(repo, today).find((p) => p.id === patientId);
    const id = opaqueToken();
    store.launches.set(id, {
      context: {
        patient: patientId,
        encounter: summary?.latestEncounterId,
        user,
        settings: { ...DEFAULT_SETTINGS, ...settings },
        ...(intent ? { intent } : {}),
      },
      expiresAt: clock() + LAUNCH_TTL_MS,
    });
    return id;
  };

  const handleFhir = async (request: SandboxRequest, fhirPath: string): Promise<SandboxResponse> => {
    let path = fhirPath;
    const session = sessionOf(request);
    if (path === 'metadata' && request.method === 'GET') {
      return handleFhirCall(fhir, {
        method: 'GET',
        path,
        query: request.url.searchParams,
        headers: request.headers,
        body: undefined,
        settings: session?.context.settings ?? defaults,
      });
    }
    const query = new URLSearchParams(request.url.searchParams);
    let method = request.method;
    let body: unknown;
    if (method === 'POST' && path.endsWith('/_search')) {
      // Search by POST becomes the same GET search, so scope checks and paging see every parameter.
      for (const [name, value] of new URLSearchParams(request.body)) {
        query.append(name, value);
      }
      method = 'GET';
      path = path.slice(0, -'/_search'.length);
    } else {
      try {
        body = request.body ? JSON.parse(request.body) : undefined;
      } catch {
        return fhirJson(400, operationOutcome('structure', 'The request body is not JSON'));
      }
    }
    const refusal = checkFhirAccess(session, repo, { method, path, query, body });
    if (refusal) {
      const headers: Record<string, string> =
        refusal.status === 401 ? { 'www-authenticate': 'Bearer realm="sandbox", error="invalid_token"' } : {};
      return fhirJson(refusal.status, refusal.outcome, headers);
    }
    return handleFhirCall(fhir, {
      method,
      path,
      query,
      headers: request.headers,
      body,
      settings: session?.context.settings ?? defaults,
      visible: visibleTo(session),
    });
  };

  const route = async (request: SandboxRequest): Promise<SandboxResponse> => {
    const { pathname } = request.url;
    const method = request.method;
    if (method === 'OPTIONS') {
      return preflight(request);
    }
    if (pathname === '/fhir/.well-known/smart-configuration' && method === 'GET') {
      return plainJson(200, smartConfiguration(fhirBase, urls));
    }
    if (pathname === '/fhir' || pathname.startsWith('/fhir/')) {
      const path = pathname.slice('/fhir/'.length).replace(/\/$/, '');
      const fault = pickFault(options.chaos ?? 0, random);
      const early = fault ? faultBefore(fault) : undefined;
      return early ?? faultAfter(fault, await handleFhir(request, path));
    }
    const form = (): URLSearchParams => new URLSearchParams(request.body);
    switch (`${method} ${pathname}`) {
      case 'GET /':
        return launchPage({
          fhirBase,
          appOrigin,
          standaloneUrl: appStandaloneUrl(appOrigin),
          today: today.toISOString().slice(0, 10),
          patients: summarisePatients(repo, today),
        });
      case 'POST /launch': {
        const [patientId = '', userKey] = (form().get('launch') ?? '').split('|');
        if (!repo.peek('Patient', patientId)) {
          return errorPage(400, 'Unknown patient', 'Choose a patient from the list.');
        }
        return redirect(
          appLaunchUrl(appOrigin, fhirBase, createLaunch(patientId, userKey, settingsFromForm(form()))),
        );
      }
      case 'GET /auth/authorize':
        return authorize(auth, request.url.searchParams);
      case 'POST /auth/decide':
        return decide(auth, form());
      case 'POST /auth/token':
        return token(auth, form());
      case 'GET /auth/jwks':
        return plainJson(200, { keys: [auth.key.publicJwk] });
      default:
        if (method === 'GET' && pathname.startsWith(REVIEW_PATH)) {
          // A link, so it can be bookmarked; the launch it creates only says which patient to review.
          const patientId = safeDecode(pathname.slice(REVIEW_PATH.length));
          if (patientId === undefined || !repo.peek('Patient', patientId)) {
            return errorPage(404, 'Unknown patient', 'Choose a patient from the list.');
          }
          return redirect(
            appLaunchUrl(appOrigin, fhirBase, createLaunch(patientId, undefined, {}, 'review')),
          );
        }
        if (method === 'GET' && pathname.startsWith('/written/')) {
          return writtenPage(repo, decodeURIComponent(pathname.slice('/written/'.length)));
        }
        return errorPage(404, 'Not found', 'There is nothing at this address.');
    }
  };

  return {
    origin,
    fhirBase,
    appOrigin,
    today,
    repo,
    store,
    handle: async (request) => withCors(request, await route(request)),
    createLaunch,
    launchUrl: (launchId) => appLaunchUrl(appOrigin, fhirBase, launchId),
    issueAccessToken: ({ scope, patient, userKey, settings }) => {
      const user = SANDBOX_USERS.find((u) => u.key === (userKey ?? 'case-manager')) ?? SANDBOX_USERS[0];
      if (!user) {
        throw new Error('No sandbox users');
      }
      const merged = { ...DEFAULT_SETTINGS, ...settings };
      const granted = grantScopes(scope, merged.readOnlyScopes);
      const accessToken = opaqueToken();
      store.tokens.set(accessToken, {
        clientId: auth.clients[0]?.clientId ?? '',
        granted,
        resourceScopes: granted.flatMap((s) => parseResourceScope(s) ?? []),
        context: { patient, user, settings: merged },
        expiresAt: clock() + auth.tokenTtlSeconds * 1000,
      });
      return accessToken;
    },
  };
}
