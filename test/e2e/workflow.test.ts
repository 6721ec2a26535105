/**
 * End to end in real Chromium: launch → evaluate → attest → write a draft → it exists on the sandbox server
 * once, whatever the clicks and reloads; a missing write scope; the keyboard; axe; no PHI or tokens leaked.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmAttest, openFirstAttest } from './attest-steps.ts';
import { type BrowserSession, hasChromium, startBrowser } from './browser.ts';
import { type Stack, startStack } from './stack.ts';

const artifacts = join(import.meta.dirname, '../artifacts');
mkdirSync(artifacts, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The scenario patients' activity is in November 2026; the browser's clock and the sandbox agree on that day.
const TODAY = '2026-11-20';

interface Focused {
  tag: string;
  text: string;
  value: string;
  testid: string;
}

/** Presses Tab until the focused element (through shadow roots) matches, at most 120 times. */
async function tabTo(page: Page, wanted: (el: Focused) => boolean): Promise<boolean> {
  for (let i = 0; i < 120; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((): Focused => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) {
        active = active.shadowRoot.activeElement;
      }
      return {
        tag: active?.tagName ?? '',
        text: active?.textContent?.trim() ?? '',
        value: (active as HTMLInputElement | null)?.value ?? '',
        testid: active?.getAttribute('data-testid') ?? '',
      };
    });
    if (wanted(focused)) {
      return true;
    }
  }
  return false;
}

describe.skipIf(!hasChromium)(
  'G9012 workflow in Chromium against the sandbox EHR',
  { timeout: 120_000 },
  () => {
    let stack: Stack;
    let browser: BrowserSession;

    beforeAll(async () => {
      stack = await startStack({ now: TODAY });
      browser = await startBrowser();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await stack?.close();
    });

    const search = (query: string) => stack.search(query);

    async function launch(patient: string, settings: Record<string, boolean> = {}): Promise<Page> {
      const page = await browser.context.newPage();
      await page.clock.setFixedTime(new Date(`${TODAY}T15:00:00Z`));
      // Records Content-Security-Policy violations, so a test can assert there were none.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (event) =>
          seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
        );
      });
      await page.goto(stack.sandbox.launchUrl(stack.sandbox.createLaunch(patient, 'case-manager', settings)));
      await page
        .getByText(/Ready to draft|Incomplete|Not billable/)
        .first()
        .waitFor({ timeout: 60_000 });
      return page;
    }

    async function axeViolations(page: Page): Promise<string[]> {
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(): Promise<{ violations: Array<{ id: string; impact: string }> }> };
          }
        ).axe;
        return (await axe.run()).violations.map((v) => `${v.impact}: ${v.id}`);
      });
      return result.filter((v) => v.startsWith('serious') || v.startsWith('critical'));
    }

    it('attest → write a ChargeItem → exactly one ChargeItem and one Provenance, after a second click and a reload', async () => {
      const page = await launch('missing-care-coordination');
      const consoleLines: string[] = [];
      page.on('console', (message) => consoleLines.push(message.text()));
      await page.getByText('Incomplete').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(artifacts, 'workflow-incomplete-1440.png') });

      const dialog = await openFirstAttest(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(artifacts, 'attest-dialog-1440.png') });
      await confirmAttest(dialog, 'Called the cardiology office on 12 Nov to align the diuretic plan.');
      await page.getByText('Ready to draft').first().waitFor({ timeout: 30_000 });

      await page.getByLabel(/11 — Office/).check();
      const write = page.locator('[data-testid=write-draft]');
      await expect.poll(() => write.isEnabled(), { timeout: 30_000 }).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(artifacts, 'draft-panel-1440.png'), fullPage: true });
      await write.click();
      await page.locator('[data-testid=write-result]').waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-testid=write-result]').textContent()).toMatch(/ChargeItem\//);

      const first = await search('ChargeItem?subject=Patient/missing-care-coordination');
      expect(first.entry?.length).toBe(1);
      const chargeItem = first.entry?.[0]?.resource as unknown as {
        code: { coding: Array<{ code: string }> };
        subject: { reference: string };
        status: string;
      };
      expect(chargeItem.code.coding[0]?.code).toBe('G9012');
      expect(chargeItem.subject.reference).toBe('Patient/missing-care-coordination');
      expect(chargeItem.status).toBe('planned');

      // A second click and a reload must not make a second draft.
      if (await write.isEnabled()) {
        await write.click();
        await page.waitForTimeout(1_000);
      }
      await page.reload();
      await page
        .getByText(/Ready to draft|Incomplete/)
        .first()
        .waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1_000);
      expect((await search('ChargeItem?subject=Patient/missing-care-coordination')).entry?.length).toBe(1);
      const provenance = await search(`Provenance?target=ChargeItem/${first.entry?.[0]?.resource.id}`);
      expect(provenance.entry?.length).toBe(1);

      expect(
        await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
      ).toEqual([]);
      const logged = consoleLines.join('\n');
      expect(logged).not.toContain('Variant');
      expect(logged).not.toContain('I50.9');
      await page.close();
    });

    it('writes a Claim for a patient with Coverage: one Claim and one Provenance, also after a reload', async () => {
      const page = await launch('meets-all');
      await page.getByLabel('Claim (draft claim)').check();
      await page.getByLabel(/11 — Office/).check();
      const write = page.locator('[data-testid=write-draft]');
      await expect.poll(() => write.isEnabled(), { timeout: 30_000 }).toBe(true);
      await write.click();
      await page.locator('[data-testid=write-result]').waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-testid=write-result]').textContent()).toMatch(/Claim\//);
      await page.reload();
      await page
        .getByText(/Ready to draft|Incomplete/)
        .first()
        .waitFor({ timeout: 60_000 });
      const claims = await search('Claim?patient=Patient/meets-all');
      expect(claims.entry?.length).toBe(1);
      const provenance = await search(`Provenance?target=Claim/${claims.entry?.[0]?.resource.id}`);
      expect(provenance.entry?.length).toBe(1);
      await page.close();
    });

    it('without a granted write scope, Write is disabled and the reason is shown', async () => {
      const page = await launch('meets-all', { readOnlyScopes: true });
      await page.getByLabel(/11 — Office/).check();
      const write = page.locator('[data-testid=write-draft]');
      await write.waitFor();
      expect(await write.isDisabled()).toBe(true);
      await page
        .getByText(/ChargeItem\.c|ChargeItem\.write|write scope|not granted/i)
        .first()
        .waitFor();
      await page.screenshot({ path: join(artifacts, 'write-blocked-1440.png') });
      await page.close();
    });

    it('the tokens stay in sessionStorage: not in the URL, localStorage, or the console', async () => {
      const page = await launch('meets-all');
      const logged: string[] = [];
      page.on('console', (message) => logged.push(message.text()));
      const storage = await page.evaluate(() => ({
        session: JSON.stringify({ ...sessionStorage }),
        local: JSON.stringify({ ...localStorage }),
      }));
      const token = /"access_token":"([^"]+)"/.exec(storage.session.replaceAll('\\"', '"'))?.[1];
      expect(token).toBeDefined();
      expect(storage.local).not.toContain(token);
      expect(page.url()).not.toContain(token);
      await page.reload();
      await page
        .getByText(/Ready to draft|Incomplete/)
        .first()
        .waitFor({ timeout: 60_000 });
      expect(logged.join('\n')).not.toContain(token);
      await page.close();
    });

    it('works at a 1024 px EHR side panel width, and from the keyboard alone: attest, then write', async () => {
      const page = await launch('missing-care-coordination');
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.screenshot({ path: join(artifacts, 'workflow-1024.png') });
      expect(await tabTo(page, (el) => /^Attest/.test(el.text) && el.tag === 'BUTTON')).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      await page.keyboard.type('Phoned the home health agency about the visit schedule.');
      await page.screenshot({ path: join(artifacts, 'keyboard-attest-1024.png') });
      await page.keyboard.press('Tab'); // Cancel
      await page.keyboard.press('Tab'); // Attest (submit)
      await page.keyboard.press('Enter');
      await page.getByText('Ready to draft').first().waitFor({ timeout: 30_000 });
      expect(await tabTo(page, (el) => el.tag === 'INPUT' && el.value === '11')).toBe(true);
      await page.keyboard.press('Space');
      expect(await tabTo(page, (el) => el.testid === 'write-draft')).toBe(true);
      await expect
        .poll(() => page.locator('[data-testid=write-draft]').isEnabled(), { timeout: 30_000 })
        .toBe(true);
      await page.keyboard.press('Enter');
      await page.locator('[data-testid=write-result]').waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-testid=write-result]').textContent()).toMatch(/ChargeItem\//);
      await page.screenshot({ path: join(artifacts, 'keyboard-written-1024.png') });
      await page.close();
    });
  },
);
