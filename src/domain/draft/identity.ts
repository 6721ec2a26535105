/**
 * The draft's business identifier: the same patient, period, code and payer always give the same
 * identifier, so a retry, a second click, a reload or a second tab finds the draft already written
 * (conditional create, `If-None-Exist`) instead of making a duplicate.
 */
import type { Evaluation } from '../evaluation.ts';
import type { Identifier } from './fhir-types.ts';
import { DRAFT_IDENTIFIER_SYSTEM } from './urls.ts';

/** The billed code. Source: SOURCES.md §1a, CMS 2019 Alpha-Numeric HCPCS File (G9012 record). */
export const G9012_CODE = 'G9012';

/** G9012 long description. Source: SOURCES.md §1a, CMS 2019 Alpha-Numeric HCPCS File, positions 12–91. */
export const G9012_DISPLAY = 'Other specified case management service not elsewhere classified';

// FHIR ids are [A-Za-z0-9-.] (HL7 FHIR R4 datatypes, id), so `_` cannot occur inside a part and separates
// parts unambiguously; it is also safe inside a token search value (no `|`, `,`, `$` or `\`).
const SEPARATOR = '_';

function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]/g, '-');
}

/** `Patient/abc` → `abc`. */
export function idOf(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return slash === -1 ? ref : ref.slice(slash + 1);
}

/**
 * The identifier value for a draft: `G9012_<patient id>_<period start>_<period end>_<payer policy id>`.
 * Deterministic and readable, so a reviewer can see what it stands for.
 */
export function draftIdentifierValue(evaluation: Evaluation): string {
  return [
    G9012_CODE,
    idPart(idOf(evaluation.patient)),
    evaluation.period.start,
    evaluation.period.end,
    idPart(evaluation.payer.policyId),
  ].join(SEPARATOR);
}

/** The draft's business identifier under the app's own system. */
export function draftIdentifier(evaluation: Evaluation): Identifier {
  return { use: 'official', system: DRAFT_IDENTIFIER_SYSTEM, value: draftIdentifierValue(evaluation) };
}
