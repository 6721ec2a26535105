/**
 * End to end in real Chromium: an access token that expires mid-session. The app refreshes it and the
 * user's unsaved attestation survives; the write then succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmAttest, openFirstAttest } from './attest-steps.ts';
import { type BrowserSession, hasChromium, startBrowser } from './browser.ts';
import { type Stack, startStack } from './stack.ts';

const TOKEN_TTL_S = 4;

describe.skipIf(!hasChromium)('token expiry in Chromium', { timeout: 120_000 }, () => {
  let stack: Stack;
  let browser: BrowserSession;

  beforeAll(async () => {
    // The scenario activity is in November 2026; the app opens on the launch encounter's month.
    stack = await startStack({ now: '2026-11-20', tokenTtl: TOKEN_TTL_S });
    browser = await startBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('refreshes an expired token without losing the unsaved attestation, then writes', async () => {
    const page = await browser.context.newPage();
    await page.goto(
      stack.sandbox.launchUrl(stack.sandbox.createLaunch('missing-care-coordination', 'case-manager')),
    );
    await page.getByText('Incomplete').first().waitFor({ timeout: 60_000 });
    await confirmAttest(await openFirstAttest(page), 'Faxed the discharge summary to the cardiologist.');
    await page.getByText('Ready to draft').first().waitFor({ timeout: 30_000 });

    await page.waitForTimeout((TOKEN_TTL_S + 1) * 1000);
    // A reload after expiry: the attestation comes back from sessionStorage and the session is restored.
    await page.reload();
    await page.getByText('Ready to draft').first().waitFor({ timeout: 60_000 });

    await page.waitForTimeout((TOKEN_TTL_S + 1) * 1000);
    await page.getByLabel(/11 — Office/).check();
    const write = page.locator('[data-testid=write-draft]');
    await expect.poll(() => write.isEnabled(), { timeout: 30_000 }).toBe(true);
    await write.click();
    const result = page.locator('[data-testid=write-result]');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(/ChargeItem\//);
    await page.close();
  });
});
