/**
 * End to end in real Chromium: at 1440×900, a typical patient's first view (no scrolling) shows the readiness
 * headline, the count of warnings (the list itself is lower down), every documentation criterion and the
 * draft's Write button, and the Write button can be clicked where it is drawn (the draft panel's own scroll
 * box does not hide it).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, hasChromium, startBrowser } from './browser.ts';
import { type Stack, startStack } from './stack.ts';

const artifacts = join(import.meta.dirname, '../artifacts');
mkdirSync(artifacts, { recursive: true });

const TODAY = '2026-11-20';

interface FirstView {
  readonly viewport: number;
  readonly headline?: { top: number; bottom: number };
  readonly pointer?: { bottom: number; text: string };
  readonly criteria: readonly { id: string; bottom: number }[];
  readonly write?: { bottom: number; hit: boolean };
}

describe.skipIf(!hasChromium)('first view at 1440×900', { timeout: 120_000 }, () => {
  let stack: Stack;
  let browser: BrowserSession;

  beforeAll(async () => {
    stack = await startStack({ now: TODAY });
    browser = await startBrowser({ width: 1440, height: 900 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows the readiness headline, all 14 criteria and Write without scrolling (meets-all)', async () => {
    const page = await browser.context.newPage();
    await page.clock.setFixedTime(new Date(`${TODAY}T15:00:00Z`));
    await page.goto(stack.sandbox.launchUrl(stack.sandbox.createLaunch('meets-all', 'case-manager')));
    await page.getByText('Ready to draft').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=write-draft]').waitFor();
    await page.screenshot({ path: join(artifacts, 'first-view-1440x900.png') });

    const view = await page.evaluate((): FirstView => {
      const within = (root: Document | ShadowRoot, selector: string): Element[] => [
        ...root.querySelectorAll(selector),
        ...[...root.querySelectorAll('*')].flatMap((el) =>
          el.shadowRoot ? within(el.shadowRoot, selector) : [],
        ),
      ];
      const headline = within(document, '.headline')[0];
      const criteria = within(document, 'criterion-item').map((item) => ({
        id: (item as HTMLElement & { criterion?: { id: string } }).criterion?.id ?? '',
        bottom: item.shadowRoot?.querySelector('.text')?.getBoundingClientRect().bottom ?? Number.NaN,
      }));
      const write = within(document, '[data-testid=write-draft]')[0];
      const pointer = within(document, '.warning-pointer')[0];
      let hit = false;
      if (write) {
        const box = write.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        let found: Element | null = document.elementFromPoint(x, y);
        while (found?.shadowRoot) {
          const inner = found.shadowRoot.elementFromPoint(x, y);
          if (!inner || inner === found) {
            break;
          }
          found = inner;
        }
        hit = found === write || (found !== null && write.contains(found));
      }
      const box = headline?.getBoundingClientRect();
      return {
        viewport: window.innerHeight,
        ...(box ? { headline: { top: box.top, bottom: box.bottom } } : {}),
        ...(pointer
          ? { pointer: { bottom: pointer.getBoundingClientRect().bottom, text: pointer.textContent ?? '' } }
          : {}),
        criteria,
        ...(write ? { write: { bottom: write.getBoundingClientRect().bottom, hit } } : {}),
      };
    });

    expect(view.headline?.bottom).toBeLessThanOrEqual(view.viewport);
    expect(view.pointer?.text.replace(/\s+/g, ' ')).toMatch(
      /\d+ warnings?, \d+ not published — verify with payer/,
    );
    expect(view.pointer?.bottom).toBeLessThanOrEqual(view.viewport);
    expect(view.criteria).toHaveLength(14);
    expect(view.criteria.filter((c) => !(c.bottom <= view.viewport)).map((c) => c.id)).toEqual([]);
    expect(view.write?.bottom).toBeLessThanOrEqual(view.viewport);
    expect(view.write?.hit).toBe(true);
    await page.close();
  });
});
