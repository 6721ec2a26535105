import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from './builtin-policies.ts';
import { evaluate } from './evaluate.ts';
import { attesterName, personName } from './person-name.ts';
import type { PatientRecord } from './record.ts';
import { caseManagerRole, meetsAllRecord, practitioner } from './test-records.ts';

/** Ana Rivera is the signed-in case manager; Dr. Okafor is on file without a name. */
function riveraRecord(extra: Partial<PatientRecord> = {}): PatientRecord {
  return {
    ...meetsAllRecord(),
    practitioners: [practitioner('cm-rivera', { name: 'Ana Rivera, RN' }), practitioner('dr-okafor')],
    practitionerRoles: [caseManagerRole('cm-rivera-role', 'Practitioner/cm-rivera')],
    user: 'Practitioner/cm-rivera',
    ...extra,
  };
}

describe('personName', () => {
  it('names a Practitioner, a PractitionerRole (by its Practitioner) and an absolute reference', () => {
    const record = riveraRecord();
    expect(personName(record, 'Practitioner/cm-rivera')).toBe('Ana Rivera, RN');
    expect(personName(record, 'PractitionerRole/cm-rivera-role')).toBe('Ana Rivera, RN');
    expect(personName(record, 'https://ehr.example/fhir/Practitioner/cm-rivera')).toBe('Ana Rivera, RN');
    expect(personName(record, 'Practitioner/dr-okafor')).toBeUndefined();
    expect(personName(record, 'Practitioner/nobody')).toBeUndefined();
  });
});

describe('attesterName', () => {
  it('falls back to a plain label, never the raw reference', () => {
    const unnamed = riveraRecord({ practitioners: [] });
    expect(attesterName(unnamed, 'Practitioner/cm-rivera')).toBe('the signed-in user');
    expect(attesterName(unnamed, 'Practitioner/someone-else')).toBe('an unknown user');
    expect(attesterName(unnamed, 'urn:uuid:5f0c9a52-2f1e-4a4c-9d7e-3b1f1b0b2b1c')).toBe('an unknown user');
    expect(attesterName(unnamed, '  ')).toBe('an unknown user');
    expect(attesterName(unnamed, 'cli user')).toBe('cli user');
  });
});

describe('evaluate names the attester', () => {
  const policy = BUILTIN_POLICIES.find((p) => p.id === 'aetna');
  if (!policy) {
    throw new Error('aetna');
  }
  const attest = (record: PatientRecord) =>
    evaluate(
      { ...record, communications: [] },
      {
        asOf: '2026-11-20',
        policy,
        attestations: [
          {
            criterion: 'care-coordination',
            note: 'Called the cardiology office',
            by: 'Practitioner/cm-rivera',
            at: '2026-11-20T10:00:00Z',
          },
        ],
        confirmations: {
          modifiers: [
            {
              code: '22',
              justification: 'Interpreter at every visit',
              by: 'Practitioner/cm-rivera',
              at: '2026-11-20T10:00:00Z',
            },
          ],
        },
      },
    );

  it('in the attested reason and the modifier 22 reason, by the Practitioner’s name', () => {
    const e = attest(riveraRecord());
    const c = e.criteria.find((item) => item.id === 'care-coordination');
    expect(c?.status).toBe('attested');
    expect(c?.reason).toBe('Attested by Ana Rivera, RN: Called the cardiology office');
    expect(c?.attestation?.by).toBe('Practitioner/cm-rivera');
    expect(e.modifiers.applied[0]?.reason).toBe('Justified by Ana Rivera, RN: Interpreter at every visit');
  });

  it('as “the signed-in user” when the record has no name for them', () => {
    const e = attest(riveraRecord({ practitioners: [] }));
    const reason = e.criteria.find((item) => item.id === 'care-coordination')?.reason;
    expect(reason).toBe('Attested by the signed-in user: Called the cardiology office');
    expect(reason).not.toContain('Practitioner/');
    expect(e.modifiers.applied[0]?.reason).not.toContain('Practitioner/');
  });
});
