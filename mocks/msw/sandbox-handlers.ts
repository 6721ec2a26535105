import type { HttpHandler } from 'msw';
import { delay, HttpResponse, http } from 'msw';
import type { SandboxRequest } from '../sandbox/http/exchange.ts';
import type { Sandbox, SandboxOptions } from '../sandbox/sandbox.ts';
import { createSandbox } from '../sandbox/sandbox.ts';

/** Options for `createSandboxHandlers`: the sandbox options, with a FHIR base instead of an origin. */
export interface SandboxHandlerOptions extends Omit<SandboxOptions, 'origin' | 'appOrigin'> {
  /** The FHIR base the handlers answer for; must end in `/fhir`. Default `https://sandbox.test/fhir`. */
  base?: string;
  /** The app's origin (its redirect URI is `${appOrigin}/`). Default `http://127.0.0.1:5173`. */
  appOrigin?: string;
  /** Milliseconds added before every answer, e.g. 100 to simulate a 100 ms round trip. */
  latencyMs?: number;
}

/** The handlers and the sandbox behind them (for `issueAccessToken`, `createLaunch`, `repo`). */
export interface SandboxHandlers {
  handlers: HttpHandler[];
  sandbox: Sandbox;
}

async function toSandboxRequest(request: Request): Promise<SandboxRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  return { method: request.method.toUpperCase(), url: new URL(request.url), headers, body };
}

/**
 * msw handlers for an existing sandbox: every request under its origin (FHIR, SMART configuration, the
 * authorization endpoints, the launch page) goes to the same `Sandbox.handle` the node:http server calls.
 */
export function handlersFor(sandbox: Sandbox, options: { latencyMs?: number } = {}): HttpHandler[] {
  return [
    http.all(`${sandbox.origin}/*`, async ({ request }) => {
      if (options.latencyMs) {
        await delay(options.latencyMs);
      }
      const answer = await sandbox.handle(await toSandboxRequest(request));
      if (answer.delayMs) {
        await delay(answer.delayMs);
      }
      if (answer.fault === 'drop') {
        return HttpResponse.error();
      }
      const empty = answer.body === '' || answer.status === 204 || answer.status === 304;
      return new HttpResponse(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
    }),
  ];
}

/**
 * Builds a sandbox with the same data and repository code as `npm start` and returns msw handlers for it,
 * e.g. `const { handlers, sandbox } = await createSandboxHandlers({ now: '2026-12-01' });
 * setupServer(...handlers)`.
 */
export async function createSandboxHandlers(options: SandboxHandlerOptions = {}): Promise<SandboxHandlers> {
  const base = (options.base ?? 'https://sandbox.test/fhir').replace(/\/$/, '');
  if (!base.endsWith('/fhir')) {
    throw new Error(`The sandbox FHIR base must end in /fhir, got ${base}`);
  }
  const { latencyMs, ...rest } = options;
  const sandbox = await createSandbox({
    ...rest,
    origin: base.slice(0, -'/fhir'.length),
    appOrigin: options.appOrigin ?? 'http://127.0.0.1:5173',
  });
  return { handlers: handlersFor(sandbox, { latencyMs }), sandbox };
}
