/**
 * Bulk review at population scale: 1,000 drafts generated with the app's builders, reviewed by the real CLI
 * in a child process on two worker threads. Peak memory is the child's own `process.resourceUsage().maxRSS`
 * (main thread and workers together), which the CLI prints when `G9012_REPORT_MAXRSS=1`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBulkFolder } from './bulk-folder.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/g9012.js');
const DRAFTS = 1000;
/** The stated bound: two workers and the main thread stay under 800 MB whatever the number of drafts. */
const PEAK_RSS_BOUND_MB = 800;

let dir: string;

function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'review', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Date.now() - started,
      }),
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'g9012-bulk-review-'));
  mkdirSync(join(dir, 'big'));
  mkdirSync(join(dir, 'small'));
  await writeBulkFolder(join(dir, 'big'), DRAFTS, { breakEvery: 250 });
  await writeBulkFolder(join(dir, 'small'), 3);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('bulk review of an NDJSON folder', () => {
  it(`reviews ${DRAFTS} drafts on two workers under ${PEAK_RSS_BOUND_MB} MB, with progress`, async () => {
    const r = await runCli([join(dir, 'big'), '--workers', '2'], {
      G9012_REPORT_MAXRSS: '1',
      G9012_PROGRESS: '1',
    });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(DRAFTS);
    const inconsistent = lines
      .map((l) => JSON.parse(l) as { ref: string; consistent: boolean; discrepancies: string[] })
      .filter((l) => !l.consistent);
    expect(inconsistent.map((l) => l.ref)).toEqual([250, 500, 750, 1000].map((i) => `Claim/claim-bulk-${i}`));
    expect(inconsistent[0]?.discrepancies[0]).toBe(
      'The draft says care-coordination was met by Communication/bulk-250-letter, which no longer exists (not found).',
    );
    expect(r.stderr).toContain(`reviewed ${DRAFTS}/${DRAFTS} drafts, `);
    expect(r.stderr).toMatch(/\/s, about \d+ s left/);
    const peak = Number(/peak RSS (\d+) MB/.exec(r.stderr)?.[1]);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(PEAK_RSS_BOUND_MB);
    console.info(
      `bulk review: ${DRAFTS} drafts in ${r.ms} ms (${((DRAFTS * 1000) / r.ms).toFixed(1)} drafts/s wall, start-up included), peak RSS ${peak} MB`,
    );
  }, 240_000);

  it('is silent on stderr when stderr is not a terminal', async () => {
    const r = await runCli([join(dir, 'small'), '--workers', '1'], {});
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.stderr).toBe('');
  }, 120_000);
});
