import { readFileSync } from 'node:fs';
import type { Bundle, Claim, Communication, Condition } from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from '../../src/domain/builtin-policies.ts';
import { HCPCS_SYSTEM } from '../../src/domain/draft/urls.ts';
import { bundleEntries, bundleSource, reviewDraft } from '../../src/review/index.ts';
import type { ReviewReport } from '../../src/review/types.ts';
import { loadNodeR4Validator } from '../../src/validate/node-definitions.ts';
import type { R4Validator } from '../../src/validate/r4.ts';
import { changed, meetsAllChargeItem, meetsAllClaim, without } from './draft-fixtures.ts';

let validator: R4Validator;
beforeAll(async () => {
  validator = await loadNodeR4Validator();
});

const LETTER = 'Communication/meets-all-letter';

function review(resource: unknown, ...bundles: Bundle[]): Promise<ReviewReport> {
  return reviewDraft(
    { resource },
    {
      validate: (r) => validator.validate(r),
      source: bundleSource(bundles.flatMap(bundleEntries)),
      policies: BUILTIN_POLICIES,
    },
  );
}

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

describe('review of a draft the app made', () => {
  it('finds a consistent Claim consistent, with its Provenance and app version', async () => {
    const { download, evidence } = meetsAllClaim();
    const report = await reviewDraft(
      { resource: download.entry?.[0]?.resource, fullUrl: download.entry?.[0]?.fullUrl ?? '' },
      {
        validate: (r) => validator.validate(r),
        source: bundleSource([...bundleEntries(download), ...bundleEntries(evidence)]),
        policies: BUILTIN_POLICIES,
      },
    );
    expect(report.discrepancies).toEqual([]);
    expect(report.verdict).toBe('consistent');
    expect(report.valid).toBe(true);
    expect(report.criteria.find((c) => c.id === 'care-coordination')).toMatchObject({
      claimed: 'met',
      now: 'met',
      evidence: [LETTER],
    });
    expect(report.evidence.every((e) => e.state === 'found')).toBe(true);
    expect(report.provenance).toMatchObject({
      found: true,
      appVersion: '0.1.0',
      recorded: '2026-11-20T10:00:00Z',
    });
    expect(report.provenance.entities).toContain(LETTER);
    expect(report.reasons[0]).toMatch(/^Valid FHIR R4 G9012 Claim; all 16 evidence references resolve/);
  });

  it('finds a consistent ChargeItem consistent', async () => {
    const { chargeItem, evidence } = meetsAllChargeItem();
    const report = await review(chargeItem, evidence);
    expect(report.discrepancies).toEqual([]);
    expect(report.verdict).toBe('consistent');
    expect(report.provenance.found).toBe(false);
  });

  it('accepts the https form of the HCPCS system on read', async () => {
    const { claim, evidence } = meetsAllClaim();
    const coding = claim.item?.[0]?.productOrService.coding?.[0];
    if (coding) {
      coding.system = HCPCS_SYSTEM.replace('http:', 'https:');
    }
    expect((await review(claim, evidence)).verdict).toBe('consistent');
  });
});

describe('each inconsistency gives its discrepancy', () => {
  it('evidence deleted', async () => {
    const { claim, evidence } = meetsAllClaim();
    const report = await review(claim, without(evidence, LETTER));
    expect(report.verdict).toBe('inconsistent');
    expect(report.discrepancies).toContain(
      `The draft says care-coordination was met by ${LETTER}, which no longer exists (not found).`,
    );
    expect(report.evidence.find((e) => e.ref === LETTER)?.state).toBe('missing');
    expect(report.criteria.find((c) => c.id === 'care-coordination')?.now).toBe('missing');
  });

  it('evidence changed to entered-in-error', async () => {
    const { claim, evidence } = meetsAllClaim();
    const edited = changed(evidence, LETTER, (r) => ({
      ...(r as Communication),
      status: 'entered-in-error',
    }));
    const report = await review(claim, edited);
    expect(report.verdict).toBe('inconsistent');
    expect(report.discrepancies).toContain(
      `The draft says care-coordination was met by ${LETTER}, which is now entered-in-error.`,
    );
  });

  it('a Condition whose code changed no longer supports the diagnosis billed', async () => {
    const { claim, evidence } = meetsAllClaim();
    const edited = changed(evidence, 'Condition/meets-all-copd', (r) => {
      const condition = r as Condition;
      return {
        ...condition,
        code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'J45.909' }] },
      };
    });
    const report = await review(claim, edited);
    expect(report.verdict).toBe('inconsistent');
    expect(report.discrepancies).toContain(
      'The draft bills diagnosis J44.9, which no active Condition in the evidence now carries.',
    );
  });

  it('a changed billed code: not G9012 any more', async () => {
    const { claim, evidence } = meetsAllClaim();
    const coding = claim.item?.[0]?.productOrService.coding?.[0];
    if (coding) {
      coding.system = 'http://www.ama-assn.org/go/cpt';
      coding.code = '99490';
    }
    const report = await review(claim, evidence);
    expect(report.verdict).toBe('invalid');
    expect(report.g9012).toBe(false);
    expect(report.discrepancies).toEqual(['It bills 99490 (Claim.item.productOrService), not HCPCS G9012.']);
  });

  it('a missing diagnosis', async () => {
    const { claim, evidence } = meetsAllClaim();
    const { diagnosis: _, ...rest } = claim;
    const edited: Claim = { ...rest, item: claim.item?.map(({ diagnosisSequence: __, ...item }) => item) };
    const report = await review(edited, evidence);
    expect(report.valid).toBe(true);
    expect(report.verdict).toBe('invalid');
    expect(report.discrepancies).toContain('No ICD-10-CM diagnosis in Claim.diagnosis.');
  });

  it('modifier 22 without a justification', async () => {
    const { claim, evidence } = meetsAllClaim();
    const item = claim.item?.[0];
    if (item) {
      item.modifier = [{ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '22' }] }];
    }
    const report = await review(claim, evidence);
    expect(report.verdict).toBe('invalid');
    expect(report.discrepancies).toContain(
      'Modifier 22 is on the G9012 line without a written justification.',
    );
  });

  it('a wrong code system', async () => {
    const { claim, evidence } = meetsAllClaim();
    const coding = claim.item?.[0]?.productOrService.coding?.[0];
    if (coding) {
      coding.system = 'http://www.ama-assn.org/go/cpt';
    }
    const report = await review(claim, evidence);
    expect(report.verdict).toBe('invalid');
    expect(report.discrepancies).toContain(
      `G9012 is coded under http://www.ama-assn.org/go/cpt, not the HCPCS system ${HCPCS_SYSTEM}.`,
    );
  });

  it('a draft whose patient cannot be found is not re-evaluated, and says so', async () => {
    const { claim, evidence } = meetsAllClaim();
    const report = await review(claim, without(evidence, 'Patient/meets-all'));
    expect(report.verdict).toBe('inconsistent');
    expect(report.discrepancies).toContain(
      "The draft's patient Patient/meets-all cannot be resolved, so the draft cannot be re-evaluated.",
    );
    expect(report.criteria.every((c) => c.now === 'not evaluated')).toBe(true);
  });
});

describe('structure and other makers', () => {
  it('reports invalid structure with paths', async () => {
    const { claim, evidence } = meetsAllClaim();
    const { insurance: _, ...rest } = claim;
    const report = await review({ ...rest, status: 'bogus' }, evidence);
    expect(report.valid).toBe(false);
    expect(report.verdict).toBe('invalid');
    const paths = report.issues.map((i) => i.path);
    expect(paths).toContain('Claim.insurance');
    expect(paths).toContain('Claim.status');
    expect(report.reasons[0]).toMatch(/^Not valid FHIR R4: \d+ errors?, the first at Claim\./);
  });

  it.each([
    [
      'claim-example-100150.json',
      'Claim/100150',
      'It bills 1200 (Claim.item.productOrService), not HCPCS G9012.',
    ],
    [
      'claim-example-professional-860150.json',
      'Claim/860150',
      'It bills exam (Claim.item.productOrService), not HCPCS G9012.',
    ],
    ['chargeitem-example.json', 'ChargeItem/example', 'It bills 01510 (ChargeItem.code), not HCPCS G9012.'],
  ])('HL7 R4 example %s: valid FHIR, but not a G9012 draft', async (file, ref, why) => {
    const report = await review(fixture(file));
    expect(report).toMatchObject({ ref, valid: true, g9012: false, verdict: 'invalid', criteria: [] });
    expect(report.reasons).toEqual(['Valid FHIR R4, but not a G9012 draft.', why]);
  });

  it('a resource that is neither Claim nor ChargeItem is not a draft', async () => {
    const report = await review({ resourceType: 'Patient', id: 'p1' });
    expect(report.verdict).toBe('invalid');
    expect(report.reasons).toEqual(['It is a Patient, not a Claim or ChargeItem.']);
  });
});
