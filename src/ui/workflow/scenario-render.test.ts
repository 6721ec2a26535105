// @vitest-environment happy-dom
/**
 * The workflow elements fed a real evaluation: scenario patients from `mocks/patients/`, through
 * `recordFromBundle` and `evaluate()`, as the shell will do.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { scenarios } from '../../../mocks/patients/index.ts';
import { BUILTIN_POLICIES } from '../../domain/builtin-policies.ts';
import { evaluate } from '../../domain/evaluate.ts';
import type { Evaluation } from '../../domain/evaluation.ts';
import { selectPolicy } from '../../domain/payer-match.ts';
import type { PatientRecord } from '../../domain/record.ts';
import { indexRecord } from '../../domain/record-index.ts';
import { recordFromBundle } from '../../fhir/record/index.ts';
import './activity-timeline.ts';
import './code-fit-callout.ts';
import './criteria-list.ts';
import './readiness-summary.ts';
import { mount, shadow, textOf } from './testing.ts';

const AS_OF = '2026-11-20';

function evaluated(id: string): { record: PatientRecord; evaluation: Evaluation } {
  const scenario = scenarios.find((item) => item.id === id);
  const record = scenario ? recordFromBundle(scenario.bundle).record : undefined;
  const selection = record ? selectPolicy(record, indexRecord(record), BUILTIN_POLICIES) : undefined;
  if (!record || !selection) {
    throw new Error(`scenario ${id} did not load`);
  }
  const evaluation = evaluate(record, { asOf: AS_OF, policy: selection.policy, payerMatch: selection.match });
  return { record, evaluation };
}

afterEach(() => {
  document.body.replaceChildren();
});

function itemFor(list: HTMLElement, id: string) {
  const item = [...shadow(list).querySelectorAll('criterion-item')].find((node) => node.criterion?.id === id);
  if (!item) {
    throw new Error(`no item ${id}`);
  }
  return shadow(item);
}

describe('workflow elements on evaluated scenario patients', () => {
  it('a missing assessment shows as a blocker and offers Attest', async () => {
    const { record, evaluation } = evaluated('missing-assessment');
    const summary = await mount('readiness-summary', { evaluation });
    expect(textOf(shadow(summary).querySelector('h2'))).toContain('Incomplete');
    expect(textOf(shadow(summary).querySelector('.blockers'))).toContain(
      'Comprehensive assessment (missing)',
    );
    const list = await mount('criteria-list', { evaluation, record });
    const assessment = itemFor(list, 'assessment');
    expect(textOf(assessment.querySelector('.chip'))).toContain('Missing');
    expect(assessment.querySelector('button.attest')).not.toBeNull();
  });

  it('a patient with one chronic condition is not billable, and complex needs cannot be attested', async () => {
    const { record, evaluation } = evaluated('not-met-complex-needs');
    const summary = await mount('readiness-summary', { evaluation });
    expect(textOf(shadow(summary).querySelector('h2'))).toContain('Not billable');
    const list = await mount('criteria-list', { evaluation, record });
    const complex = itemFor(list, 'complex-needs');
    expect(textOf(complex.querySelector('.chip'))).toContain('Not met');
    expect(textOf(complex.querySelector('.explain'))).toContain('Attestation cannot fix this');
    expect(complex.querySelector('button.attest')).toBeNull();
  });

  it('when CCM fits better, the callout names 99490 with its source', async () => {
    const { record, evaluation } = evaluated('ccm-fits-better');
    const callout = await mount('code-fit-callout', { codeFit: evaluation.codeFit, record });
    const codes = [...shadow(callout).querySelectorAll('ul.alternatives > li')].map((item) =>
      item.getAttribute('data-code'),
    );
    expect(codes).toContain('99490');
    expect(textOf(shadow(callout).querySelector('li[data-code="99490"] .source'))).not.toBe('');
  });

  it('the Medicare patient sees the PFS warning', async () => {
    const medicare = scenarios.find((item) => item.id.includes('medicare'));
    expect(medicare).toBeDefined();
    const { evaluation } = evaluated(medicare?.id ?? '');
    const summary = await mount('readiness-summary', { evaluation });
    const first = shadow(summary).querySelector('.warnings li');
    expect(first?.getAttribute('data-kind')).toBe('payer-coverage');
  });

  it('the hostile-text patient renders as text everywhere', async () => {
    const { record, evaluation } = evaluated('hostile-text');
    const elements = [
      await mount('readiness-summary', { evaluation }),
      await mount('criteria-list', { evaluation, record }),
      await mount('activity-timeline', { record, period: evaluation.period }),
    ];
    for (const item of shadow(elements[1] as HTMLElement).querySelectorAll('criterion-item')) {
      item.shadowRoot?.querySelector<HTMLButtonElement>('button.toggle')?.click();
      await item.updateComplete;
      expect(item.shadowRoot?.querySelector('script, img, iframe')).toBeNull();
    }
    for (const element of elements) {
      expect(shadow(element).querySelector('script, img, iframe')).toBeNull();
    }
    const goals = itemFor(elements[1] as HTMLElement, 'goals');
    expect(textOf(goals.querySelector('.reason'))).toContain('<script>alert("xss")</script>');
  });
});
