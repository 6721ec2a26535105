import type { Bundle, CapabilityStatement, OperationOutcome } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../server.ts';
import { startSandbox } from '../server.ts';
import { ALICE, BOB, fixtureBundles } from '../testing/fixture-bundles.ts';
import { ehrLaunch } from '../testing/smart-flow.ts';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, bundles: fixtureBundles(), now: '2026-12-01' });
});
afterAll(async () => {
  await sandbox.close();
});

async function get(path: string, token?: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${sandbox.fhirBase}/${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, json: await response.json() };
}

function chargeItemFor(patient: string): string {
  return JSON.stringify({
    resourceType: 'ChargeItem',
    status: 'planned',
    code: { coding: [{ system: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'G9012' }] },
    subject: { reference: `Patient/${patient}` },
  });
}

async function post(path: string, body: string, token: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${sandbox.fhirBase}/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
    body,
  });
  return { status: response.status, json: await response.json() };
}

function diagnostics(json: unknown): string {
  return ((json as OperationOutcome).issue ?? []).map((i) => i.details?.text ?? '').join(' ');
}

describe('scope enforcement on FHIR requests', () => {
  it('answers 401 with an OperationOutcome when there is no token or an unknown one', async () => {
    const none = await get(`Patient/${ALICE}`);
    expect(none.status).toBe(401);
    expect((none.json as OperationOutcome).resourceType).toBe('OperationOutcome');
    expect((await get(`Patient/${ALICE}`, 'not-a-token')).status).toBe(401);
  });

  it('refuses a patient/ token reading another patient, by id and by search', async () => {
    const token = String((await ehrLaunch(sandbox, ALICE)).access_token);
    expect((await get(`Patient/${ALICE}`, token)).status).toBe(200);
    const read = await get(`Patient/${BOB}`, token);
    expect(read.status).toBe(403);
    expect(diagnostics(read.json)).toContain('outside the patient compartment');
    expect((await get(`Condition/${BOB}-diabetes`, token)).status).toBe(403);
    expect((await get(`Condition?patient=${BOB}`, token)).status).toBe(403);
    expect((await get(`Condition?subject=Patient/${BOB}`, token)).status).toBe(403);
  });

  it('leaves out included resources of another patient or of a type no scope reads', async () => {
    const admin = sandbox.issueAccessToken({ scope: 'user/*.cruds' });
    for (const patient of [ALICE, BOB]) {
      const encounter = {
        resourceType: 'Encounter',
        status: 'finished',
        class: { code: 'AMB' },
        subject: { reference: `Patient/${patient}` },
        participant: [{ individual: { reference: 'Practitioner/sandbox-case-manager' } }],
      };
      expect((await post('Encounter', JSON.stringify(encounter), admin)).status).toBe(201);
    }
    const query = 'Practitioner?_id=sandbox-case-manager&_revinclude=Encounter:practitioner';
    const encountersOf = (bundle: Bundle) =>
      (bundle.entry ?? []).flatMap((e) =>
        e.resource?.resourceType === 'Encounter' ? [e.resource.subject?.reference] : [],
      );
    expect(encountersOf((await get(query, admin)).json as Bundle)).toEqual([
      `Patient/${ALICE}`,
      `Patient/${BOB}`,
    ]);
    const alice = String((await ehrLaunch(sandbox, ALICE)).access_token);
    expect(encountersOf((await get(query, alice)).json as Bundle)).toEqual([`Patient/${ALICE}`]);
    const practitionerOnly = String(
      (await ehrLaunch(sandbox, ALICE, { scope: 'launch patient/Practitioner.rs' })).access_token,
    );
    expect(encountersOf((await get(query, practitionerOnly)).json as Bundle)).toEqual([]);
  });

  it("with patient/ scopes, finds a draft's Provenance through _revinclude, not by searching Provenance", async () => {
    const admin = sandbox.issueAccessToken({ scope: 'user/*.cruds' });
    const created = await post('ChargeItem', chargeItemFor(ALICE), admin);
    const id = (created.json as { id: string }).id;
    const provenance = {
      resourceType: 'Provenance',
      target: [{ reference: `ChargeItem/${id}` }],
      recorded: '2026-12-01T10:00:00Z',
      agent: [{ who: { reference: 'Practitioner/sandbox-case-manager' } }],
    };
    expect((await post('Provenance', JSON.stringify(provenance), admin)).status).toBe(201);
    const alice = String((await ehrLaunch(sandbox, ALICE)).access_token);
    const provenanceIn = (bundle: unknown) =>
      ((bundle as Bundle).entry ?? []).filter((e) => e.resource?.resourceType === 'Provenance').length;
    // The Patient compartment holds only Provenance that targets the Patient itself.
    expect(provenanceIn((await get(`Provenance?target=ChargeItem/${id}`, alice)).json)).toBe(0);
    expect(provenanceIn((await get(`ChargeItem?_id=${id}&_revinclude=Provenance:target`, alice)).json)).toBe(
      1,
    );
  });

  it('applies the same checks to a search by POST', async () => {
    const token = String((await ehrLaunch(sandbox, ALICE)).access_token);
    const search = (form: string) =>
      fetch(`${sandbox.fhirBase}/Condition/_search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
    expect((await search(`patient=${BOB}`)).status).toBe(403);
    const own = (await (await search('')).json()) as Bundle;
    expect(own.entry?.map((e) => e.resource?.id)).toEqual(['alice-diabetes']);
  });

  it('narrows a patient/ search without a patient to the launch patient', async () => {
    const token = String((await ehrLaunch(sandbox, ALICE)).access_token);
    const conditions = (await get('Condition', token)).json as Bundle;
    expect(conditions.entry?.map((e) => e.resource?.id)).toEqual(['alice-diabetes']);
    const patients = (await get('Patient', token)).json as Bundle;
    expect(patients.entry?.map((e) => e.resource?.id)).toEqual([ALICE]);
  });

  it('refuses a read outside the granted scopes with 403 naming the missing scope', async () => {
    const token = String(
      (await ehrLaunch(sandbox, ALICE, { scope: 'launch patient/Condition.rs' })).access_token,
    );
    expect((await get(`Condition?patient=${ALICE}`, token)).status).toBe(200);
    const refused = await get(`Encounter?patient=${ALICE}`, token);
    expect(refused.status).toBe(403);
    expect(diagnostics(refused.json)).toContain('patient/Encounter.rs');
  });

  it('refuses a write without a write scope, naming the scope', async () => {
    const token = String((await ehrLaunch(sandbox, ALICE, { scope: 'launch patient/*.rs' })).access_token);
    const refused = await post('ChargeItem', chargeItemFor(ALICE), token);
    expect(refused.status).toBe(403);
    expect(diagnostics(refused.json)).toContain('ChargeItem.c');
  });

  it('allows a write with user/ChargeItem.c, and refuses one for another patient with patient/ChargeItem.c', async () => {
    const user = String(
      (await ehrLaunch(sandbox, ALICE, { scope: 'launch user/ChargeItem.c' })).access_token,
    );
    expect((await post('ChargeItem', chargeItemFor(ALICE), user)).status).toBe(201);
    const patient = String(
      (await ehrLaunch(sandbox, ALICE, { scope: 'launch patient/ChargeItem.c' })).access_token,
    );
    expect((await post('ChargeItem', chargeItemFor(BOB), patient)).status).toBe(403);
  });

  it('checks every entry of a transaction Bundle', async () => {
    const token = String((await ehrLaunch(sandbox, ALICE, { scope: 'launch patient/*.rs' })).access_token);
    const bundle = JSON.stringify({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ resource: JSON.parse(chargeItemFor(ALICE)), request: { method: 'POST', url: 'ChargeItem' } }],
    });
    expect((await post('', bundle, token)).status).toBe(403);
  });

  it('grants only read scopes when the launch withholds write, and says so in the token scope', async () => {
    const token = await ehrLaunch(sandbox, ALICE, {
      scope: 'launch patient/*.cruds user/ChargeItem.c user/Claim.write',
      settings: { readOnlyScopes: true },
    });
    expect(token.scope).toBe('launch patient/*.rs');
    expect((await post('ChargeItem', chargeItemFor(ALICE), String(token.access_token))).status).toBe(403);
  });
});

describe('per-launch server behaviour', () => {
  it('lists MedicationStatement in /metadata normally, and not for a session launched without it (404 on use)', async () => {
    const types = (json: unknown) =>
      (json as CapabilityStatement).rest?.[0]?.resource?.map((r) => r.type) ?? [];
    const normal = String((await ehrLaunch(sandbox, ALICE)).access_token);
    expect(types((await get('metadata')).json)).toContain('MedicationStatement');
    expect(types((await get('metadata', normal)).json)).toContain('MedicationStatement');
    expect((await get(`MedicationStatement?patient=${ALICE}`, normal)).status).toBe(200);
    const epicLike = String(
      (await ehrLaunch(sandbox, ALICE, { settings: { noMedicationStatement: true } })).access_token,
    );
    const metadata = (await get('metadata', epicLike)).json;
    expect(types(metadata)).not.toContain('MedicationStatement');
    expect(types(metadata)).toContain('MedicationRequest');
    expect((await get(`MedicationStatement?patient=${ALICE}`, epicLike)).status).toBe(404);
  });

  it('lists the patient search parameter for each type, as fhirclient needs', async () => {
    const metadata = (await get('metadata')).json as CapabilityStatement;
    const condition = metadata.rest?.[0]?.resource?.find((r) => r.type === 'Condition');
    const names = condition?.searchParam?.map((p) => p.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(['patient', 'subject', '_count', '_include', 'code']));
  });

  it('drops ChargeItem and Claim create for a session launched with noDraftWrite, and refuses the write with 405', async () => {
    const token = await ehrLaunch(sandbox, ALICE, {
      scope: 'launch patient/*.rs user/ChargeItem.c',
      settings: { noDraftWrite: true },
    });
    const metadata = (await get('metadata', String(token.access_token))).json as CapabilityStatement;
    const chargeItem = metadata.rest?.[0]?.resource?.find((r) => r.type === 'ChargeItem');
    expect(chargeItem?.interaction?.map((i) => i.code)).not.toContain('create');
    expect((await post('ChargeItem', chargeItemFor(ALICE), String(token.access_token))).status).toBe(405);
  });
});

describe('CORS', () => {
  it('answers a preflight for a conditional create from the app origin', async () => {
    const response = await fetch(`${sandbox.fhirBase}/ChargeItem`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, if-none-exist',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'if-none-exist', 'if-match', 'prefer']) {
      expect(allowed).toContain(header);
    }
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('exposes Location and ETag on answers, errors included', async () => {
    const response = await fetch(`${sandbox.fhirBase}/Patient/${ALICE}`, {
      headers: { origin: 'http://127.0.0.1:5173' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(response.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(response.headers.get('access-control-expose-headers')).toContain('Location');
  });
});
