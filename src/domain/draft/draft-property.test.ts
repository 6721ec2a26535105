import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeR4Validator } from '../../validate/node-definitions.ts';
import { isBlocking, type R4Validator } from '../../validate/r4.ts';
import {
  type AttestationRecord,
  CRITERION_IDS,
  type CriterionResult,
  type Diagnosis,
  type Evaluation,
} from '../evaluation.ts';
import { buildDraft } from './build-draft.ts';
import { buildDownloadBundle } from './bundles.ts';
import { aliceRecord, readyEvaluation } from './evaluation-fixture.ts';

let validator: R4Validator;
beforeAll(async () => {
  validator = await loadNodeR4Validator();
});

const id = fc.stringMatching(/^[A-Za-z0-9.-]{1,64}$/);
const ref = fc
  .tuple(fc.constantFrom('Condition', 'Encounter', 'Communication', 'CarePlan', 'Goal', 'Procedure'), id)
  .map(([type, i]) => `${type}/${i}`);
const instant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const day = instant.map((t) => t.slice(0, 10));
const hostile = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('<script>alert(1)</script>', '"; DROP TABLE', '\u202e', ' ', 'x'.repeat(5000)),
);
const by = fc.oneof(
  id.map((i) => `Practitioner/${i}`),
  id.map((i) => `PractitionerRole/${i}`),
  hostile,
);

const attestation = (criterion: (typeof CRITERION_IDS)[number]): fc.Arbitrary<AttestationRecord> =>
  fc.record({
    criterion: fc.constant(criterion),
    note: hostile,
    by,
    at: instant,
    applied: fc.boolean(),
    minutes: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
  });

const criteria: fc.Arbitrary<CriterionResult[]> = fc.tuple(
  ...CRITERION_IDS.map((criterionId) =>
    fc.record({
      id: fc.constant(criterionId),
      status: fc.constantFrom('met', 'attested', 'missing', 'not-met', 'not-applicable' as const),
      required: fc.boolean(),
      attestable: fc.boolean(),
      evidence: fc.array(ref, { maxLength: 4 }),
      reason: hostile,
      attestation: fc.option(attestation(criterionId), { nil: undefined }),
    }),
  ),
);

const diagnosis: fc.Arbitrary<Diagnosis> = fc.record({
  system: fc.constantFrom('http://hl7.org/fhir/sid/icd-10-cm', 'http://snomed.info/sct'),
  code: fc.stringMatching(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/),
  display: fc.option(hostile, { nil: undefined }),
  suggested: fc.boolean(),
  confirmed: fc.boolean(),
  condition: ref,
  chronic: fc.boolean(),
  source: hostile,
});

const evaluation: fc.Arbitrary<Evaluation> = fc
  .record({
    patientId: id,
    start: day,
    end: day,
    policyId: hostile,
    status: fc.constantFrom('ready', 'ready', 'ready', 'incomplete', 'not-billable' as const),
    criteria,
    diagnoses: fc.array(diagnosis, { minLength: 1, maxLength: 5 }),
    units: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }) },
      fc.integer({ min: -1, max: 0 }),
      fc.double({ noNaN: true, min: 0, max: 100 }),
    ),
    modifiers: fc.array(fc.constantFrom('22', '95', '93', 'GT', 'U2'), { maxLength: 3 }),
    pos: fc.option(
      fc.record({
        code: fc.option(fc.constantFrom('11', '12', '02', '10'), { nil: undefined, freq: 4 }),
        candidates: fc.subarray(['02', '10']),
      }),
      { nil: undefined },
    ),
    blockerOnCoverage: fc.constantFrom(false, false, true),
  })
  .map((a) =>
    readyEvaluation({
      patient: `Patient/${a.patientId}`,
      period: a.start <= a.end ? { start: a.start, end: a.end } : { start: a.end, end: a.start },
      payer: { ...readyEvaluation().payer, policyId: a.policyId },
      status: a.status,
      blockers: a.blockerOnCoverage ? [{ criterion: 'coverage', status: 'missing', reason: 'none' }] : [],
      criteria: a.criteria,
      diagnoses: a.diagnoses,
      units: { quantity: a.units, rule: 'test', source: 'test' },
      modifiers: {
        applied: [...new Set(a.modifiers)].map((code) => ({ code, reason: 'r', source: 's' })),
        rejected: [],
      },
      ...(a.pos === undefined
        ? { placeOfService: undefined }
        : {
            placeOfService: {
              ...(a.pos.code === undefined ? {} : { code: a.pos.code }),
              candidates: a.pos.candidates,
              system: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
              encounter: 'Encounter/e',
              reason: 'r',
              source: 's',
            },
          }),
    }),
  );

const choices = fc.record(
  {
    placeOfService: fc.constantFrom('02', '10', '11', '12', '02', '10', 'xx'),
    context: fc.constantFrom('Encounter/e', 'EpisodeOfCare/x', 'Encounter/e', 'Patient/p'),
    modifierJustifications: fc.array(
      fc.record({ code: fc.constant('22' as const), justification: hostile, by, at: instant }),
      { maxLength: 1 },
    ),
  },
  { requiredKeys: [] },
);

describe('draft property', () => {
  it('every draft validates as R4, or is refused with a reason', () => {
    let drafted = 0;
    fc.assert(
      fc.property(evaluation, choices, fc.constantFrom('claim', 'chargeitem' as const), (e, c, kind) => {
        const result = buildDraft({
          kind,
          evaluation: e,
          record: aliceRecord(),
          choices: c,
          asOf: e.asOf,
          recorded: '2026-11-20T10:00:00Z',
          ids: {
            draft: '6f1c2a3e-0000-4000-8000-000000000001',
            provenance: '6f1c2a3e-0000-4000-8000-000000000002',
          },
          app: { name: 'G9012 case-management app', version: '0.1.0' },
        });
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(0);
          return;
        }
        drafted += 1;
        expect(e.status).not.toBe('not-billable');
        for (const resource of [result.transaction, buildDownloadBundle(result, '2026-11-20T10:00:00Z')]) {
          expect(validator.validate(resource).filter(isBlocking)).toEqual([]);
        }
        const resource = result.resource;
        const concepts =
          resource.resourceType === 'Claim'
            ? (resource.diagnosis ?? []).map((d) => d.diagnosisCodeableConcept)
            : resource.reason;
        const billed = new Set((concepts ?? []).flatMap((c) => c?.coding ?? []).map((c) => c.code));
        const usable = (d: Diagnosis) =>
          d.system === 'http://hl7.org/fhir/sid/icd-10-cm' && (!d.suggested || d.confirmed);
        for (const d of e.diagnoses.filter((x) => !usable(x))) {
          if (!e.diagnoses.some((x) => x.code === d.code && usable(x))) {
            expect(billed.has(d.code), `unconfirmed ${d.code} was billed`).toBe(false);
          }
        }
      }),
      { numRuns: 300, seed: 9012 },
    );
    // The property must exercise real drafts, not only refusals.
    expect(drafted).toBeGreaterThan(40);
  });
});
