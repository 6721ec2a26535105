/**
 * End to end in real Chromium: SMART EHR and standalone launches against the sandbox EHR, the
 * MedicationStatement fallback, hostile text, and the authorization server's refusals.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, hasChromium, startBrowser } from './browser.ts';
import { type Stack, startStack } from './stack.ts';

const artifacts = join(import.meta.dirname, '../artifacts');
mkdirSync(artifacts, { recursive: true });

/** Collects what the page says on the console and any script dialogs (an XSS payload calls alert()). */
function watch(page: Page): { console: string[]; dialogs: string[] } {
  const seen = { console: [] as string[], dialogs: [] as string[] };
  page.on('console', (message) => seen.console.push(message.text()));
  page.on('pageerror', (error) => seen.console.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

describe.skipIf(!hasChromium)('SMART launch in Chromium against the sandbox EHR', { timeout: 90_000 }, () => {
  let stack: Stack;
  let browser: BrowserSession;

  beforeAll(async () => {
    stack = await startStack({ now: '2026-11-20' });
    browser = await startBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('EHR launch from the sandbox page: PKCE, token, record on screen, no code or state left in the URL', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    await page.goto(stack.sandbox.url);
    await page.getByRole('button', { name: /Launch as case manager for Grace Meetsall/ }).click();
    await expect
      .poll(() => page.locator('patient-banner h2').textContent(), { timeout: 30_000 })
      .toBe('Grace Meetsall');
    const url = new URL(page.url());
    expect(url.origin).toBe(stack.app);
    expect(url.searchParams.has('code')).toBe(false);
    expect(url.searchParams.has('state')).toBe(false);
    await page.screenshot({ path: join(artifacts, 'ehr-launch-1440.png'), fullPage: true });
    expect(seen.dialogs).toEqual([]);
    expect(seen.console.join('\n')).not.toContain('Meetsall');
    await page.close();
  });

  it('standalone launch: the user picks the server, then the patient in the sandbox picker', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.app}/launch/standalone.html`);
    await page.screenshot({ path: join(artifacts, 'standalone-1440.png'), fullPage: true });
    await page.getByLabel(/Local sandbox EHR/).check();
    await page.getByRole('button', { name: 'Launch' }).click();
    await page.waitForURL((u) => u.origin === stack.sandbox.origin, { timeout: 30_000 });
    await page.screenshot({ path: join(artifacts, 'standalone-picker-1440.png'), fullPage: true });
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect
      .poll(() => page.locator('patient-banner h2').textContent(), { timeout: 30_000 })
      .toBe('Grace Meetsall');
    await page.close();
  });

  it('a server without MedicationStatement: the app reads MedicationRequest and says so', async () => {
    const page = await browser.context.newPage();
    const launch = stack.sandbox.createLaunch('meets-all', 'case-manager', { noMedicationStatement: true });
    await page.goto(stack.sandbox.launchUrl(launch));
    await page
      .getByText(/Source: MedicationRequest/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.close();
  });

  it('the hostile-text patient: payloads show as text and no script runs', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    const launch = stack.sandbox.createLaunch('hostile-text', 'case-manager');
    await page.goto(stack.sandbox.launchUrl(launch));
    await expect
      .poll(() => page.locator('patient-banner h2').textContent(), { timeout: 30_000 })
      .toContain('<script>alert("xss")</script>');
    expect(await page.locator('patient-banner img').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'hostile-text-1440.png') });
    expect(seen.dialogs).toEqual([]);
    await page.close();
  });

  it('runs embedded in an EHR frame (iframe, 1024 px side panel)', async () => {
    const page = await browser.context.newPage();
    const launchUrl = stack.sandbox.launchUrl(stack.sandbox.createLaunch('meets-all', 'case-manager'));
    await page.goto(`${stack.app}/test-ehr-frame.html?src=${encodeURIComponent(launchUrl)}`);
    const frame = page.frameLocator('iframe');
    await frame.locator('patient-banner h2').waitFor({ timeout: 60_000 });
    expect(await frame.locator('patient-banner h2').textContent()).toBe('Grace Meetsall');
    await page.screenshot({ path: join(artifacts, 'iframe-1024.png') });
    await page.close();
  });

  it('authorize refuses an unregistered redirect_uri without redirecting, and a request without PKCE', async () => {
    const page = await browser.context.newPage();
    const base = `${stack.sandbox.origin}/auth/authorize`;
    const common = {
      response_type: 'code',
      client_id: 'g9012-app',
      scope: 'launch/patient openid fhirUser patient/*.rs',
      state: 'abcdefghijklmnopqrstuvwxyz012345',
      aud: stack.sandbox.fhirBase,
    };
    const badRedirect = new URLSearchParams({
      ...common,
      redirect_uri: 'https://attacker.example/steal',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const first = await page.goto(`${base}?${badRedirect}`);
    expect(first?.status()).toBe(400);
    expect(new URL(page.url()).origin).toBe(stack.sandbox.origin);

    // A registered redirect_uri may receive the error, but never a code.
    const noPkce = new URLSearchParams({ ...common, redirect_uri: `${stack.app}/` });
    const second = await page.request.get(`${base}?${noPkce}`, { maxRedirects: 0 });
    const location = second.headers().location ?? '';
    expect(second.status() >= 400 || location.includes('error=')).toBe(true);
    expect(location).not.toContain('code=');
    await page.close();
  });
});
