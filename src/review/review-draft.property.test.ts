import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetsAllClaim } from '../../test/review/draft-fixtures.ts';
import { BUILTIN_POLICIES } from '../domain/builtin-policies.ts';
import { loadNodeR4Validator } from '../validate/node-definitions.ts';
import type { R4Validator } from '../validate/r4.ts';
import { bundleEntries, bundleSource } from './evidence-source.ts';
import { reviewDraft } from './review-draft.ts';

let validator: R4Validator;
beforeAll(async () => {
  validator = await loadNodeR4Validator();
});

const VERDICTS = ['consistent', 'inconsistent', 'invalid'];

/** Deletes or replaces one value at a random path of a JSON value. */
function mutate(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) {
    return replacement;
  }
  const [step = 0, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return replacement;
    }
    const i = step % value.length;
    return value.map((v, j) => (j === i ? mutate(v, rest, replacement) : v));
  }
  const keys = Object.keys(value);
  const key = keys[step % Math.max(1, keys.length)];
  if (key === undefined) {
    return replacement;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (replacement === undefined) {
    delete copy[key];
  } else {
    copy[key] = mutate(copy[key], rest, replacement);
  }
  return copy;
}

describe('reviewDraft on anything', () => {
  it('never throws, and always gives a verdict with reasons, for any JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (json) => {
        const report = await reviewDraft(
          { resource: json },
          { validate: (r) => validator.validate(r), source: bundleSource([]), policies: BUILTIN_POLICIES },
        );
        expect(VERDICTS).toContain(report.verdict);
        expect(report.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 100, seed: 891659590 },
    );
  });

  it('never throws on a real draft or its evidence with one value deleted or replaced', async () => {
    const { claim, evidence } = meetsAllClaim();
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.nat(40), { maxLength: 6 }),
        fc.option(fc.jsonValue(), { nil: undefined }),
        async (inDraft, path, replacement) => {
          const draft = inDraft ? mutate(claim, path, replacement) : claim;
          const bundle = inDraft ? evidence : mutate(evidence, path, replacement);
          const report = await reviewDraft(
            { resource: draft },
            {
              validate: (r) => validator.validate(r),
              source: bundleSource(bundleEntries(bundle)),
              policies: BUILTIN_POLICIES,
            },
          );
          expect(VERDICTS).toContain(report.verdict);
          if (report.verdict !== 'consistent') {
            expect(report.reasons.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 150, seed: 891659590 },
    );
  });
});
