// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import './draft-panel.ts';
import { safeHttpUrl } from './draft-panel.ts';
import type { ChooseDraftKindDetail, DraftActionDetail } from './events.ts';
import { sampleEvaluation } from './fixtures.ts';
import { hostile } from './fixtures-hostile.ts';
import { listen, mount, shadow, textOf } from './testing.ts';

afterEach(() => {
  document.body.replaceChildren();
});

const draft = { resourceType: 'ChargeItem', status: 'planned', note: [{ text: hostile.script }] };

describe('<draft-panel>', () => {
  it('disables Claim and shows why when the caller says so', async () => {
    const element = await mount('draft-panel', {
      evaluation: sampleEvaluation(),
      claimBlockedReason: 'No active Coverage: a Claim needs one. Draft a ChargeItem instead.',
    });
    const root = shadow(element);
    const claim = root.querySelector<HTMLInputElement>('input[name="kind"][value="claim"]');
    expect(claim?.disabled).toBe(true);
    expect(claim?.getAttribute('aria-describedby')).toBe('claim-reason');
    expect(textOf(root.querySelector('#claim-reason'))).toContain('No active Coverage');
  });

  it('emits choose-draft-kind when Claim is picked', async () => {
    const events = listen<ChooseDraftKindDetail>('choose-draft-kind');
    const element = await mount('draft-panel', { evaluation: sampleEvaluation() });
    const claim = shadow(element).querySelector<HTMLInputElement>('input[name="kind"][value="claim"]');
    expect(claim?.disabled).toBe(false);
    claim?.dispatchEvent(new Event('change'));
    expect(events.map((event) => event.detail)).toEqual([{ kind: 'claim' }]);
  });

  it('emits write, download and copy with the chosen kind', async () => {
    const writes = listen<DraftActionDetail>('write-draft');
    const downloads = listen<DraftActionDetail>('download-draft');
    const copies = listen<DraftActionDetail>('copy-draft');
    const element = await mount('draft-panel', { evaluation: sampleEvaluation(), kind: 'claim', draft });
    const root = shadow(element);
    root.querySelector<HTMLButtonElement>('button.write')?.click();
    root.querySelector<HTMLButtonElement>('button.download')?.click();
    root.querySelector<HTMLButtonElement>('button.copy')?.click();
    expect([...writes, ...downloads, ...copies].map((event) => event.detail)).toEqual([
      { kind: 'claim' },
      { kind: 'claim' },
      { kind: 'claim' },
    ]);
  });

  it('keeps Write, Download, Copy, the blocked reason and the write result in the footer that stays in view', async () => {
    const element = await mount('draft-panel', {
      evaluation: sampleEvaluation(),
      draft,
      writeBlockedReason: 'The write scope (user/ChargeItem.c) was not granted.',
      writeResult: { ok: true, resourceType: 'ChargeItem', id: 'ci-1' },
    });
    const root = shadow(element);
    const commit = root.querySelector('.commit');
    for (const selector of [
      'button.write',
      'button.download',
      'button.copy',
      '#write-reason',
      '[data-testid=write-result]',
    ]) {
      expect(commit?.querySelector(selector), selector).not.toBeNull();
    }
    // The footer is the panel's last part, so it sits at the foot of the panel's scroll box.
    expect(root.querySelector('section.panel')?.lastElementChild).toBe(commit);
  });

  it('disables Write with the reason, and keeps Download and Copy', async () => {
    const element = await mount('draft-panel', {
      evaluation: sampleEvaluation(),
      draft,
      writeBlockedReason: 'The write scope (user/ChargeItem.c) was not granted.',
    });
    const root = shadow(element);
    expect(root.querySelector<HTMLButtonElement>('button.write')?.disabled).toBe(true);
    expect(textOf(root.querySelector('#write-reason'))).toContain('user/ChargeItem.c');
    expect(root.querySelector<HTMLButtonElement>('button.download')?.disabled).toBe(false);
  });

  it('offers "Send to <target>" beside Write only while Write is blocked and a write target is configured', async () => {
    const sends = listen<DraftActionDetail>('send-draft');
    const blockedReason = 'This server does not accept new ChargeItem resources.';
    const send = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('[data-testid=send-draft]');

    const open = await mount('draft-panel', {
      evaluation: sampleEvaluation(),
      draft,
      writeTargetName: 'Billing',
    });
    expect(send(shadow(open))).toBeNull();

    const noTarget = await mount('draft-panel', {
      evaluation: sampleEvaluation(),
      draft,
      writeBlockedReason: blockedReason,
    });
    expect(send(shadow(noTarget))).toBeNull();

    const element = await mount('draft-panel', {
      evaluation: sampleEvaluation(),
      kind: 'claim',
      draft,
      writeBlockedReason: blockedReason,
      writeTargetName: 'Billing',
    });
    const root = shadow(element);
    const button = send(root);
    expect(textOf(button)).toBe('Send to Billing');
    expect(button?.disabled).toBe(false);
    expect(button?.type).toBe('button');
    expect(button?.classList.contains('primary')).toBe(true);
    // Same place as Write: the next control in the footer's actions.
    expect(root.querySelector('.commit .actions button.write')?.nextElementSibling).toBe(button);
    button?.click();
    expect(sends.map((event) => event.detail)).toEqual([{ kind: 'claim' }]);

    element.writing = true;
    await element.updateComplete;
    expect(send(root)?.disabled).toBe(true);
    expect(textOf(send(root))).toBe('Sending…');
    expect(textOf(root.querySelector('button.write'))).toBe('Write to EHR');
  });

  it('shows a readable summary, the JSON escaped, and the validation issues', async () => {
    const element = await mount('draft-panel', {
      evaluation: sampleEvaluation(),
      draft,
      chosenPos: '10',
      issues: [{ severity: 'error', path: 'ChargeItem.subject', message: 'Missing required element' }],
    });
    const root = shadow(element);
    expect(textOf(root.querySelector('.summary-text'))).toBe(
      'ChargeItem for HCPCS G9012 × 1, 2026-11-01 to 2026-11-30, payer policy: Medicare (Part B fee schedule). Diagnoses: I50.22. Place of service: 10.',
    );
    expect(root.querySelector('pre')?.textContent).toContain(hostile.script.replaceAll('"', '\\"'));
    expect(root.querySelector('pre script')).toBeNull();
    expect(textOf(root.querySelector('.validation-status'))).toBe('1 error, 0 warnings');
    expect(textOf(root.querySelector('.issues li'))).toBe(
      'Error ChargeItem.subject: Missing required element',
    );
  });

  it('shows the created id with a link, and errors with their next step', async () => {
    const element = await mount('draft-panel', {
      evaluation: sampleEvaluation(),
      draft,
      writeResult: {
        ok: true,
        resourceType: 'ChargeItem',
        id: 'ci-1',
        url: 'https://ehr.test/fhir/ChargeItem/ci-1',
      },
    });
    const root = shadow(element);
    expect(textOf(root.querySelector('.result-ok'))).toContain('Written: ChargeItem/ci-1');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://ehr.test/fhir/ChargeItem/ci-1');
    element.writeResult = {
      ok: false,
      title: 'Missing permission',
      detail: 'The server refused the write (403).',
      nextStep: 'Ask your administrator for user/ChargeItem.c.',
    };
    await element.updateComplete;
    const alert = root.querySelector('[role="alert"]');
    expect(textOf(alert)).toContain('Next step: Ask your administrator for user/ChargeItem.c.');
  });

  it('says plainly when the write found a draft already there, and whether the notes were kept', async () => {
    const found = { ok: true, resourceType: 'ChargeItem', id: 'ci-1' } as const;
    const element = await mount('draft-panel', {
      evaluation: sampleEvaluation(),
      draft,
      writeResult: { ...found, found: 'other' },
    });
    const root = shadow(element);
    const result = () => root.querySelector('[data-testid=write-result]');
    expect(textOf(result())).toBe(
      'Already written: ChargeItem/ci-1 was saved earlier (by another tab or session). Your notes were not added to it; they are kept in this tab.',
    );
    expect(textOf(result())).not.toContain('Written:');
    expect(result()?.classList.contains('result-found')).toBe(true);
    expect(result()?.getAttribute('data-found')).toBe('other');

    element.writeResult = { ...found, found: 'same' };
    await element.updateComplete;
    expect(textOf(result())).toBe('This draft was already on the server (saved earlier): ChargeItem/ci-1.');
    expect(result()?.classList.contains('result-found')).toBe(false);

    element.writeResult = { ...found, found: 'earlier-here' };
    await element.updateComplete;
    expect(textOf(result())).toContain(
      'was written earlier from this tab. Your changes since then were not added',
    );

    element.writeResult = { ...found, found: 'unchecked' };
    await element.updateComplete;
    expect(textOf(result())).toContain('could not be read back to check for your notes, so they are kept');
    expect(textOf(result())).not.toContain('another tab');
  });

  it('shows why the builders refused a draft and what can be drafted instead', async () => {
    const element = await mount('draft-panel', {
      evaluation: sampleEvaluation(),
      kind: 'claim',
      refusal: {
        ok: false,
        code: 'no-coverage',
        reason: 'A Claim needs an active Coverage.',
        details: ['No active Coverage in the record.'],
        offer: 'chargeitem',
      },
    });
    const root = shadow(element);
    const text = textOf(root.querySelector('.refusal'));
    expect(text).toContain('No draft yet: A Claim needs an active Coverage.');
    expect(text).toContain('You can draft a ChargeItem instead.');
    expect(root.querySelector<HTMLButtonElement>('button.write')?.disabled).toBe(true);
  });

  it('never links a javascript: URL', async () => {
    expect(safeHttpUrl(hostile.url)).toBeUndefined();
    const element = await mount('draft-panel', {
      evaluation: sampleEvaluation(),
      draft,
      writeResult: { ok: true, resourceType: 'ChargeItem', id: 'ci-1', url: hostile.url },
    });
    expect(shadow(element).querySelector('a')).toBeNull();
  });
});
