import type { Concept, Period } from '../domain/record.ts';

const systemNames: Record<string, string> = {
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10-CM',
  'http://snomed.info/sct': 'SNOMED',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
  'http://loinc.org': 'LOINC',
};

/** The readable name of a concept: its text, else the first coding display, else the first code. */
export function conceptName(concept: Concept | undefined): string | undefined {
  if (!concept) {
    return undefined;
  }
  return (
    concept.text ??
    concept.codings.find((coding) => coding.display)?.display ??
    concept.codings.find((coding) => coding.code)?.code
  );
}

/** The codings as short labels, e.g. `ICD-10-CM E11.9`, `SNOMED 44054006`. */
export function conceptCodes(concept: Concept | undefined): string[] {
  return (concept?.codings ?? [])
    .filter((coding) => coding.code)
    .map((coding) => `${systemNames[coding.system ?? ''] ?? coding.system ?? '?'} ${coding.code}`);
}

/** A period as `start – end`, either side possibly open. */
export function periodText(period: Period | undefined): string | undefined {
  if (!period || (!period.start && !period.end)) {
    return undefined;
  }
  return `${period.start ?? '…'} – ${period.end ?? '…'}`;
}
