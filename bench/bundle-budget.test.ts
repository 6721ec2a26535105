/**
 * The bundle budget (not a timing test): the JS the first screen loads, in gzip bytes, may be at most the
 * floor build's (one Lit element, fhirclient's ready(), one zod schema, same vite settings) plus the budget
 * in budget.ts (the target is 25 KB; the enforced figure and why are there). Both are built into temporary
 * folders in this run, so the budget follows the floor's own dependencies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUDGET_OVER_FLOOR_BYTES } from './budget.ts';
import { buildApp, buildFloor } from './bundle-size.ts';

const dir = mkdtempSync(join(tmpdir(), 'g9012-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bundle budget', () => {
  it('keeps the initial JS within the floor plus the budget (gzip)', { timeout: 180_000 }, async () => {
    const floor = await buildFloor(join(dir, 'floor'));
    const app = await buildApp(join(dir, 'app'));
    expect(floor.initialGzipBytes).toBeGreaterThan(10_000);
    expect(app.initialFiles.length).toBeGreaterThan(0);
    const budget = floor.initialGzipBytes + BUDGET_OVER_FLOOR_BYTES;
    expect(
      app.initialGzipBytes,
      `initial JS ${app.initialGzipBytes} B (${app.initialFiles.join(', ')}) > floor ${floor.initialGzipBytes} B + ${BUDGET_OVER_FLOOR_BYTES} B`,
    ).toBeLessThanOrEqual(budget);
  });
});
