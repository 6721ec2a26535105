import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../../mocks/patients/index.ts';
import { BUILTIN_POLICY_FILES } from '../domain/builtin-policies.ts';
import { openNdjsonFolder } from './ndjson/patient-lines.ts';
import { patientResources } from './ndjson/patient-resources.ts';
import { runCli } from './testing.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/g9012.js');
const CONTRACT_KEYS = [
  'patient',
  'period',
  'asOf',
  'payer',
  'status',
  'criteria',
  'codeFit',
  'minutes',
  'units',
  'diagnoses',
  'modifiers',
  'warnings',
  'invalidResources',
];

let dir: string;
let ndjson: string;

function bundleFile(id: string): string {
  return join(dir, `${id}.json`);
}

function runBin(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const runMain = runCli;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'g9012-cli-'));
  for (const s of scenarios) {
    if (s.id !== 'huge-record') {
      writeFileSync(bundleFile(s.id), JSON.stringify(s.bundle));
    }
  }
  // A Bulk Data export: one NDJSON file per resource type, shared practitioners and payers written once.
  ndjson = join(dir, 'bulk');
  mkdirSync(ndjson);
  const seen = new Set<string>();
  for (const s of scenarios.filter((x) =>
    ['meets-all', 'no-coverage', 'payer-medicare', 'snomed-only'].includes(x.id),
  )) {
    for (const entry of s.bundle.entry ?? []) {
      const r = entry.resource;
      const key = `${r?.resourceType}/${r?.id}`;
      if (r && !seen.has(key)) {
        seen.add(key);
        appendFileSync(join(ndjson, `${r.resourceType}.ndjson`), `${JSON.stringify(r)}\n`);
      }
    }
  }
  writeFileSync(join(dir, 'broken.json'), '{"resourceType": "Bundle", ');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('g9012 evaluate (spawned bin)', () => {
  it('prints one JSON object per patient in the contract shape for a Bundle', () => {
    const r = runBin(['evaluate', bundleFile('meets-all'), '--as-of', '2026-11-20']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] ?? '');
    expect(Object.keys(out)).toEqual(CONTRACT_KEYS);
    expect(out).toMatchObject({
      patient: 'Patient/meets-all',
      period: { start: '2026-11-01', end: '2026-11-30' },
      asOf: '2026-11-20',
      payer: 'default',
      status: 'ready',
      minutes: 18,
      units: 1,
      codeFit: { alternatives: [] },
      modifiers: [],
      invalidResources: [],
    });
    expect(Object.keys(out.criteria[0])).toEqual(['id', 'status', 'required', 'evidence', 'reason']);
    expect(out.criteria).toHaveLength(14);
    expect(Object.keys(out.diagnoses[0])).toEqual(['system', 'code', 'display', 'suggested']);
    expect(typeof out.warnings[0]).toBe('string');
  });

  it('gives one line per patient for a folder of Bulk Data NDJSON', () => {
    const r = runBin(['evaluate', ndjson, '--as-of', '2026-11-20']);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => [o.patient, o.status, o.payer])).toEqual([
      ['Patient/meets-all', 'ready', 'default'],
      ['Patient/no-coverage', 'incomplete', 'default'],
      ['Patient/snomed-only', 'incomplete', 'default'],
      ['Patient/payer-medicare', 'incomplete', 'medicare'],
    ]);
  });

  it('exits 2 with one clear stderr line naming the file, never a stack trace', () => {
    const missing = join(dir, 'nope.json');
    const r = runBin(['evaluate', missing, '--as-of', '2026-11-20']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toContain('cannot read');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--format text prints a readable checklist', () => {
    const r = runBin(['evaluate', bundleFile('payer-medicare'), '--as-of', '2026-11-20', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Status: INCOMPLETE');
    expect(r.stdout).toMatch(/\[x\] complex-needs +met: 3 active chronic conditions/);
    expect(r.stdout).toContain('not expected to be paid');
  });
});

describe('g9012 evaluate (in process)', () => {
  it.each([
    [['evaluate', 'BROKEN'], /broken\.json: not valid JSON/],
    [['evaluate', 'BUNDLE', '--as-of', '2026-13-01'], /as-of date "2026-13-01" is not a valid/],
    [['evaluate', 'BUNDLE', '--period', '2026-11-30/2026-11-01'], /start <= end/],
    [['evaluate', 'BUNDLE', '--payer', 'acme'], /unknown payer "acme"/],
    [['evaluate', 'BUNDLE', '--format', 'xml'], /--format must be json or text/],
    [['evaluate', 'BUNDLE', '--attest', 'vibes=ok'], /unknown criterion "vibes"/],
    [['evaluate', 'BUNDLE', '--minutes', 'lots'], /--minutes must be a positive whole number/],
    [['evaluate'], /missing <input>/],
    [['frobnicate'], /unknown command/],
  ])('%j exits 2 with one line', async (args, message) => {
    const resolved = args.map((a) =>
      a === 'BROKEN' ? join(dir, 'broken.json') : a === 'BUNDLE' ? bundleFile('meets-all') : a,
    );
    const r = await runMain(resolved);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a Bundle file with something other than a Bundle exits 2', async () => {
    const file = join(dir, 'patient.json');
    writeFileSync(file, JSON.stringify({ resourceType: 'Patient', id: 'x' }));
    const r = await runMain(['evaluate', file, '--as-of', '2026-11-20']);
    expect(r).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`${file}: the input is not a FHIR Bundle`),
    });
  });

  it('--attest and --minutes turn missing time into attested (15 minutes: under the CCM floor)', async () => {
    const r = await runMain([
      'evaluate',
      bundleFile('missing-time'),
      '--as-of',
      '2026-11-20',
      '--minutes',
      '15',
      '--attest',
      'time=Phone calls with the pharmacy',
    ]);
    const out = JSON.parse(r.stdout);
    expect(out.minutes).toBe(15);
    expect(out.criteria.find((c: { id: string }) => c.id === 'time').status).toBe('attested');
    expect(out.status).toBe('ready');
  });

  it('--confirm-diagnosis confirms a suggested code; --user as Practitioner/ID is the performer checked', async () => {
    const r = await runMain([
      'evaluate',
      bundleFile('snomed-only'),
      '--as-of',
      '2026-11-20',
      '--confirm-diagnosis',
      'Condition/snomed-only-hf=I50.9',
      '--user',
      'Practitioner/dr-okafor',
    ]);
    const out = JSON.parse(r.stdout);
    const status = (id: string) => out.criteria.find((c: { id: string }) => c.id === id).status;
    expect(status('diagnosis-codes')).toBe('attested');
    // Dr Okafor is a family physician, not a case manager.
    expect(status('case-manager')).toBe('missing');
  });

  it('--payer overrides the Coverage match; --period is honoured', async () => {
    const r = await runMain([
      'evaluate',
      bundleFile('meets-all'),
      '--as-of',
      '2026-11-20',
      '--payer',
      'medicare',
      '--period',
      '2026-11-01/2026-11-15',
    ]);
    const out = JSON.parse(r.stdout);
    expect(out.payer).toBe('medicare');
    expect(out.period).toEqual({ start: '2026-11-01', end: '2026-11-15' });
    expect(out.warnings[0]).toMatch(/not expected to be paid/);
  });

  it('--policy-dir adds a payer without code changes, and rejects an invalid policy file by name', async () => {
    const policies = join(dir, 'policies');
    mkdirSync(policies, { recursive: true });
    const aetna = BUILTIN_POLICY_FILES['aetna.json'] as Record<string, unknown>;
    writeFileSync(
      join(policies, 'acme.json'),
      JSON.stringify({
        ...aetna,
        id: 'acme',
        name: 'Acme Health Plan',
        match: { ...(aetna.match as object), payorNames: ['Acme'] },
      }),
    );
    const ok = await runMain([
      'evaluate',
      bundleFile('meets-all'),
      '--as-of',
      '2026-11-20',
      '--policy-dir',
      policies,
    ]);
    expect(JSON.parse(ok.stdout).payer).toBe('acme');
    writeFileSync(
      join(policies, 'zz-bad.json'),
      JSON.stringify({ ...aetna, id: 'bad', units: { kind: 'per-period', quantity: 1 } }),
    );
    const bad = await runMain([
      'evaluate',
      bundleFile('meets-all'),
      '--as-of',
      '2026-11-20',
      '--policy-dir',
      policies,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/zz-bad\.json: invalid payer policy: units\.source/);
  });

  it('hostile text cannot inject terminal control characters into the text format', async () => {
    const r = await runMain([
      'evaluate',
      bundleFile('hostile-text'),
      '--as-of',
      '2026-11-20',
      '--format',
      'text',
    ]);
    expect(r.code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape sequences.
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout.length).toBeLessThan(20_000);
  });

  it('streams NDJSON in batches with the same result as one pass, reporting bad lines once', async () => {
    appendFileSync(join(ndjson, 'Condition.ndjson'), 'not json\n');
    const problems: string[] = [];
    const ids = async (batchBytes: number) => {
      const out: string[] = [];
      const folder = await openNdjsonFolder(ndjson, {
        batchBytes,
        onProblem: (x) => problems.push(`${x.line}`),
      });
      for await (const p of folder.patients()) {
        out.push(`${p.patientId}:${patientResources(p, folder.shared, folder.files).resources.length}`);
      }
      return out;
    };
    const one = await ids(1e9);
    expect(problems).toHaveLength(1);
    expect(await ids(1)).toEqual(one);
    expect(problems).toHaveLength(2);
    expect(one).toHaveLength(4);
  });
});
