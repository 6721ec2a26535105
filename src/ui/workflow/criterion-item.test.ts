// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CriterionResult } from '../../domain/evaluation.ts';
import './criterion-item.ts';
import type { RequestAttestDetail } from './events.ts';
import { sampleEvaluation, sampleRecord } from './fixtures.ts';
import { hostile, hostileRecord } from './fixtures-hostile.ts';
import { listen, mount, shadow, textOf } from './testing.ts';

afterEach(() => {
  document.body.replaceChildren();
});

function criterionOf(id: CriterionResult['id']): CriterionResult {
  const found = sampleEvaluation().criteria.find((item) => item.id === id);
  if (!found) {
    throw new Error(id);
  }
  return found;
}

describe('<criterion-item>', () => {
  it('shows a missing attestable criterion with a text chip and an Attest button that asks to attest it', async () => {
    const requests = listen<RequestAttestDetail>('request-attest');
    const element = await mount('criterion-item', {
      criterion: criterionOf('assessment'),
      record: sampleRecord(),
    });
    const root = shadow(element);
    expect(textOf(root.querySelector('.chip'))).toContain('Missing');
    expect(textOf(root.querySelector('.req'))).toBe('Required');
    const button = root.querySelector('button.attest');
    expect(button?.getAttribute('aria-label')).toBe('Attest: Comprehensive assessment');
    (button as HTMLButtonElement | null)?.click();
    expect(requests.map((event) => event.detail)).toEqual([{ criterion: 'assessment' }]);
  });

  it('explains a not-met criterion and offers no Attest button', async () => {
    const criterion: CriterionResult = {
      ...criterionOf('complex-needs'),
      status: 'not-met',
      reason: 'Only 1 active chronic condition.',
    };
    const element = await mount('criterion-item', { criterion, record: sampleRecord() });
    const root = shadow(element);
    expect(textOf(root.querySelector('.chip'))).toContain('Not met');
    expect(textOf(root.querySelector('.explain'))).toContain('Attestation cannot fix this');
    expect(root.querySelector('button.attest')).toBeNull();
  });

  it('shows who attested, when, the note and the minutes', async () => {
    const element = await mount('criterion-item', { criterion: criterionOf('time'), record: sampleRecord() });
    const text = textOf(shadow(element).querySelector('.attested'));
    expect(text).toContain('Attested by Dana Whitfield, RN on 2026-11-26');
    expect(text).toContain('Phone calls with the pharmacy');
    expect(text).toContain('25 min attested');
  });

  it('names who attested from the record, else a plain label, never the raw reference', async () => {
    const attested = (by: string): CriterionResult => {
      const time = criterionOf('time');
      return time.attestation ? { ...time, attestation: { ...time.attestation, by } } : time;
    };
    const record = sampleRecord();
    const lineFor = async (by: string, shown = record) => {
      const element = await mount('criterion-item', { criterion: attested(by), record: shown });
      const line = textOf(shadow(element).querySelector('.attested p'));
      element.remove();
      return line;
    };
    expect(await lineFor('PractitionerRole/cm1-role')).toBe('Attested by Dana Whitfield, RN on 2026-11-26');
    const unnamed = { ...record, practitioners: [] };
    expect(await lineFor('Practitioner/cm1', unnamed)).toBe('Attested by you (signed-in user) on 2026-11-26');
    expect(await lineFor('Practitioner/sandbox-case-manager')).toBe('Attested by unknown user on 2026-11-26');
  });

  it('names the person once when the reason already does', async () => {
    const time = criterionOf('time');
    if (!time.attestation) {
      throw new Error('the sample time criterion is attested');
    }
    const criterion: CriterionResult = {
      ...criterionOf('goals'),
      status: 'attested',
      reason: 'Attested by Dana Whitfield, RN: goals agreed by phone',
      attestation: { ...time.attestation, criterion: 'goals', note: 'goals agreed by phone' },
    };
    const element = await mount('criterion-item', { criterion, record: sampleRecord() });
    const row = textOf(shadow(element).querySelector('article'));
    expect(textOf(shadow(element).querySelector('.attested p'))).toBe('Attested on 2026-11-26');
    expect(row.split('Dana Whitfield')).toHaveLength(2);
  });

  it('expands evidence to each resource’s date, display, author and status', async () => {
    const element = await mount('criterion-item', {
      criterion: criterionOf('complex-needs'),
      record: sampleRecord(),
    });
    const root = shadow(element);
    const toggle = root.querySelector<HTMLButtonElement>('button.toggle');
    expect(textOf(toggle)).toBe('▸ Evidence (3) for Complex needs');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector<HTMLElement>('.evidence-list')?.hidden).toBe(true);
    toggle?.click();
    await element.updateComplete;
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector<HTMLElement>('.evidence-list')?.hidden).toBe(false);
    expect(root.querySelectorAll('.evidence')).toHaveLength(3);
    const first = root.querySelector('.evidence[data-ref="Condition/chf"]');
    expect(textOf(first)).toContain('2026-11-05');
    expect(textOf(first)).toContain('Chronic systolic heart failure');
    expect(textOf(first)).toContain('Dana Whitfield, RN');
    expect(textOf(first)).toContain('active');
  });

  it('opens the evidence when the page is printed', async () => {
    const element = await mount('criterion-item', {
      criterion: criterionOf('goals'),
      record: sampleRecord(),
    });
    const list = () => shadow(element).querySelector<HTMLElement>('.evidence-list');
    expect(list()?.hidden).toBe(true);
    window.dispatchEvent(new Event('beforeprint'));
    await element.updateComplete;
    expect(list()?.hidden).toBe(false);
    expect(textOf(list())).toContain('Weight within 2 kg of dry weight');
    window.dispatchEvent(new Event('afterprint'));
    await element.updateComplete;
    expect(list()?.hidden).toBe(true);
  });

  it('shortens a 100 kB reason and says how long it really is', async () => {
    const element = await mount('criterion-item', {
      criterion: { ...criterionOf('goals'), reason: hostile.huge },
      record: sampleRecord(),
    });
    const reason = textOf(shadow(element).querySelector('.reason'));
    expect(reason.length).toBeLessThan(400);
    expect(reason).toContain('(shortened: 100,000 characters in the record)');
  });

  it('renders hostile condition text as text', async () => {
    const element = await mount('criterion-item', {
      criterion: { ...criterionOf('complex-needs'), reason: hostile.script },
      record: hostileRecord(),
    });
    const root = shadow(element);
    root.querySelector<HTMLButtonElement>('button.toggle')?.click();
    await element.updateComplete;
    expect(root.querySelector('script, img')).toBeNull();
    expect(textOf(root.querySelector('.reason'))).toBe(hostile.script);
    expect(textOf(root.querySelector('.evidence'))).toContain(hostile.img);
  });
});
