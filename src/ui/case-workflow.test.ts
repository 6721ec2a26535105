// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scenarios } from '../../mocks/patients/index.ts';
import { recordFromBundle } from '../fhir/record/index.ts';
import type { WriteOutcome, WrittenResource } from '../fhir/write/write-draft.ts';
import './case-workflow.ts';
import type { CaseWorkflow } from './case-workflow.ts';
import { shadow, textOf } from './workflow/testing.ts';

const USER = 'Practitioner/cm-rivera';
const PATIENT = 'missing-problem-list-review';
const KEY = `g9012:work:Patient/${PATIENT}:2026-11-01:2026-11-30`;
const NOTE = 'Reviewed the problem list with the patient by phone.';

function written(more: Partial<WrittenResource>): WriteOutcome {
  const draft = {
    resourceType: 'ChargeItem',
    id: 'ci-1',
    location: 'ChargeItem/ci-1',
    created: true,
    ...more,
  };
  const provenance = { resourceType: 'Provenance', id: 'pv-1', location: 'Provenance/pv-1', created: true };
  return { ok: true, via: 'transaction', draft, provenance };
}

/** The workflow on a patient missing one attestation; `answers` are the writer's outcomes, in turn. */
async function workflow(answers: WriteOutcome[]): Promise<CaseWorkflow> {
  const scenario = scenarios.find((item) => item.id === PATIENT);
  const record = scenario && recordFromBundle(scenario.bundle, { user: USER }).record;
  if (!record) {
    throw new Error(`no scenario ${PATIENT}`);
  }
  let uuid = 0;
  const element = document.createElement('case-workflow');
  Object.assign(element, {
    record,
    asOf: '2026-11-20',
    user: USER,
    services: {
      now: () => new Date('2026-11-20T15:00:00Z'),
      uuid: () => `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`,
      storage: window.sessionStorage,
      loadValidator: async () => ({ validate: () => [] }),
      write: async () => answers.shift() ?? written({}),
      copy: async () => undefined,
      download: () => undefined,
    },
  });
  document.body.append(element);
  await element.updateComplete;
  return element;
}

function panel(element: CaseWorkflow): HTMLElement {
  const found = shadow(element).querySelector<HTMLElement>('draft-panel');
  if (!found) {
    throw new Error('no draft panel');
  }
  return found;
}

async function attest(element: CaseWorkflow, note: string): Promise<void> {
  shadow(element)
    .querySelector('criteria-list')
    ?.dispatchEvent(
      new CustomEvent('attest', {
        detail: { criterion: 'problem-list-review', note },
        bubbles: true,
        composed: true,
      }),
    );
  await element.updateComplete;
}

/** Presses Write and waits for the result; returns the panel's state and the result's text. */
async function write(element: CaseWorkflow): Promise<{ state?: string; text: string }> {
  panel(element).dispatchEvent(
    new CustomEvent('write-draft', { detail: { kind: 'chargeitem' }, bubbles: true, composed: true }),
  );
  await element.updateComplete;
  await vi.waitFor(() => expect(panel(element).dataset.writeState).not.toMatch(/idle|writing/));
  await (panel(element) as HTMLElementTagNameMap['draft-panel']).updateComplete;
  const result = shadow(panel(element)).querySelector('[data-testid=write-result]');
  return { state: panel(element).dataset.writeState, text: textOf(result) };
}

afterEach(() => {
  document.body.replaceChildren();
  window.sessionStorage.clear();
});

describe('<case-workflow> writing a draft another tab wrote first', () => {
  it('says it was already written and keeps the note, then clears it once its own write lands', async () => {
    const element = await workflow([
      written({ created: false, found: 'different' }),
      written({ created: true }),
    ]);
    await attest(element, NOTE);
    expect(window.sessionStorage.getItem(KEY)).toContain(NOTE);

    const lost = await write(element);
    expect(lost.state).toBe('already-written');
    expect(lost.text).toContain(
      'Already written: ChargeItem/ci-1 was saved earlier (by another tab or session)',
    );
    expect(lost.text).not.toContain('Written:');
    expect(window.sessionStorage.getItem(KEY)).toContain(NOTE);

    const won = await write(element);
    expect(won).toEqual({ state: 'written', text: 'Written: ChargeItem/ci-1' });
    expect(window.sessionStorage.getItem(KEY)).toBeNull();
  });

  it('treats its own earlier write found again (same content) as written, in neutral words', async () => {
    const element = await workflow([written({ created: false, found: 'same' })]);
    await attest(element, NOTE);
    const retry = await write(element);
    expect(retry).toEqual({
      state: 'written',
      text: 'This draft was already on the server (saved earlier): ChargeItem/ci-1.',
    });
    expect(window.sessionStorage.getItem(KEY)).toBeNull();
  });

  it('does not blame another tab for a draft this tab wrote before a later note', async () => {
    const element = await workflow([
      written({ created: true }),
      written({ created: false, found: 'different' }),
    ]);
    await attest(element, NOTE);
    expect((await write(element)).state).toBe('written');
    await attest(element, 'Called the patient again on 18 Nov.');
    const again = await write(element);
    expect(again.state).toBe('already-written');
    expect(again.text).toContain('was written earlier from this tab');
    expect(again.text).not.toContain('another tab');
    expect(window.sessionStorage.getItem(KEY)).toContain('Called the patient again on 18 Nov.');
  });

  it('keeps the note when the found draft could not be read back', async () => {
    const element = await workflow([written({ created: false, found: 'unchecked' })]);
    await attest(element, NOTE);
    const unchecked = await write(element);
    expect(unchecked.state).toBe('already-written');
    expect(unchecked.text).toContain('so they are kept in this tab');
    expect(window.sessionStorage.getItem(KEY)).toContain(NOTE);
  });
});
