/**
 * Hostile fixtures: the sample patient and evaluation with markup, `javascript:` URLs and a 100 kB string in
 * every text field the workflow shows. Every element must render them as text.
 */
import type { Evaluation } from '../../domain/evaluation.ts';
import type { PatientRecord } from '../../domain/record.ts';
import { sampleEvaluation, sampleRecord } from './fixtures.ts';

/** Hostile text: markup and `javascript:` URLs in names, condition text, reasons and sources. */
export const hostile = {
  script: '<script>window.__pwned = true</script>',
  img: '<img src=x onerror="window.__pwned = true">',
  url: 'javascript:window.__pwned=true',
  huge: 'A'.repeat(100_000),
} as const;

/** The fixture record with hostile text in the patient, practitioner, condition and care-plan fields. */
export function hostileRecord(): PatientRecord {
  const record = sampleRecord();
  return {
    ...record,
    patient: { ...record.patient, name: hostile.script },
    conditions: record.conditions.map((item) => ({ ...item, code: { codings: [], text: hostile.img } })),
    carePlans: record.carePlans.map((item) => ({ ...item, title: hostile.script })),
    practitioners: record.practitioners.map((item) => ({ ...item, name: hostile.url })),
    encounters: record.encounters.map((item) => ({ ...item, classCode: hostile.img })),
  };
}

/** The fixture evaluation with hostile text in reasons, sources, payer name and warnings. */
export function hostileEvaluation(): Evaluation {
  const evaluation = sampleEvaluation();
  return {
    ...evaluation,
    payer: { ...evaluation.payer, name: hostile.script },
    criteria: evaluation.criteria.map((item) => ({ ...item, reason: hostile.img })),
    blockers: evaluation.blockers.map((item) => ({ ...item, reason: hostile.script })),
    codeFit: {
      alternatives: evaluation.codeFit.alternatives.map((item) => ({
        ...item,
        reason: hostile.img,
        source: hostile.url,
      })),
    },
    diagnoses: evaluation.diagnoses.map((item) => ({ ...item, display: hostile.script })),
    warnings: [{ kind: 'data', message: hostile.img, source: hostile.url }],
  };
}
