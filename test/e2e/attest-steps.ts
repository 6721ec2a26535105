/**
 * The attest steps the end-to-end tests share. They come in two halves, so a test can check the open
 * dialog (axe, a screenshot, a page scan) before filling it.
 */
import type { Locator, Page } from 'playwright-core';

/** Opens the Attest dialog of the first criterion that offers it, and waits for it. */
export async function openFirstAttest(page: Page): Promise<Locator> {
  await page
    .getByRole('button', { name: /^Attest/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

/** Writes the note in the open dialog and confirms the attestation. */
export async function confirmAttest(dialog: Locator, note: string): Promise<void> {
  await dialog.getByRole('textbox').first().fill(note);
  await dialog
    .getByRole('button', { name: /attest/i })
    .last()
    .click();
}
