/**
 * When a conditional create finds the draft already there (another tab, another session, or this write's own
 * earlier attempt whose answer was lost), whether the draft on the server holds what this write sent.
 * The caller tells the user plainly, and keeps their unsaved work when it is not in the draft.
 * Source: HL7 FHIR R4 http.html#ccreate ("If one match: the server ignores the post and returns 200 OK").
 */
import type { FhirHttp } from './fhir-http.ts';

/**
 * How a found draft compares with the one this write sent: `same` content (apart from id, meta, narrative
 * and entry date), `different` content, or `unchecked` when the server's copy could not be read back.
 */
export type FoundContent = 'same' | 'different' | 'unchecked';

// Set by the server (id, meta, narrative), or the day the draft was built (ChargeItem.enteredDate,
// Claim.created): a retry on another day is still the same draft. Never part of the comparison.
const NOT_COMPARED = new Set(['id', 'meta', 'text', 'enteredDate', 'created']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so key order never counts as a difference. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function content(resource: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(resource).filter(([key]) => !NOT_COMPARED.has(key)));
}

/** Whether the server's copy has the content that was sent: every element but server-set ones and the entry date. */
export function sameDraftContent(sent: object, onServer: unknown): boolean {
  return (
    isRecord(onServer) && canonical(content(sent as Record<string, unknown>)) === canonical(content(onServer))
  );
}

function copyOf(body: unknown, resourceType: string, id: string): Record<string, unknown> | undefined {
  return isRecord(body) && body.resourceType === resourceType && body.id === id ? body : undefined;
}

/**
 * Compares the found draft with the one sent: from the copy the server returned with its answer when it did,
 * else by reading `Type/id` once. Never throws; a read that fails or is refused gives `unchecked`.
 */
export async function compareFoundDraft(
  http: FhirHttp,
  sent: { readonly resourceType: string },
  id: string,
  answered: unknown,
): Promise<FoundContent> {
  let copy = copyOf(answered, sent.resourceType, id);
  if (copy === undefined) {
    try {
      const response = await http('GET', `${sent.resourceType}/${encodeURIComponent(id)}`, undefined, {});
      copy = response.status === 200 ? copyOf(response.body, sent.resourceType, id) : undefined;
    } catch {
      copy = undefined;
    }
  }
  if (copy === undefined) {
    return 'unchecked';
  }
  return sameDraftContent(sent, copy) ? 'same' : 'different';
}
