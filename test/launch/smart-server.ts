import { createHash } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import { fakeIdToken } from './fhirclient-page.ts';

export const fhirBase = 'http://127.0.0.1:8080/fhir';
export const authorizeEndpoint = 'http://127.0.0.1:8080/auth/authorize';
export const tokenEndpoint = 'http://127.0.0.1:8080/auth/token';
export const appRoot = 'http://127.0.0.1:5173/';

/** What the fake authorization server saw, for assertions. */
export interface TokenExchange {
  readonly body: URLSearchParams;
}

/** Settings for the fake SMART server's answers. */
export interface SmartServerOptions {
  readonly challengeMethods?: string[];
  readonly tokenStatus?: number;
  readonly needPatientBanner?: boolean;
  readonly exchanges: TokenExchange[];
}

/** S256 of a PKCE verifier, base64url, as the authorization server computes it. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** msw handlers for `.well-known/smart-configuration` and the token endpoint of a local SMART server. */
export function smartServerHandlers(options: SmartServerOptions) {
  return [
    http.get(`${fhirBase}/.well-known/smart-configuration`, () =>
      HttpResponse.json({
        authorization_endpoint: authorizeEndpoint,
        token_endpoint: tokenEndpoint,
        code_challenge_methods_supported: options.challengeMethods ?? ['S256'],
        capabilities: ['launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-patient'],
      }),
    ),
    http.post(tokenEndpoint, async ({ request }) => {
      const body = new URLSearchParams(await request.text());
      options.exchanges.push({ body });
      if (options.tokenStatus && options.tokenStatus !== 200) {
        return HttpResponse.json({ error: 'invalid_grant' }, { status: options.tokenStatus });
      }
      return HttpResponse.json({
        access_token: 'secret-access-token',
        token_type: 'bearer',
        expires_in: 3600,
        scope: 'launch openid fhirUser patient/Patient.rs patient/Condition.rs user/ChargeItem.crs',
        patient: 'p1',
        encounter: 'e1',
        need_patient_banner: options.needPatientBanner ?? true,
        id_token: fakeIdToken({ fhirUser: `${fhirBase}/Practitioner/dr-1`, sub: 'dr-1' }),
      });
    }),
  ];
}
