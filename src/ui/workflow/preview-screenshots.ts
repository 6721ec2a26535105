/**
 * Screenshots of the preview page at 1440 and 1024 px wide, in Debian Chromium via playwright-core.
 * Run with a dev server already up: `PREVIEW_URL=http://127.0.0.1:PORT npx tsx src/ui/workflow/preview-screenshots.ts`.
 * Saves PNGs (and a print PDF) under `test/artifacts/workflow/` and prints any console error or page error.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.env.PREVIEW_URL ?? 'http://127.0.0.1:5173';
const out = 'test/artifacts/workflow';
const sources = (process.env.PREVIEW_SOURCES ?? 'fixture').split(',');
const widths = [1440, 1024];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const source of sources) {
    for (const width of widths) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      page.on('console', (message) => {
        if (message.type() === 'error') {
          console.log(`[${source} ${width}] console error: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => console.log(`[${source} ${width}] page error: ${error.message}`));
      await page.goto(`${base}/src/ui/workflow/preview.html?source=${encodeURIComponent(source)}`);
      await page.waitForSelector('criteria-list');
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${out}/${source}-${width}.png`, fullPage: true });
      if (width === 1440 && source === sources[0]) {
        await page.screenshot({ path: `${out}/${source}-${width}-fold.png` });
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: `${out}/${source}-print.png`, fullPage: true });
        await page.emulateMedia({ media: 'screen' });
        await page.pdf({ path: `${out}/${source}-print.pdf`, format: 'Letter' });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${out}`);
