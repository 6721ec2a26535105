import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Patient } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../../mocks/patients/index.ts';
import { readBundleDir } from '../../mocks/sandbox/seed/bundle-files.ts';
import { PUBLIC_DATA_DIR } from '../../mocks/sandbox/seed/seed-data.ts';
import { consoleRecords } from './console-capture.ts';
import { describeLeaks, findPhi, loadPhiTerms, type PhiTerm, phiTermsFromBundles } from './phi-terms.ts';

const ROOT = join(import.meta.dirname, '../..');

/** Text the app and the tests print legitimately, some of it close to a term. */
const BENIGN = [
  'g9012 draft: no Claim: Not ready: document or attest the missing criteria first.',
  '  medication-reconciliation (missing): Condition/meets-all-hf, Encounter/meets-all-visit',
  'A more specific code may fit: 99490 (CCM), 99495 (TCM), G0557 (APCM), T1016 (MEDICAID-CM); G9012 x 1',
  'Payer: Medicare, Aetna, Cigna Healthcare, UnitedHealthcare, Blue Cross Blue Shield, State Medicaid Program',
  'care plan updated; case manager; problem list review; goals; time; coverage',
  'Patient/meets-all evaluated as of 2026-11-20 for 2026-11-01/2026-11-30 in 84 ms',
  'R4 validation: 8411 Claims/s; took 184114007 ns; I50.91 and I50.9x are other codes; 11958-04-12',
  'scenario-meets-all Patient/meets-all birthDate; Patient/bd6f9f37-7295-4cd6-b212-134afcef1253',
  'SNOMED-only conditions; snomed-only; meets-all; huge-record; hostile-text',
];

describe('the PHI term list', () => {
  it('covers every scenario patient and every public bundle the sandbox seeds', async () => {
    const terms = await loadPhiTerms();
    const texts = new Set(terms.map((t) => t.text));
    expect(new Set(terms.map((t) => t.kind))).toEqual(
      new Set(['name', 'identifier', 'birth date', 'condition code']),
    );
    const publicBundles = readBundleDir(PUBLIC_DATA_DIR);
    const bundles = [...scenarios.map((s) => ({ name: s.id, bundle: s.bundle })), ...publicBundles];
    expect(publicBundles.length).toBeGreaterThanOrEqual(16);
    for (const { name, bundle } of bundles) {
      const patient = bundle.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource as
        | Patient
        | undefined;
      expect(patient?.birthDate, name).toBeTruthy();
      expect(texts.has(String(patient?.birthDate)), name).toBe(true);
      // Identifier values of four or more characters that are not also a resource id (errors may name ids).
      const ids = new Set(
        (bundle.entry ?? []).flatMap((e) => [e.resource?.id, e.fullUrl?.replace('urn:uuid:', '')]),
      );
      for (const identifier of patient?.identifier ?? []) {
        const value = String(identifier.value);
        expect(texts.has(value) || value.length < 4 || ids.has(value), `${name} identifier`).toBe(true);
      }
    }
    expect(texts.has('Meetsall')).toBe(true);
    expect(texts.has('Josue')).toBe(true);
    expect(texts.has('I50.9')).toBe(true);
    expect(terms.length).toBeGreaterThan(150);
  });

  it('leaves out ids, billing codes, short values and the app’s own words used as names', () => {
    const bundle = {
      resourceType: 'Bundle',
      entry: [
        {
          resource: {
            resourceType: 'Patient',
            id: 'p-1',
            name: [{ family: 'Zebulon', given: ['care plan', 'Medicare', 'Al'] }],
            identifier: [{ value: 'p-1' }, { value: '123' }, { value: 'MRN-77' }],
            birthDate: '1931-02-03',
          },
        },
        {
          resource: {
            resourceType: 'Condition',
            id: 'c-1',
            code: {
              coding: [
                { system: 'http://snomed.info/sct', code: '84114007' },
                { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' },
                { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'G9012' },
                { system: 'http://example.org/local', code: 'LOCAL-1' },
              ],
            },
          },
        },
        { resource: { resourceType: 'Organization', id: 'o-1', name: 'Medicare' } },
      ],
    };
    const terms = phiTermsFromBundles([{ name: 'b', bundle }]);
    expect(terms.map((t) => [t.kind, t.text])).toEqual([
      ['name', 'Zebulon'],
      ['identifier', 'MRN-77'],
      ['birth date', '1931-02-03'],
      ['condition code', '84114007'],
    ]);
  });
});

describe('the PHI check', () => {
  it('finds every term in running text and names where it comes from, not the term', async () => {
    const terms = await loadPhiTerms();
    for (const term of terms) {
      const hits = findPhi(`Could not read the record of ${term.text}: skipped.`, terms);
      expect(hits.map((h) => h.where)).toContain(term.where);
      for (const hit of hits) {
        expect(hit.where).not.toContain(term.text);
      }
    }
  });

  it('finds a birth date inside a dateTime and a name inside an inspected object', async () => {
    const terms = await loadPhiTerms();
    const meetsAll = (t: PhiTerm) => t.where.startsWith('scenario-meets-all ');
    const birthDate = terms.find((t) => meetsAll(t) && t.kind === 'birth date');
    const family = terms.find((t) => meetsAll(t) && t.where.endsWith('name[0].family'));
    expect(findPhi(`born ${birthDate?.text}T00:00:00Z`, terms).map((h) => h.kind)).toEqual(['birth date']);
    expect(findPhi(`{ name: [ { family: '${family?.text}' } ] }`, terms).map((h) => h.kind)).toEqual([
      'name',
    ]);
  });

  it('does not flag what the app legitimately prints', async () => {
    const terms = await loadPhiTerms();
    for (const line of BENIGN) {
      expect(findPhi(line, terms), line).toEqual([]);
    }
  });

  it('reports a leak by console call, kind and origin, without the leaked text', async () => {
    const terms = await loadPhiTerms();
    const code = terms.find((t) => t.kind === 'condition code' && t.where.startsWith('scenario-meets-all '));
    const identifier = terms.find((t) => t.kind === 'identifier');
    const leaks = describeLeaks(
      [
        { label: 'console.log', text: 'loading…' },
        { label: 'console.error', text: `bad code ${code?.text} for ${identifier?.text}` },
      ],
      terms,
    );
    expect(leaks).toEqual([
      `console.error call #2: condition code (${code?.where}); identifier (${identifier?.where})`,
    ]);
    expect(leaks[0]).not.toContain(String(code?.text));
    expect(leaks[0]).not.toContain(String(identifier?.text));
  });

  it('records console output for the check after the file', () => {
    const before = consoleRecords().length;
    console.info('no-phi self-test: benign line');
    expect(consoleRecords().slice(before)).toEqual([
      { method: 'info', text: 'no-phi self-test: benign line' },
    ]);
  });

  it('fails a test file that logs a patient birth date, naming the origin and not the date', async () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS'),
    );
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vitest/vitest.mjs'),
        'run',
        'logs-phi.fixture',
        '--config',
        'test/setup/fixtures/vitest.config.ts',
        '--silent',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 110_000, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' } },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(1);
    expect(output).toContain(
      'No PHI in logs: 1 console call(s) in this test file carry synthetic patient data',
    );
    expect(output).toContain(
      'console.log call #1: birth date (scenario-meets-all Patient/meets-all birthDate)',
    );
    const terms = await loadPhiTerms();
    expect(findPhi(output, terms)).toEqual([]);
  }, 120_000);
});
