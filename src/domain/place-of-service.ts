/**
 * Place of service from the Encounter class of the latest encounter in the period.
 *
 * Source: CMS Place of Service Code Set (11 Office, 12 Home), read from HL7 THO CodeSystem
 * CMSPlaceofServiceCodes; Noridian JF Part A "Telehealth Place of Service Code" (02 other than home, 10 in the
 * patient's home; effective 1 Jan 2022). SOURCES.md §8 [V].
 */
import { within } from './calendar.ts';
import { SYSTEMS } from './concept.ts';
import type { EvaluationPeriod, PlaceOfService } from './evaluation.ts';
import type { PayerPolicy } from './policy.ts';
import type { PatientRecord } from './record.ts';

const POS_SOURCE =
  'CMS Place of Service Code Set (via HL7 THO); Noridian JF Part A Telehealth POS (2022), SOURCES.md §8';
const STAYS = new Set(['IMP', 'EMER', 'ACUTE', 'NONAC', 'OBSENC', 'PRENC', 'SS']);

/** The place of service, when an encounter in the period says where the work happened. */
export function placeOfService(
  record: PatientRecord,
  period: EvaluationPeriod,
  policy: PayerPolicy,
): PlaceOfService | undefined {
  const latest = record.encounters
    .filter(
      (e) =>
        within(e.period?.start, period) &&
        !STAYS.has(e.classCode ?? '') &&
        e.status !== 'entered-in-error' &&
        e.status !== 'cancelled',
    )
    .sort((a, b) => ((a.period?.start ?? '') < (b.period?.start ?? '') ? 1 : -1))[0];
  if (!latest) {
    return undefined;
  }
  const base = { system: SYSTEMS.placeOfService, encounter: latest.ref, source: POS_SOURCE };
  switch (latest.classCode) {
    case 'HH':
      return { ...base, code: '12', candidates: ['12'], reason: 'Home health encounter: home (12)' };
    case 'AMB':
      return {
        ...base,
        candidates: ['11'],
        reason: 'Ambulatory encounter: office (11) is likely; confirm the place of service',
      };
    case 'VR': {
      const candidates =
        policy.telehealth.placeOfService.length > 0 ? policy.telehealth.placeOfService : ['02', '10'];
      return {
        ...base,
        candidates,
        reason: 'Virtual encounter: telehealth; choose 10 if the patient was at home, 02 if not',
      };
    }
    default:
      return undefined;
  }
}
