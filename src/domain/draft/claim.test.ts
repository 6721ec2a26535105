import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeR4Validator } from '../../validate/node-definitions.ts';
import type { R4Validator } from '../../validate/r4.ts';
import { buildClaim } from './claim.ts';
import { aliceRecord, readyEvaluation } from './evaluation-fixture.ts';
import {
  CRITERION_CODE_SYSTEM,
  DRAFT_IDENTIFIER_SYSTEM,
  HCPCS_SYSTEM,
  PLACE_OF_SERVICE_SYSTEM,
} from './urls.ts';

let validator: R4Validator;
beforeAll(async () => {
  validator = await loadNodeR4Validator();
});

function claimFor(...args: Parameters<typeof buildClaim>) {
  const result = buildClaim(...args);
  if (!result.ok) {
    throw new Error(`refused: ${result.reason}`);
  }
  return result.resource;
}

describe('buildClaim', () => {
  it('drafts a valid professional Claim for G9012 with Alice’s Aetna coverage', () => {
    const claim = claimFor(readyEvaluation(), aliceRecord(), {}, '2026-11-20');
    expect(validator.validate(claim)).toEqual([]);
    expect(claim).toMatchObject({
      status: 'draft',
      use: 'claim',
      type: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }],
      },
      priority: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }],
      },
      patient: { reference: 'Patient/alice' },
      provider: { reference: 'Practitioner/nurse-nina' },
      insurer: { reference: 'Organization/aetna' },
      insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/aetna' } }],
      identifier: [{ system: DRAFT_IDENTIFIER_SYSTEM, value: 'G9012_alice_2026-11-01_2026-11-30_aetna' }],
    });
    const item = claim.item?.[0];
    expect(item?.productOrService.coding?.[0]).toMatchObject({ system: HCPCS_SYSTEM, code: 'G9012' });
    expect(item?.locationCodeableConcept?.coding?.[0]).toEqual({
      system: PLACE_OF_SERVICE_SYSTEM,
      code: '11',
    });
    expect(item?.quantity).toEqual({ value: 1 });
    expect(item?.servicedPeriod).toEqual({ start: '2026-11-01', end: '2026-11-30' });
  });

  it('puts confirmed ICD-10-CM codes on the claim and never an unconfirmed suggestion', () => {
    const claim = claimFor(readyEvaluation(), aliceRecord(), {}, '2026-11-20');
    const codes = claim.diagnosis?.map((d) => d.diagnosisCodeableConcept?.coding?.[0]?.code);
    expect(codes).toEqual(['E11.9', 'I50.9']);
    expect(claim.item?.[0]?.diagnosisSequence).toEqual([1, 2]);
  });

  it('links each met criterion to its evidence, machine-readably', () => {
    const claim = claimFor(readyEvaluation(), aliceRecord(), {}, '2026-11-20');
    const coordination = claim.supportingInfo?.find(
      (s) => s.code?.coding?.[0]?.code === 'care-coordination' && s.valueReference,
    );
    expect(coordination).toMatchObject({
      category: { coding: [{ code: 'info' }] },
      code: { coding: [{ system: CRITERION_CODE_SYSTEM, code: 'care-coordination' }] },
      valueReference: { reference: 'Communication/123' },
    });
    expect(claim.item?.[0]?.informationSequence).toEqual(claim.supportingInfo?.map((s) => s.sequence));
  });

  it('carries each attestation with who attested and when', () => {
    const claim = claimFor(readyEvaluation(), aliceRecord(), {}, '2026-11-20');
    const attested = claim.supportingInfo?.find((s) => s.code?.coding?.[0]?.code === 'case-manager');
    expect(attested?.valueString).toBe(
      'Attested "case-manager" by Practitioner/nurse-nina at 2026-11-20T09:15:00Z: I am the licensed RN case manager assigned to this patient.',
    );
    expect(attested?.timingDate).toBe('2026-11-20');
  });

  it('refuses without an active Coverage, and offers a ChargeItem', () => {
    const record = aliceRecord({ coverages: [] });
    const result = buildClaim(readyEvaluation(), record, {}, '2026-11-20');
    expect(result).toMatchObject({ ok: false, code: 'no-coverage', offer: 'chargeitem' });
    const cancelled = aliceRecord({ coverages: [{ ...aliceRecord().coverages[0]!, status: 'cancelled' }] });
    expect(buildClaim(readyEvaluation(), cancelled, {}, '2026-11-20')).toMatchObject({ code: 'no-coverage' });
  });

  it('adds modifier 22 only with its written justification, and carries the justification', () => {
    const evaluation = readyEvaluation({
      modifiers: { applied: [{ code: '22', reason: 'justified', source: 'policy' }], rejected: [] },
    });
    expect(buildClaim(evaluation, aliceRecord(), {}, '2026-11-20')).toMatchObject({ ok: false });
    const justification = {
      code: '22' as const,
      justification: 'Three times the usual coordination: hospital, shelter and pharmacy.',
      by: 'Practitioner/nurse-nina',
      at: '2026-11-20T09:30:00Z',
    };
    const claim = claimFor(
      evaluation,
      aliceRecord(),
      { modifierJustifications: [justification] },
      '2026-11-20',
    );
    expect(claim.item?.[0]?.modifier).toEqual([
      { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '22' }] },
    ]);
    expect(claim.supportingInfo?.some((s) => s.valueString?.includes(justification.justification))).toBe(
      true,
    );
    expect(validator.validate(claim)).toEqual([]);
  });

  it('asks for the place of service when the encounter leaves a choice (telehealth 02 or 10)', () => {
    const evaluation = readyEvaluation({
      placeOfService: {
        candidates: ['02', '10'],
        system: PLACE_OF_SERVICE_SYSTEM,
        encounter: 'Encounter/video',
        reason: 'Virtual encounter',
        source: 'SOURCES.md §8',
      },
    });
    expect(buildClaim(evaluation, aliceRecord(), {}, '2026-11-20')).toMatchObject({
      ok: false,
      code: 'place-of-service',
      reason: 'Choose the place of service: 02 or 10.',
    });
    expect(buildClaim(evaluation, aliceRecord(), { placeOfService: '11' }, '2026-11-20')).toMatchObject({
      code: 'choice-invalid',
    });
    const claim = claimFor(evaluation, aliceRecord(), { placeOfService: '10' }, '2026-11-20');
    expect(claim.item?.[0]?.locationCodeableConcept?.coding?.[0]?.code).toBe('10');
  });

  it('refuses without a confirmed ICD-10-CM diagnosis', () => {
    const evaluation = readyEvaluation({
      diagnoses: readyEvaluation().diagnoses.filter((d) => !d.confirmed),
    });
    expect(buildClaim(evaluation, aliceRecord(), {}, '2026-11-20')).toMatchObject({ code: 'no-diagnosis' });
  });
});
