/**
 * A corpus of classic XSS payloads for the end-to-end XSS test. Each payload, if it ever ran, calls
 * `xssHit('<id>@<place>')` (a function the test exposes to the page) or opens an `alert`, so the test sees
 * which payload fired and where. Every payload is shorter than the 240 characters the UI shows of one text.
 */

/** One payload family: a stable id and how to build the string for one place. */
export interface XssPayload {
  readonly id: string;
  /** The hostile string; `hit` is the JavaScript that reports the payload (`xssHit('id@place')`). */
  make(hit: string): string;
}

/** The JavaScript a payload runs: reports its id and where it was put. */
export function hitCall(id: string, place: string): string {
  return `xssHit('${id}@${place}')`;
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** The payloads; `make` is given the hit call, so each string says where it was injected. */
export const XSS_PAYLOADS: readonly XssPayload[] = [
  { id: 'script', make: (hit) => `<script>${hit}</script>` },
  { id: 'img-onerror', make: (hit) => `<img src=x onerror="${hit}">` },
  { id: 'svg-onload', make: (hit) => `<svg onload="${hit}"></svg>` },
  { id: 'svg-script', make: (hit) => `<svg><script>${hit}</script></svg>` },
  { id: 'iframe-srcdoc', make: (hit) => `<iframe srcdoc="<script>${hit}</script>"></iframe>` },
  { id: 'iframe-js', make: (hit) => `<iframe src="javascript:${hit}"></iframe>` },
  { id: 'a-js', make: (hit) => `<a href="javascript:${hit}">open</a>` },
  { id: 'js-url', make: (hit) => `javascript:${hit}` },
  { id: 'js-url-entities', make: (hit) => `<a href="&#106;ava&#x73;cript:${hit}">x</a>` },
  { id: 'break-dq', make: (hit) => `"><img src=x onerror="${hit}">` },
  { id: 'break-sq', make: (hit) => `'><svg/onload="${hit}">` },
  { id: 'attr-inject', make: (hit) => `" autofocus onfocus="${hit}" x="` },
  { id: 'close-textarea', make: (hit) => `</textarea></title><script>${hit}</script>` },
  { id: 'close-style', make: (hit) => `</style><img src=x onerror="${hit}">` },
  { id: 'comment-break', make: (hit) => `--><script>${hit}</script><!--` },
  { id: 'math-mxss', make: (hit) => `<math><mtext><table><mglyph><style><img src=x onerror="${hit}">` },
  { id: 'noscript-mxss', make: (hit) => `<noscript><p title="</noscript><img src=x onerror=${hit}>">` },
  { id: 'template-literal', make: (hit) => `\${${hit}}\`;${hit};\`` },
  { id: 'template-engine', make: (hit) => `{{constructor.constructor("${hit}")()}}` },
  { id: 'data-url', make: (hit) => `data:text/html;base64,${base64(`<script>${hit}</script>`)}` },
  { id: 'object-data', make: (hit) => `<object data="data:text/html,<script>${hit}</script>"></object>` },
  { id: 'details-toggle', make: (hit) => `<details open ontoggle="${hit}">` },
  { id: 'input-autofocus', make: (hit) => `<input autofocus onfocus="${hit}">` },
  { id: 'video-source', make: (hit) => `<video><source onerror="${hit}"></video>` },
  { id: 'svg-animate', make: (hit) => `<svg><animate onbegin="${hit}" attributeName=x dur=1s>` },
  { id: 'form-action', make: (hit) => `<form><button formaction="javascript:${hit}">go</button></form>` },
  { id: 'meta-refresh', make: (hit) => `<meta http-equiv="refresh" content="0;url=javascript:${hit}">` },
  { id: 'entity-encoded', make: (hit) => `&lt;img src=x onerror="${hit}"&gt;` },
  { id: 'alert', make: () => `<img src=x onerror="alert('xss')"><script>confirm('xss')</script>` },
];

/** The payload with `id`; throws when there is none (a typo in a test). */
export function payload(id: string): XssPayload {
  const found = XSS_PAYLOADS.find((p) => p.id === id);
  if (!found) {
    throw new Error(`No XSS payload ${id}`);
  }
  return found;
}

/**
 * Hands out payloads round-robin, each made for a named place, and remembers every string it made so a test
 * can look for it on screen.
 */
export class PayloadDealer {
  private next = 0;
  /** Every string handed out, by place. */
  readonly made = new Map<string, string>();
  /** The payload id behind each place. */
  readonly payloadAt = new Map<string, string>();

  /** The next payload in the corpus, made for `place`. */
  deal(place: string): string {
    const p = XSS_PAYLOADS[this.next % XSS_PAYLOADS.length] as XssPayload;
    this.next += 1;
    return this.make(p, place);
  }

  /** A given payload made for `place`. */
  make(p: XssPayload, place: string): string {
    const text = p.make(hitCall(p.id, place));
    this.made.set(place, text);
    this.payloadAt.set(place, p.id);
    return text;
  }
}
