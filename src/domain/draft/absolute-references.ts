/**
 * Absolute references for a draft that leaves its EHR: written to a separate write target (a billing system
 * or payer endpoint) or downloaded, `Condition/123` means nothing without the server it came from, so every
 * relative `Type/id` reference becomes `<EHR FHIR base>/Type/id`. `urn:uuid:` references inside the Bundle and
 * identifiers are left alone. Source: HL7 FHIR R4 references.html — "a relative reference ... is relative to
 * the service base URL"; an absolute URL may point at another server.
 */
import type { DraftPackage } from './bundles.ts';

const RELATIVE = /^[A-Z][A-Za-z]+\/[A-Za-z0-9.-]{1,64}$/;

function rewrite(value: unknown, base: string): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => rewrite(item, base));
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] =
      key === 'reference' && typeof child === 'string' && RELATIVE.test(child)
        ? `${base}/${child}`
        : rewrite(child, base);
  }
  return out;
}

/**
 * The draft and its Provenance with every relative reference made absolute against `fhirBase` (the EHR's
 * FHIR base URL; a trailing slash is ignored). Pure; the input is not changed.
 */
export function withAbsoluteReferences(draft: DraftPackage, fhirBase: string): DraftPackage {
  const base = fhirBase.replace(/\/+$/, '');
  return {
    ids: draft.ids,
    resource: rewrite(draft.resource, base) as DraftPackage['resource'],
    provenance: rewrite(draft.provenance, base) as DraftPackage['provenance'],
  };
}
