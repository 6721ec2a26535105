import type { SandboxRequest, SandboxResponse } from './exchange.ts';

const ALLOW_HEADERS = 'Authorization, Content-Type, Accept, If-None-Exist, If-Match, If-None-Match, Prefer';
const EXPOSE_HEADERS = 'Location, ETag, Last-Modified, Content-Location';

/**
 * CORS as a public FHIR server answers it: any origin (bearer tokens, no cookies), the FHIR request headers
 * allowed, and Location and ETag exposed so a cross-origin app can read them after a write.
 */
export function withCors(request: SandboxRequest, response: SandboxResponse): SandboxResponse {
  const origin = request.headers.origin;
  if (!origin) {
    return response;
  }
  response.headers['access-control-allow-origin'] = origin;
  response.headers['access-control-expose-headers'] = EXPOSE_HEADERS;
  response.headers.vary = 'Origin';
  return response;
}

/** The answer to a CORS preflight (OPTIONS). */
export function preflight(request: SandboxRequest): SandboxResponse {
  return withCors(request, {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': ALLOW_HEADERS,
      'access-control-max-age': '600',
    },
    body: '',
  });
}
