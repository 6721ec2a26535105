// @vitest-environment happy-dom
import type { Bundle } from 'fhir/r4';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { meetsAllClaim } from '../../../test/review/draft-fixtures.ts';
import { BUILTIN_POLICIES } from '../../domain/builtin-policies.ts';
import type { FhirReader } from '../../review/index.ts';
import { loadNodeR4Validator } from '../../validate/node-definitions.ts';
import type { R4Validator } from '../../validate/r4.ts';
import { criterionLabels } from '../strings.ts';
import { listen, mount, shadow, textOf } from '../workflow/testing.ts';
import type { OpenReferenceDetail } from './events.ts';
import './review-screen.ts';
import type { ReviewServices } from './review-screen.ts';

let validator: R4Validator;
beforeAll(async () => {
  validator = await loadNodeR4Validator();
});

afterEach(() => {
  document.body.replaceChildren();
});

const HOSTILE = '<img src=x onerror="alert(1)">';

function services(reader?: FhirReader): ReviewServices {
  return {
    loadValidator: () => Promise.resolve(validator),
    policies: BUILTIN_POLICIES,
    ...(reader === undefined ? {} : { reader }),
  };
}

function combined(...bundles: Bundle[]): Bundle {
  return { resourceType: 'Bundle', type: 'collection', entry: bundles.flatMap((b) => b.entry ?? []) };
}

/** The text of every nested shadow root, flattened. */
function deepText(node: Element | ShadowRoot): string {
  const own = [...node.childNodes]
    .map((n) => (n instanceof Element ? deepText(n) : (n.textContent ?? '')))
    .join(' ');
  const inner = node instanceof Element && node.shadowRoot ? deepText(node.shadowRoot) : '';
  return `${own} ${inner}`.replace(/\s+/g, ' ');
}

function deepQuery(node: Element | ShadowRoot, selector: string): Element[] {
  const here = [...node.querySelectorAll(selector)];
  const nested = [...node.querySelectorAll('*')].flatMap((e) =>
    e.shadowRoot ? deepQuery(e.shadowRoot, selector) : [],
  );
  return [...here, ...nested];
}

async function settle(element: HTMLElement): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    await new Promise((r) => setTimeout(r, 0));
    await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  }
}

describe('<review-screen>', () => {
  it('reviews a dropped Bundle and shows verdict, criteria, evidence and Provenance', async () => {
    const { download, evidence } = meetsAllClaim();
    const element = await mount('review-screen', { services: services() });
    await element.openFile({ name: 'draft.json', text: JSON.stringify(combined(download, evidence)) });
    await settle(element);
    const text = deepText(shadow(element));
    expect(text).toContain('Consistent');
    expect(text).toContain('Care coordination');
    expect(text).toContain('Communication/meets-all-letter');
    expect(text).toContain('0.1.0');
    for (const label of Object.values(criterionLabels)) {
      expect(text).toContain(label);
    }
  });

  it('flags missing evidence and renders hostile text as text', async () => {
    const { claim, evidence } = meetsAllClaim();
    claim.supportingInfo?.push({
      sequence: 99,
      category: { coding: [{ code: 'info' }] },
      code: {
        coding: [{ system: 'https://g9012.example.org/fhir/CodeSystem/g9012-criterion', code: 'time' }],
      },
      valueReference: { reference: `Encounter/${HOSTILE}` },
    });
    const file = combined(
      { resourceType: 'Bundle', type: 'collection', entry: [{ resource: claim }] },
      evidence,
    );
    const element = await mount('review-screen', { services: services() });
    await element.openFile({ name: 'draft.json', text: JSON.stringify(file) });
    await settle(element);
    const root = shadow(element);
    expect(deepText(root)).toContain('Inconsistent');
    expect(deepQuery(root, 'li[data-state="missing"]')).toHaveLength(1);
    expect(deepText(root)).toContain(HOSTILE);
    expect(deepQuery(root, 'img')).toEqual([]);
  });

  it('opens a Claim by reference from the server, and says when it cannot be read', async () => {
    const { claim, evidence } = meetsAllClaim();
    const byRef = new Map<string, unknown>([['Claim/c1', { ...claim, id: 'c1' }]]);
    for (const e of evidence.entry ?? []) {
      byRef.set(`${e.resource?.resourceType}/${e.resource?.id}`, e.resource);
    }
    const reader: FhirReader = (path) => {
      const body = byRef.get(path);
      return Promise.resolve(body === undefined ? { status: 404 } : { status: 200, body });
    };
    const element = await mount('review-screen', { services: services(reader) });
    await element.openReference('Claim/c1');
    await settle(element);
    expect(deepText(shadow(element))).toContain('Consistent');
    await element.openReference('Claim/nope');
    await settle(element);
    expect(textOf(shadow(element).querySelector('[role="alert"]'))).toBe(
      'Claim/nope could not be read from the server (HTTP 404).',
    );
  });

  it('lists the patient’s drafts on the server, and reviews the one the reviewer picks', async () => {
    const { claim, evidence } = meetsAllClaim();
    const stored = { ...claim, id: 'c1', meta: { lastUpdated: '2026-11-20T10:00:00Z' } };
    const byRef = new Map<string, unknown>([['Claim/c1', stored]]);
    for (const e of evidence.entry ?? []) {
      byRef.set(`${e.resource?.resourceType}/${e.resource?.id}`, e.resource);
    }
    const reader: FhirReader = (path) => {
      if (path.startsWith('Claim?patient=Patient/meets-all&')) {
        return Promise.resolve({
          status: 200,
          body: { resourceType: 'Bundle', entry: [{ resource: stored }] },
        });
      }
      if (path.startsWith('ChargeItem?')) {
        return Promise.resolve({ status: 200, body: { resourceType: 'Bundle', entry: [] } });
      }
      const body = byRef.get(path);
      return Promise.resolve(body === undefined ? { status: 404 } : { status: 200, body });
    };
    const element = await mount('review-screen', { services: services(reader), patient: 'meets-all' });
    await settle(element);
    const root = shadow(element);
    expect(textOf(root.querySelector('.drafts h3'))).toBe('Drafts on the server for this patient');
    const button = root.querySelector<HTMLButtonElement>('.drafts button');
    expect(textOf(button)).toBe('Review Claim/c1');
    expect(textOf(root.querySelector('.drafts .reason'))).toContain('draft');
    button?.click();
    await settle(element);
    expect(deepText(root)).toContain('Consistent');
  });

  it('says when the patient has no drafts on the server', async () => {
    const reader: FhirReader = () => Promise.resolve({ status: 200, body: { resourceType: 'Bundle' } });
    const element = await mount('review-screen', { services: services(reader), patient: 'p1' });
    await settle(element);
    expect(textOf(shadow(element).querySelector('.drafts'))).toContain(
      'No ChargeItem or Claim was found on the server for this patient.',
    );
  });

  it('says a file that is not JSON cannot be read', async () => {
    const element = await mount('review-screen', { services: services() });
    await element.openFile({ name: 'x.json', text: '{' });
    await settle(element);
    expect(textOf(shadow(element).querySelector('[role="alert"]'))).toBe('The file is not valid JSON.');
  });
});

describe('<review-opener>', () => {
  it('emits open-reference only for a Claim or ChargeItem reference', async () => {
    const events = listen<OpenReferenceDetail>('open-reference');
    const element = await mount('review-opener', { canReadServer: true });
    const root = shadow(element);
    const input = root.querySelector<HTMLInputElement>('#reference');
    const form = root.querySelector('form');
    if (input === null || form === null) {
      throw new Error('no form');
    }
    input.value = 'Patient/1';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await element.updateComplete;
    expect(events).toEqual([]);
    expect(textOf(root.querySelector('#reference-help'))).toContain('Enter a reference like Claim/123');
    input.value = 'Claim/123';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(events.map((e) => e.detail)).toEqual([{ reference: 'Claim/123' }]);
  });
});
