// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { configFrom } from '../../src/config/load-config.ts';
import '../../src/ui/standalone-launch.ts';
import type { LaunchRequest } from '../../src/ui/standalone-launch.ts';

afterEach(() => {
  document.body.replaceChildren();
});

async function form() {
  const element = document.createElement('standalone-launch');
  element.sandboxes = configFrom().sandboxes;
  document.body.append(element);
  await element.updateComplete;
  const requests: LaunchRequest[] = [];
  element.addEventListener('launch-request', (event) =>
    requests.push((event as CustomEvent<LaunchRequest>).detail),
  );
  return { element, requests, root: element.shadowRoot as ShadowRoot };
}

describe('standalone launch form', () => {
  it('offers every configured server and asks to launch the chosen one', async () => {
    const { root, requests } = await form();
    const radios = root.querySelectorAll('input[type=radio]');
    expect(radios).toHaveLength(3);
    expect(root.textContent).toContain('http://127.0.0.1:8080/fhir');
    expect(root.querySelector('input[type=text]')).toBeNull();
    root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(requests).toEqual([{ sandbox: configFrom().sandboxes[0] }]);
  });

  it('asks for a patient id for an open server and sends it trimmed', async () => {
    const { element, root, requests } = await form();
    const open = root.querySelectorAll<HTMLInputElement>('input[type=radio]')[2];
    open?.dispatchEvent(new Event('change'));
    await element.updateComplete;
    const patient = root.querySelector<HTMLInputElement>('input[type=text]');
    expect(patient).not.toBeNull();
    if (patient) {
      patient.value = '  abc-123 ';
      patient.dispatchEvent(new Event('input'));
    }
    root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(requests[0]?.sandbox.kind).toBe('open');
    expect(requests[0]?.patientId).toBe('abc-123');
  });
});
