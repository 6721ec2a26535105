import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeR4Validator } from '../../validate/node-definitions.ts';
import type { R4Validator } from '../../validate/r4.ts';
import { buildDraft, type DraftRequest } from './build-draft.ts';
import { buildDownloadBundle } from './bundles.ts';
import { aliceRecord, readyEvaluation } from './evaluation-fixture.ts';
import { APP_VERSION_EXTENSION, DRAFT_PROVENANCE_TAG_SYSTEM } from './urls.ts';

let validator: R4Validator;
beforeAll(async () => {
  validator = await loadNodeR4Validator();
});

const request: DraftRequest = {
  kind: 'claim',
  evaluation: readyEvaluation(),
  record: aliceRecord(),
  choices: {},
  asOf: '2026-11-20',
  recorded: '2026-11-20T10:00:00Z',
  ids: { draft: '6f1c2a3e-0000-4000-8000-000000000001', provenance: '6f1c2a3e-0000-4000-8000-000000000002' },
  app: { name: 'G9012 case-management app', version: '0.1.0' },
};

function built(kind: DraftRequest['kind']) {
  const result = buildDraft({ ...request, kind });
  if (!result.ok) {
    throw new Error(result.reason);
  }
  return result;
}

describe('buildDraft', () => {
  it('records who made the draft, with which app version, from which evidence', () => {
    const { provenance } = built('claim');
    expect(provenance.target).toEqual([{ reference: 'urn:uuid:6f1c2a3e-0000-4000-8000-000000000001' }]);
    expect(provenance.recorded).toBe('2026-11-20T10:00:00Z');
    expect(provenance.agent[0]?.who).toEqual({ reference: 'Practitioner/nurse-nina' });
    expect(provenance.agent[1]?.who.display).toBe('G9012 case-management app 0.1.0');
    expect(provenance.agent[1]?.extension).toEqual([{ url: APP_VERSION_EXTENSION, valueString: '0.1.0' }]);
    expect(provenance.entity?.map((e) => e.what.reference)).toContain('Communication/123');
    expect(new Set(provenance.entity?.map((e) => e.what.reference)).size).toBe(provenance.entity?.length);
    expect(provenance.entity?.every((e) => e.role === 'source')).toBe(true);
  });

  it('writes draft and Provenance as conditional creates in one transaction', () => {
    for (const kind of ['claim', 'chargeitem'] as const) {
      const { transaction, resource } = built(kind);
      expect(validator.validate(transaction)).toEqual([]);
      const [draftEntry, provenanceEntry] = transaction.entry ?? [];
      expect(draftEntry?.request).toEqual({
        method: 'POST',
        url: resource.resourceType,
        ifNoneExist: `identifier=${encodeURIComponent('https://g9012.example.org/fhir/sid/draft|G9012_alice_2026-11-01_2026-11-30_aetna')}`,
      });
      expect(provenanceEntry?.request?.ifNoneExist).toBe(
        `_tag=${encodeURIComponent(`${DRAFT_PROVENANCE_TAG_SYSTEM}|${resource.resourceType}_G9012_alice_2026-11-01_2026-11-30_aetna`)}`,
      );
      expect(provenanceEntry?.resource?.meta?.tag).toEqual([
        {
          system: DRAFT_PROVENANCE_TAG_SYSTEM,
          code: `${resource.resourceType}_G9012_alice_2026-11-01_2026-11-30_aetna`,
        },
      ]);
    }
  });

  it('offers a downloadable collection Bundle whose Provenance points at the draft inside it', () => {
    const draft = built('chargeitem');
    const bundle = buildDownloadBundle(draft, '2026-11-20T10:00:00Z');
    expect(validator.validate(bundle)).toEqual([]);
    expect(bundle.type).toBe('collection');
    const draftUrl = bundle.entry?.[0]?.fullUrl;
    expect(draftUrl).toBe('urn:uuid:6f1c2a3e-0000-4000-8000-000000000001');
    const provenance = bundle.entry?.[1]?.resource;
    expect(provenance?.resourceType === 'Provenance' ? provenance.target : []).toEqual([
      { reference: draftUrl },
    ]);
  });

  it('is deterministic: the same inputs give the same JSON', () => {
    expect(JSON.stringify(built('claim'))).toBe(JSON.stringify(built('claim')));
  });

  it('refuses a Claim without Coverage and says a ChargeItem can be drafted', () => {
    const result = buildDraft({ ...request, record: aliceRecord({ coverages: [] }) });
    expect(result).toMatchObject({ ok: false, code: 'no-coverage', offer: 'chargeitem' });
    expect(buildDraft({ ...request, kind: 'chargeitem', record: aliceRecord({ coverages: [] }) }).ok).toBe(
      true,
    );
  });
});
