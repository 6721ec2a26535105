import { describe, expect, it } from 'vitest';
import { aliceDraft } from '../../domain/draft/evaluation-fixture.ts';
import type { R4Validator } from '../../validate/r4.ts';
import type { FhirHttp, FhirHttpResponse } from './fhir-http.ts';
import { writeDraft } from './write-draft.ts';

const validator: R4Validator = { validate: () => [] };

const draft = aliceDraft('chargeitem');
/** The same draft as another tab wrote it: same identifier, another attestation note. */
const otherTabs = {
  ...draft.resource,
  id: 'ci-1',
  meta: { versionId: '1' },
  note: [{ time: '2026-11-20T09:00:00Z', text: 'Faxed the discharge summary on 13 Nov.' }],
};
const sameAsSent = { ...draft.resource, id: 'ci-1', meta: { versionId: '1' } };

/** A fake server: answers each call from `answers` in turn and records what was asked. */
function fakeServer(answers: Array<Partial<FhirHttpResponse>>) {
  const calls: string[] = [];
  const http: FhirHttp = async (method, url) => {
    calls.push(`${method} ${url}`);
    const answer = answers.shift() ?? { status: 500 };
    return { status: answer.status ?? 200, headers: answer.headers ?? {}, body: answer.body };
  };
  return { http, calls };
}

function transactionResponse(status: string, draftResource?: unknown) {
  return {
    status: 200,
    body: {
      resourceType: 'Bundle',
      type: 'transaction-response',
      entry: [
        {
          ...(draftResource === undefined ? {} : { resource: draftResource }),
          response: { status, location: 'ChargeItem/ci-1/_history/1' },
        },
        { response: { status, location: 'Provenance/pv-1/_history/1' } },
      ],
    },
  };
}

describe('writeDraft: created or found', () => {
  it('reports a draft the transaction created (201), with nothing more to check', async () => {
    const server = fakeServer([transactionResponse('201 Created')]);
    const outcome = await writeDraft(server.http, draft, { validator });
    expect(outcome).toMatchObject({ ok: true, draft: { location: 'ChargeItem/ci-1', created: true } });
    expect(outcome.ok && outcome.draft.found).toBeUndefined();
    expect(server.calls).toEqual(['POST ']);
  });

  it('reports a found draft (200) that holds what this write sent as the same: a retry of this draft', async () => {
    const server = fakeServer([transactionResponse('200 OK'), { status: 200, body: sameAsSent }]);
    const outcome = await writeDraft(server.http, draft, { validator });
    expect(outcome).toMatchObject({ ok: true, draft: { created: false, found: 'same' } });
    expect(server.calls).toEqual(['POST ', 'GET ChargeItem/ci-1']);
  });

  it('reports a found draft with another note as different, from the copy in the transaction answer', async () => {
    const server = fakeServer([transactionResponse('200 OK', otherTabs)]);
    const outcome = await writeDraft(server.http, draft, { validator });
    expect(outcome).toMatchObject({ ok: true, draft: { created: false, found: 'different' } });
    expect(server.calls).toEqual(['POST ']);
  });

  it('reports a found draft it could not read back as unchecked', async () => {
    const server = fakeServer([transactionResponse('200 OK'), { status: 403, body: {} }]);
    const outcome = await writeDraft(server.http, draft, { validator });
    expect(outcome).toMatchObject({ ok: true, draft: { created: false, found: 'unchecked' } });
  });

  it('tells created from found by 201 and 200 on separate conditional creates', async () => {
    const created = fakeServer([
      { status: 201, body: sameAsSent },
      { status: 201, headers: { location: 'Provenance/pv-1' } },
    ]);
    const first = await writeDraft(created.http, draft, { validator, mode: 'separate' });
    expect(first).toMatchObject({ ok: true, via: 'separate', draft: { created: true } });
    expect(first.ok && first.draft.found).toBeUndefined();

    const found = fakeServer([
      { status: 200, body: otherTabs },
      { status: 200, headers: { location: 'Provenance/pv-1' } },
    ]);
    const second = await writeDraft(found.http, draft, { validator, mode: 'separate' });
    expect(second).toMatchObject({
      ok: true,
      draft: { location: 'ChargeItem/ci-1', created: false, found: 'different' },
      provenance: { created: false },
    });
    expect(found.calls).toEqual(['POST ChargeItem', 'POST Provenance']);
  });
});
