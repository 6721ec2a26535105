/**
 * End to end in real Chromium (issue 9 item 6): two tabs on the same patient and month, each launched from
 * the EHR, both attest different notes and press Write at the same moment. The server ends with one draft and
 * one Provenance. The tab whose note is in it shows it written; the other says the draft was already written
 * without its note, and keeps that note for the user.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../../mocks/patients/index.ts';
import { confirmAttest, openFirstAttest } from './attest-steps.ts';
import { type BrowserSession, hasChromium, startBrowser } from './browser.ts';
import { type Stack, startStack } from './stack.ts';

// The scenario patients' activity is in November 2026; the browser's clock and the sandbox agree on that day.
const TODAY = '2026-11-20';
const PATIENT = 'missing-care-coordination';
const NOTES = [
  'Called the cardiology office on 12 Nov to align the diuretic plan.',
  'Faxed the discharge summary to the home health agency on 13 Nov.',
];

describe.skipIf(!hasChromium)('two tabs write the same draft at once', { timeout: 90_000 }, () => {
  let stack: Stack;
  let browser: BrowserSession;

  beforeAll(async () => {
    const scenario = scenarios.find((s) => s.id === PATIENT);
    [stack, browser] = await Promise.all([
      startStack({
        now: TODAY,
        bundles: scenario ? [{ name: PATIENT, bundle: scenario.bundle as never }] : [],
      }),
      startBrowser(),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const search = (query: string) => stack.search(query);

  /** A new tab whose clock says TODAY (one at a time: installing clocks in parallel races in Playwright). */
  async function newTab(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.clock.setFixedTime(new Date(`${TODAY}T15:00:00Z`));
    return page;
  }

  /** Launches the tab from the EHR, attests the missing criterion with `note`, and waits until Write is enabled. */
  async function readyTab(page: Page, note: string): Promise<Page> {
    await page.goto(stack.sandbox.launchUrl(stack.sandbox.createLaunch(PATIENT, 'case-manager')));
    await page.getByText('Incomplete').first().waitFor({ timeout: 60_000 });
    await confirmAttest(await openFirstAttest(page), note);
    await page.getByText('Ready to draft').first().waitFor({ timeout: 30_000 });
    await page.getByLabel(/11 — Office/).check();
    await expect
      .poll(() => page.locator('[data-testid=write-draft]').isEnabled(), { timeout: 30_000 })
      .toBe(true);
    return page;
  }

  /** The tab's unsaved work for the month, as kept in its sessionStorage. */
  function storedWork(tab: Page): Promise<string> {
    return tab.evaluate(() =>
      Object.keys(sessionStorage)
        .filter((key) => key.startsWith('g9012:work:'))
        .map((key) => sessionStorage.getItem(key) ?? '')
        .join('\n'),
    );
  }

  it('both press Write together: one ChargeItem and one Provenance; one tab shows it written, the other keeps its note', async () => {
    const blank = [await newTab(), await newTab()];
    const tabs = await Promise.all(blank.map((page, i) => readyTab(page, NOTES[i] ?? '')));
    const posts = tabs.map(() => 0);
    tabs.forEach((tab, i) => {
      tab.on('request', (request) => {
        if (request.method() === 'POST' && request.url().startsWith(stack.sandbox.fhirBase)) {
          posts[i] = (posts[i] ?? 0) + 1;
        }
      });
    });
    await Promise.all(tabs.map((tab) => tab.locator('[data-testid=write-draft]').click()));

    const shown = await Promise.all(
      tabs.map(async (tab) => {
        const result = tab.locator('[data-testid=write-result]');
        await result.waitFor({ timeout: 30_000 });
        return {
          text: (await result.textContent()) ?? '',
          state: await tab.locator('[data-testid=draft-panel]').getAttribute('data-write-state'),
        };
      }),
    );
    // Each tab sent its own write (a transaction of conditional creates).
    expect(posts).toEqual([1, 1]);
    const drafts = await search(`ChargeItem?patient=Patient/${PATIENT}`);
    expect(drafts.entry).toHaveLength(1);
    const id = drafts.entry?.[0]?.resource.id ?? '';
    for (const tab of shown) {
      expect(tab.text).toContain(`ChargeItem/${id}`);
    }
    expect((await search(`Provenance?target=ChargeItem/${id}`)).entry).toHaveLength(1);
    // The draft carries one tab's attestation whole, never a mix of the two.
    const notes = JSON.stringify(drafts.entry?.[0]?.resource.note ?? []);
    expect(NOTES.filter((note) => notes.includes(note))).toHaveLength(1);

    // The tab whose note is in the draft shows "Written" and clears its saved work.
    const winner = NOTES.findIndex((note) => notes.includes(note));
    const loser = 1 - winner;
    expect(shown.map((tab) => tab.state).sort()).toEqual(['already-written', 'written']);
    expect(shown[winner]?.state).toBe('written');
    expect(shown[winner]?.text).toContain(`Written: ChargeItem/${id}`);
    expect(await storedWork(tabs[winner] as Page)).toBe('');
    // The other says the draft was already written without its note, and keeps the note.
    expect(shown[loser]?.state).toBe('already-written');
    expect(shown[loser]?.text).toContain(
      `Already written: ChargeItem/${id} was saved earlier (by another tab or session). Your notes were not added to it`,
    );
    expect(shown[loser]?.text).not.toContain('Written:');
    expect(await storedWork(tabs[loser] as Page)).toContain(NOTES[loser]);
    await (tabs[loser] as Page)
      .getByText(NOTES[loser] ?? '')
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 });

    // Pressing Write again in either tab, or reloading it, still leaves one of each.
    for (const tab of tabs) {
      const write = tab.locator('[data-testid=write-draft]');
      if (await write.isEnabled()) {
        await write.click();
        await tab
          .locator(
            '[data-testid=draft-panel]:is([data-write-state=written], [data-write-state=already-written])',
          )
          .waitFor({ timeout: 30_000 });
      }
      await tab.reload();
      await tab
        .getByText(/Ready to draft|Incomplete/)
        .first()
        .waitFor({ timeout: 60_000 });
    }
    expect((await search(`ChargeItem?patient=Patient/${PATIENT}`)).entry).toHaveLength(1);
    expect((await search(`Provenance?target=ChargeItem/${id}`)).entry).toHaveLength(1);
    // The note that is not in the draft survives the reload too.
    expect(await storedWork(tabs[loser] as Page)).toContain(NOTES[loser]);
    await Promise.all(tabs.map((tab) => tab.close()));
  });
});
