/**
 * A generator for a huge record (about 5,000 resources by default): the meets-all patient plus years of
 * monthly visits, observations and old orders before November 2026. Generated, not stored.
 */
import type { Bundle, Encounter, MedicationRequest, Observation } from 'fhir/r4';
import type { Scenario } from './scenario.ts';
import { coded, meetsAllParts, toBundle } from './scenario-kit.ts';

const LOINC = 'http://loinc.org';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A day `n` days before 2026-10-31, as `YYYY-MM-DD` (deterministic; no clock). */
function dayBefore(n: number): string {
  const base = Date.UTC(2026, 9, 31);
  const d = new Date(base - n * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Builds a Bundle of about `resourceCount` resources for patient `id`. */
export function hugeBundle(resourceCount = 5000, id = 'huge-record'): Bundle {
  const parts = meetsAllParts(id, { given: 'Hugo', family: 'Huge' });
  const subject = { reference: `Patient/${id}` };
  const base = toBundle(id, parts).entry?.length ?? 0;
  const extra = Math.max(0, resourceCount - base);
  for (let i = 0; i < extra; i += 1) {
    const day = dayBefore(1 + Math.floor(i / 3));
    const kind = i % 3;
    if (kind === 0) {
      const e: Encounter = {
        resourceType: 'Encounter',
        id: `${id}-enc-${i}`,
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        subject,
        period: { start: `${day}T10:00:00Z`, end: `${day}T10:20:00Z` },
      };
      parts.encounters.push(e);
    } else if (kind === 1) {
      const o: Observation = {
        resourceType: 'Observation',
        id: `${id}-obs-${i}`,
        status: 'final',
        category: [
          {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
            ],
          },
        ],
        code: coded(LOINC, '29463-7', 'Body weight'),
        subject,
        effectiveDateTime: `${day}T10:05:00Z`,
        valueQuantity: { value: 80 + (i % 7), unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
      };
      parts.observations.push(o);
    } else {
      const m: MedicationRequest = {
        resourceType: 'MedicationRequest',
        id: `${id}-order-${i}`,
        status: 'stopped',
        intent: 'order',
        medicationCodeableConcept: { text: `Historic order ${i}` },
        subject,
        authoredOn: day,
      };
      parts.medications.push(m);
    }
  }
  return toBundle(id, parts);
}

/** The huge-record scenario (about 5,000 resources). */
export const hugeRecord: Scenario = {
  id: 'huge-record',
  title: 'Huge record (about 5,000 resources)',
  description: 'Meets every criterion, buried under years of visits, weights and stopped orders.',
  bundle: hugeBundle(),
};
