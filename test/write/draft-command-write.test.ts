import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../../mocks/patients/index.ts';
import { type RunningSandbox, startSandbox } from '../../mocks/sandbox/server.ts';
import { type DraftCommandDeps, runDraftCommand } from '../../src/cli/draft-command.ts';

let sandbox: RunningSandbox;
let dir: string;
let file: string;
let token: string | undefined;
let next = 0;

beforeAll(async () => {
  const scenario = scenarios.find((s) => s.id === 'payer-aetna');
  if (scenario === undefined) {
    throw new Error('no payer-aetna scenario');
  }
  dir = await mkdtemp(join(tmpdir(), 'g9012-draft-write-'));
  file = join(dir, 'payer-aetna.json');
  await writeFile(file, JSON.stringify(scenario.bundle));
  sandbox = await startSandbox({ port: 0, bundles: [], now: '2026-12-01' });
  token = sandbox.issueAccessToken({ scope: 'user/*.cruds' });
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const deps = (): DraftCommandDeps => ({
  now: () => new Date('2026-11-20T10:00:00.000Z'),
  uuid: () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`,
  readText: (path) => readFile(path, 'utf8'),
  token: () => token,
  fetch: (input, init) => fetch(input, init),
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } };
  const code = await runDraftCommand(args, io, deps());
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('g9012 draft --write', () => {
  it('writes the Claim and its Provenance to the sandbox once, however often it is run', async () => {
    const args = [file, '--kind', 'claim', '--place-of-service', '11', '--user', 'Practitioner/cm-rivera'];
    const first = await cli(...args, '--as-of', '2026-11-20', '--write', sandbox.fhirBase);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: true, via: 'transaction' });
    const second = await cli(...args, '--as-of', '2026-11-20', '--write', sandbox.fhirBase);
    expect(JSON.parse(second.stdout)).toMatchObject({
      created: false,
      draft: JSON.parse(first.stdout).draft,
    });
    const claims = (await (
      await fetch(`${sandbox.fhirBase}/Claim?patient=payer-aetna`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as Bundle;
    expect(claims.entry).toHaveLength(1);
  });

  it('exits 1 naming the missing scope when the token cannot write', async () => {
    token = sandbox.issueAccessToken({ scope: 'user/*.rs' });
    const result = await cli(
      file,
      '--kind',
      'chargeitem',
      '--user',
      'Practitioner/cm-rivera',
      '--write',
      sandbox.fhirBase,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^g9012 draft: not written: 403: the token lacks \S+/);
    expect(result.stderr).not.toContain(token);
  });
});
