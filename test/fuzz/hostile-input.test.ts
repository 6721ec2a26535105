/**
 * Hostile and malformed FHIR (issue 9): generated inputs through the boundary parser and the criteria engine,
 * and through the CLI in-process. Fixed seeds so CI is repeatable. Nothing may throw, hang or print a stack.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing.ts';
import { BUILTIN_POLICIES } from '../../src/domain/builtin-policies.ts';
import { evaluate } from '../../src/domain/evaluate.ts';
import { recordFromBundle } from '../../src/fhir/record/index.ts';

const TYPES = [
  'Patient',
  'Condition',
  'MedicationStatement',
  'CarePlan',
  'Goal',
  'Encounter',
  'Coverage',
  'Communication',
  'Procedure',
  'Observation',
  'Bundle',
  'Nonsense',
];

/** Values of the wrong kind where FHIR wants a string, a list or an object. */
const oddValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('2026-11-05'),
  fc.constant('<script>alert(1)</script>'),
  fc.constant('x'.repeat(1_000_000)),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.jsonValue(),
);

/** References that are fine, dangling, circular (to themselves) or nonsense. */
const reference = fc.oneof(
  fc.constant({ reference: 'Patient/p' }),
  fc.constant({ reference: 'Condition/c0' }),
  fc.constant({ reference: 'urn:uuid:missing' }),
  fc.constant({ reference: 'CarePlan/cp0' }),
  fc.record({ reference: oddValue }),
  oddValue,
);

const deep = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, fc.constant('leaf'), fc.record({ nested: tie('node') })),
})).node;

const resource = fc.record(
  {
    resourceType: fc.constantFrom(...TYPES),
    id: fc.oneof(fc.constantFrom('p', 'c0', 'cp0', 'dup', 'dup'), fc.string({ maxLength: 70 }), fc.integer()),
    subject: reference,
    patient: reference,
    beneficiary: reference,
    payor: fc.oneof(fc.array(reference, { maxLength: 2 }), oddValue),
    status: oddValue,
    intent: oddValue,
    lifecycleStatus: oddValue,
    class: fc.oneof(fc.record({ code: fc.constantFrom('AMB', 'IMP', 'EMER') }), oddValue),
    code: fc.oneof(
      fc.record({ coding: fc.array(fc.record({ system: oddValue, code: oddValue }), { maxLength: 2 }) }),
      oddValue,
    ),
    clinicalStatus: fc.oneof(fc.constant({ coding: [{ code: 'active' }] }), oddValue),
    period: fc.oneof(fc.record({ start: oddValue, end: oddValue }), oddValue),
    addresses: fc.oneof(fc.array(reference, { maxLength: 3 }), oddValue),
    activity: fc.oneof(fc.array(fc.record({ detail: oddValue, reference }), { maxLength: 2 }), oddValue),
    extension: deep,
  },
  { requiredKeys: ['resourceType'] },
);

const bundle = fc.oneof(
  fc.record({
    resourceType: fc.constant('Bundle'),
    type: fc.constant('collection'),
    entry: fc.array(
      fc.oneof(
        fc.record({ fullUrl: fc.oneof(fc.constant('urn:uuid:missing'), fc.string()), resource }),
        oddValue,
      ),
      { maxLength: 12 },
    ),
  }),
  oddValue,
);

const asOf = '2026-11-20';

describe('hostile and malformed FHIR', () => {
  it('10,000 generated Bundles: the parser and evaluate never throw, and invalid resources are reported, not kept', () => {
    let evaluated = 0;
    fc.assert(
      fc.property(bundle, (input) => {
        const result = recordFromBundle(input);
        for (const bad of result.invalid) {
          expect(bad.problem.length).toBeLessThan(2_000);
        }
        if (result.record) {
          const policy = BUILTIN_POLICIES.find((p) => p.id === 'default');
          if (policy) {
            const evaluation = evaluate(result.record, { asOf, policy });
            expect(evaluation.criteria).toHaveLength(14);
            evaluated += 1;
          }
        }
      }),
      { numRuns: 10_000, seed: 9012 },
    );
    expect(evaluated).toBeGreaterThan(100);
  }, 120_000);

  describe('the CLI on generated files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'g9012-fuzz-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('exits 0 or 2, with at most one stderr line and never a stack trace', async () => {
      let file = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            bundle.map((b) => JSON.stringify(b)),
            fc.string({ maxLength: 200 }),
          ),
          async (text) => {
            const path = join(dir, `input-${file++}.json`);
            writeFileSync(path, text);
            const { code, stderr } = await runCli(['evaluate', path, '--as-of', asOf]);
            expect([0, 2]).toContain(code);
            expect(stderr).not.toMatch(/\n\s+at /);
            if (code === 2) {
              expect(stderr.trim().split('\n')).toHaveLength(1);
            }
          },
        ),
        { numRuns: 300, seed: 9012 },
      );
    }, 120_000);
  });
});
