/**
 * A small curated table of common chronic conditions: plain names, the SNOMED CT concepts that denote them,
 * and a suggested ICD-10-CM code.
 *
 * Source for the ICD-10-CM codes and titles: CMS/NCHS ICD-10-CM FY2023 code descriptions in tabular order
 * (icd10cm_codes_2023.txt), SOURCES.md §12b [V]; re-check against the current fiscal-year file.
 * The SNOMED→ICD-10-CM pairings are NOT from the NLM map (licensed file, SOURCES.md §12a, rows [U]). They are
 * this app's suggestions, and the NLM itself says candidate codes need review by a provider or coder
 * (NLM SNOMED CT to ICD-10-CM Map FAQ, SOURCES.md §12a). So every pairing is a suggestion that counts only
 * after the user confirms it.
 */

/** One curated row. */
export interface ChronicConditionRow {
  /** Plain-language name for reasons, e.g. "heart failure". */
  readonly name: string;
  /** SNOMED CT concept ids that denote the condition. */
  readonly snomed: readonly string[];
  /** ICD-10-CM codes (and code prefixes ending in '*') that denote it, for naming coded conditions. */
  readonly icd10Prefixes: readonly string[];
  /** The suggested ICD-10-CM code, when SOURCES.md §12b lists one; absent when no verified code fits. */
  readonly suggestion?: { readonly code: string; readonly display: string };
}

const ICD_SOURCE = 'ICD-10-CM FY2023 (icd10cm_codes_2023.txt), SOURCES.md §12b';

/** The rows. */
export const CHRONIC_CONDITIONS: readonly ChronicConditionRow[] = [
  {
    name: 'heart failure',
    // 84114007 Heart failure; 88805009 Chronic congestive heart failure (seen in the Synthea data).
    snomed: ['84114007', '88805009', '42343007'],
    icd10Prefixes: ['I50'],
    suggestion: { code: 'I50.9', display: 'Heart failure, unspecified' },
  },
  {
    name: 'type 2 diabetes',
    snomed: ['44054006'],
    icd10Prefixes: ['E11'],
    suggestion: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
  },
  {
    name: 'hypertension',
    // 38341003 Hypertensive disorder; 59621000 Essential hypertension.
    snomed: ['38341003', '59621000'],
    icd10Prefixes: ['I10'],
    suggestion: { code: 'I10', display: 'Essential (primary) hypertension' },
  },
  {
    name: 'COPD',
    // 13645005 Chronic obstructive lung disease; 185086009 Chronic obstructive bronchitis (Synthea).
    snomed: ['13645005', '185086009'],
    icd10Prefixes: ['J44'],
    suggestion: { code: 'J44.9', display: 'Chronic obstructive pulmonary disease, unspecified' },
  },
  {
    name: 'emphysema',
    // No emphysema code is verified in SOURCES.md §12b, so no suggestion is offered.
    snomed: ['87433001'],
    icd10Prefixes: ['J43'],
  },
  {
    name: 'CKD stage 3',
    snomed: ['433144002'],
    icd10Prefixes: ['N18.3'],
    suggestion: { code: 'N18.30', display: 'Chronic kidney disease, stage 3 unspecified' },
  },
  {
    name: 'chronic kidney disease',
    // Stages 1 and 2 (Synthea 431855005, 431856006): no stage 1/2 code is verified in SOURCES.md §12b.
    snomed: ['709044004', '431855005', '431856006'],
    icd10Prefixes: ['N18'],
  },
  {
    name: 'asthma',
    snomed: ['195967001'],
    icd10Prefixes: ['J45'],
    suggestion: { code: 'J45.909', display: 'Unspecified asthma, uncomplicated' },
  },
  {
    name: 'major depression',
    // 370143000 Major depressive disorder: F32.9 is "single episode, unspecified" (SOURCES.md §12b caution).
    snomed: ['370143000'],
    icd10Prefixes: ['F32.9', 'F33'],
    suggestion: { code: 'F32.9', display: 'Major depressive disorder, single episode, unspecified' },
  },
  {
    name: 'depression',
    // 35489007 Depressive disorder, not specified as major: F32.A (SOURCES.md §12b caution).
    snomed: ['35489007'],
    icd10Prefixes: ['F32'],
    suggestion: { code: 'F32.A', display: 'Depression, unspecified' },
  },
  {
    name: 'dementia',
    // F03.90 per the FY2023 file; F03.91 must not be emitted for FY2023+ (SOURCES.md §12b).
    snomed: ['52448006'],
    icd10Prefixes: ['F01', 'F02', 'F03'],
    suggestion: {
      code: 'F03.90',
      display:
        'Unspecified dementia, unspecified severity, without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety',
    },
  },
  {
    name: "Alzheimer's disease",
    // G30.x is not in SOURCES.md §12b, so no suggestion is offered.
    snomed: ['26929004'],
    icd10Prefixes: ['G30'],
  },
];

/** The source text recorded on each suggestion. */
export const SUGGESTION_SOURCE = `Suggested from a curated SNOMED table (pairing unverified, needs user confirmation; NLM map rows SOURCES.md §12a [U]); code and title: ${ICD_SOURCE}`;

const bySnomed = new Map<string, ChronicConditionRow>();
for (const row of CHRONIC_CONDITIONS) {
  for (const code of row.snomed) {
    bySnomed.set(code, row);
  }
}

/** The curated row for a SNOMED concept id. */
export function rowForSnomed(code: string): ChronicConditionRow | undefined {
  return bySnomed.get(code);
}

/** The curated row for an ICD-10-CM code, by the most specific prefix. */
export function rowForIcd10(code: string): ChronicConditionRow | undefined {
  let best: ChronicConditionRow | undefined;
  let bestLength = 0;
  for (const row of CHRONIC_CONDITIONS) {
    for (const prefix of row.icd10Prefixes) {
      if (code.startsWith(prefix) && prefix.length > bestLength) {
        best = row;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}
