/**
 * The folder reader (index pass, then windows of patients) against a reference that parses every line: for generated folders (any
 * batch size, decoy references, escapes, bad lines, CRLF, a BOM, lines across chunk boundaries) every
 * patient gets exactly the resources the reference gives it, and every bad line is reported once.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isObject, type JsonObject } from '../../review/json-access.ts';
import type { LineProblem } from './files.ts';
import { unpackPatients } from './packed-lines.ts';
import { type NdjsonFolder, openNdjsonFolder, type PatientLines } from './patient-lines.ts';
import { patientResources } from './patient-resources.ts';
import { collectReferences, patientIdOf, SHARED_TYPES, SharedResources } from './references.ts';

const root = mkdtempSync(join(tmpdir(), 'g9012-ndjson-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;

function writeFolder(files: Record<string, string>): string {
  folders += 1;
  const dir = join(root, `f${folders}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The reference: parse every line, group by owner, link shared resources by every reference. */
function reference(dir: string): { patients: Map<string, string[]>; problems: string[] } {
  const names = readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith('.ndjson'))
    .sort();
  const ids: string[] = [];
  const own = new Map<string, JsonObject[]>();
  const shared = new SharedResources<JsonObject>();
  const problems: string[] = [];
  for (const name of names) {
    const lines = readFileSync(join(dir, name), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\n');
    lines.forEach((raw, i) => {
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (!text.trim()) {
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        problems.push(`${join(dir, name)}:${i + 1}`);
        return;
      }
      if (!isObject(value) || typeof value.resourceType !== 'string') {
        problems.push(`${join(dir, name)}:${i + 1}`);
        return;
      }
      if (SHARED_TYPES.has(value.resourceType)) {
        if (typeof value.id === 'string') {
          shared.add(value, `${value.resourceType}/${value.id}`, value);
        }
        return;
      }
      const owner = patientIdOf(value);
      if (owner === undefined) {
        return;
      }
      if (value.resourceType === 'Patient' && !ids.includes(owner)) {
        ids.push(owner);
      }
      own.set(owner, [...(own.get(owner) ?? []), value]);
    });
  }
  const patients = new Map<string, string[]>();
  for (const id of ids) {
    const resources = own.get(id) ?? [];
    const refs = new Set<string>();
    collectReferences(resources, refs);
    patients.set(id, [...resources, ...shared.linked(refs)].map((r) => JSON.stringify(r)).sort());
  }
  return { patients, problems: problems.sort() };
}

/** Every patient's lines, one by one or (`packSize`) packed several at a time as a worker gets them. */
async function* patientsOf(folder: NdjsonFolder, packSize?: number): AsyncGenerator<PatientLines> {
  if (packSize === undefined) {
    yield* folder.patients();
    return;
  }
  for await (const pack of folder.packs(packSize)) {
    yield* unpackPatients(pack);
  }
}

async function read(dir: string, batchBytes: number, packSize?: number) {
  const problems: LineProblem[] = [];
  const folder = await openNdjsonFolder(dir, { batchBytes, onProblem: (p) => problems.push(p) });
  const patients = new Map<string, string[]>();
  for await (const lines of patientsOf(folder, packSize)) {
    const got = patientResources(lines, folder.shared, folder.files);
    problems.push(...got.problems);
    patients.set(lines.patientId, got.resources.map((r) => JSON.stringify(r)).sort());
  }
  return { patients, problems: problems.map((p) => `${p.file}:${p.line}`).sort() };
}

const patientId = fc.constantFrom('p1', 'p2', 'p3', 'p-4.x', 'ghost');
const shared = fc.constantFrom(
  'Practitioner/dr1',
  'Organization/o1',
  'PractitionerRole/r1',
  'Location/missing',
);
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('Patient/p2', '"Patient/p3"', 'a "quote" and \\ slash', 'line\nbreak', 'ü ☃ 😀'),
);

/** One generated line: a resource (some with decoys and escapes), or a broken line. */
const line = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        type: fc.constantFrom('Condition', 'Encounter', 'Communication', 'Coverage', 'Goal'),
        id: fc.string({ minLength: 1, maxLength: 6 }),
        ownerKey: fc.constantFrom('subject', 'patient', 'beneficiary', 'focus', 'none'),
        owner: patientId,
        recipient: fc.option(patientId),
        performer: fc.option(shared),
        note: fc.option(text),
        escapedSlash: fc.boolean(),
        idFirst: fc.boolean(),
        reversed: fc.boolean(),
      })
      .map((r) => {
        const body: JsonObject = r.idFirst
          ? { id: r.id, resourceType: r.type }
          : { resourceType: r.type, id: r.id };
        if (r.ownerKey !== 'none') {
          body[r.ownerKey] = { reference: `Patient/${r.owner}` };
        }
        if (r.recipient !== null) {
          body.recipient = [{ reference: `Patient/${r.recipient}` }];
        }
        if (r.performer !== null) {
          body.performer = [{ reference: r.performer }];
        }
        if (r.note !== null) {
          body.note = [{ text: r.note }];
        }
        // Reversed: the decoys (recipient, note) come before the owner, so the first Patient named is not it.
        const [head, ...rest] = Object.entries(body);
        const ordered = r.reversed && head ? Object.fromEntries([head, ...rest.reverse()]) : body;
        const json = JSON.stringify(ordered);
        return r.escapedSlash ? json.replace('Patient/', 'Patient\\/') : json;
      }),
  },
  { weight: 2, arbitrary: patientId.map((id) => JSON.stringify({ resourceType: 'Patient', id })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"resourceType":"Practitioner","id":"dr1","name":[{"family":"Ng"}]}',
      '{"resourceType":"PractitionerRole","id":"r1","practitioner":{"reference":"Practitioner/dr1"}}',
      '{"resourceType":"Organization","id":"o1","name":"Acme"}',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'not json',
      '{"resourceType":"Condition","subject":{"reference":"Patient/p1"}',
      '[1,2]',
      '',
      '   ',
      '{"id":"x"}',
    ),
  },
);

const folder = fc.array(
  fc.record({
    name: fc.constantFrom('A.ndjson', 'B.ndjson', 'c.NDJSON', 'skip.txt'),
    lines: fc.array(line, { maxLength: 12 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  }),
  { minLength: 1, maxLength: 4 },
);

describe('openNdjsonFolder', () => {
  it('gives each patient what a parse-everything reader gives it, in any window, one by one or packed', async () => {
    await fc.assert(
      fc.asyncProperty(
        folder,
        fc.constantFrom(1, 40, 300, 1e9),
        fc.constantFrom(undefined, 1, 2, 16),
        async (files, batchBytes, packSize) => {
          const contents: Record<string, string> = {};
          for (const f of files) {
            const body = f.lines.join(f.crlf ? '\r\n' : '\n');
            contents[f.name] = `${contents[f.name] ?? (f.bom ? '\uFEFF' : '')}${body}\n`;
          }
          if (!Object.keys(contents).some((n) => n.toLowerCase().endsWith('.ndjson'))) {
            return;
          }
          const dir = writeFolder(contents);
          const expected = reference(dir);
          const got = await read(dir, batchBytes, packSize);
          expect([...got.patients.keys()]).toEqual([...expected.patients.keys()]);
          for (const [id, resources] of expected.patients) {
            expect(got.patients.get(id), id).toEqual(resources);
          }
          // A broken line is reported once; one whose owner has no Patient is skipped unread.
          for (const problem of got.problems) {
            expect(expected.problems).toContain(problem);
          }
          expect(new Set(got.problems).size).toBe(got.problems.length);
        },
      ),
      { seed: 20261201, numRuns: 150 },
    );
  });

  it('reads lines across 1 MB chunk boundaries, multi-byte characters included', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 9000; i += 1) {
      lines.push(
        JSON.stringify({
          resourceType: 'Observation',
          id: `o${i}`,
          subject: { reference: `Patient/p${i % 7}` },
          note: [{ text: `${'é😀'.repeat(i % 50)}${'x'.repeat(i % 300)}` }],
        }),
      );
    }
    const patients = Array.from({ length: 7 }, (_, i) =>
      JSON.stringify({ resourceType: 'Patient', id: `p${i}` }),
    );
    const dir = writeFolder({
      'Observation.ndjson': `${lines.join('\n')}\n`,
      'Patient.ndjson': patients.join('\n'),
    });
    expect(readFileSync(join(dir, 'Observation.ndjson')).length).toBeGreaterThan(3 * 1024 * 1024);
    const expected = reference(dir);
    for (const [batchBytes, packSize] of [
      [1e9, undefined],
      [1024 * 1024, 3],
    ] as const) {
      const got = await read(dir, batchBytes, packSize);
      expect(got.problems).toEqual([]);
      expect(got.patients).toEqual(expected.patients);
    }
  });

  it('reads a line longer than the read buffer (2.5 MB) whole', async () => {
    const long = JSON.stringify({
      resourceType: 'Condition',
      id: 'long',
      subject: { reference: 'Patient/p1' },
      note: [{ text: 'é'.repeat(1_300_000) }],
    });
    const dir = writeFolder({
      'Condition.ndjson': `${long}\n${JSON.stringify({ resourceType: 'Condition', id: 'short', subject: { reference: 'Patient/p1' } })}`,
      'Patient.ndjson': JSON.stringify({ resourceType: 'Patient', id: 'p1' }),
    });
    expect(Buffer.byteLength(long)).toBeGreaterThan(2.5e6);
    const got = await read(dir, 1e9);
    expect(got.problems).toEqual([]);
    expect(got.patients).toEqual(reference(dir).patients);
    expect(got.patients.get('p1')).toHaveLength(3);
  });

  it('stops with a clear message when the folder has no NDJSON files', async () => {
    const dir = writeFolder({ 'readme.txt': 'hello' });
    await expect(openNdjsonFolder(dir)).rejects.toThrow(/no \.ndjson files in the folder/);
  });
});
