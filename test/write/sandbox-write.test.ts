import type { Bundle } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../mocks/sandbox/server.ts';
import { ALICE, fixtureBundles } from '../../mocks/sandbox/testing/fixture-bundles.ts';
import { withAbsoluteReferences } from '../../src/domain/draft/absolute-references.ts';
import { buildDraft, type DraftRequest } from '../../src/domain/draft/build-draft.ts';
import type { DraftPackage } from '../../src/domain/draft/bundles.ts';
import { aliceRecord, readyEvaluation } from '../../src/domain/draft/evaluation-fixture.ts';
import { DRAFT_IDENTIFIER_SYSTEM, DRAFT_PROVENANCE_TAG_SYSTEM } from '../../src/domain/draft/urls.ts';
import { type FhirHttp, fetchFhirHttp } from '../../src/fhir/write/fhir-http.ts';
import { writeDraft } from '../../src/fhir/write/write-draft.ts';
import { loadNodeR4Validator } from '../../src/validate/node-definitions.ts';
import type { R4Validator } from '../../src/validate/r4.ts';

let sandbox: RunningSandbox;
let http: FhirHttp;
let validator: R4Validator;
let counter = 0;

beforeAll(async () => {
  [sandbox, validator] = await Promise.all([
    startSandbox({ port: 0, bundles: fixtureBundles(), now: '2026-12-01' }),
    loadNodeR4Validator(),
  ]);
  const token = sandbox.issueAccessToken({ scope: 'user/*.cruds', patient: ALICE });
  http = fetchFhirHttp(sandbox.fhirBase, { authorization: async () => `Bearer ${token}` });
});
afterAll(async () => {
  await sandbox.close();
});

/** A fresh draft for Alice; a distinct period per test keeps the tests independent. */
function draftFor(kind: DraftRequest['kind'], month: string) {
  counter += 1;
  const result = buildDraft({
    kind,
    evaluation: readyEvaluation({
      patient: `Patient/${ALICE}`,
      period: { start: `${month}-01`, end: `${month}-28` },
    }),
    record: aliceRecord(),
    choices: {},
    asOf: '2026-11-20',
    recorded: '2026-11-20T10:00:00Z',
    ids: {
      draft: `00000000-0000-4000-8000-${String(counter * 2).padStart(12, '0')}`,
      provenance: `00000000-0000-4000-8000-${String(counter * 2 + 1).padStart(12, '0')}`,
    },
    app: { name: 'G9012 case-management app', version: '0.1.0' },
  });
  if (!result.ok) {
    throw new Error(result.reason);
  }
  return result;
}

async function search(url: string): Promise<Bundle> {
  const response = await http('GET', url, undefined, {});
  return response.body as Bundle;
}

async function countOnServer(resourceType: string, identifierValue: string) {
  const drafts = await search(
    `${resourceType}?identifier=${encodeURIComponent(`${DRAFT_IDENTIFIER_SYSTEM}|${identifierValue}`)}`,
  );
  const provenances = await search(
    `Provenance?_tag=${encodeURIComponent(`${DRAFT_PROVENANCE_TAG_SYSTEM}|${resourceType}_${identifierValue}`)}`,
  );
  return { drafts: drafts.entry ?? [], provenances: provenances.entry ?? [] };
}

describe('writing drafts to the sandbox', () => {
  it('writes a ChargeItem and its Provenance once, however often the user clicks', async () => {
    const draft = draftFor('chargeitem', '2026-01');
    const first = await writeDraft(http, draft, { validator });
    expect(first).toMatchObject({
      ok: true,
      via: 'transaction',
      draft: { created: true },
      provenance: { created: true },
    });
    const second = await writeDraft(http, draft, { validator });
    expect(second).toMatchObject({ ok: true, draft: { created: false }, provenance: { created: false } });
    if (!first.ok || !second.ok) {
      return;
    }
    expect(second.draft.id).toBe(first.draft.id);
    const value = draft.resource.identifier?.[0]?.value ?? '';
    const { drafts, provenances } = await countOnServer('ChargeItem', value);
    expect(drafts).toHaveLength(1);
    expect(provenances).toHaveLength(1);
    const provenance = provenances[0]?.resource;
    expect(provenance?.resourceType === 'Provenance' && provenance.target).toEqual([
      { reference: `ChargeItem/${first.draft.id}` },
    ]);
  });

  it('writes a Claim once even when a reload rebuilds it with new uuids and a new time', async () => {
    const draft = draftFor('claim', '2026-02');
    const rebuilt = draftFor('claim', '2026-02');
    expect(rebuilt.ids).not.toEqual(draft.ids);
    const first = await writeDraft(http, draft, { validator });
    const second = await writeDraft(http, rebuilt, { validator });
    expect(first.ok && second.ok && second.draft.id === first.draft.id).toBe(true);
    const { drafts, provenances } = await countOnServer('Claim', draft.resource.identifier?.[0]?.value ?? '');
    expect([drafts.length, provenances.length]).toEqual([1, 1]);
  });

  it('leaves exactly one draft when two tabs write at the same moment', async () => {
    const draft = draftFor('chargeitem', '2026-03');
    const outcomes = await Promise.all([1, 2, 3].map(() => writeDraft(http, draft, { validator })));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.filter((o) => o.ok && o.draft.created)).toHaveLength(1);
    const { drafts, provenances } = await countOnServer(
      'ChargeItem',
      draft.resource.identifier?.[0]?.value ?? '',
    );
    expect([drafts.length, provenances.length]).toEqual([1, 1]);
  });

  it('falls back to separate conditional creates, Provenance last, when transactions are refused', async () => {
    const calls: string[] = [];
    const noTransactions: FhirHttp = async (method, url, body, headers) => {
      calls.push(`${method} ${url.split('?')[0]}`);
      if (method === 'POST' && url === '') {
        return { status: 501, headers: {}, body: { resourceType: 'OperationOutcome', issue: [] } };
      }
      return http(method, url, body, headers);
    };
    const draft = draftFor('claim', '2026-04');
    const first = await writeDraft(noTransactions, draft, { validator });
    expect(first).toMatchObject({
      ok: true,
      via: 'separate',
      draft: { created: true },
      provenance: { created: true },
    });
    expect(calls).toEqual(['POST ', 'POST Claim', 'POST Provenance']);
    const second = await writeDraft(noTransactions, draft, { validator });
    expect(second).toMatchObject({
      ok: true,
      via: 'separate',
      draft: { created: false },
      provenance: { created: false },
    });
    const { drafts, provenances } = await countOnServer('Claim', draft.resource.identifier?.[0]?.value ?? '');
    expect([drafts.length, provenances.length]).toEqual([1, 1]);
    const provenance = provenances[0]?.resource;
    expect(provenance?.resourceType === 'Provenance' && provenance.target[0]?.reference).toBe(
      first.ok ? first.draft.location : '',
    );
  });

  it('a transaction and a separate write of the same draft still make one of each', async () => {
    const draft = draftFor('chargeitem', '2026-05');
    await writeDraft(http, draft, { validator, mode: 'separate' });
    const again = await writeDraft(http, draft, { validator });
    expect(again).toMatchObject({ ok: true, draft: { created: false }, provenance: { created: false } });
    const { drafts, provenances } = await countOnServer(
      'ChargeItem',
      draft.resource.identifier?.[0]?.value ?? '',
    );
    expect([drafts.length, provenances.length]).toEqual([1, 1]);
  });

  it('writes to a separate write target with references pointing back at the EHR', async () => {
    const draft = withAbsoluteReferences(draftFor('chargeitem', '2026-06'), 'https://ehr.example.org/fhir');
    const outcome = await writeDraft(http, draft, { validator });
    expect(outcome).toMatchObject({ ok: true, draft: { created: true } });
    const stored = await http('GET', outcome.ok ? outcome.draft.location : '', undefined, {});
    expect(stored.body).toMatchObject({
      subject: { reference: `https://ehr.example.org/fhir/Patient/${ALICE}` },
    });
  });
});

/** Alice's ChargeItem for one month, attested with `text` (two tabs attesting differently). */
function tabDraft(month: string, text: string): DraftPackage {
  const result = draftFor('chargeitem', month);
  if (result.resource.resourceType !== 'ChargeItem') {
    throw new Error('no ChargeItem draft');
  }
  const note = [{ time: '2026-11-20T09:15:00Z', text }];
  return { ...result, resource: { ...result.resource, note } };
}

// A repeated write says whether the draft it found holds this write's content (a retry) or another one
// (another tab's attestation won), by transaction and by separate conditional creates.
describe.each(['transaction', 'separate'] as const)('a repeated write (%s)', (mode) => {
  const month = mode === 'transaction' ? '2026-07' : '2026-08';

  it('finds its own draft as the same, and another tab’s as different', async () => {
    const mine = tabDraft(month, 'Called the cardiology office on 12 Nov.');
    const theirs = tabDraft(month, 'Faxed the discharge summary on 13 Nov.');
    const first = await writeDraft(http, mine, { validator, mode });
    expect(first).toMatchObject({ ok: true, via: mode, draft: { created: true } });
    expect(first.ok && first.draft.found).toBeUndefined();

    const retry = await writeDraft(http, mine, { validator, mode });
    expect(retry).toMatchObject({ ok: true, draft: { created: false, found: 'same' } });

    const other = await writeDraft(http, theirs, { validator, mode });
    expect(other).toMatchObject({ ok: true, draft: { created: false, found: 'different' } });
    expect(other.ok && first.ok && other.draft.location).toBe(first.ok && first.draft.location);
  });
});
