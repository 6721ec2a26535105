/**
 * Validation speed: Claims validated per second with the R4 validator (structure + required bindings), on
 * the meets-all Claim. DESIGN.md §5 expects about 3,000 Claims/s from `validateResource` alone; the floor here
 * is low because CI shares its cores, and the figure is printed for the report.
 */
import { describe, expect, it } from 'vitest';
import { buildClaim } from '../../src/domain/draft/claim.ts';
import { aliceRecord, readyEvaluation } from '../../src/domain/draft/evaluation-fixture.ts';
import { loadNodeR4Validator } from '../../src/validate/node-definitions.ts';

describe('validation speed', () => {
  it('validates a realistic Claim fast enough to check every draft before it is sent', async () => {
    const validator = await loadNodeR4Validator();
    const result = buildClaim(readyEvaluation(), aliceRecord(), {}, '2026-11-20');
    if (!result.ok) {
      throw new Error(result.reason);
    }
    const claim = result.resource;
    for (let i = 0; i < 200; i++) {
      validator.validate(claim);
    }
    const runs = 2000;
    const start = performance.now();
    for (let i = 0; i < runs; i++) {
      validator.validate(claim);
    }
    const perSecond = Math.round(runs / ((performance.now() - start) / 1000));
    console.log(
      `R4 validation: ${perSecond} Claims/s (${claim.supportingInfo?.length} supportingInfo entries)`,
    );
    expect(perSecond).toBeGreaterThan(50);
  });
});
