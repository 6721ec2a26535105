/**
 * Issue 9 item 7, "No PHI in logs", for the CLI: `g9012 evaluate`, `draft` and `review` over inputs that make
 * them complain (bad NDJSON lines, invalid resources, a patient whose record cannot be built, unknown payer,
 * missing files) where the offending fields carry a patient's name, identifier, birth date and Condition
 * codes. stderr must name the file and line, or the resource id and path, and none of that content.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, FhirResource, Patient } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../../mocks/patients/index.ts';
import { meetsAll } from '../../mocks/patients/meets-all.ts';
import { runCli } from '../../src/cli/testing.ts';
import { writeBulkFolder } from '../review/bulk-folder.ts';
import { meetsAllClaim } from '../review/draft-fixtures.ts';
import { findPhi, loadPhiTerms, type PhiTerm } from '../setup/phi-terms.ts';

const AS_OF = ['--as-of', '2026-11-20'];
const USER = ['--user', 'Practitioner/cm-rivera'];

let dir: string;
let terms: PhiTerm[];
const file = (name: string) => join(dir, name);

/** The meets-all patient's PHI, and an identifier value from the public data (meets-all has none). */
const patient = meetsAll.bundle.entry?.find((e) => e.resource?.resourceType === 'Patient')
  ?.resource as Patient;
const PHI = {
  family: String(patient.name?.[0]?.family),
  given: String(patient.name?.[0]?.given?.[0]),
  birthDate: String(patient.birthDate),
  icd: 'I50.9',
  snomed: '84114007',
  identifier: '',
};

const cli = runCli;

/** No term of the PHI list and none of the planted values. */
function expectNoPhi(text: string): void {
  expect(findPhi(text, terms)).toEqual([]);
  for (const value of Object.values(PHI)) {
    expect(text).not.toContain(value);
  }
}

function resources(bundle: Bundle): FhirResource[] {
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

/** A Patient whose every PHI field is in the wrong shape, so the record cannot be built from it. */
function unbuildablePatient(id: string) {
  return {
    resourceType: 'Patient',
    id,
    name: `${PHI.given} ${PHI.family}`,
    birthDate: `${PHI.family} ${PHI.birthDate}`,
    identifier: PHI.identifier,
    gender: { text: PHI.given },
  };
}

/** A Condition with its codes and the patient's details in fields of the wrong type. */
function invalidCondition(id: string, patientId: string) {
  return {
    resourceType: 'Condition',
    id,
    subject: { reference: `Patient/${patientId}`, display: 42 },
    code: PHI.icd,
    onsetDateTime: PHI.snomed,
    recordedDate: `${PHI.birthDate} ${PHI.given} ${PHI.family}`,
    category: { text: PHI.identifier },
  };
}

/** A Bundle of the meets-all resources (without its Patient unless `keepPatient`) and `extra`. */
function meetsAllWith(extra: ReadonlyArray<{ resourceType: string }>, keepPatient: boolean) {
  const kept = resources(meetsAll.bundle).filter((r) => keepPatient || r.resourceType !== 'Patient');
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [...kept, ...extra].map((resource) => ({ resource })),
  };
}

function writeNdjson(folder: string, items: ReadonlyArray<FhirResource | string>): void {
  for (const item of items) {
    const [type, line] =
      typeof item === 'string' ? ['Patient', item] : [item.resourceType, JSON.stringify(item)];
    appendFileSync(join(folder, `${type}.ndjson`), `${line}\n`);
  }
}

beforeAll(async () => {
  terms = await loadPhiTerms();
  PHI.identifier = terms.find((t) => t.kind === 'identifier')?.text ?? '';
  expect(PHI.identifier.length).toBeGreaterThanOrEqual(4);
  // Every planted value is on the PHI list, so the list check and the planted check agree.
  for (const value of Object.values(PHI)) {
    expect(findPhi(`x ${value} x`, terms).length, value).toBeGreaterThan(0);
  }
  dir = mkdtempSync(join(tmpdir(), 'g9012-no-phi-'));
  for (const s of scenarios.filter((x) =>
    ['meets-all', 'snomed-only', 'not-met-complex-needs'].includes(x.id),
  )) {
    writeFileSync(file(`${s.id}.json`), JSON.stringify(s.bundle));
  }
  writeFileSync(
    file('unbuildable.json'),
    JSON.stringify(meetsAllWith([unbuildablePatient('meets-all')], false)),
  );
  const withInvalidCondition = meetsAllWith([invalidCondition('meets-all-bad', 'meets-all')], true);
  withInvalidCondition.entry = withInvalidCondition.entry.filter(
    (e) => e.resource.resourceType !== 'Coverage',
  );
  writeFileSync(file('invalid-condition.json'), JSON.stringify(withInvalidCondition));
  const truncated = JSON.stringify(patient).slice(0, -20);
  writeFileSync(file('truncated.json'), `{"resourceType":"Bundle","entry":[{"resource":${truncated}`);
  writeFileSync(file('patient.json'), JSON.stringify(patient));

  // evaluate: a Bulk Data folder with unreadable lines, a patient that cannot be built, an invalid Condition.
  mkdirSync(file('evaluate-bulk'));
  writeNdjson(file('evaluate-bulk'), [
    ...resources(meetsAll.bundle),
    truncated,
    JSON.stringify({
      name: [{ family: PHI.family }],
      identifier: [{ value: PHI.identifier }],
      birthDate: PHI.birthDate,
    }),
    JSON.stringify(unbuildablePatient('unbuildable')),
    invalidCondition('meets-all-bad', 'meets-all') as unknown as FhirResource,
  ]);
  appendFileSync(
    file('evaluate-bulk/Condition.ndjson'),
    `{"resourceType":"Condition","code":{"coding":[{"code":"${PHI.icd}"\n`,
  );

  // review: a Bulk Data folder of drafts, with the same unreadable lines.
  mkdirSync(file('review-bulk'));
  await writeBulkFolder(file('review-bulk'), 2);
  appendFileSync(file('review-bulk/Patient.ndjson'), `${truncated}\n`);
  appendFileSync(
    file('review-bulk/Condition.ndjson'),
    `${JSON.stringify({ code: { coding: [{ code: PHI.snomed }] }, birthDate: PHI.birthDate, family: PHI.family })}\n`,
  );

  // review: a Claim whose offending fields carry the patient's details.
  const { claim } = meetsAllClaim();
  writeFileSync(
    file('claim-invalid.json'),
    JSON.stringify({
      ...claim,
      status: PHI.family,
      use: PHI.birthDate,
      patient: { reference: 'Patient/meets-all', display: 7 },
      priority: PHI.icd,
    }),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('g9012 evaluate: stderr names files, lines, ids and paths, never patient data', () => {
  it('an NDJSON folder with unreadable lines, an unbuildable patient and an invalid Condition', async () => {
    const r = await cli(['evaluate', file('evaluate-bulk'), ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Patient\.ndjson line \d+: not valid JSON/);
    expect(r.stderr).toMatch(/Patient\.ndjson line \d+: not a FHIR resource/);
    expect(r.stderr).toMatch(/Condition\.ndjson line \d+: not valid JSON/);
    expect(r.stderr).toContain('Patient/unbuildable');
    expectNoPhi(r.stderr);
    // The invalid Condition is reported in the output by id and path, without its content.
    const line = JSON.parse(r.stdout.trim().split('\n')[0] ?? '{}') as { invalidResources: unknown };
    const invalid = JSON.stringify(line.invalidResources);
    expect(invalid).toContain('Condition/meets-all-bad');
    expect(invalid).toContain('code: Invalid input');
    expectNoPhi(invalid);
  });

  it('a Bundle whose only Patient is invalid (name, birthDate and identifier in the wrong shape)', async () => {
    const r = await cli(['evaluate', file('unbuildable.json'), ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unbuildable.json');
    expectNoPhi(r.stderr);
  });

  it('an unknown payer and a missing file', async () => {
    const payer = await cli(['evaluate', file('meets-all.json'), ...AS_OF, '--payer', 'acme-gold']);
    expect([payer.code, payer.stderr]).toEqual([2, expect.stringContaining('unknown payer "acme-gold"')]);
    expectNoPhi(payer.stderr);
    const missing = await cli(['evaluate', file('missing.json'), ...AS_OF]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('missing.json')]);
    expectNoPhi(missing.stderr);
  });

  it('a Bundle file that is not JSON, with a name where the parser stops: the file (and position) only', async () => {
    // JSON.parse's own message quotes the text around the error (`Unexpected token 'M', "…" is not valid JSON`).
    writeFileSync(
      file('broken-name.json'),
      `{"resourceType":"Bundle","family": ${PHI.family}, "b": "${PHI.birthDate}"}`,
    );
    const r = await cli(['evaluate', file('broken-name.json'), ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken-name\.json: not valid JSON( \(at position \d+\))?\n$/);
    expectNoPhi(r.stderr);
  });
});

describe('g9012 draft: stderr names criteria, ids and paths, never patient data', () => {
  it('no Claim for SNOMED-only conditions: names the criterion and the Conditions, not the codes', async () => {
    const r = await cli(['draft', file('snomed-only.json'), '--kind', 'claim', ...AS_OF, ...USER]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('diagnosis-codes (missing)');
    expect(r.stderr).toContain('Condition/snomed-only-hf');
    expect(r.stderr).toContain('run g9012 evaluate');
    expectNoPhi(r.stderr);
  });

  it('not billable: names the criterion and its evidence, not the condition', async () => {
    const r = await cli([
      'draft',
      file('not-met-complex-needs.json'),
      '--kind',
      'chargeitem',
      ...AS_OF,
      ...USER,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('complex-needs (not-met)');
    expect(r.stderr).not.toMatch(/heart failure/i);
    expectNoPhi(r.stderr);
  });

  it('a patient whose record cannot be built, and an invalid Condition with no Coverage', async () => {
    const unbuildable = await cli([
      'draft',
      file('unbuildable.json'),
      '--kind',
      'chargeitem',
      ...AS_OF,
      ...USER,
    ]);
    expect(unbuildable.code).toBe(2);
    expect(unbuildable.stderr).toContain('unbuildable.json');
    expectNoPhi(unbuildable.stderr);
    const invalid = await cli([
      'draft',
      file('invalid-condition.json'),
      '--kind',
      'claim',
      ...AS_OF,
      ...USER,
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('No active Coverage');
    expectNoPhi(invalid.stderr);
  });

  it('a file that is not JSON, an unknown payer and a missing file', async () => {
    const truncated = await cli(['draft', file('truncated.json'), '--kind', 'claim', ...AS_OF, ...USER]);
    expect([truncated.code, truncated.stderr]).toEqual([
      2,
      expect.stringContaining('truncated.json: not valid JSON'),
    ]);
    expectNoPhi(truncated.stderr);
    const payer = await cli([
      'draft',
      file('meets-all.json'),
      '--kind',
      'claim',
      '--payer',
      'acme-gold',
      ...USER,
    ]);
    expect([payer.code, payer.stderr]).toEqual([2, expect.stringContaining('unknown payer')]);
    expectNoPhi(payer.stderr);
    const missing = await cli(['draft', file('missing.json'), '--kind', 'claim', ...USER]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('missing.json: cannot read')]);
    expectNoPhi(missing.stderr);
  });
});

describe('g9012 review: stderr names files and lines, never patient data', () => {
  it('an NDJSON folder with unreadable lines carrying patient data', async () => {
    const r = await cli(['review', file('review-bulk'), '--workers', '0']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Patient\.ndjson line \d+: not valid JSON/);
    expect(r.stderr).toMatch(/Condition\.ndjson line \d+: not a FHIR resource/);
    expectNoPhi(r.stderr);
  });

  it('a Patient, a file that is not JSON, and a missing evidence file', async () => {
    const notDraft = await cli(['review', file('patient.json')]);
    expect([notDraft.code, notDraft.stderr]).toEqual([2, expect.stringContaining('is not a Claim')]);
    expectNoPhi(notDraft.stderr);
    const truncated = await cli(['review', file('truncated.json')]);
    expect([truncated.code, truncated.stderr]).toEqual([2, expect.stringContaining('not valid JSON')]);
    expectNoPhi(truncated.stderr);
    const missing = await cli(['review', file('claim-invalid.json'), '--evidence', file('missing.json')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('missing.json: cannot read')]);
    expectNoPhi(missing.stderr);
  });

  it('an invalid Claim: nothing on stderr, and its validation issues name paths, not values', async () => {
    const r = await cli(['review', file('claim-invalid.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout.trim()) as { issues: Array<{ path: string; message: string }> };
    expect(report.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['Claim.status', 'Claim.use']));
    expectNoPhi(JSON.stringify(report.issues));
  });
});
