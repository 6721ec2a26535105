import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from './builtin-policies.ts';
import { evaluate } from './evaluate.ts';
import { CRITERION_IDS } from './evaluation.ts';
import type { Concept, PatientRecord } from './record.ts';
import { indexRecord } from './record-index.ts';

// Odd but type-correct values: partial dates, bad dates, offsets, huge and hostile strings, unknown codes.
const oddString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    'x'.repeat(5000),
    '\u0000',
    '%s%n',
  ),
);
const date = fc.oneof(
  fc.constantFrom(
    '2026',
    '2026-11',
    '2026-11-03',
    '2026-11-30T23:59:59-05:00',
    '2026-02-30',
    '2026-13-01',
    'yesterday',
    '',
  ),
  fc
    .date({ min: new Date(Date.UTC(2018, 0, 1)), max: new Date(Date.UTC(2027, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString()),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const statusLike = fc.oneof(
  fc.constantFrom(
    'active',
    'resolved',
    'completed',
    'entered-in-error',
    'finished',
    'in-progress',
    'cancelled',
    'draft',
  ),
  oddString,
);
const concept: fc.Arbitrary<Concept> = fc.record({
  codings: fc.array(
    fc.record({
      system: maybe(
        fc.constantFrom(
          'http://snomed.info/sct',
          'http://hl7.org/fhir/sid/icd-10-cm',
          'http://nucc.org/provider-taxonomy',
          'x',
        ),
      ),
      code: maybe(
        fc.oneof(
          fc.constantFrom('84114007', '44054006', '13645005', '430193006', '171M00000X', 'E11.9', 'I50.9'),
          oddString,
        ),
      ),
      display: maybe(oddString),
    }),
    { maxLength: 3 },
  ),
  text: maybe(oddString),
});
const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const ref = (type: string) => id.map((i) => `${type}/${i}`);
const anyRef = fc.oneof(
  ref('Condition'),
  ref('Practitioner'),
  ref('Organization'),
  ref('Goal'),
  fc.constant('urn:uuid:x'),
  oddString,
);
const period = maybe(fc.record({ start: maybe(date), end: maybe(date) }));
const categories = fc.array(
  fc.oneof(
    fc.constantFrom('sdoh', 'health-concern', 'survey', 'social-history', 'problem-list-item'),
    oddString,
  ),
  { maxLength: 3 },
);

const recordArb: fc.Arbitrary<PatientRecord> = fc.record({
  patient: fc.record({
    ref: fc.constant('Patient/p'),
    name: maybe(oddString),
    identifiers: fc.constant([]),
    deceased: maybe(fc.oneof(fc.boolean(), date)),
  }),
  conditions: fc.array(
    fc.record({
      ref: ref('Condition'),
      clinicalStatus: maybe(statusLike),
      verificationStatus: maybe(statusLike),
      categories,
      code: concept,
      onset: maybe(date),
      abatement: maybe(date),
      recordedDate: maybe(date),
      lastUpdated: maybe(date),
    }),
    { maxLength: 6 },
  ),
  medications: fc.array(
    fc.record({
      ref: ref('MedicationRequest'),
      source: fc.constantFrom('MedicationStatement' as const, 'MedicationRequest' as const),
      status: maybe(statusLike),
      medication: concept,
      effective: period,
      asserted: maybe(date),
    }),
    { maxLength: 4 },
  ),
  medicationSource: fc.constantFrom(
    'MedicationStatement' as const,
    'MedicationRequest' as const,
    'none' as const,
  ),
  carePlans: fc.array(
    fc.record({
      ref: ref('CarePlan'),
      status: maybe(statusLike),
      intent: maybe(fc.constantFrom('plan', 'proposal', 'order')),
      title: maybe(oddString),
      categories: fc.array(concept, { maxLength: 2 }),
      period,
      created: maybe(date),
      lastUpdated: maybe(date),
      addresses: fc.array(anyRef, { maxLength: 3 }),
      goals: fc.array(anyRef, { maxLength: 3 }),
      activities: fc.array(
        fc.record({
          status: maybe(statusLike),
          code: maybe(concept),
          scheduled: period,
          reference: maybe(fc.oneof(ref('ServiceRequest'), oddString)),
          progressDates: fc.array(date, { maxLength: 2 }),
        }),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 3 },
  ),
  goals: fc.array(
    fc.record({
      ref: ref('Goal'),
      lifecycleStatus: maybe(statusLike),
      description: concept,
      categories: fc.array(concept, { maxLength: 1 }),
      addresses: fc.array(anyRef, { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
  encounters: fc.array(
    fc.record({
      ref: ref('Encounter'),
      status: maybe(statusLike),
      classCode: maybe(fc.constantFrom('AMB', 'IMP', 'EMER', 'VR', 'HH', 'XX')),
      types: fc.array(concept, { maxLength: 1 }),
      period,
      lengthMinutes: maybe(
        fc.oneof(
          fc.integer({ min: -10, max: 500 }),
          fc.constant(Number.NaN),
          fc.constant(Number.POSITIVE_INFINITY),
        ),
      ),
      participants: fc.array(anyRef, { maxLength: 2 }),
    }),
    { maxLength: 5 },
  ),
  coverages: fc.array(
    fc.record({
      ref: ref('Coverage'),
      status: maybe(statusLike),
      type: maybe(concept),
      payors: fc.array(anyRef, { maxLength: 2 }),
      payorDisplays: fc.array(
        fc.oneof(fc.constantFrom('Medicare', 'Aetna Medicare', 'Cigna', 'Blue Cross'), oddString),
        { maxLength: 2 },
      ),
      period,
      identifiers: fc.constant([]),
      classes: fc.constant([]),
    }),
    { maxLength: 2 },
  ),
  communications: fc.array(
    fc.record({
      ref: ref('Communication'),
      status: maybe(statusLike),
      categories: fc.constant([]),
      sent: maybe(date),
      received: maybe(date),
      sender: maybe(anyRef),
      recipients: fc.array(anyRef, { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
  procedures: fc.array(
    fc.record({
      ref: ref('Procedure'),
      status: maybe(statusLike),
      code: concept,
      categories: fc.constant([]),
      performed: period,
      performers: fc.array(anyRef, { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
  observations: fc.array(
    fc.record({
      ref: ref('Observation'),
      status: maybe(statusLike),
      categories,
      code: concept,
      effective: maybe(date),
    }),
    { maxLength: 3 },
  ),
  questionnaireResponses: fc.array(
    fc.record({ ref: ref('QuestionnaireResponse'), status: maybe(statusLike), authored: maybe(date) }),
    { maxLength: 2 },
  ),
  practitioners: fc.array(
    fc.record({
      ref: ref('Practitioner'),
      name: maybe(oddString),
      qualifications: fc.array(concept, { maxLength: 1 }),
    }),
    { maxLength: 3 },
  ),
  practitionerRoles: fc.array(
    fc.record({
      ref: ref('PractitionerRole'),
      practitioner: maybe(anyRef),
      codes: fc.array(concept, { maxLength: 2 }),
      specialties: fc.array(concept, { maxLength: 1 }),
    }),
    { maxLength: 2 },
  ),
  organizations: fc.array(
    fc.record({
      ref: ref('Organization'),
      name: maybe(
        fc.oneof(fc.constantFrom('Medicare', 'Aetna', 'UnitedHealthcare', 'State Medicaid'), oddString),
      ),
      identifiers: fc.constant([]),
      types: fc.constant([]),
    }),
    { maxLength: 2 },
  ),
  user: maybe(fc.oneof(ref('Practitioner'), ref('PractitionerRole'))),
});

const attestationArb = fc.array(
  fc.record({
    criterion: fc.constantFrom(...CRITERION_IDS),
    note: fc.oneof(fc.constant(''), oddString),
    by: fc.constantFrom('Practitioner/a', ''),
    at: fc.constant('2026-11-20T10:00:00Z'),
    minutes: maybe(fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constant(Number.NaN))),
  }),
  { maxLength: 4 },
);

describe('evaluate on arbitrary records', () => {
  it('never throws; evidence points into the record; ready means every required criterion is met or attested', () => {
    fc.assert(
      fc.property(
        recordArb,
        attestationArb,
        fc.constantFrom(...BUILTIN_POLICIES),
        (record, attestations, policy) => {
          const e = evaluate(record, { asOf: '2026-11-20', policy, attestations });
          const refs = indexRecord(record).refs;
          for (const c of e.criteria) {
            for (const ref of c.evidence) {
              expect(refs.has(ref), `${c.id} evidence ${ref}`).toBe(true);
            }
          }
          for (const a of e.codeFit.alternatives) {
            for (const ref of a.evidence) {
              expect(refs.has(ref), `${a.code} evidence ${ref}`).toBe(true);
            }
          }
          for (const d of e.diagnoses) {
            expect(refs.has(d.condition)).toBe(true);
          }
          expect(e.criteria.map((c) => c.id)).toEqual([...CRITERION_IDS]);
          if (e.status === 'ready') {
            expect(
              e.criteria
                .filter((c) => c.required)
                .every((c) => c.status === 'met' || c.status === 'attested'),
            ).toBe(true);
          }
          if (e.status === 'not-billable') {
            expect(e.blockers.some((b) => b.status === 'not-met')).toBe(true);
          }
          for (const c of e.criteria) {
            expect(c.reason.length).toBeLessThan(1000);
            if (c.status === 'attested') {
              expect(c.attestable || c.id === 'diagnosis-codes').toBe(true);
            }
          }
          expect(Number.isFinite(e.minutes.total)).toBe(true);
        },
      ),
      { numRuns: 400, seed: 869317392 },
    );
  });

  it('attestation never turns not-met into met or attested', () => {
    fc.assert(
      fc.property(recordArb, fc.constantFrom(...BUILTIN_POLICIES), (record, policy) => {
        const plain = evaluate(record, { asOf: '2026-11-20', policy });
        const attestations = CRITERION_IDS.map((criterion) => ({
          criterion,
          note: 'attested',
          by: 'Practitioner/a',
          at: '2026-11-20T10:00:00Z',
          minutes: 30,
        }));
        const attested = evaluate(record, { asOf: '2026-11-20', policy, attestations });
        plain.criteria.forEach((c, i) => {
          if (c.status === 'not-met') {
            expect(attested.criteria[i]?.status).toBe('not-met');
          }
        });
      }),
      { numRuns: 200, seed: 9012 },
    );
  });
});
