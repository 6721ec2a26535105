/**
 * The PHI of the synthetic patients, as strings that must never reach a log: the scenario patients'
 * (mocks/patients `scenarios`) and the public bundles' (mocks/data/public, as the sandbox seeds them) names,
 * identifier values, birth dates and Condition codes. Built from the data, never by hand, so a new scenario
 * is covered the day it lands.
 *
 * A hit names the term's kind and where it comes from (bundle, resource id and path), never the term itself:
 * the report of a leak must not leak.
 */
import { CRITERION_IDS } from '../../src/domain/evaluation.ts';

/** What kind of PHI a term is. */
export type PhiKind = 'name' | 'identifier' | 'birth date' | 'condition code';

/** One string that must not be logged. */
export interface PhiTerm {
  readonly text: string;
  readonly kind: PhiKind;
  /** Where it comes from: bundle name, resource and path (never the value). */
  readonly where: string;
}

/** A term found in some text. */
export interface PhiHit {
  readonly kind: PhiKind;
  readonly where: string;
}

/** A Bundle named by its file or scenario, as the sandbox seeds it. */
export interface PhiSourceBundle {
  readonly name: string;
  readonly bundle: unknown;
}

const SNOMED = 'http://snomed.info/sct';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
/** Shorter identifier values and codes match too much unrelated text (counts, ports, years). */
const MIN_CODE_LENGTH = 4;
/** Two-letter names and initials ("V.") match too much unrelated text. */
const MIN_NAME_LENGTH = 3;
/**
 * CPT and HCPCS Level II codes are five characters: five digits, four digits and a letter (CPT II/III), or
 * a letter and four digits (HCPCS, e.g. G9012). The app prints these as billing codes; they are not PHI.
 */
const BILLING_CODE = /^(\d{5}|\d{4}[A-Z]|[A-Z]\d{4})$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function resourcesOf(bundle: unknown): Json[] {
  return isObject(bundle)
    ? objects(bundle.entry).flatMap((e) => (isObject(e.resource) ? [e.resource] : []))
    : [];
}

/**
 * Words the app itself prints that some scenario patients carry as a name: the criterion labels (the
 * missing-criteria patients are "Variant, care plan" and so on) and payer names (the payer patients are
 * "Medicare Member" and so on). Compared in lower case.
 */
function appVocabulary(bundles: readonly PhiSourceBundle[]): Set<string> {
  const words = new Set<string>(CRITERION_IDS.map((id) => id.replaceAll('-', ' ')));
  for (const { bundle } of bundles) {
    for (const r of resourcesOf(bundle)) {
      if (r.resourceType === 'Organization' && typeof r.name === 'string') {
        words.add(r.name.toLowerCase());
        for (const word of r.name.toLowerCase().split(/\s+/)) {
          words.add(word);
        }
      }
    }
  }
  return words;
}

/** Every resource id and `urn:uuid:` fullUrl: errors may name these, so an identifier equal to one is not a term. */
function resourceIds(bundles: readonly PhiSourceBundle[]): Set<string> {
  const ids = new Set<string>();
  for (const { bundle } of bundles) {
    for (const e of isObject(bundle) ? objects(bundle.entry) : []) {
      if (typeof e.fullUrl === 'string' && e.fullUrl.startsWith('urn:uuid:')) {
        ids.add(e.fullUrl.slice('urn:uuid:'.length));
      }
      if (isObject(e.resource) && typeof e.resource.id === 'string') {
        ids.add(e.resource.id);
      }
    }
  }
  return ids;
}

/** The PHI terms of the given bundles: names, identifier values, birth dates and Condition codes. */
export function phiTermsFromBundles(bundles: readonly PhiSourceBundle[]): PhiTerm[] {
  const vocabulary = appVocabulary(bundles);
  const ids = resourceIds(bundles);
  const terms = new Map<string, PhiTerm>();
  const add = (text: string, kind: PhiKind, where: string) => {
    const trimmed = text.trim();
    if (!terms.has(trimmed)) {
      terms.set(trimmed, { text: trimmed, kind, where });
    }
  };
  for (const { name, bundle } of bundles) {
    for (const r of resourcesOf(bundle)) {
      const at = `${name} ${String(r.resourceType)}/${String(r.id)}`;
      if (r.resourceType === 'Patient') {
        objects(r.name).forEach((n, i) => {
          const parts: Array<[string, string]> = [
            ...(typeof n.family === 'string' ? [[n.family, `name[${i}].family`] as [string, string]] : []),
            ...(typeof n.text === 'string' ? [[n.text, `name[${i}].text`] as [string, string]] : []),
            ...strings(n.given).map((g, j): [string, string] => [g, `name[${i}].given[${j}]`]),
          ];
          for (const [value, path] of parts) {
            if (value.trim().length >= MIN_NAME_LENGTH && !vocabulary.has(value.trim().toLowerCase())) {
              add(value, 'name', `${at} ${path}`);
            }
          }
        });
        objects(r.identifier).forEach((identifier, i) => {
          const value = identifier.value;
          if (typeof value === 'string' && value.trim().length >= MIN_CODE_LENGTH && !ids.has(value.trim())) {
            add(value, 'identifier', `${at} identifier[${i}].value`);
          }
        });
        if (typeof r.birthDate === 'string' && r.birthDate.length > 0) {
          add(r.birthDate, 'birth date', `${at} birthDate`);
        }
      } else if (r.resourceType === 'Condition' && isObject(r.code)) {
        objects(r.code.coding).forEach((coding, i) => {
          const code = coding.code;
          if (
            (coding.system === SNOMED || coding.system === ICD10CM) &&
            typeof code === 'string' &&
            code.trim().length >= MIN_CODE_LENGTH &&
            !BILLING_CODE.test(code.trim())
          ) {
            add(code, 'condition code', `${at} code.coding[${i}].code`);
          }
        });
      }
    }
  }
  return [...terms.values()];
}

const WORD = /[\p{L}\p{N}_]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

/**
 * Whether `term` occurs in `text` as a whole token: not inside a longer word or number. A birth date may be
 * followed by a time (`1958-04-12T00:00:00Z`).
 */
function occurs(text: string, term: PhiTerm): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(term.text, from);
    if (at < 0) {
      return false;
    }
    const before = text[at - 1];
    const after = text[at + term.text.length];
    const afterOk = !isWordChar(after) || (term.kind === 'birth date' && after === 'T');
    if (!isWordChar(before) && afterOk) {
      return true;
    }
    from = at + 1;
  }
}

/** The terms found in `text`, by kind and origin (never the matched text). */
export function findPhi(text: string, terms: readonly PhiTerm[]): PhiHit[] {
  return terms.filter((term) => occurs(text, term)).map(({ kind, where }) => ({ kind, where }));
}

/** One console call (or any labelled text) to check. */
export interface LabelledText {
  /** What wrote it, e.g. `console.log`. */
  readonly label: string;
  readonly text: string;
}

/**
 * One line per text that carries PHI: its label, position, and each term's kind and origin (never the term).
 */
export function describeLeaks(texts: readonly LabelledText[], terms: readonly PhiTerm[]): string[] {
  return texts.flatMap((item, index) => {
    const hits = findPhi(item.text, terms);
    if (hits.length === 0) {
      return [];
    }
    const shown = hits.slice(0, 3).map((h) => `${h.kind} (${h.where})`);
    const more = hits.length > shown.length ? `; and ${hits.length - shown.length} more` : '';
    return [`${item.label} call #${index + 1}: ${shown.join('; ')}${more}`];
  });
}

let loaded: Promise<PhiTerm[]> | undefined;

/**
 * The PHI terms of what the sandbox seeds: the scenario patients and the public bundles (read once per
 * process, on first use).
 */
export function loadPhiTerms(): Promise<PhiTerm[]> {
  loaded ??= (async () => {
    const { MOCKS_DIR, PUBLIC_DATA_DIR } = await import('../../mocks/sandbox/seed/seed-data.ts');
    const { loadScenarioBundles } = await import('../../mocks/sandbox/seed/scenario-bundles.ts');
    const { readBundleDir } = await import('../../mocks/sandbox/seed/bundle-files.ts');
    const bundles = [
      ...(await loadScenarioBundles(MOCKS_DIR, () => undefined)),
      ...readBundleDir(PUBLIC_DATA_DIR),
    ];
    return phiTermsFromBundles(bundles);
  })();
  return loaded;
}
