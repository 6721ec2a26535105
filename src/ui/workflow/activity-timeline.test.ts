// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import './activity-timeline.ts';
import type { ShowEvidenceDetail } from './events.ts';
import { sampleRecord } from './fixtures.ts';
import { hostile, hostileRecord } from './fixtures-hostile.ts';
import { listen, mount, shadow, textOf } from './testing.ts';

afterEach(() => {
  document.body.replaceChildren();
});

const november = { start: '2026-11-01', end: '2026-11-30' };

describe('<activity-timeline>', () => {
  it('draws a labelled SVG with one focusable mark per event, and a text list of the same events', async () => {
    const element = await mount('activity-timeline', { record: sampleRecord(), period: november });
    const root = shadow(element);
    const picture = root.querySelector('svg');
    expect(picture?.getAttribute('aria-labelledby')).toBe('timeline-title');
    expect(textOf(root.querySelector('#timeline-title'))).toBe(
      'Activity timeline from 2026-11-01 to 2026-11-30',
    );
    const marks = [...root.querySelectorAll('g.mark')];
    expect(marks.map((mark) => mark.getAttribute('data-lane'))).toEqual([
      'encounter',
      'transition',
      'encounter',
      'medication',
      'care-plan',
      'communication',
      'care-plan',
      'encounter',
    ]);
    expect(marks.filter((mark) => mark.getAttribute('tabindex') === '0')).toHaveLength(1);
    const items = [...root.querySelectorAll('details li')].map(textOf);
    expect(items).toHaveLength(8);
    expect(items[1]).toBe('Transition of care: discharge from inpatient encounter, 2026-11-06');
  });

  it('emits show-evidence with the ref when a mark is clicked or activated from the keyboard', async () => {
    const events = listen<ShowEvidenceDetail>('show-evidence');
    const element = await mount('activity-timeline', { record: sampleRecord(), period: november });
    const root = shadow(element);
    root
      .querySelector<SVGGElement>('g.mark[data-lane="transition"]')
      ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const first = root.querySelector<SVGGElement>('g.mark');
    first?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(events.map((event) => event.detail)).toEqual([
      { ref: 'Encounter/admit' },
      { ref: 'Encounter/admit' },
    ]);
  });

  it('moves focus between marks with the arrow keys (one tab stop)', async () => {
    const element = await mount('activity-timeline', { record: sampleRecord(), period: november });
    const root = shadow(element);
    root
      .querySelector('g.mark')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await element.updateComplete;
    const tabbable = [...root.querySelectorAll('g.mark')].filter(
      (mark) => mark.getAttribute('tabindex') === '0',
    );
    expect(tabbable.map((mark) => mark.getAttribute('data-lane'))).toEqual(['transition']);
  });

  it('says so when the period has no activity', async () => {
    const element = await mount('activity-timeline', {
      record: sampleRecord(),
      period: { start: '2026-01-01', end: '2026-01-31' },
    });
    expect(textOf(shadow(element).querySelector('.empty'))).toContain('No encounters');
  });

  it('renders hostile titles and classes as text', async () => {
    const element = await mount('activity-timeline', { record: hostileRecord(), period: november });
    const root = shadow(element);
    expect(root.querySelector('script, img, foreignObject')).toBeNull();
    expect(textOf(root.querySelector('details'))).toContain(hostile.script);
  });
});
