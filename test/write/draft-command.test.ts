import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Claim } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../../mocks/patients/index.ts';
import { type DraftCommandDeps, runDraftCommand } from '../../src/cli/draft-command.ts';

let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g9012-draft-'));
  for (const id of ['meets-all', 'no-coverage', 'not-met-complex-needs', 'payer-aetna']) {
    const scenario = scenarios.find((s) => s.id === id);
    if (scenario === undefined) {
      throw new Error(`no scenario ${id}`);
    }
    files[id] = join(dir, `${id}.json`);
    await writeFile(files[id], JSON.stringify(scenario.bundle));
  }
  files.broken = join(dir, 'broken.json');
  await writeFile(files.broken, '{"resourceType": "Bundle", ');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let next = 0;
const deps: DraftCommandDeps = {
  now: () => new Date('2026-11-20T10:00:00.000Z'),
  uuid: () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`,
  readText: (path) => readFile(path, 'utf8'),
  token: () => undefined,
  fetch: () => Promise.reject(new Error('no network in this test')),
};

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } };
  const code = await runDraftCommand(args, io, deps);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const USER = ['--user', 'Practitioner/cm-rivera', '--as-of', '2026-11-20'];

describe('g9012 draft', () => {
  it('prints a Claim for a ready patient with Coverage', async () => {
    const { code, stdout, stderr } = await cli(
      files['payer-aetna'] ?? '',
      '--kind',
      'claim',
      '--place-of-service',
      '11',
      ...USER,
    );
    expect([code, stderr]).toEqual([0, '']);
    const claim = JSON.parse(stdout) as Claim;
    expect(claim).toMatchObject({
      resourceType: 'Claim',
      status: 'draft',
      provider: { reference: 'Practitioner/cm-rivera' },
    });
    expect(claim.item?.[0]?.locationCodeableConcept?.coding?.[0]?.code).toBe('11');
  });

  it('prints the transaction Bundle with Provenance on --bundle', async () => {
    const { code, stdout } = await cli(files['meets-all'] ?? '', '--kind', 'chargeitem', '--bundle', ...USER);
    expect(code).toBe(0);
    const bundle = JSON.parse(stdout) as Bundle;
    expect(bundle.type).toBe('transaction');
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual(['ChargeItem', 'Provenance']);
    const provenance = bundle.entry?.[1]?.resource;
    expect(provenance?.resourceType === 'Provenance' && provenance.recorded).toBe('2026-11-20T10:00:00.000Z');
  });

  it('exits 1 with the reason and the ChargeItem offer for a Claim without Coverage', async () => {
    const { code, stdout, stderr } = await cli(files['no-coverage'] ?? '', '--kind', 'claim', ...USER);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('g9012 draft: no Claim: No active Coverage');
    expect(stderr).toContain('--kind chargeitem');
  });

  it('exits 1 and says why for a not-billable patient', async () => {
    const { code, stderr } = await cli(files['not-met-complex-needs'] ?? '', '--kind', 'chargeitem', ...USER);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^g9012 draft: no ChargeItem: Not billable/);
    expect(stderr).toContain('complex-needs (not-met)');
  });

  it('exits 1 and asks for the user when none is named, instead of inventing one', async () => {
    const { code, stderr } = await cli(
      files['meets-all'] ?? '',
      '--kind',
      'chargeitem',
      '--as-of',
      '2026-11-20',
    );
    expect(code).toBe(1);
    expect(stderr).toContain('--user Practitioner/ID');
  });

  it.each([
    [['--kind', 'invoice'], '--kind must be chargeitem or claim'],
    [['--kind', 'claim', '--as-of', '20-11-2026'], '--as-of must be YYYY-MM-DD'],
    [['--kind', 'claim', '--attest', 'mood=fine'], 'unknown criterion'],
    [['--kind', 'claim', '--user', 'Patient/1'], '--user must be'],
    [['--kind', 'claim', '--payer', 'acme'], 'unknown payer'],
    [['--kind', 'claim', '--period', '2026-11-30/2026-11-01'], ''],
    [['--kind', 'claim', '--write', 'ftp://example.org/fhir'], '--write must be a FHIR base URL'],
  ])('exits 2 on bad input %j', async (args, message) => {
    const { code, stderr } = await cli(files['meets-all'] ?? '', ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toContain('    at ');
  });

  it('exits 2 for a missing or broken file, without a stack trace', async () => {
    for (const file of [join(dir, 'absent.json'), files.broken ?? '']) {
      const { code, stderr } = await cli(file, '--kind', 'claim');
      expect(code).toBe(2);
      expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });
});
