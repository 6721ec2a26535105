// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mount, shadow } from '../workflow/testing.ts';
import './review-launcher.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<review-launcher>', () => {
  it('loads the review screen only when asked, and passes the server reader on', async () => {
    const reader = () => Promise.resolve({ status: 404 });
    const element = await mount('review-launcher', { reader });
    expect(customElements.get('review-screen')).toBeUndefined();
    shadow(element).querySelector('button')?.click();
    for (let i = 0; i < 300 && !shadow(element).querySelector('review-screen'); i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      await element.updateComplete;
    }
    const screen = shadow(element).querySelector('review-screen');
    expect(customElements.get('review-screen')).toBeDefined();
    expect(screen?.services.reader).toBe(reader);
  });

  it('with open (a review launch), shows the screen at once for the patient in context', async () => {
    const reader = () => Promise.resolve({ status: 404 });
    const element = await mount('review-launcher', { reader, patient: 'p1', open: true });
    expect(shadow(element).querySelector('button')).toBeNull();
    for (let i = 0; i < 300 && !shadow(element).querySelector('review-screen'); i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      await element.updateComplete;
    }
    const screen = shadow(element).querySelector('review-screen');
    expect(screen?.patient).toBe('p1');
    expect(screen?.services.reader).toBe(reader);
  });
});
