/**
 * The browser session's PHI check (browser.ts) can fail: a page that logs a seeded patient's birth date
 * makes `close()` throw, naming the term's kind and origin, never the term.
 */
import { describe, expect, it } from 'vitest';
import { loadPhiTerms } from '../setup/phi-terms.ts';
import { hasChromium, startBrowser } from './browser.ts';

describe.skipIf(!hasChromium)('browser console PHI check', () => {
  it('fails the session when a page logs patient data, and passes when it logs none', async () => {
    const term = (await loadPhiTerms()).find((t) => t.kind === 'birth date');
    expect(term).toBeDefined();
    const leaky = await startBrowser();
    const page = await leaky.context.newPage();
    await page.evaluate((text) => console.info(`loaded patient born ${text}`), term?.text ?? '');
    const failure = await leaky.close().then(
      () => undefined,
      (error: unknown) => String(error),
    );
    expect(failure).toContain('patient data on the browser console');
    expect(failure).toContain('page console.info');
    expect(failure).not.toContain(term?.text ?? '');

    const clean = await startBrowser();
    const quiet = await clean.context.newPage();
    await quiet.evaluate(() => console.info('loaded Patient/meets-all: 14 criteria'));
    await expect(clean.close()).resolves.toBeUndefined();
  });
});
