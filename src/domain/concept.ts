/**
 * Reading codes and labels from normalised concepts.
 */
import type { Concept } from './record.ts';

/** Code systems the criteria read. */
export const SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  nucc: 'http://nucc.org/provider-taxonomy',
  cpt: 'http://www.ama-assn.org/go/cpt',
  hcpcs: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  placeOfService: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
} as const;

const LABEL_LIMIT = 80;

/** Whether a concept has a coding in `system` whose code is in `codes`. */
export function hasCode(concept: Concept | undefined, system: string, codes: ReadonlySet<string>): boolean {
  return codesIn(concept, system).some((code) => codes.has(code));
}

/** The codes a concept carries in one system. */
export function codesIn(concept: Concept | undefined, system: string): string[] {
  const out: string[] = [];
  for (const coding of concept?.codings ?? []) {
    if (coding?.system === system && typeof coding.code === 'string') {
      out.push(coding.code);
    }
  }
  return out;
}

/** Concept text and displays joined, lower-cased, for keyword checks. */
export function conceptWords(concept: Concept | undefined): string {
  const parts: string[] = [];
  if (typeof concept?.text === 'string') {
    parts.push(concept.text);
  }
  for (const coding of concept?.codings ?? []) {
    if (typeof coding?.display === 'string') {
      parts.push(coding.display);
    }
  }
  return parts.join(' ').toLowerCase();
}

/** Shortens untrusted text for a one-line reason (records may hold huge strings). */
export function clip(text: string, limit = LABEL_LIMIT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** A short human label: text, else the first display (without a SNOMED semantic tag), else the code. */
export function conceptLabel(concept: Concept | undefined): string {
  if (typeof concept?.text === 'string' && concept.text.trim()) {
    return clip(concept.text);
  }
  for (const coding of concept?.codings ?? []) {
    if (typeof coding?.display === 'string' && coding.display.trim()) {
      return clip(coding.display.replace(/\s*\((disorder|finding|situation|procedure)\)\s*$/i, ''));
    }
  }
  for (const coding of concept?.codings ?? []) {
    if (typeof coding?.code === 'string') {
      return clip(coding.code);
    }
  }
  return 'unnamed';
}

/** Joins labels for a reason line: "a, b, c and 2 more". */
export function listLabels(labels: readonly string[], max = 4): string {
  if (labels.length <= max) {
    return labels.join(', ');
  }
  return `${labels.slice(0, max).join(', ')} and ${labels.length - max} more`;
}

/** "1 condition" / "3 conditions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
