/**
 * Golden drafts: a scenario Bundle goes in (through the record boundary and `evaluate`, asOf 2026-11-20),
 * the draft transaction Bundle (or the refusal) comes out and must equal `test/golden/<scenario>.<kind>.json`.
 * Regenerate after an intended change with `UPDATE_GOLDEN=1 npx vitest run test/write/golden-drafts.test.ts`
 * and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, scenarios } from '../../mocks/patients/index.ts';
import { BUILTIN_POLICIES } from '../../src/domain/builtin-policies.ts';
import { buildDraft } from '../../src/domain/draft/build-draft.ts';
import { buildDownloadBundle } from '../../src/domain/draft/bundles.ts';
import type { DraftChoices, DraftKind } from '../../src/domain/draft/types.ts';
import { evaluate } from '../../src/domain/evaluate.ts';
import type { AttestationInput, CriterionId, Evaluation } from '../../src/domain/evaluation.ts';
import { selectPolicy } from '../../src/domain/payer-match.ts';
import type { PatientRecord } from '../../src/domain/record.ts';
import { indexRecord } from '../../src/domain/record-index.ts';
import { recordFromBundle } from '../../src/fhir/record/index.ts';
import { loadNodeR4Validator } from '../../src/validate/node-definitions.ts';
import { isBlocking, type R4Validator } from '../../src/validate/r4.ts';

const GOLDEN_DIR = join(import.meta.dirname, '../golden');
const AS_OF = '2026-11-20';
const USER = 'Practitioner/cm-rivera';
const AT = '2026-11-20T09:00:00Z';
const APP = { name: 'G9012 case-management app', version: '0.1.0' };

let validator: R4Validator;
beforeAll(async () => {
  validator = await loadNodeR4Validator();
});

function scenario(id: string): Scenario {
  const found = scenarios.find((s) => s.id === id);
  if (found === undefined) {
    throw new Error(`no scenario ${id}`);
  }
  return found;
}

function attest(criterion: CriterionId, note: string): AttestationInput {
  return { criterion, note, by: USER, at: AT };
}

function evaluated(s: Scenario, attestations: readonly AttestationInput[] = []) {
  const { record } = recordFromBundle(s.bundle, { user: USER, patientId: s.id });
  if (record === undefined) {
    throw new Error(`no record for ${s.id}`);
  }
  const selection = selectPolicy(record, indexRecord(record), BUILTIN_POLICIES);
  if (selection === undefined) {
    throw new Error(`no policy for ${s.id}`);
  }
  // Confirm every suggested ICD-10-CM code, as the user would after reading them.
  const first = evaluate(record, {
    asOf: AS_OF,
    policy: selection.policy,
    payerMatch: selection.match,
    attestations,
  });
  const diagnoses = first.diagnoses
    .filter((d) => d.suggested)
    .map((d) => ({ condition: d.condition, code: d.code, by: USER, at: AT }));
  const evaluation = evaluate(record, {
    asOf: AS_OF,
    policy: selection.policy,
    payerMatch: selection.match,
    attestations,
    confirmations: { diagnoses },
  });
  return { record, evaluation };
}

function draftOf(kind: DraftKind, record: PatientRecord, evaluation: Evaluation, choices: DraftChoices) {
  return buildDraft({
    kind,
    evaluation,
    record,
    choices,
    asOf: AS_OF,
    recorded: '2026-11-20T10:00:00Z',
    ids: {
      draft: '11111111-1111-4111-8111-111111111111',
      provenance: '22222222-2222-4222-8222-222222222222',
    },
    app: APP,
  });
}

interface GoldenCase {
  readonly scenario: string;
  readonly kind: DraftKind;
  readonly choices?: DraftChoices;
  readonly attestations?: readonly AttestationInput[];
  readonly expect: 'draft' | 'refusal';
}

const CONFIRM_G9012 = attest(
  'not-elsewhere-classified',
  'Reviewed the alternatives; G9012 is the code this programme pays.',
);

const CASES: readonly GoldenCase[] = [
  { scenario: 'meets-all', kind: 'claim', choices: { placeOfService: '11' }, expect: 'draft' },
  { scenario: 'meets-all', kind: 'chargeitem', expect: 'draft' },
  { scenario: 'payer-aetna', kind: 'claim', choices: { placeOfService: '11' }, expect: 'draft' },
  { scenario: 'payer-bcbs', kind: 'chargeitem', expect: 'draft' },
  { scenario: 'payer-cigna', kind: 'claim', choices: { placeOfService: '11' }, expect: 'draft' },
  { scenario: 'payer-uhc', kind: 'claim', choices: { placeOfService: '11' }, expect: 'draft' },
  {
    scenario: 'payer-medicare',
    kind: 'claim',
    choices: { placeOfService: '11' },
    attestations: [CONFIRM_G9012],
    expect: 'draft',
  },
  {
    scenario: 'missing-care-coordination',
    kind: 'claim',
    choices: { placeOfService: '11' },
    attestations: [
      attest('care-coordination', 'Called the cardiology office on 12 Nov to align the diuretic plan.'),
    ],
    expect: 'draft',
  },
  {
    scenario: 'ccm-fits-better',
    kind: 'claim',
    choices: { placeOfService: '10' },
    attestations: [CONFIRM_G9012],
    expect: 'draft',
  },
  { scenario: 'no-coverage', kind: 'chargeitem', expect: 'draft' },
  { scenario: 'no-coverage', kind: 'claim', expect: 'refusal' },
  { scenario: 'not-met-complex-needs', kind: 'chargeitem', expect: 'refusal' },
  { scenario: 'missing-time', kind: 'claim', choices: { placeOfService: '11' }, expect: 'refusal' },
  { scenario: 'hostile-text', kind: 'claim', choices: { placeOfService: '11' }, expect: 'draft' },
];

function golden(name: string, actual: unknown): void {
  const file = join(GOLDEN_DIR, `${name}.json`);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

describe('golden drafts', () => {
  it.each(CASES.map((c) => [`${c.scenario}.${c.kind}`, c] as const))('%s', (name, c) => {
    const { record, evaluation } = evaluated(scenario(c.scenario), c.attestations);
    const result = draftOf(c.kind, record, evaluation, c.choices ?? {});
    expect(result.ok ? 'draft' : 'refusal').toBe(c.expect);
    if (result.ok) {
      expect(validator.validate(result.transaction)).toEqual([]);
      golden(name, result.transaction);
    } else {
      golden(name, result);
    }
  });
});

describe('every scenario', () => {
  it('gives, for both kinds, a draft that validates as R4 or a refusal with a reason', () => {
    let drafts = 0;
    for (const s of scenarios) {
      const { record, evaluation } = evaluated(s, [CONFIRM_G9012]);
      const placeOfService = evaluation.placeOfService?.candidates[0];
      const choices = placeOfService === undefined ? {} : { placeOfService };
      for (const kind of ['claim', 'chargeitem'] as const) {
        const result = draftOf(kind, record, evaluation, choices);
        if (!result.ok) {
          expect(result.reason, `${s.id} ${kind}`).not.toBe('');
          continue;
        }
        drafts += 1;
        for (const bundle of [result.transaction, buildDownloadBundle(result, '2026-11-20T10:00:00Z')]) {
          expect(validator.validate(bundle).filter(isBlocking), `${s.id} ${kind}`).toEqual([]);
        }
      }
    }
    expect(drafts).toBeGreaterThan(10);
  });
});
