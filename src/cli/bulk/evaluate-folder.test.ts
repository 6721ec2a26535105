/**
 * `g9012 evaluate <folder>` through worker threads gives exactly what the main thread gives, in the same
 * order, whether the folder is read in one pass or in many.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBulkFolder } from '../../../bench/bulk-ndjson.ts';
import { BUILTIN_POLICIES } from '../../domain/builtin-policies.ts';
import type { RunSettings } from '../evaluate-render.ts';
import { evaluateFolder, INLINE_BELOW_PATIENTS } from './evaluate-folder.ts';

const PATIENTS = INLINE_BELOW_PATIENTS + 16;
const dir = mkdtempSync(join(tmpdir(), 'g9012-evaluate-folder-'));
const settings: RunSettings = {
  asOf: '2026-11-20',
  policies: BUILTIN_POLICIES,
  attestations: [],
  diagnoses: [],
  format: 'json',
};

async function run(workers: number, batchBytes?: number) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  await evaluateFolder(
    dir,
    settings,
    { workers, ...(batchBytes === undefined ? {} : { batchBytes }) },
    {
      stdout: { write: (s: string) => stdout.push(s) },
      stderr: { write: (s: string) => stderr.push(s) },
    },
  );
  return { stdout: stdout.join(''), stderr: stderr.join('') };
}

beforeAll(async () => {
  await writeBulkFolder(dir, PATIENTS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('evaluateFolder', () => {
  it('gives the same lines in the same order on two workers as in the main thread', async () => {
    const inline = await run(0);
    const lines = inline.stdout.trim().split('\n');
    expect(lines).toHaveLength(PATIENTS);
    expect(lines.map((l) => JSON.parse(l).patient)).toEqual(
      Array.from({ length: PATIENTS }, (_, i) => `Patient/bulk-${i}`),
    );
    expect(new Set(lines.map((l) => JSON.parse(l).status)).size).toBeGreaterThan(1);
    const threaded = await run(2);
    expect(threaded).toEqual(inline);
    const batched = await run(2, 64 * 1024);
    expect(batched).toEqual(inline);
  }, 60_000);
});
