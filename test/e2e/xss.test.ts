/**
 * End to end in real Chromium (issue 9, XSS): a patient with an XSS payload in every string the app shows,
 * launched from the sandbox EHR and taken through the workflow, the attest dialog (a payload as the note),
 * the draft panel, a write refused with a hostile OperationOutcome, a write, the payer review (from the
 * server and from a hostile file) and the sandbox's own pages; a Patient read and a search refused with
 * hostile OperationOutcomes; payloads in the launch `iss` and the OAuth `error`. No payload may run, no
 * dialog may open, no markup may be injected, no Content-Security-Policy violation may occur, and the
 * payloads must show as literal text. The screens are run again with the CSP bypassed, where an injected
 * handler would run, so the rendering itself is shown safe and not only the CSP.
 */
import type { Bundle as MedplumBundle, Resource } from '@medplum/fhirtypes';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmAttest, openFirstAttest } from './attest-steps.ts';
import { type BrowserSession, hasChromium, startBrowser } from './browser.ts';
import { type Stack, startStack } from './stack.ts';
import {
  NARRATIVE_ELEMENT_ID,
  NARRATIVE_MARKER,
  XSS_PATIENT,
  xssOperationOutcome,
  xssPatient,
  xssReviewFile,
  xssUser,
} from './xss-patient.ts';
import { PayloadDealer, payload, XSS_PAYLOADS } from './xss-payloads.ts';

// The scenario patients' activity is in November 2026; the browser's clock and the sandbox agree on that day.
const TODAY = '2026-11-20';

/**
 * The places whose payload must show, literally, somewhere on screen: every field the app reads and shows.
 * (The rest of the patient's payloads sit in fields the app does not read, such as notes and narrative.)
 */
const SHOWN_PLACES = [
  'patient.given',
  'patient.family',
  'patient.gender',
  ...XSS_PAYLOADS.map((p) => `corpus-condition.${p.id}`),
  'corpus-coding.system',
  'corpus-coding.code',
  ...[0, 1, 2, 3].flatMap((i) => [`condition-${i}.text`, `condition-${i}.snomed-display`]),
  ...[0, 1, 2].map((i) => `condition-${i}.icd-display`),
  'medication-statement.text',
  'procedure.text',
  'observation-0.text',
  'observation-1.text',
  'care-plan.title',
  'care-plan.category',
  'goal-0.description',
  'goal-1.description',
  'encounter.type',
  'communication.topic',
  'communication.category',
  'coverage.payor-display',
  'coverage.type',
  'coverage.subscriber-id',
  'payer-acme.name',
  'user.given',
  'user.family',
  'user.qualification',
  'attest.note',
  'read-outcome.diagnostics',
  'read-outcome.diagnostics-2',
  'write-outcome.diagnostics',
  'write-outcome.diagnostics-2',
  'patient-outcome.diagnostics',
  'patient-outcome.diagnostics-2',
  'review.agent-type',
  'review.agent-display',
  'url.iss',
  'url.error',
];

/** What a deep scan of the page (through every shadow root) finds. */
interface Scan {
  /** Every text node's data, joined by NUL so no match spans two nodes. */
  readonly text: string;
  /** Elements or attributes that only injected markup could have made. */
  readonly injected: string[];
}

/** Walks the document and every shadow root: text, and anything that looks like injected markup. */
function scanPage(page: Page, narrativeId: string): Promise<Scan> {
  return page.evaluate((narrativeElementId) => {
    // Tags the app never renders: any of them in the body or a shadow root came from data.
    const foreignTags = new Set([
      'SCRIPT',
      'IFRAME',
      'FRAME',
      'OBJECT',
      'EMBED',
      'IMG',
      'MATH',
      'MTEXT',
      'MGLYPH',
      'VIDEO',
      'AUDIO',
      'SOURCE',
      'BASE',
      'META',
      'NOSCRIPT',
      'MARQUEE',
      'ANIMATE',
      'STYLE',
      'LINK',
    ]);
    const texts: string[] = [];
    const injected: string[] = [];
    const visit = (root: Node): void => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          texts.push((node as Text).data);
          continue;
        }
        const el = node as Element;
        const tag = el.tagName.toUpperCase();
        if (foreignTags.has(tag)) {
          injected.push(`<${el.tagName}>`);
        }
        if (el.id === narrativeElementId) {
          injected.push('narrative element');
        }
        for (const attr of Array.from(el.attributes)) {
          const value = attr.value.trim().toLowerCase();
          if (attr.name.toLowerCase().startsWith('on')) {
            injected.push(`<${el.tagName} ${attr.name}>`);
          }
          if (
            attr.name === 'srcdoc' ||
            value.startsWith('javascript:') ||
            value.startsWith('data:text/html') ||
            value.includes('&#106;ava')
          ) {
            injected.push(`<${el.tagName} ${attr.name}=${attr.value.slice(0, 40)}>`);
          }
        }
        if (el.shadowRoot) {
          visit(el.shadowRoot);
        }
      }
    };
    visit(document.body);
    return { text: texts.join('\u0000'), injected };
  }, narrativeId);
}

describe.skipIf(!hasChromium)('XSS: no payload runs anywhere the app shows text', { timeout: 90_000 }, () => {
  const dealer = new PayloadDealer();
  const patient = xssPatient(dealer);
  const attestNote = dealer.make(payload('break-dq'), 'attest.note');
  const reviewFile = JSON.stringify(xssReviewFile(dealer));
  const reflectedIss = dealer.make(payload('iframe-srcdoc'), 'url.iss');
  // The app shows at most 80 characters of an OAuth error code.
  const reflectedError = dealer.make(payload('svg-onload'), 'url.error');
  const hits: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const scans: Scan[] = [];
  let stack: Stack;
  let browser: BrowserSession;

  /** Lets every page in `context` report a payload that ran and any Content-Security-Policy violation. */
  async function watch(context: BrowserContext): Promise<void> {
    await context.exposeFunction('xssHit', (where: string) => {
      hits.push(where);
    });
    await context.exposeFunction('cspReport', (line: string) => {
      cspViolations.push(line);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { cspReport?: (line: string) => void }).cspReport;
        report?.(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
      });
    });
  }

  beforeAll(async () => {
    stack = await startStack({
      now: TODAY,
      bundles: [{ name: 'xss', bundle: patient.bundle as unknown as MedplumBundle }],
    });
    // The sandbox writes its own staff after the seed: store the hostile signed-in user over them.
    for (const resource of xssUser('sandbox-physician', 'sandbox-physician-role', dealer)) {
      await stack.sandbox.repo.updateResource(resource as unknown as Resource & { id: string });
    }
    browser = await startBrowser();
    await watch(browser.context);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function newPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(`${TODAY}T15:00:00Z`));
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  /** Answers matching FHIR requests with `status` and a hostile OperationOutcome, as a hostile server would. */
  function outcome(status: number, place: string) {
    const body = JSON.stringify(xssOperationOutcome(dealer, place));
    return (route: Route): Promise<void> =>
      route.fulfill({
        status,
        headers: {
          'content-type': 'application/fhir+json',
          'access-control-allow-origin': stack.app,
        },
        body,
      });
  }

  function fhirPath(url: URL): string {
    return url.pathname.replace(/^\/fhir\/?/, '');
  }

  async function expectClean(page: Page, where: string): Promise<Scan> {
    const scan = await scanPage(page, NARRATIVE_ELEMENT_ID);
    expect(scan.injected, where).toEqual([]);
    expect(hits, where).toEqual([]);
    expect(dialogs, where).toEqual([]);
    return scan;
  }

  /** A page in `context` whose deep scans (each asserted clean) are kept, to look for the payloads after. */
  async function scannedPage(
    context: BrowserContext,
  ): Promise<{ page: Page; clean(where: string): Promise<void> }> {
    const page = await newPage(context);
    return {
      page,
      clean: async (where) => {
        scans.push(await expectClean(page, where));
      },
    };
  }

  /**
   * EHR launch of the XSS patient as the physician (so `case-manager` is missing and can be attested), with
   * one search answered by a hostile OperationOutcome (shown in the data notes); every evidence list opened;
   * the attest dialog; an attestation whose note is a payload.
   */
  async function launchAndAttest(page: Page, clean: (where: string) => Promise<void>): Promise<void> {
    await page.route((url) => fhirPath(url) === 'QuestionnaireResponse', outcome(400, 'read-outcome'));
    await page.goto(stack.sandbox.launchUrl(stack.sandbox.createLaunch(XSS_PATIENT, 'physician')));
    await page
      .getByText(/Ready to draft|Incomplete|Not billable/)
      .first()
      .waitFor({ timeout: 60_000 });
    for (const toggle of await page.getByRole('button', { name: /^Evidence/ }).all()) {
      await toggle.click();
    }
    await clean('workflow screen');
    // The app shows no narrative: its text and elements never reach the page.
    expect(scans.at(-1)?.text).not.toContain(NARRATIVE_MARKER);

    const dialog = await openFirstAttest(page);
    await clean('attest dialog');
    await confirmAttest(dialog, attestNote);
    await dialog.waitFor({ state: 'hidden' });
    await clean('attested');
  }

  /**
   * The draft panel: a write the server refuses with a hostile OperationOutcome, then a write it takes; the
   * payer review of the written ChargeItem from the server and of a hostile draft file; the sandbox's own
   * launch page and written-resources page.
   */
  async function writeAndReview(page: Page, clean: (where: string) => Promise<void>): Promise<void> {
    await page.getByLabel(/11 — Office/).check();
    const write = page.locator('[data-testid=write-draft]');
    await expect.poll(() => write.isEnabled(), { timeout: 30_000 }).toBe(true);
    const refuse = outcome(422, 'write-outcome');
    const writes = (url: URL): boolean => ['', 'ChargeItem', 'Provenance'].includes(fhirPath(url));
    await page.route(writes, (route) =>
      route.request().method() === 'POST' ? refuse(route) : route.fallback(),
    );
    await write.click();
    const result = page.locator('[data-testid=write-result]');
    await expect.poll(() => result.getAttribute('role'), { timeout: 30_000 }).toBe('alert');
    await clean('write refused');
    await page.unroute(writes);
    await expect.poll(() => write.isEnabled(), { timeout: 30_000 }).toBe(true);
    await write.click();
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/ChargeItem\/[A-Za-z0-9.-]+/);
    const written = /ChargeItem\/[A-Za-z0-9.-]+/.exec((await result.textContent()) ?? '')?.[0] ?? '';
    await clean('written');

    await page.getByRole('button', { name: 'Review a Claim or ChargeItem' }).click();
    await page.locator('#reference').fill(written);
    await page.getByRole('button', { name: 'Open from server' }).click();
    await page.locator('review-report').first().waitFor({ timeout: 30_000 });
    await clean('review from the server');
    await page.locator('#file').setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(reviewFile),
    });
    await page.getByText('Provenance/xss-provenance').first().waitFor({ timeout: 30_000 });
    await clean('review of a hostile file');

    await page.goto(stack.sandbox.url);
    await clean('sandbox launch page');
    await page.goto(`${stack.sandbox.origin}/written/${XSS_PATIENT}`);
    await clean('sandbox written page');
  }

  /** The Patient read answered with 404 and a hostile OperationOutcome: the error notice shows it as text. */
  async function patientReadRefused(context: BrowserContext): Promise<void> {
    const { page, clean } = await scannedPage(context);
    await page.route((url) => fhirPath(url) === `Patient/${XSS_PATIENT}`, outcome(404, 'patient-outcome'));
    await page.goto(stack.sandbox.launchUrl(stack.sandbox.createLaunch(XSS_PATIENT, 'physician')));
    await page.locator('error-notice').waitFor({ timeout: 60_000 });
    await clean('patient read refused');
    await page.close();
  }

  /** Payloads reflected from URLs: a hostile `iss` on the launch page, a hostile OAuth `error` on return. */
  async function reflectedFromUrls(context: BrowserContext): Promise<void> {
    const { page, clean } = await scannedPage(context);
    const launch = new URLSearchParams({ iss: reflectedIss, launch: 'xss' });
    await page.goto(`${stack.app}/launch/launch.html?${launch}`);
    await page.locator('error-notice').waitFor({ timeout: 30_000 });
    await clean('launch page with a hostile iss');
    await page.goto(`${stack.app}/?${new URLSearchParams({ error: reflectedError, state: 'x' })}`);
    await page.locator('g9012-app error-notice').waitFor({ timeout: 30_000 });
    await clean('redirect with a hostile OAuth error');
    await page.close();
  }

  it('as shipped (with the CSP): every hostile string shows as text, nothing runs or is injected', async () => {
    const { page, clean } = await scannedPage(browser.context);
    await launchAndAttest(page, clean);
    await writeAndReview(page, clean);
    await page.close();
    await patientReadRefused(browser.context);
    await reflectedFromUrls(browser.context);

    const text = scans.map((scan) => scan.text).join('\u0000');
    const missing = SHOWN_PLACES.filter((place) => !text.includes(dealer.made.get(place) ?? '\u0001'));
    expect(missing).toEqual([]);
    // The app shows no narrative anywhere (it would need DOMPurify): not even as text.
    expect(text).not.toContain(NARRATIVE_MARKER);
    // Every payload in the corpus reached the screen as text at least once.
    const shownPayloads = new Set(
      [...dealer.made]
        .filter(([, made]) => text.includes(made))
        .map(([place]) => dealer.payloadAt.get(place)),
    );
    expect(XSS_PAYLOADS.filter((p) => !shownPayloads.has(p.id)).map((p) => p.id)).toEqual([]);
    expect(pageErrors.filter((message) => message.includes('xssHit'))).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('with the CSP bypassed, so an injected handler would run: still nothing runs', async () => {
    const unguarded = await startBrowser(undefined, { bypassCSP: true });
    try {
      await watch(unguarded.context);
      const { page, clean } = await scannedPage(unguarded.context);
      await launchAndAttest(page, clean);
      await page.close();
      // The error notice (the same element the refused Patient read fills) with payloads from the URLs.
      await reflectedFromUrls(unguarded.context);
    } finally {
      await unguarded.close();
    }
    expect(pageErrors.filter((message) => message.includes('xssHit'))).toEqual([]);
  });
});
