/**
 * Drafts for the review tests, built with the app's own builders from a named scenario patient (activity in
 * November 2026, evaluated as of 2026-11-20), and helpers to hand-edit copies of them into wrong drafts.
 */
import type { Bundle, ChargeItem, Claim, FhirResource, Provenance } from 'fhir/r4';
import { meetsAll } from '../../mocks/patients/meets-all.ts';
import type { Scenario } from '../../mocks/patients/scenario.ts';
import { BUILTIN_POLICIES } from '../../src/domain/builtin-policies.ts';
import { type BuiltDraft, buildDownloadBundle, buildDraft } from '../../src/domain/draft/index.ts';
import { evaluate } from '../../src/domain/evaluate.ts';
import type { AttestationInput, ModifierJustification } from '../../src/domain/evaluation.ts';
import { selectPolicy } from '../../src/domain/payer-match.ts';
import { indexRecord } from '../../src/domain/record-index.ts';
import { recordFromBundle } from '../../src/fhir/record/index.ts';

/** The case manager who drafts in every scenario. */
export const DRAFT_USER = 'Practitioner/cm-rivera';

/** The app name and version recorded in Provenance. */
export const APP = { name: 'G9012 case-management app', version: '0.1.0' } as const;

/** The evaluation date the scenarios are written for. */
export const AS_OF = '2026-11-20';

/** What the user gave in the app besides the record: attestations and modifier justifications. */
export interface DraftUserInput {
  readonly attestations?: readonly AttestationInput[];
  readonly modifierJustifications?: readonly ModifierJustification[];
}

/** Builds a draft (Claim or ChargeItem) for a scenario, as the app would. */
export function draftFor(
  scenario: Scenario,
  kind: 'claim' | 'chargeitem',
  n = 1,
  input: DraftUserInput = {},
): BuiltDraft {
  const result = recordFromBundle(scenario.bundle, { user: DRAFT_USER });
  const record = result.record;
  if (record === undefined) {
    throw new Error(`${scenario.id}: ${result.problems.join('; ')}`);
  }
  const selection = selectPolicy(record, indexRecord(record), BUILTIN_POLICIES);
  if (selection === undefined) {
    throw new Error('no policy');
  }
  const evaluation = evaluate(record, {
    asOf: AS_OF,
    policy: selection.policy,
    payerMatch: selection.match,
    attestations: input.attestations ?? [],
    confirmations: { modifiers: input.modifierJustifications ?? [] },
  });
  const hex = n.toString(16).padStart(12, '0');
  const built = buildDraft({
    kind,
    evaluation,
    record,
    choices: {
      placeOfService: '11',
      ...(input.modifierJustifications ? { modifierJustifications: input.modifierJustifications } : {}),
    },
    asOf: AS_OF,
    recorded: `${AS_OF}T10:00:00Z`,
    ids: { draft: `6f1c2a3e-0000-4000-8000-${hex}`, provenance: `6f1c2a3e-0001-4000-8000-${hex}` },
    app: APP,
  });
  if (!built.ok) {
    throw new Error(`${scenario.id}: ${built.reason}`);
  }
  return built;
}

/** The meets-all Claim, with its download Bundle (Claim + Provenance) and the evidence Bundle. */
export function meetsAllClaim(): {
  claim: Claim;
  provenance: Provenance;
  download: Bundle;
  evidence: Bundle;
} {
  const built = draftFor(meetsAll, 'claim');
  return {
    claim: structuredClone(built.resource as Claim),
    provenance: structuredClone(built.provenance),
    download: buildDownloadBundle(built, `${AS_OF}T10:00:00Z`),
    evidence: structuredClone(meetsAll.bundle),
  };
}

/** The meets-all ChargeItem and its evidence. */
export function meetsAllChargeItem(): { chargeItem: ChargeItem; download: Bundle; evidence: Bundle } {
  const built = draftFor(meetsAll, 'chargeitem');
  return {
    chargeItem: structuredClone(built.resource as ChargeItem),
    download: buildDownloadBundle(built, `${AS_OF}T10:00:00Z`),
    evidence: structuredClone(meetsAll.bundle),
  };
}

/** A collection Bundle of resources. */
export function collection(resources: readonly FhirResource[]): Bundle {
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}

/** The evidence Bundle without one resource (it was deleted). */
export function without(bundle: Bundle, ref: string): Bundle {
  return {
    ...bundle,
    entry: (bundle.entry ?? []).filter((e) => `${e.resource?.resourceType}/${e.resource?.id}` !== ref),
  };
}

/** The evidence Bundle with one resource changed. */
export function changed(
  bundle: Bundle,
  ref: string,
  change: (resource: FhirResource) => FhirResource,
): Bundle {
  return {
    ...bundle,
    entry: (bundle.entry ?? []).map((e) =>
      e.resource && `${e.resource.resourceType}/${e.resource.id}` === ref
        ? { ...e, resource: change(e.resource) }
        : e,
    ),
  };
}
