// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PayerChangeDetail, PeriodChangeDetail } from './events.ts';
import { adjacentMonth, monthFromInput } from './period-controls.ts';
import { listen, mount, shadow, textOf } from './testing.ts';

afterEach(() => {
  document.body.replaceChildren();
});

const november = { start: '2026-11-01', end: '2026-11-30' };
const policies = [
  { id: 'medicare', name: 'Medicare (Part B fee schedule)' },
  { id: 'medicaid', name: 'Medicaid (generic)' },
];

describe('<period-controls>', () => {
  it('emits the previous and next calendar month', async () => {
    const events = listen<PeriodChangeDetail>('period-change');
    const element = await mount('period-controls', { period: november });
    const root = shadow(element);
    root.querySelector<HTMLButtonElement>('button.previous')?.click();
    root.querySelector<HTMLButtonElement>('button.next')?.click();
    expect(events.map((event) => event.detail)).toEqual([
      { start: '2026-10-01', end: '2026-10-31' },
      { start: '2026-12-01', end: '2026-12-31' },
    ]);
  });

  it('emits the month picked in the month field', async () => {
    const events = listen<PeriodChangeDetail>('period-change');
    const element = await mount('period-controls', { period: november });
    const input = shadow(element).querySelector<HTMLInputElement>('input[type="month"]');
    expect(input?.value).toBe('2026-11');
    if (input) {
      input.value = '2024-02';
      input.dispatchEvent(new Event('change'));
    }
    expect(events.map((event) => event.detail)).toEqual([{ start: '2024-02-01', end: '2024-02-29' }]);
  });

  it('disables Next past the month of the evaluation date', async () => {
    const element = await mount('period-controls', { period: november, asOf: '2026-11-28' });
    expect(shadow(element).querySelector<HTMLButtonElement>('button.next')?.disabled).toBe(true);
  });

  it('hides the payer choice unless the caller asks for it', async () => {
    const element = await mount('period-controls', { period: november, policies, policyId: 'medicare' });
    expect(shadow(element).querySelector('select')).toBeNull();
  });

  it('offers the payer policies with the reason when Coverage is absent, and emits payer-change', async () => {
    const events = listen<PayerChangeDetail>('payer-change');
    const element = await mount('period-controls', {
      period: november,
      policies,
      policyId: 'medicare',
      payerChoice: 'absent',
    });
    const root = shadow(element);
    const select = root.querySelector('select');
    expect([...(select?.options ?? [])].map((option) => textOf(option))).toEqual([
      'Medicare (Part B fee schedule)',
      'Medicaid (generic)',
    ]);
    expect(textOf(root.querySelector('#payer-why'))).toContain('No active Coverage');
    if (select) {
      select.value = 'medicaid';
      select.dispatchEvent(new Event('change'));
    }
    expect(events.map((event) => event.detail)).toEqual([{ policyId: 'medicaid' }]);
  });
});

describe('month arithmetic', () => {
  it('crosses year ends and rejects junk', () => {
    expect(adjacentMonth('2026-01-15', -1)).toEqual({ start: '2025-12-01', end: '2025-12-31' });
    expect(adjacentMonth('2026-12-01', 1)).toEqual({ start: '2027-01-01', end: '2027-01-31' });
    expect(monthFromInput('2026-13')).toBeUndefined();
    expect(monthFromInput('javascript:')).toBeUndefined();
  });
});
