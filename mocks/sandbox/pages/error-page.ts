import type { SandboxResponse } from '../http/exchange.ts';
import { htmlPage } from '../http/exchange.ts';
import { html, page } from './html.ts';

/**
 * An authorization error shown to the user, used where redirecting would be unsafe (unknown client or
 * unregistered redirect_uri): the browser stays on the sandbox.
 */
export function errorPage(status: number, title: string, detail: string): SandboxResponse {
  return htmlPage(
    status,
    page(
      title,
      html`<p class="error" role="alert">${detail}</p>
<p>The sandbox did not redirect, because the request did not come from a registered app and redirect URI.</p>
<p><a href="/">Back to the sandbox EHR</a></p>`,
    ),
  );
}
