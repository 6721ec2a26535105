/**
 * Golden tests: `g9012 evaluate` on the public synthetic bundles (mocks/data/public) with fixed --as-of dates.
 * The data are old (Synthea ends by 2021-03-31), so each as-of date sits in the month of the patient's last
 * activity. Each expected status says why it is right.
 *
 * What holds for every Synthea file (mocks/data/public/README.md): there is no MedicationStatement (only
 * MedicationRequest orders, so medication-reconciliation is `missing` with the orders as evidence unless a
 * reconciliation Procedure 430193006 falls in the month), no Communication (care-coordination `missing`), no
 * PractitionerRole or case-manager qualification (case-manager `missing`), no Coverage (coverage `missing`,
 * default policy), no SDOH category (barriers `missing`), and SNOMED-only conditions (diagnosis-codes
 * `missing`: suggested ICD-10-CM codes await confirmation).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvaluationJson } from './evaluation-json.ts';
import { runCli } from './testing.ts';

const DATA = join(import.meta.dirname, '../../mocks/data/public');

async function evaluateFile(file: string, asOf: string): Promise<EvaluationJson> {
  const { code, stdout, stderr } = await runCli(['evaluate', join(DATA, file), '--as-of', asOf]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as EvaluationJson;
}

function statuses(e: EvaluationJson): Record<string, string> {
  return Object.fromEntries(e.criteria.map((c) => [c.id, c.status]));
}

function reason(e: EvaluationJson, id: string): string {
  return e.criteria.find((c) => c.id === id)?.reason ?? '';
}

describe('golden: public synthetic bundles', () => {
  it('Josue Sipes, March 2021: a classic multi-morbid candidate, but CCM fits better', async () => {
    const e = await evaluateFile('synthea-josue-sipes.json', '2021-03-20');
    expect(statuses(e)).toEqual({
      'complex-needs': 'met', // hypertension, diabetes, COPD, CKD... active for years
      'problem-list-review': 'met', // a Condition was recorded on the 2021-03-13 visit
      'medication-reconciliation': 'missing', // Synthea: orders only
      assessment: 'met', // tobacco smoking status survey Observation on 2021-03-13
      'care-plan': 'met', // active diabetes and COPD care plans with activities
      goals: 'met', // 5 active Goals
      'care-plan-updated': 'missing', // both plans were created years before March 2021
      barriers: 'missing',
      time: 'met', // the March encounter and procedures have durations (75 minutes)
      'care-coordination': 'missing',
      'case-manager': 'missing',
      'not-elsewhere-classified': 'missing', // 2+ chronic conditions, a care plan and >= 20 minutes: CCM 99490
      coverage: 'missing',
      'diagnosis-codes': 'missing',
    });
    expect(reason(e, 'complex-needs')).toMatch(
      /^18 active chronic conditions: hypertension, type 2 diabetes, COPD/,
    );
    expect(e.codeFit.alternatives.map((a) => a.code)).toEqual(['99490']);
    expect(e.minutes).toBe(75);
    expect(e.diagnoses.map((d) => [d.code, d.suggested])).toEqual([
      ['I10', true],
      ['E11.9', true],
      ['J44.9', true],
    ]);
    expect(e).toMatchObject({
      status: 'incomplete',
      payer: 'default',
      units: 1,
      period: { start: '2021-03-01', end: '2021-03-31' },
    });
  });

  it('Luis Miguel Delarosa, March 2021: discharged 2021-03-03, so TCM fits as well as CCM', async () => {
    const e = await evaluateFile('synthea-luis-miguel-delarosa.json', '2021-03-20');
    expect(e.codeFit.alternatives.map((a) => [a.code, a.reason.slice(0, 47)])).toEqual([
      ['99490', '5 chronic conditions (hypertension, emphysema, '],
      // The IMP encounter ended 2021-03-03, 17 days before as-of: inside the 30-day TCM period.
      ['99495', 'Discharged from an inpatient stay on 2021-03-03'],
    ]);
    // The 2021-03-18 visit touched a care plan that addresses a Condition, which counts as a review.
    expect(statuses(e)['problem-list-review']).toBe('met');
    expect(reason(e, 'problem-list-review')).toBe('Care plan updated in the period addresses 1 problem');
    // Emphysema has no ICD-10-CM code verified in SOURCES.md §12b, so only hypertension gets a suggestion.
    expect(e.diagnoses.map((d) => d.code)).toEqual(['I10']);
  });

  it('Jonathan Hermiston, January 2021: a discharge on the 25th with nothing documented after it', async () => {
    const e = await evaluateFile('synthea-jonathan-hermiston.json', '2021-01-28');
    const s = statuses(e);
    expect(s.time).toBe('missing'); // the only January encounter is the inpatient stay, which is not case-management time
    expect(e.minutes).toBe(0);
    expect(s['problem-list-review']).toBe('missing'); // no Condition recorded in January
    expect(e.codeFit.alternatives.map((a) => a.code)).toEqual(['99495']); // discharged 2021-01-25, 3 days before as-of
    expect(e.status).toBe('incomplete');
  });

  it('Parker Casper, February 2021: died on 2021-02-21, and the evaluation says so', async () => {
    const e = await evaluateFile('synthea-parker-casper-deceased.json', '2021-02-25');
    expect(e.warnings).toContain('The record says the patient died on 2021-02-21');
    // A care plan was created during the February admission.
    expect(statuses(e)['care-plan-updated']).toBe('met');
    expect(e.diagnoses.map((d) => d.code)).toEqual(['I10', 'E11.9', 'I50.9']);
  });

  it('Wendy Littel, October 2020: no conditions, so complex-needs is missing (not not-met) and nothing fits', async () => {
    const e = await evaluateFile('synthea-wendy-littel-no-conditions.json', '2020-10-20');
    const s = statuses(e);
    // Nothing in the record shows the criterion fails; the record simply has no conditions.
    expect(s['complex-needs']).toBe('missing');
    expect(s['diagnosis-codes']).toBe('missing');
    expect(reason(e, 'diagnosis-codes')).toBe('No active condition to put on the claim');
    expect(s['care-plan']).toBe('missing');
    expect(s['not-elsewhere-classified']).toBe('met'); // no chronic conditions, no discharge: no family fits
    expect(e.status).toBe('incomplete');
  });

  it('Reba Nolan, May 2020: no CarePlan or Goal at all', async () => {
    const e = await evaluateFile('synthea-reba-nolan-no-careplan.json', '2020-05-20');
    const s = statuses(e);
    expect([s['care-plan'], s.goals, s['care-plan-updated']]).toEqual(['missing', 'missing', 'missing']);
    expect(reason(e, 'care-plan')).toBe('No care plan in the record');
    // Without a care plan, CCM's core conditions are not all present: G9012 stays the right code family.
    expect(s['not-elsewhere-classified']).toBe('met');
  });

  it('Patty Dexter (Inferno PDex), January 2025: Type/id references resolve and her Coverage is active', async () => {
    const e = await evaluateFile('inferno-pdex-999-patty-dexter.json', '2025-01-20');
    const coverage = e.criteria.find((c) => c.id === 'coverage');
    // "PDex Health Plan" is not a payer any policy recognises: active coverage, default policy.
    expect(coverage).toMatchObject({
      status: 'met',
      evidence: ['Coverage/pdex-Coverage', 'Organization/pdex-Payor-Organization'],
    });
    expect(e.payer).toBe('default');
    // Her CarePlan is active but has no activity.
    expect(statuses(e)['care-plan']).toBe('missing');
    expect(reason(e, 'care-plan')).toBe('An active care plan exists but lists no activities');
  });

  it('Amy Shaw (US Core example), August 2016: SDOH conditions meet barriers; a Coverage from 2020 does not cover 2016', async () => {
    const e = await evaluateFile('uscore-example-amy-shaw.json', '2016-08-20');
    const s = statuses(e);
    expect(s.barriers).toBe('met'); // SDOH-category and health-concern Conditions are active
    expect(s['problem-list-review']).toBe('met'); // recorded 2016-08-10
    // The duodenal ulcer began 2016-08-10, under 90 days before the period end: not yet chronic.
    expect(s['complex-needs']).toBe('not-met');
    // Coverage.period starts 2020-01-01: the record shows no coverage for August 2016.
    expect(s.coverage).toBe('not-met');
    expect(e.status).toBe('not-billable');
  });

  it('Amy Baxter (Inferno minimal), a Patient and one Encounter: every data criterion is missing', async () => {
    const e = await evaluateFile('inferno-907-amy-baxter-minimal.json', '2021-03-20');
    const missing = e.criteria.filter((c) => c.status === 'missing').map((c) => c.id);
    expect(missing).toHaveLength(13);
    expect(statuses(e)['not-elsewhere-classified']).toBe('met');
    expect(e.invalidResources).toEqual([]);
  });
});
