import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFrom } from '../../src/config/load-config.ts';

const root = join(import.meta.dirname, '../..');
const pages = ['index.html', 'launch/launch.html', 'launch/standalone.html'];

function csp(html: string): Map<string, string[]> {
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  return new Map(
    content
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe.each(pages)('%s', (page) => {
  const html = readFileSync(join(root, page), 'utf8');
  const policy = csp(html);

  it('has a CSP without inline script or style', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+=/i);
  });

  it('lets the app reach itself, the local sandbox on any port and every configured sandbox', () => {
    const connect = policy.get('connect-src') ?? [];
    expect(connect).toEqual(expect.arrayContaining(["'self'", 'http://127.0.0.1:*', 'http://localhost:*']));
    for (const sandbox of configFrom().sandboxes) {
      const origin = new URL(sandbox.url).origin;
      const allowed = connect.some(
        (source) => source === origin || (source.endsWith(':*') && origin.startsWith(source.slice(0, -2))),
      );
      expect(allowed, origin).toBe(true);
    }
  });

  it('sends no referrer, so a code in the address bar never leaks to another site', () => {
    expect(html).toContain('<meta name="referrer" content="no-referrer" />');
  });
});
