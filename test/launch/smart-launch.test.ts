// @vitest-environment happy-dom
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configFrom } from '../../src/config/load-config.ts';
import { LaunchError } from '../../src/fhir/errors.ts';
import { startEhrLaunch, startStandaloneLaunch } from '../../src/fhir/smart-launch.ts';
import { completeLaunch } from '../../src/fhir/smart-ready.ts';
import { describeError } from '../../src/ui/strings.ts';
import { freshOAuth2 } from './fhirclient-page.ts';
import {
  appRoot,
  authorizeEndpoint,
  fhirBase,
  type SmartServerOptions,
  s256,
  smartServerHandlers,
} from './smart-server.ts';

const launchPage = `${appRoot}launch/launch.html`;
const options: { -readonly [K in keyof SmartServerOptions]: SmartServerOptions[K] } = { exchanges: [] };
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  options.exchanges = [];
  options.challengeMethods = undefined;
  options.tokenStatus = undefined;
  options.needPatientBanner = undefined;
  server.resetHandlers(...smartServerHandlers(options));
  sessionStorage.clear();
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function ehrLaunch(config = configFrom()): Promise<URL> {
  const page = `${launchPage}?iss=${encodeURIComponent(fhirBase)}&launch=launch-123`;
  return new URL(await startEhrLaunch(new URL(page), config, freshOAuth2(page)));
}

async function launchError(run: () => Promise<unknown>): Promise<LaunchError> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LaunchError);
  return error as LaunchError;
}

function page() {
  return { location: window.location, history: window.history, sessionStorage: window.sessionStorage };
}

describe('EHR launch: authorize', () => {
  it('builds the authorize URL with PKCE S256, a 128-bit state, the configured scopes and aud', async () => {
    const url = await ehrLaunch();
    expect(`${url.origin}${url.pathname}`).toBe(authorizeEndpoint);
    const params = url.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe('g9012-app');
    expect(params.get('redirect_uri')).toBe(appRoot);
    expect(params.get('aud')).toBe(fhirBase);
    expect(params.get('launch')).toBe('launch-123');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const state = params.get('state') ?? '';
    expect(Buffer.from(state, 'base64url')).toHaveLength(16);
    expect(JSON.parse(sessionStorage.getItem('SMART_KEY') ?? '""')).toBe(state);
    const scopes = (params.get('scope') ?? '').split(' ');
    expect(scopes).toEqual(expect.arrayContaining(['launch', 'openid', 'fhirUser', 'online_access']));
    expect(scopes).not.toContain('launch/patient');
    expect(scopes).toEqual(
      expect.arrayContaining([
        'patient/Condition.rs',
        'patient/Coverage.rs',
        'user/ChargeItem.crs',
        'user/Claim.crs',
      ]),
    );
    expect(scopes).toContain('user/Provenance.c');
  });

  it('uses a new random state each launch', async () => {
    const first = (await ehrLaunch()).searchParams.get('state');
    const second = (await ehrLaunch()).searchParams.get('state');
    expect(first).not.toBe(second);
  });

  it('asks for v1 scopes when configured', async () => {
    const url = await ehrLaunch(configFrom({ scopes: { syntax: 'v1' } }));
    const scopes = (url.searchParams.get('scope') ?? '').split(' ');
    expect(scopes).toEqual(expect.arrayContaining(['patient/Condition.read', 'user/Claim.write']));
    expect(scopes.some((scope) => scope.endsWith('.rs'))).toBe(false);
  });

  it('refuses a launch without iss, without launch, from an unknown issuer, or with an override parameter', async () => {
    const config = configFrom();
    const attempt = (query: string) => () => {
      const url = `${launchPage}${query}`;
      return startEhrLaunch(new URL(url), config, freshOAuth2(url));
    };
    expect((await launchError(attempt('?launch=x'))).reason).toBe('no-iss');
    expect((await launchError(attempt(`?iss=${fhirBase}`))).reason).toBe('no-launch');
    const unknown = await launchError(attempt('?iss=https://evil.example/fhir&launch=x'));
    expect(unknown.reason).toBe('unknown-issuer');
    expect(describeError(unknown).detail).toContain('https://evil.example/fhir');
    const override = await launchError(attempt(`?iss=${fhirBase}&launch=x&clientId=other`));
    expect(override.reason).toBe('unexpected-parameter');
    expect(sessionStorage.getItem('SMART_KEY')).toBeNull();
  });

  it('refuses a server without PKCE S256', async () => {
    options.challengeMethods = ['plain'];
    expect((await launchError(() => ehrLaunch())).reason).toBe('pkce-unsupported');
  });
});

describe('redirect page: ready', () => {
  it('exchanges the code with the PKCE verifier, clears code and state from the URL, and restores on reload', async () => {
    options.needPatientBanner = false;
    const authorize = await ehrLaunch();
    const state = authorize.searchParams.get('state') ?? '';
    const redirect = `${appRoot}?code=the-code&state=${state}`;
    const session = await completeLaunch(freshOAuth2(redirect), page());

    expect(options.exchanges).toHaveLength(1);
    const body = options.exchanges[0]?.body ?? new URLSearchParams();
    expect(body.get('grant_type')).toBe('authorization_code');
    expect(body.get('code')).toBe('the-code');
    expect(body.get('client_id')).toBe('g9012-app');
    expect(s256(body.get('code_verifier') ?? '')).toBe(authorize.searchParams.get('code_challenge'));

    expect(window.location.href).toBe(appRoot);
    expect(session.launchId).toBe(state);
    expect(session.patientId).toBe('p1');
    expect(session.fhirUser).toBe('Practitioner/dr-1');
    expect(session.needPatientBanner).toBe(false);
    expect(session.grantedScopes).toContain('user/ChargeItem.crs');
    expect(await session.authorization()).toBe('Bearer secret-access-token');

    const reloaded = await completeLaunch(freshOAuth2(window.location.href), page());
    expect(options.exchanges).toHaveLength(1);
    expect(reloaded.patientId).toBe('p1');
    expect(await reloaded.authorization()).toBe('Bearer secret-access-token');
  });

  it('rejects a state that this tab did not send, and removes the code from the URL', async () => {
    await ehrLaunch();
    const url = `${appRoot}?code=stolen&state=someone-elses-state`;
    const error = await launchError(() => completeLaunch(freshOAuth2(url), page()));
    expect(error.reason).toBe('state-mismatch');
    expect(options.exchanges).toHaveLength(0);
    expect(window.location.search).toBe('');
  });

  it('says there is no session when the page is opened directly', async () => {
    const error = await launchError(() => completeLaunch(freshOAuth2(appRoot), page()));
    expect(error.reason).toBe('no-session');
  });

  it('reports an authorization denial by its OAuth error code', async () => {
    await ehrLaunch();
    const url = `${appRoot}?error=access_denied&error_description=User+said+no`;
    const error = await launchError(() => completeLaunch(freshOAuth2(url), page()));
    expect(error.reason).toBe('authorization-denied');
    expect(describeError(error).detail).toContain('access_denied');
  });

  it('reports a failed token exchange with its status and without the token endpoint body', async () => {
    options.tokenStatus = 400;
    const state = (await ehrLaunch()).searchParams.get('state') ?? '';
    const error = await launchError(() =>
      completeLaunch(freshOAuth2(`${appRoot}?code=c&state=${state}`), page()),
    );
    expect(error.reason).toBe('token-exchange-failed');
    const text = describeError(error);
    expect(text.detail).toContain('400');
    expect(JSON.stringify(text)).not.toContain('invalid_grant');
    expect(window.location.search).toBe('');
  });
});

describe('standalone launch', () => {
  it('asks for launch/patient with the server as aud', async () => {
    const config = configFrom();
    const sandbox = config.sandboxes.find((entry) => entry.url === fhirBase);
    expect(sandbox).toBeDefined();
    const pageUrl = `${appRoot}launch/standalone.html`;
    const url = new URL(
      await startStandaloneLaunch(
        new URL(pageUrl),
        config,
        sandbox ?? config.sandboxes[0]!,
        freshOAuth2(pageUrl),
      ),
    );
    const scopes = (url.searchParams.get('scope') ?? '').split(' ');
    expect(scopes).toContain('launch/patient');
    expect(scopes).not.toContain('launch');
    expect(url.searchParams.get('aud')).toBe(fhirBase);
    expect(url.searchParams.has('launch')).toBe(false);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('opens an open server through fhirServiceUrl with the typed patient, without a token', async () => {
    const config = configFrom({
      sandboxes: [{ name: 'Open', url: 'http://127.0.0.1:8080/open', kind: 'open' }],
    });
    const sandbox = config.sandboxes[0]!;
    const pageUrl = `${appRoot}launch/standalone.html`;
    await expect(
      startStandaloneLaunch(new URL(pageUrl), config, sandbox, freshOAuth2(pageUrl), ' '),
    ).rejects.toThrow(LaunchError);
    const redirect = await startStandaloneLaunch(
      new URL(pageUrl),
      config,
      sandbox,
      freshOAuth2(pageUrl),
      'p9',
    );
    expect(redirect.startsWith(`${appRoot}?state=`)).toBe(true);
    const session = await completeLaunch(freshOAuth2(redirect), page());
    expect(session.patientId).toBe('p9');
    expect(session.authorized).toBe(false);
    expect(session.serverUrl).toBe('http://127.0.0.1:8080/open');
    expect(await session.authorization()).toBeUndefined();
  });

  it('refuses a server that is not configured', async () => {
    const config = configFrom();
    const pageUrl = `${appRoot}launch/standalone.html`;
    const error = await launchError(() =>
      startStandaloneLaunch(
        new URL(pageUrl),
        config,
        { name: 'x', url: 'https://evil.example/fhir', kind: 'smart' },
        freshOAuth2(pageUrl),
      ),
    );
    expect(error.reason).toBe('unknown-server');
  });
});
