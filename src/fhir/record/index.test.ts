import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordFromBundle, recordFromResources } from './index.ts';

const dataDir = join(import.meta.dirname, '../../../mocks/data/public');
const publicBundles = readdirSync(dataDir).filter(
  (name) => name.endsWith('.json') && name !== 'index.json' && name !== 'provenance.json',
);

function load(name: string): unknown {
  return JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
}

const patient = { resourceType: 'Patient', id: 'p1', name: [{ given: ['Ana'], family: 'Diaz' }] };
const subject = { reference: 'Patient/p1' };

describe('recordFromBundle on the public synthetic patients', () => {
  it.each(publicBundles)('%s parses with no invalid resources', (name) => {
    const result = recordFromBundle(load(name));
    expect(result.problems).toEqual([]);
    expect(result.invalid).toEqual([]);
    expect(result.record?.patient.ref).toMatch(/^Patient\//);
  });

  it('resolves urn:uuid references to Type/id (Synthea CarePlan.addresses)', () => {
    const record = recordFromBundle(load('synthea-dirk-kuhlman.json')).record;
    const conditionRefs = new Set(record?.conditions.map((c) => c.ref));
    const addressed = record?.carePlans.flatMap((c) => c.addresses) ?? [];
    expect(addressed.length).toBeGreaterThan(0);
    for (const ref of addressed) {
      expect(conditionRefs.has(ref)).toBe(true);
    }
  });

  it('says the medication list came from MedicationRequest when there are no statements', () => {
    expect(recordFromBundle(load('synthea-dirk-kuhlman.json')).record?.medicationSource).toBe(
      'MedicationRequest',
    );
  });
});

describe('recordFromResources', () => {
  it('keeps Type/id references and reads the fields the criteria use', () => {
    const { record } = recordFromResources([
      patient,
      {
        resourceType: 'Condition',
        id: 'c1',
        subject,
        clinicalStatus: { coding: [{ code: 'active' }] },
        category: [{ coding: [{ code: 'problem-list-item' }] }],
        code: { coding: [{ system: 'http://snomed.info/sct', code: '84114007', display: 'Heart failure' }] },
        onsetDateTime: '2020-01-01',
      },
      {
        resourceType: 'CarePlan',
        id: 'cp1',
        status: 'active',
        intent: 'plan',
        subject,
        addresses: [{ reference: 'http://example.org/fhir/Condition/c1' }],
        activity: [{ reference: { reference: 'ServiceRequest/r1' }, progress: [{ time: '2026-11-03' }] }],
      },
      {
        resourceType: 'Encounter',
        id: 'e1',
        status: 'finished',
        class: { code: 'AMB' },
        length: { value: 1.5, code: 'h' },
      },
    ]);
    expect(record?.patient.name).toBe('Ana Diaz');
    expect(record?.conditions[0]).toMatchObject({
      ref: 'Condition/c1',
      clinicalStatus: 'active',
      categories: ['problem-list-item'],
      onset: '2020-01-01',
    });
    expect(record?.carePlans[0]?.addresses).toEqual(['Condition/c1']);
    expect(record?.carePlans[0]?.activities[0]).toMatchObject({
      kind: 'ServiceRequest',
      reference: 'ServiceRequest/r1',
      progressDates: ['2026-11-03'],
    });
    expect(record?.encounters[0]?.lengthMinutes).toBe(90);
  });

  it('reports invalid resources by ref and path, leaves them out, and never echoes their content', () => {
    const secret = 'SECRET-CONTENT-123';
    const { record, invalid } = recordFromResources([
      patient,
      { resourceType: 'Condition', id: 'bad-type', subject, code: 5 },
      { resourceType: 'Condition', id: 'no-subject' },
      { resourceType: 'Condition', id: 'bad-date', subject, onsetDateTime: secret },
      { resourceType: 'Goal', subject, lifecycleStatus: 'active', description: { text: 'x' } },
      'not a resource',
    ]);
    expect(record?.conditions).toEqual([]);
    expect(record?.goals).toEqual([]);
    expect(invalid.map((i) => i.ref)).toEqual([
      'Goal/(no id)#4',
      '(unknown)#5',
      'Condition/bad-type',
      'Condition/no-subject',
      'Condition/bad-date',
    ]);
    expect(invalid.find((i) => i.ref === 'Condition/bad-type')?.problem).toMatch(/^code: /);
    expect(invalid.find((i) => i.ref === 'Condition/no-subject')?.problem).toMatch(/^subject: /);
    expect(JSON.stringify(invalid)).not.toContain(secret);
  });

  it('keeps the first of two resources with the same id and reports the second', () => {
    const { record, invalid } = recordFromResources([
      patient,
      { resourceType: 'Goal', id: 'g', subject, lifecycleStatus: 'active', description: { text: 'first' } },
      { resourceType: 'Goal', id: 'g', subject, lifecycleStatus: 'active', description: { text: 'second' } },
    ]);
    expect(record?.goals.map((g) => g.description.text)).toEqual(['first']);
    expect(invalid).toEqual([{ ref: 'Goal/g', problem: expect.stringContaining('duplicate id') }]);
  });

  it('refuses to guess the patient when there are several, and names the problem', () => {
    const result = recordFromResources([patient, { ...patient, id: 'p2' }]);
    expect(result.record).toBeUndefined();
    expect(result.problems).toEqual(['the input holds 2 patients; name one']);
    expect(
      recordFromResources([patient, { ...patient, id: 'p2' }], { patientId: 'p2' }).record?.patient.ref,
    ).toBe('Patient/p2');
  });

  it('does not invent values: absent elements stay absent', () => {
    const { record } = recordFromResources([{ resourceType: 'Patient', id: 'p1' }]);
    expect(record?.patient).toEqual({ ref: 'Patient/p1', identifiers: [] });
  });
});

describe('recordFromBundle on hostile input', () => {
  it('rejects what is not a Bundle', () => {
    expect(recordFromBundle({ resourceType: 'Patient' }).problems).toEqual([
      'the input is not a FHIR Bundle',
    ]);
    expect(recordFromBundle(null).problems).toEqual(['the input is not a FHIR Bundle']);
    expect(recordFromBundle({ resourceType: 'Bundle', entry: 7 }).problems).toEqual([
      'Bundle.entry is not a list',
    ]);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        recordFromBundle(value);
        recordFromBundle({ resourceType: 'Bundle', entry: [value, { resource: value }] });
        if (Array.isArray(value)) {
          recordFromResources(value);
        }
      }),
      { numRuns: 500, seed: 9012 },
    );
  });

  it('never throws on resources of known types with arbitrary fields', () => {
    const types = [
      'Patient',
      'Condition',
      'CarePlan',
      'Encounter',
      'Coverage',
      'MedicationStatement',
      'Goal',
    ];
    const resource = fc.record({
      resourceType: fc.constantFrom(...types),
      id: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)),
      subject: fc.jsonValue(),
      code: fc.jsonValue(),
      status: fc.jsonValue(),
      payor: fc.jsonValue(),
      addresses: fc.jsonValue(),
      activity: fc.jsonValue(),
    });
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 20 }), (resources) => {
        const result = recordFromResources([patient, ...resources]);
        expect(result.record?.patient.ref ?? result.problems[0]).toBeDefined();
      }),
      { numRuns: 500, seed: 9012 },
    );
  });
});
