// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { parseMinutes } from './attest-dialog.ts';
import type { AttestDetail } from './events.ts';
import { listen, mount, shadow, textOf } from './testing.ts';

afterEach(() => {
  document.body.replaceChildren();
});

async function openDialog(criterion: 'assessment' | 'time') {
  const element = await mount('attest-dialog');
  element.show(criterion);
  await element.updateComplete;
  const root = shadow(element);
  const field = (id: string) => root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`);
  const submit = () => {
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    return element.updateComplete;
  };
  return { element, root, field, submit };
}

describe('<attest-dialog>', () => {
  it('opens as a modal with the criterion in its title', async () => {
    const { root } = await openDialog('assessment');
    expect(root.querySelector('dialog')?.open).toBe(true);
    expect(textOf(root.querySelector('h2'))).toBe('Attest: Comprehensive assessment');
  });

  it('refuses a blank note with a visible inline error, and emits nothing', async () => {
    const events = listen<AttestDetail>('attest');
    const { root, field, submit } = await openDialog('assessment');
    const note = field('note');
    if (note) {
      note.value = '   ';
    }
    await submit();
    expect(events).toHaveLength(0);
    expect(textOf(root.querySelector('#note-error'))).toContain('Write a note');
    expect(note?.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('dialog')?.open).toBe(true);
  });

  it('emits attest with the criterion and trimmed note, then closes', async () => {
    const events = listen<AttestDetail>('attest');
    const { element, root, field, submit } = await openDialog('assessment');
    const note = field('note');
    if (note) {
      note.value = '  PHQ-9 done by phone, scanned to the chart.  ';
    }
    await submit();
    expect(events.map((event) => event.detail)).toEqual([
      { criterion: 'assessment', note: 'PHQ-9 done by phone, scanned to the chart.' },
    ]);
    expect(element.open).toBe(false);
    expect(root.querySelector('dialog')?.open).toBe(false);
  });

  it('asks for minutes for time, refuses zero, and sends the number', async () => {
    const events = listen<AttestDetail>('attest');
    const { root, field, submit } = await openDialog('time');
    const note = field('note');
    const minutes = field('minutes');
    expect(minutes).not.toBeNull();
    if (note && minutes) {
      note.value = 'Calls with the housing office.';
      minutes.value = '0';
      await submit();
      expect(events).toHaveLength(0);
      expect(textOf(root.querySelector('#minutes-error'))).toContain('greater than 0');
      minutes.value = '20';
      await submit();
    }
    expect(events.map((event) => event.detail)).toEqual([
      { criterion: 'time', note: 'Calls with the housing office.', minutes: 20 },
    ]);
  });

  it('does not ask for minutes for other criteria', async () => {
    const { field } = await openDialog('assessment');
    expect(field('minutes')).toBeNull();
  });
});

describe('parseMinutes', () => {
  it('takes whole positive numbers only', () => {
    expect(parseMinutes(' 15 ')).toBe(15);
    expect(parseMinutes('0')).toBeUndefined();
    expect(parseMinutes('-5')).toBeUndefined();
    expect(parseMinutes('2.5')).toBeUndefined();
    expect(parseMinutes('')).toBeUndefined();
  });
});
