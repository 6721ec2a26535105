/**
 * Against the sandbox: a repeated write says whether the draft it found holds this write's content (a retry)
 * or another one (another tab's attestation won), by transaction and by separate conditional creates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../mocks/sandbox/server.ts';
import { ALICE, fixtureBundles } from '../../mocks/sandbox/testing/fixture-bundles.ts';
import { buildDraft } from '../../src/domain/draft/build-draft.ts';
import type { DraftPackage } from '../../src/domain/draft/bundles.ts';
import { aliceRecord, readyEvaluation } from '../../src/domain/draft/evaluation-fixture.ts';
import { type FhirHttp, fetchFhirHttp } from '../../src/fhir/write/fhir-http.ts';
import { writeDraft } from '../../src/fhir/write/write-draft.ts';
import { loadNodeR4Validator } from '../../src/validate/node-definitions.ts';
import type { R4Validator } from '../../src/validate/r4.ts';

let sandbox: RunningSandbox;
let http: FhirHttp;
let validator: R4Validator;

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

/** Alice's ChargeItem for one month, attested with `note` (two tabs attesting differently). */
function tabDraft(month: string, text: string, id: number): DraftPackage {
  const result = buildDraft({
    kind: 'chargeitem',
    evaluation: readyEvaluation({
      patient: `Patient/${ALICE}`,
      period: { start: `${month}-01`, end: `${month}-28` },
    }),
    record: aliceRecord(),
    choices: {},
    asOf: '2026-11-20',
    recorded: '2026-11-20T10:00:00Z',
    ids: {
      draft: `00000000-0000-4000-8000-${String(id * 2).padStart(12, '0')}`,
      provenance: `00000000-0000-4000-8000-${String(id * 2 + 1).padStart(12, '0')}`,
    },
    app: { name: 'G9012 case-management app', version: '0.1.0' },
  });
  if (!result.ok || result.resource.resourceType !== 'ChargeItem') {
    throw new Error('no ChargeItem draft');
  }
  const note = [{ time: '2026-11-20T09:15:00Z', text }];
  return { ...result, resource: { ...result.resource, note } };
}

describe.each(['transaction', 'separate'] as const)('a repeated write (%s)', (mode) => {
  const month = mode === 'transaction' ? '2026-03' : '2026-04';

  it('finds its own draft as the same, and another tab’s as different', async () => {
    const mine = tabDraft(month, 'Called the cardiology office on 12 Nov.', mode === 'transaction' ? 1 : 3);
    const theirs = tabDraft(month, 'Faxed the discharge summary on 13 Nov.', mode === 'transaction' ? 2 : 4);
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
