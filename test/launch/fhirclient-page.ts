import { createRequire } from 'node:module';
import type { OAuth2Api } from '../../src/fhir/smart-launch.ts';

interface SmartApiFactory {
  new (): { getSmartApi(): OAuth2Api };
}

const load = createRequire(import.meta.url);

/**
 * A fresh fhirclient browser API, as a new page load would create. fhirclient caches the page URL in its
 * adapter, so each simulated page (launch page, redirect, reload) needs its own.
 */
export function freshOAuth2(pageUrl: string): OAuth2Api {
  const { happyDOM } = window as unknown as { happyDOM: { setURL(url: string): void } };
  happyDOM.setURL(pageUrl);
  const adapter = load('fhirclient/lib/adapters/BrowserAdapter.js') as { default: SmartApiFactory };
  return new adapter.default().getSmartApi();
}

/** An unsigned JWT with the given claims (fhirclient only decodes the id_token's payload). */
export function fakeIdToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}
