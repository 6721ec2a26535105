import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../server.ts';
import { startSandbox } from '../server.ts';
import { ALICE, fixtureBundles } from '../testing/fixture-bundles.ts';

const HOSTILE = '<script>window.pwned=1</script><img src=x onerror="alert(1)">';

const hostileBundle: Bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-00000000bad1',
      resource: {
        resourceType: 'Patient',
        id: 'hostile',
        name: [{ family: HOSTILE, given: ['"quoted"', 'A'.repeat(100_000)] }],
      },
    },
    {
      resource: {
        resourceType: 'Condition',
        id: 'hostile-condition',
        subject: { reference: 'urn:uuid:00000000-0000-4000-8000-00000000bad1' },
        code: { text: HOSTILE },
        recordedDate: '2021-01-01',
      },
    },
  ],
};

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    bundles: [...fixtureBundles(), { name: 'hostile', bundle: hostileBundle }],
    now: '2026-12-01',
    appOrigin: 'http://127.0.0.1:5999',
  });
});
afterAll(async () => {
  await sandbox.close();
});

/** The launch a 303 to the app's launch page (with this sandbox as `iss`) stands for. */
function launchBehind(response: Response) {
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:5999/launch/launch.html');
  expect(location.searchParams.get('iss')).toBe(sandbox.fhirBase);
  return sandbox.store.launches.get(location.searchParams.get('launch') ?? '');
}

describe('EHR launch page', () => {
  it('lists patients with age, key conditions and payer, and shows hostile text only as text', async () => {
    const response = await fetch(sandbox.url);
    const page = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page).toContain('Alice Fixture');
    expect(page).toContain('Alice&#39;s diabetes');
    expect(page).not.toContain('<script>window');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(page).toContain('Launch as case manager');
    expect(page).toContain('http://127.0.0.1:5999/launch/standalone.html');
    expect(page).toMatch(/<label for="noMedicationStatement">/);
  });

  it('clips a 100,000-character name for display, saying how long it is', async () => {
    const page = await (await fetch(sandbox.url)).text();
    expect(page.length).toBeLessThan(20_000);
    expect(page).toContain('characters)');
  });

  it('Launch redirects to the app launch URL with iss and a launch id that carries the switches', async () => {
    const response = await fetch(`${sandbox.origin}/launch`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ launch: `${ALICE}|physician`, noDraftWrite: 'on' }).toString(),
      redirect: 'manual',
    });
    const launch = launchBehind(response);
    expect(launch?.context).toMatchObject({
      patient: ALICE,
      encounter: 'alice-enc-3',
      user: { key: 'physician' },
      settings: { noDraftWrite: true, noMedicationStatement: false },
    });
  });

  it('links each patient to the payer review: /review/<id> launches the app with the SMART intent "review"', async () => {
    const page = await (await fetch(sandbox.url)).text();
    const link =
      /<a href="([^"]+)" aria-label="Payer review of drafts for Alice Fixture">Payer review of drafts<\/a>/.exec(
        page,
      );
    expect(link?.[1]).toBe(`/review/${ALICE}`);

    const response = await fetch(new URL(link?.[1] ?? '', sandbox.url), { redirect: 'manual' });
    const launch = launchBehind(response);
    expect(launch?.context).toMatchObject({
      patient: ALICE,
      intent: 'review',
      user: { key: 'case-manager' },
    });

    const unknown = await fetch(`${sandbox.origin}/review/no-such-patient`, { redirect: 'manual' });
    expect(unknown.status).toBe(404);
    const malformed = await fetch(`${sandbox.origin}/review/%E0%A4%A`, { redirect: 'manual' });
    expect(malformed.status).toBe(404);
  });

  it('the written-resources page links to the same review', async () => {
    const page = await (await fetch(`${sandbox.origin}/written/${ALICE}`)).text();
    expect(page).toContain(`<a href="/review/${ALICE}">Open the payer review of these drafts</a>`);
  });

  it('shows what the app wrote for a patient as escaped JSON', async () => {
    const token = sandbox.issueAccessToken({ scope: 'user/*.cruds' });
    await fetch(`${sandbox.fhirBase}/ChargeItem`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'ChargeItem',
        status: 'planned',
        code: { text: HOSTILE },
        subject: { reference: 'Patient/hostile' },
      }),
    });
    const page = await (await fetch(`${sandbox.origin}/written/hostile`)).text();
    expect(page).toContain('1 resources written');
    expect(page).toContain('&quot;resourceType&quot;: &quot;ChargeItem&quot;');
    expect(page).not.toContain('<script>window');
  });
});
