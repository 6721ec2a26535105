// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import './criteria-list.ts';
import type { AttestDetail } from './events.ts';
import { sampleEvaluation, sampleRecord, withCriterion } from './fixtures.ts';
import { listen, mount, shadow, textOf } from './testing.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<criteria-list>', () => {
  it('lists all fourteen criteria with a met-or-attested count', async () => {
    const element = await mount('criteria-list', { evaluation: sampleEvaluation(), record: sampleRecord() });
    const root = shadow(element);
    expect(root.querySelectorAll('criterion-item')).toHaveLength(14);
    expect(textOf(root.querySelector('header'))).toContain('12 of 14 met or attested');
  });

  it('opens the attest dialog from an item and lets the attest event bubble out', async () => {
    const events = listen<AttestDetail>('attest');
    const element = await mount('criteria-list', { evaluation: sampleEvaluation(), record: sampleRecord() });
    const root = shadow(element);
    const item = [...root.querySelectorAll('criterion-item')].find(
      (node) => node.criterion?.id === 'assessment',
    );
    item?.shadowRoot?.querySelector<HTMLButtonElement>('button.attest')?.click();
    const dialog = root.querySelector('attest-dialog');
    await dialog?.updateComplete;
    const dialogRoot = dialog?.shadowRoot;
    expect(dialogRoot?.querySelector('dialog')?.open).toBe(true);
    const note = dialogRoot?.querySelector('textarea');
    if (note) {
      note.value = 'Assessment done at the home visit.';
    }
    dialogRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    expect(events.map((event) => event.detail)).toEqual([
      { criterion: 'assessment', note: 'Assessment done at the home visit.' },
    ]);
  });
});

describe('<criteria-list> focus', () => {
  it('moves focus to the attested row when the new evaluation arrives', async () => {
    const element = await mount('criteria-list', { evaluation: sampleEvaluation(), record: sampleRecord() });
    const root = shadow(element);
    const dialog = root.querySelector('attest-dialog');
    dialog?.show('assessment');
    await dialog?.updateComplete;
    const note = dialog?.shadowRoot?.querySelector('textarea');
    if (note) {
      note.value = 'Assessment done at the home visit.';
    }
    dialog?.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    element.evaluation = withCriterion(sampleEvaluation(), 'assessment', { status: 'attested' });
    await element.updateComplete;
    const item = [...root.querySelectorAll('criterion-item')].find(
      (node) => node.criterion?.id === 'assessment',
    );
    await item?.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(item?.shadowRoot?.activeElement?.localName).toBe('article');
  });
});

describe('<criteria-list> revealEvidence', () => {
  it('opens the first criterion citing a ref and focuses its evidence entry', async () => {
    const element = await mount('criteria-list', { evaluation: sampleEvaluation(), record: sampleRecord() });
    expect(await element.revealEvidence('Communication/pcp-letter')).toBe(true);
    const item = [...shadow(element).querySelectorAll('criterion-item')].find(
      (node) => node.criterion?.id === 'care-coordination',
    );
    const focused = item?.shadowRoot?.activeElement;
    expect(focused?.getAttribute('data-ref')).toBe('Communication/pcp-letter');
    expect(item?.shadowRoot?.querySelector<HTMLElement>('.evidence-list')?.hidden).toBe(false);
    expect(await element.revealEvidence('Encounter/video')).toBe(false);
  });
});
