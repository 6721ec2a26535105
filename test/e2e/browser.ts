/**
 * Debian Chromium driven by playwright-core, for the end-to-end tests. Never a downloaded browser.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { describeLeaks, type LabelledText, loadPhiTerms } from '../setup/phi-terms.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run here; CI installs Debian chromium so this is true there. */
export const hasChromium = existsSync(CHROMIUM_PATH);

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * A fresh browser profile; `close()` ends the browser and deletes the profile, and then fails if any page
 * wrote patient data (a name, identifier, birth date or condition code the sandbox seeds) to its console
 * or threw it in an error: issue 9, no PHI in logs.
 */
export interface BrowserSession {
  readonly context: BrowserContext;
  /** Every console message and uncaught page error of every page, in order. */
  readonly console: readonly LabelledText[];
  close(): Promise<void>;
}

/** Options for `startBrowser` beyond the viewport. */
export interface BrowserOptions {
  /** Ignore the pages' Content-Security-Policy (the XSS test checks the rendering without that guard). */
  readonly bypassCSP?: boolean;
}

/** Starts Chromium with a new empty profile. */
export async function startBrowser(
  viewport = { width: 1440, height: 900 },
  options: BrowserOptions = {},
): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'g9012-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport,
    bypassCSP: options.bypassCSP ?? false,
  });
  const console: LabelledText[] = [];
  context.on('console', (message) =>
    console.push({ label: `page console.${message.type()}`, text: message.text() }),
  );
  context.on('weberror', (error) => console.push({ label: 'page error', text: String(error.error()) }));
  return {
    context,
    console,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      const leaks = describeLeaks(console, await loadPhiTerms());
      if (leaks.length > 0) {
        throw new Error(`patient data on the browser console: ${leaks.join(' | ')}`);
      }
    },
  };
}
