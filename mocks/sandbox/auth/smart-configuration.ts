/** The SMART App Launch 2.x capabilities this sandbox supports. */
export const SMART_CAPABILITIES: readonly string[] = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'context-ehr-patient',
  'context-ehr-encounter',
  'context-standalone-patient',
  'sso-openid-connect',
  'permission-v2',
  'permission-v1',
  'permission-patient',
  'permission-user',
  'permission-online',
  'permission-offline',
  'context-banner',
];

/** The endpoints of the sandbox's authorization server. */
export interface AuthUrls {
  authorizeUrl: string;
  tokenUrl: string;
  jwksUrl: string;
}

/** The sandbox's authorization server URLs for an origin. */
export function authUrls(origin: string): AuthUrls {
  return {
    authorizeUrl: `${origin}/auth/authorize`,
    tokenUrl: `${origin}/auth/token`,
    jwksUrl: `${origin}/auth/jwks`,
  };
}

/** The document served at `/fhir/.well-known/smart-configuration`. */
export function smartConfiguration(fhirBase: string, urls: AuthUrls): Record<string, unknown> {
  return {
    issuer: fhirBase,
    jwks_uri: urls.jwksUrl,
    authorization_endpoint: urls.authorizeUrl,
    token_endpoint: urls.tokenUrl,
    token_endpoint_auth_methods_supported: ['none'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: [
      'openid',
      'fhirUser',
      'profile',
      'launch',
      'launch/patient',
      'launch/encounter',
      'online_access',
      'offline_access',
      'patient/*.rs',
      'patient/*.cruds',
      'user/*.rs',
      'user/*.cruds',
      'patient/*.read',
      'patient/*.write',
      'user/*.read',
      'user/*.write',
    ],
    capabilities: SMART_CAPABILITIES,
  };
}
