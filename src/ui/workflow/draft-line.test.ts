// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import './draft-line.ts';
import type { ChoosePosDetail, ConfirmDiagnosisDetail, RequestModifierDetail } from './events.ts';
import { sampleEvaluation } from './fixtures.ts';
import { hostile, hostileEvaluation } from './fixtures-hostile.ts';
import { listen, mount, shadow, textOf } from './testing.ts';

afterEach(() => {
  document.body.replaceChildren();
});

const noridian = {
  allowed: 'no' as const,
  reason: 'Modifier 22 applies only to procedure codes with a 0, 10 or 90-day global period.',
  source: 'Noridian JE "Modifier 22", retrieved 2026',
};

describe('<draft-line>', () => {
  it('asks to confirm a suggested ICD-10-CM code and emits confirm-diagnosis when ticked', async () => {
    const events = listen<ConfirmDiagnosisDetail>('confirm-diagnosis');
    const element = await mount('draft-line', { evaluation: sampleEvaluation() });
    const root = shadow(element);
    const checkboxes = root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    expect(checkboxes).toHaveLength(1);
    // A coded diagnosis says where it came from in words, not by resource id.
    expect(textOf(root.querySelector('li[data-code="I50.22"]'))).toContain('Coded in the record');
    expect(textOf(root)).not.toContain('Condition/');
    const suggested = root.querySelector('li.suggested');
    expect(textOf(suggested)).toContain('Suggested from SNOMED 44054006');
    expect(textOf(suggested)).toContain('I confirm E11.9 for this condition');
    const box = checkboxes[0];
    if (box) {
      box.checked = true;
      box.dispatchEvent(new Event('change'));
    }
    expect(events.map((event) => event.detail)).toEqual([
      { condition: 'Condition/t2d', code: 'E11.9', confirmed: true },
    ]);
  });

  it('shows why modifier 22 is not allowed, with the source, and offers no justification form', async () => {
    const evaluation = { ...sampleEvaluation(), modifiers: { applied: [], rejected: [] } };
    const element = await mount('draft-line', { evaluation, modifier22: noridian });
    const root = shadow(element);
    expect(root.querySelector('#justification')).toBeNull();
    const text = textOf(root.querySelector('.m22-disallowed'));
    expect(text).toContain('does not allow modifier 22');
    expect(text).toContain('Source: Noridian JE "Modifier 22"');
  });

  it('says once why modifier 22 was not added when the evaluation rejected it', async () => {
    const element = await mount('draft-line', { evaluation: sampleEvaluation(), modifier22: noridian });
    const root = shadow(element);
    expect(root.querySelector('.m22-disallowed')).toBeNull();
    expect(root.querySelector('#justification')).toBeNull();
    const rejected = [...root.querySelectorAll('li.rejected')].map(textOf);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toContain('Modifier 22 not added');
    expect(rejected[0]).toContain('Source: Noridian JE "Modifier 22", retrieved 2026');
  });

  it('requires a written justification before requesting modifier 22', async () => {
    const events = listen<RequestModifierDetail>('request-modifier');
    const evaluation = { ...sampleEvaluation(), modifiers: { applied: [], rejected: [] } };
    const element = await mount('draft-line', {
      evaluation,
      modifier22: { allowed: 'unverified', reason: 'Nothing published.', source: 'not published' },
    });
    const root = shadow(element);
    const submit = root.querySelector<HTMLButtonElement>('form button');
    submit?.click();
    await element.updateComplete;
    expect(events).toHaveLength(0);
    expect(textOf(root.querySelector('#justification-error'))).toContain('never added without one');
    const field = root.querySelector<HTMLTextAreaElement>('#justification');
    if (field) {
      field.value = 'Three crisis calls and two home visits after eviction notice.';
    }
    submit?.click();
    expect(events.map((event) => event.detail)).toEqual([
      { code: '22', justification: 'Three crisis calls and two home visits after eviction notice.' },
    ]);
  });

  it('offers the place-of-service candidates and emits choose-pos', async () => {
    const events = listen<ChoosePosDetail>('choose-pos');
    const element = await mount('draft-line', { evaluation: sampleEvaluation(), chosenPos: '10' });
    const radios = [...shadow(element).querySelectorAll<HTMLInputElement>('input[name="pos"]')];
    expect(radios.map((radio) => radio.value)).toEqual(['02', '10']);
    expect(radios.map((radio) => radio.checked)).toEqual([false, true]);
    radios[0]?.dispatchEvent(new Event('change'));
    expect(events.map((event) => event.detail)).toEqual([{ code: '02' }]);
  });

  it('renders hostile diagnosis text as text', async () => {
    const element = await mount('draft-line', { evaluation: hostileEvaluation() });
    const root = shadow(element);
    expect(root.querySelector('script, img')).toBeNull();
    expect(textOf(root.querySelector('.diagnoses'))).toContain(hostile.script);
  });
});
