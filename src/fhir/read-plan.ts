import type { AppConfig } from '../config/app-config.ts';
import { readScope } from '../config/scopes.ts';
import type { FhirSession } from './session.ts';

/** One read in the load wave: a resource read, or a search whose pages are followed. */
export interface ReadTask {
  /** Progress label and result key; the resource type it reads. */
  readonly resourceType: string;
  /** Path relative to the FHIR base, e.g. `Condition?patient=123&_count=200`. */
  readonly path: string;
  readonly search: boolean;
  /** The scope this read needs, named when the server answers 403 without naming one. */
  readonly requiredScope: string;
}

/**
 * Observation categories the criteria read (assessments, screenings, social history, SDOH). Asking for a
 * category keeps vital signs and labs, often thousands, out of the load; Epic requires a category anyway.
 */
export const observationCategories = ['survey', 'social-history', 'sdoh', 'functional-status'];

/** Search parameters beyond `patient` and `_count`, per type. `_sort=-date` keeps the newest when a cap cuts. */
const searchExtras: Record<string, string> = {
  Condition: '',
  MedicationStatement: '&_include=MedicationStatement:medication',
  MedicationRequest: '&_include=MedicationRequest:medication',
  CarePlan: '',
  Goal: '',
  Encounter: '&_sort=-date',
  Coverage: '&_include=Coverage:payor',
  Communication: '',
  Procedure: '&_sort=-date',
  Observation: `&category=${observationCategories.join(',')}&_sort=-date`,
  QuestionnaireResponse: '',
};

/** Patient-compartment types searched in the wave, in display order. */
export const searchedTypes = Object.keys(searchExtras);

/**
 * The reads of one load, all started together: the Patient, each searched type, and the signed-in user.
 * Both medication types are planned; the loader drops one once the CapabilityStatement is known.
 */
export function planReads(session: FhirSession, config: AppConfig, patientId: string): ReadTask[] {
  const patient = encodeURIComponent(patientId);
  const count = config.paging.pageSize;
  const task = (resourceType: string, path: string, search: boolean): ReadTask => ({
    resourceType,
    path,
    search,
    requiredScope: readScope(config, resourceType),
  });
  const tasks = [
    task('Patient', `Patient/${patient}`, false),
    ...searchedTypes.map((type) =>
      task(type, `${type}?patient=${patient}&_count=${count}${searchExtras[type] ?? ''}`, true),
    ),
  ];
  const [userType, userId] = session.fhirUser?.split('/') ?? [];
  if (userType && userId) {
    const user = encodeURIComponent(userId);
    if (userType === 'Practitioner') {
      tasks.push(task('Practitioner', `Practitioner/${user}`, false));
      tasks.push(task('PractitionerRole', `PractitionerRole?practitioner=${user}&_count=${count}`, true));
    } else {
      tasks.push(
        task('PractitionerRole', `PractitionerRole?_id=${user}&_include=PractitionerRole:practitioner`, true),
      );
    }
  }
  return tasks;
}
