// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { notBillableEvaluation, sampleEvaluation } from './fixtures.ts';
import { hostile, hostileEvaluation } from './fixtures-hostile.ts';
import './readiness-summary.ts';
import { mount, shadow, textOf } from './testing.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<readiness-summary>', () => {
  it('shows the overall status in words, with the blockers in plain language', async () => {
    const element = await mount('readiness-summary', { evaluation: sampleEvaluation() });
    const root = shadow(element);
    expect(textOf(root.querySelector('h2'))).toContain('Incomplete');
    const blockers = [...root.querySelectorAll('.blockers li')].map(textOf);
    expect(blockers).toEqual([
      'Comprehensive assessment (missing): No assessment or screening in November 2026.',
      'No more specific code fits (missing): Chronic care management (99490) may fit better; confirm G9012 with a note.',
    ]);
  });

  it('shows the payer policy and how it was matched, the period, minutes and units with the rule source', async () => {
    const element = await mount('readiness-summary', { evaluation: sampleEvaluation() });
    const text = textOf(shadow(element).querySelector('dl'));
    expect(text).toContain('Medicare (Part B fee schedule) — matched by the payer’s name on the Coverage');
    expect(text).toContain('2026-11-01 to 2026-11-30');
    expect(text).toContain('65 min (40 documented, 25 attested)');
    expect(text).toContain('1 × G9012 — 1 unit per calendar month');
    expect(text).toContain('not published — verify with payer');
  });

  it('lists the Medicare PFS warning first and badges every unpublished rule', async () => {
    const element = await mount('readiness-summary', { evaluation: sampleEvaluation() });
    const items = [...shadow(element).querySelectorAll('.warnings li')];
    expect(textOf(items[0])).toContain('not expected to pay G9012 under the Physician Fee Schedule');
    const unpublished = items.filter((item) => item.querySelector('.badge'));
    expect(unpublished.map(textOf)).toEqual([
      'Not published — verify with payer Units per month for G9012: not published — verify with payer.',
    ]);
  });

  it('points from the status to the warnings, counting the unpublished ones, and scrolls to them', async () => {
    const element = await mount('readiness-summary', { evaluation: sampleEvaluation() });
    const root = shadow(element);
    const total = root.querySelectorAll('.warnings li').length;
    const unpublished = [...root.querySelectorAll('.warnings li')].filter((li) => li.querySelector('.badge'));
    expect(total).toBeGreaterThan(1);
    expect(textOf(root.querySelector('.warning-pointer'))).toBe(
      `⚠ ${total} warnings, ${unpublished.length} not published — verify with payer Show`,
    );
    const warnings = root.querySelector<HTMLElement>('.warnings');
    let scrolled = 0;
    if (warnings) {
      warnings.scrollIntoView = () => {
        scrolled += 1;
      };
    }
    root.querySelector<HTMLButtonElement>('.warning-pointer button')?.click();
    expect(scrolled).toBe(1);
    expect(root.activeElement).toBe(warnings);
  });

  it('has no warning pointer when there are no warnings', async () => {
    const element = await mount('readiness-summary', { evaluation: { ...sampleEvaluation(), warnings: [] } });
    expect(shadow(element).querySelector('.warning-pointer')).toBeNull();
    expect(textOf(shadow(element).querySelector('.warnings'))).toContain('No warnings.');
  });

  it('says not billable when a required criterion is not met', async () => {
    const element = await mount('readiness-summary', { evaluation: notBillableEvaluation() });
    const chip = shadow(element).querySelector('.chip');
    expect(textOf(chip)).toBe('✕Not billable');
    expect(chip?.querySelector('.icon')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('renders hostile payer names and reasons as text', async () => {
    const element = await mount('readiness-summary', { evaluation: hostileEvaluation() });
    const root = shadow(element);
    expect(root.querySelector('script, img')).toBeNull();
    expect(textOf(root.querySelector('.payer-name'))).toBe(hostile.script);
  });
});
