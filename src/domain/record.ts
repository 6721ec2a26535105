/**
 * The normalised patient record that every criterion reads.
 *
 * It is built once at the boundary (`src/fhir/record/`) from zod-parsed FHIR R4 resources and keeps only
 * the fields the criteria, the drafts and the UI use. Nothing here is defaulted: a field the source did not
 * carry is `undefined` (or an empty list), never a guessed value.
 */

/** A resolved reference in `Type/id` form, e.g. `Condition/123`. `urn:uuid:` references are resolved to this. */
export type Ref = string;

/** One coding of a concept, as it appeared in the source. */
export interface Coding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

/** A CodeableConcept: its codings and its text. */
export interface Concept {
  readonly codings: readonly Coding[];
  readonly text?: string;
}

/** A period of time as ISO 8601 date or dateTime strings, as given by the source. */
export interface Period {
  readonly start?: string;
  readonly end?: string;
}

/** Fields every normalised resource has. */
export interface RecordItem {
  /** `Type/id`. */
  readonly ref: Ref;
  /** `meta.lastUpdated`, when the server gave it. */
  readonly lastUpdated?: string;
}

export interface Identifier {
  readonly system?: string;
  readonly value?: string;
}

export interface PatientInfo extends RecordItem {
  readonly name?: string;
  readonly birthDate?: string;
  readonly gender?: string;
  readonly identifiers: readonly Identifier[];
  readonly deceased?: boolean | string;
}

export interface ConditionItem extends RecordItem {
  /** `clinicalStatus` code (active, recurrence, relapse, inactive, remission, resolved). */
  readonly clinicalStatus?: string;
  /** `verificationStatus` code (confirmed, entered-in-error, ...). */
  readonly verificationStatus?: string;
  /** Category codes (problem-list-item, encounter-diagnosis, health-concern, sdoh, ...). */
  readonly categories: readonly string[];
  readonly code: Concept;
  /** onsetDateTime, or onsetPeriod.start. */
  readonly onset?: string;
  /** abatementDateTime, or abatementPeriod.start. */
  readonly abatement?: string;
  readonly recordedDate?: string;
  readonly recorder?: Ref;
}

export type MedicationSource = 'MedicationStatement' | 'MedicationRequest';

export interface MedicationItem extends RecordItem {
  readonly source: MedicationSource;
  readonly status?: string;
  /** medicationCodeableConcept, or the referenced Medication's code when it could be resolved. */
  readonly medication: Concept;
  /** MedicationStatement.effective[x] or MedicationRequest.dispenseRequest.validityPeriod. */
  readonly effective?: Period;
  /** MedicationStatement.dateAsserted, or MedicationRequest.authoredOn. */
  readonly asserted?: string;
  readonly informationSource?: Ref;
}

export interface CarePlanActivity {
  readonly status?: string;
  /** detail.kind, or the resource type of `reference` (e.g. ServiceRequest). */
  readonly kind?: string;
  readonly code?: Concept;
  readonly scheduled?: Period;
  /** activity.reference, when the activity points at a request (a referral is a ServiceRequest). */
  readonly reference?: Ref;
  /** Dates of activity.progress annotations. */
  readonly progressDates: readonly string[];
}

export interface CarePlanItem extends RecordItem {
  readonly status?: string;
  readonly intent?: string;
  readonly title?: string;
  readonly categories: readonly Concept[];
  readonly period?: Period;
  readonly created?: string;
  readonly author?: Ref;
  readonly addresses: readonly Ref[];
  readonly goals: readonly Ref[];
  readonly activities: readonly CarePlanActivity[];
}

export interface GoalItem extends RecordItem {
  readonly lifecycleStatus?: string;
  readonly description: Concept;
  readonly categories: readonly Concept[];
  readonly start?: string;
  readonly statusDate?: string;
  readonly addresses: readonly Ref[];
}

export interface EncounterItem extends RecordItem {
  readonly status?: string;
  /** Encounter.class code (AMB, IMP, EMER, VR, HH, ...). */
  readonly classCode?: string;
  readonly types: readonly Concept[];
  readonly serviceType?: Concept;
  readonly period?: Period;
  /** Encounter.length in minutes, when given in a time unit. */
  readonly lengthMinutes?: number;
  readonly participants: readonly Ref[];
}

export interface CoverageItem extends RecordItem {
  readonly status?: string;
  readonly type?: Concept;
  /** Coverage.payor references, resolved to `Type/id` where possible. */
  readonly payors: readonly Ref[];
  /** Coverage.payor displays, as given. */
  readonly payorDisplays: readonly string[];
  readonly period?: Period;
  readonly subscriberId?: string;
  readonly identifiers: readonly Identifier[];
  /** Coverage.class values (group, plan), as `type:value`. */
  readonly classes: readonly string[];
}

export interface CommunicationItem extends RecordItem {
  readonly status?: string;
  readonly categories: readonly Concept[];
  readonly sent?: string;
  readonly received?: string;
  readonly sender?: Ref;
  readonly recipients: readonly Ref[];
  readonly topic?: Concept;
}

export interface ProcedureItem extends RecordItem {
  readonly status?: string;
  readonly code: Concept;
  readonly categories: readonly Concept[];
  /** performedDateTime (start = end) or performedPeriod. */
  readonly performed?: Period;
  readonly performers: readonly Ref[];
}

export interface ObservationItem extends RecordItem {
  readonly status?: string;
  /** Category codes (survey, social-history, sdoh, ...). */
  readonly categories: readonly string[];
  readonly code: Concept;
  /** effectiveDateTime, effectivePeriod.start, or issued. */
  readonly effective?: string;
}

export interface QuestionnaireResponseItem extends RecordItem {
  readonly status?: string;
  readonly authored?: string;
  readonly questionnaire?: string;
}

export interface PractitionerItem extends RecordItem {
  readonly name?: string;
  readonly qualifications: readonly Concept[];
}

export interface PractitionerRoleItem extends RecordItem {
  readonly practitioner?: Ref;
  readonly organization?: Ref;
  readonly codes: readonly Concept[];
  readonly specialties: readonly Concept[];
}

export interface OrganizationItem extends RecordItem {
  readonly name?: string;
  readonly identifiers: readonly Identifier[];
  readonly types: readonly Concept[];
}

/** Where the medication list came from, for the UI to say which source was used. */
export type MedicationListSource = MedicationSource | 'none';

/** One patient's normalised record. Lists are empty, never undefined, when nothing was found. */
export interface PatientRecord {
  readonly patient: PatientInfo;
  readonly conditions: readonly ConditionItem[];
  readonly medications: readonly MedicationItem[];
  readonly medicationSource: MedicationListSource;
  readonly carePlans: readonly CarePlanItem[];
  readonly goals: readonly GoalItem[];
  readonly encounters: readonly EncounterItem[];
  readonly coverages: readonly CoverageItem[];
  readonly communications: readonly CommunicationItem[];
  readonly procedures: readonly ProcedureItem[];
  readonly observations: readonly ObservationItem[];
  readonly questionnaireResponses: readonly QuestionnaireResponseItem[];
  readonly practitioners: readonly PractitionerItem[];
  readonly practitionerRoles: readonly PractitionerRoleItem[];
  readonly organizations: readonly OrganizationItem[];
  /** The signed-in user (`fhirUser`), when known: `Practitioner/id` or `PractitionerRole/id`. */
  readonly user?: Ref;
}

/** A resource that failed its schema and was left out of the record. */
export interface InvalidResource {
  /** `Type/id`, or `Type/(no id)#n` when the resource had no id. */
  readonly ref: string;
  /** What was wrong, naming the path, never the content. */
  readonly problem: string;
}
