import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBulkFolder } from '../../test/review/bulk-folder.ts';
import { changed, meetsAllClaim, without } from '../../test/review/draft-fixtures.ts';
import { runCli } from './testing.ts';

const CONTRACT_KEYS = ['ref', 'valid', 'issues', 'criteria', 'consistent', 'discrepancies'];
const EXAMPLE = join(import.meta.dirname, '../../test/review/fixtures/claim-example-100150.json');

let dir: string;
const file = (name: string) => join(dir, name);

const run = (args: string[]) => runCli(['review', ...args]);

function lines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'g9012-review-'));
  const { claim, download, evidence } = meetsAllClaim();
  writeFileSync(file('download.json'), JSON.stringify(download));
  writeFileSync(file('evidence.json'), JSON.stringify(evidence));
  writeFileSync(file('claim.json'), JSON.stringify(claim));
  writeFileSync(
    file('evidence-deleted.json'),
    JSON.stringify(without(evidence, 'Communication/meets-all-letter')),
  );
  writeFileSync(
    file('evidence-eie.json'),
    JSON.stringify(
      changed(
        evidence,
        'Communication/meets-all-letter',
        (r) => ({ ...r, status: 'entered-in-error' }) as typeof r,
      ),
    ),
  );
  writeFileSync(file('not-json.json'), '{"resourceType": "Claim",');
  writeFileSync(file('patient.json'), JSON.stringify({ resourceType: 'Patient', id: 'p' }));
  mkdirSync(file('bulk'));
  await writeBulkFolder(file('bulk'), 6, { breakEvery: 3 });
  mkdirSync(file('empty'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('g9012 review', () => {
  it('exit 0 and one contract line for a consistent draft with its evidence', async () => {
    const r = await run([file('download.json'), '--evidence', file('evidence.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [line, ...rest] = lines(r.stdout);
    expect(rest).toEqual([]);
    expect(Object.keys(line ?? {}).slice(0, CONTRACT_KEYS.length)).toEqual(CONTRACT_KEYS);
    expect(line).toMatchObject({ valid: true, issues: [], consistent: true, discrepancies: [] });
    expect(line?.criteria).toContainEqual({ id: 'care-coordination', claimed: 'met', now: 'met' });
  });

  it('exit 1 with the discrepancy when evidence was deleted or is now entered-in-error', async () => {
    const deleted = await run([file('claim.json'), '--evidence', file('evidence-deleted.json')]);
    expect(deleted.code).toBe(1);
    expect(lines(deleted.stdout)[0]?.discrepancies).toContain(
      'The draft says care-coordination was met by Communication/meets-all-letter, which no longer exists (not found).',
    );
    const eie = await run([file('claim.json'), '--evidence', file('evidence-eie.json')]);
    expect(eie.code).toBe(1);
    expect(lines(eie.stdout)[0]).toMatchObject({ consistent: false, verdict: 'inconsistent' });
  });

  it('exit 1 for an HL7 example Claim: valid FHIR, but not a G9012 draft', async () => {
    const r = await run([EXAMPLE]);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)[0]).toMatchObject({ ref: 'Claim/100150', valid: true, consistent: false });
  });

  it('prints a readable text report', async () => {
    const r = await run([file('download.json'), '--evidence', file('evidence.json'), '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(': CONSISTENT');
    expect(r.stdout).toContain('care-coordination          met          -> met');
  });

  it('reviews an NDJSON folder in the main thread: one line per draft, exit 1 when any is inconsistent', async () => {
    const r = await run([file('bulk'), '--workers', '0']);
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out.map((l) => l.ref)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `Claim/claim-bulk-${i}`));
    expect(out.filter((l) => l.consistent === false).map((l) => l.ref)).toEqual([
      'Claim/claim-bulk-3',
      'Claim/claim-bulk-6',
    ]);
    expect(r.stderr).toBe('');
  });

  it.each([
    [['/no/such/file.json'], '/no/such/file.json: cannot read (ENOENT)'],
    [['NOT_JSON'], 'the file is not valid JSON'],
    [['PATIENT'], 'a Patient is not a Claim, a ChargeItem or a Bundle'],
    [['DOWNLOAD', '--evidence', 'PATIENT'], '--evidence must be a FHIR Bundle with entries'],
    [['DOWNLOAD', '--format', 'xml'], '--format must be json or text'],
    [['DOWNLOAD', '--workers', 'many'], '--workers must be a whole number'],
    [['DOWNLOAD', '--as-of', 'tomorrow'], '--as-of must be a date YYYY-MM-DD'],
    [['EMPTY'], 'no .ndjson files in the folder'],
    [[], 'missing <file>'],
  ])('exit 2 with one clear stderr line for unreadable input %#', async (args, message) => {
    const named = args.map((a) =>
      a === 'NOT_JSON'
        ? file('not-json.json')
        : a === 'PATIENT'
          ? file('patient.json')
          : a === 'DOWNLOAD'
            ? file('download.json')
            : a === 'EMPTY'
              ? file('empty')
              : a,
    );
    const r = await run(named);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
