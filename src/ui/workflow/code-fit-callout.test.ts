// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import './code-fit-callout.ts';
import type { ConfirmCodeDetail } from './events.ts';
import { sampleEvaluation, sampleRecord } from './fixtures.ts';
import { hostile, hostileEvaluation } from './fixtures-hostile.ts';
import { listen, mount, shadow, textOf } from './testing.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<code-fit-callout>', () => {
  it('names each alternative code with its family, reason and source', async () => {
    const element = await mount('code-fit-callout', {
      codeFit: sampleEvaluation().codeFit,
      record: sampleRecord(),
    });
    const items = [...shadow(element).querySelectorAll('ul.alternatives > li')];
    expect(items.map((item) => item.getAttribute('data-code'))).toEqual(['99490', '99495']);
    const ccm = textOf(items[0]);
    expect(ccm).toContain('Chronic care management (CCM)');
    expect(ccm).toContain('Two or more chronic conditions');
    expect(ccm).toContain('Source: SOURCES.md §3');
    expect(ccm).toContain('Related codes: 99439, 99487, 99489, 99491');
  });

  it('renders nothing when no more specific code fits', async () => {
    const element = await mount('code-fit-callout', { codeFit: { alternatives: [] } });
    expect(shadow(element).querySelector('aside')).toBeNull();
  });

  it('needs a note to confirm G9012, then emits confirm-code with it', async () => {
    const events = listen<ConfirmCodeDetail>('confirm-code');
    const element = await mount('code-fit-callout', { codeFit: sampleEvaluation().codeFit });
    const root = shadow(element);
    const button = root.querySelector<HTMLButtonElement>('button[type="submit"]');
    expect(textOf(button)).toBe('Confirm G9012 is still right');
    button?.click();
    await element.updateComplete;
    expect(events).toHaveLength(0);
    expect(textOf(root.querySelector('#confirm-error'))).toContain('Write a note');
    const note = root.querySelector('textarea');
    if (note) {
      note.value = 'No CCM consent on file; the work is housing-focused case management.';
    }
    button?.click();
    expect(events.map((event) => event.detail)).toEqual([
      {
        criterion: 'not-elsewhere-classified',
        note: 'No CCM consent on file; the work is housing-focused case management.',
      },
    ]);
  });

  it('shows who confirmed and the note instead of the form once confirmed', async () => {
    const codeFit = {
      ...sampleEvaluation().codeFit,
      confirmation: {
        criterion: 'not-elsewhere-classified' as const,
        note: 'Patient declined CCM.',
        by: 'Practitioner/cm1',
        at: '2026-11-27T10:00:00Z',
        applied: true,
      },
    };
    const element = await mount('code-fit-callout', { codeFit, record: sampleRecord() });
    const root = shadow(element);
    expect(root.querySelector('form')).toBeNull();
    expect(textOf(root.querySelector('.confirmed'))).toContain(
      'G9012 confirmed by Dana Whitfield, RN on 2026-11-27',
    );
  });

  it('renders hostile reasons and sources as text', async () => {
    const element = await mount('code-fit-callout', { codeFit: hostileEvaluation().codeFit });
    const root = shadow(element);
    expect(root.querySelector('img, script, a')).toBeNull();
    expect(textOf(root.querySelector('.reason'))).toBe(hostile.img);
  });
});
