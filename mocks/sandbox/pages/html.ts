/** HTML that is already safe to insert: made by the `html` tag, never from data. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML element or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) {
    return value.value;
  }
  if (Array.isArray(value)) {
    return value.map(render).join('');
  }
  if (value === undefined || value === null || value === false) {
    return '';
  }
  return escapeHtml(String(value));
}

/**
 * Template tag for HTML: every interpolated value is escaped unless it is itself `SafeHtml` (or an array
 * of them), so data (including the hostile-text patient) can only ever show as text.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem; color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: .4rem; text-align: left; vertical-align: top; }
td, th { overflow-wrap: anywhere; max-width: 24rem; }
button { font: inherit; padding: .25rem .6rem; margin: .1rem 0; }
fieldset { margin: 1rem 0; }
pre { background: #f4f4f4; padding: .75rem; overflow: auto; max-height: 30rem; }
.error { color: #8b0000; }
`;

/**
 * Shortens text for display: hostile or broken data can hold strings of 100,000 characters, which make a
 * table unreadable and Chromium's layout take tens of seconds. The length is said, so nothing is hidden.
 */
export function clip(text: string, max = 120): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** A complete page with a title, a heading and the body. */
export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${new SafeHtml(STYLE)}</style></head>
<body><main>
<h1>${title}</h1>
${body}
</main></body>
</html>`.value;
}
