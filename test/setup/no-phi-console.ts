/**
 * Vitest setup file (issue 9 item 7, "No PHI in logs"): in every test file, records what is written through
 * console.log/info/warn/error/debug and, after the file, fails it if any of that text carries a synthetic
 * patient's name, identifier, birth date or Condition code (see `phi-terms.ts`). The failure names the
 * console call and where the term comes from, never the term.
 */
import { afterAll } from 'vitest';
import { clearConsoleRecords, consoleRecords, installConsoleCapture } from './console-capture.ts';
import { describeLeaks, loadPhiTerms } from './phi-terms.ts';

// Setup files run before each test file is imported, so this also catches output at a file's top level.
installConsoleCapture();
clearConsoleRecords();

// Registered before the file's own hooks, so it runs after them (vitest runs after-hooks in stack order).
afterAll(async () => {
  const records = consoleRecords().map((r) => ({ label: `console.${r.method}`, text: r.text }));
  clearConsoleRecords();
  if (records.length === 0) {
    return;
  }
  const leaks = describeLeaks(records, await loadPhiTerms());
  if (leaks.length > 0) {
    throw new Error(
      `No PHI in logs: ${leaks.length} console call(s) in this test file carry synthetic patient data:\n  ${leaks.join('\n  ')}`,
    );
  }
});
