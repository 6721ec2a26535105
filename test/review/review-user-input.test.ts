import type { Claim } from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetsAll } from '../../mocks/patients/meets-all.ts';
import { missingCriteria } from '../../mocks/patients/missing-criteria.ts';
import { BUILTIN_POLICIES } from '../../src/domain/builtin-policies.ts';
import { bundleEntries, bundleSource, reviewDraft } from '../../src/review/index.ts';
import { loadNodeR4Validator } from '../../src/validate/node-definitions.ts';
import type { R4Validator } from '../../src/validate/r4.ts';
import { AS_OF, DRAFT_USER, draftFor } from './draft-fixtures.ts';

let validator: R4Validator;
beforeAll(async () => {
  validator = await loadNodeR4Validator();
});

const JUSTIFICATION = {
  code: '22' as const,
  justification: 'Three hospital discharges and two home visits this month: twice the usual work.',
  by: DRAFT_USER,
  at: `${AS_OF}T09:00:00Z`,
};

function scenario(id: string) {
  const found = missingCriteria.find((s) => s.id === id);
  if (found === undefined) {
    throw new Error(`no scenario ${id}`);
  }
  return found;
}

function review(resource: unknown, bundle: Parameters<typeof bundleEntries>[0]) {
  return reviewDraft(
    { resource },
    {
      validate: (r) => validator.validate(r),
      source: bundleSource(bundleEntries(bundle)),
      policies: BUILTIN_POLICIES,
    },
  );
}

describe('drafts that carry what the user attested or justified', () => {
  it('an attested criterion is claimed as attested and still holds on re-evaluation', async () => {
    const s = scenario('missing-care-coordination');
    const built = draftFor(s, 'chargeitem', 1, {
      attestations: [
        {
          criterion: 'care-coordination',
          note: 'Called the cardiologist on 12 November.',
          by: DRAFT_USER,
          at: `${AS_OF}T09:00:00Z`,
        },
      ],
    });
    const report = await review(built.resource, s.bundle);
    expect(report.discrepancies).toEqual([]);
    expect(report.verdict).toBe('consistent');
    expect(report.criteria.find((c) => c.id === 'care-coordination')).toMatchObject({
      claimed: 'attested',
      now: 'attested',
    });
  });

  it('modifier 22 with its written justification is consistent where the policy allows it', async () => {
    const built = draftFor(meetsAll, 'claim', 1, { modifierJustifications: [JUSTIFICATION] });
    const claim = built.resource as Claim;
    expect(claim.item?.[0]?.modifier?.[0]?.coding?.[0]?.code).toBe('22');
    const report = await review(claim, meetsAll.bundle);
    expect(report.discrepancies).toEqual([]);
    expect(report.checks.find((c) => c.id === 'modifier-22')).toMatchObject({ ok: true });
  });

  it('modifier 22 under a Medicare draft is flagged: the policy does not allow it', async () => {
    const claim = structuredClone(
      draftFor(meetsAll, 'claim', 1, { modifierJustifications: [JUSTIFICATION] }).resource as Claim,
    );
    // Hand-edited: the same draft, now naming the Medicare policy in its identifier.
    const identifier = claim.identifier?.[0];
    if (identifier?.value) {
      identifier.value = identifier.value.replace(/_default$/, '_medicare');
    }
    const report = await review(claim, meetsAll.bundle);
    expect(report.verdict).toBe('inconsistent');
    expect(report.reEvaluation?.policyId).toBe('medicare');
    expect(report.discrepancies).toContainEqual(
      expect.stringMatching(
        /^Modifier 22 is billed, but the payer policy does not allow it: Medicare contractors allow/,
      ),
    );
  });
});
