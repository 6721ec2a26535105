/**
 * zod schemas for the FHIR R4 resources the app reads. Each keeps only the fields the record uses
 * (zod strips the rest) and checks their types and the R4 cardinality of required elements.
 * A resource that fails is reported and left out; it is never repaired.
 */
import { z } from 'zod';

// Source: HL7 FHIR R4 datatypes, "date" and "dateTime" regular expressions (simplified: no leap-second check).
const DATE_TIME =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d+)?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?)?)?)?$/;

const text = z.string();
const dateTime = z.string().regex(DATE_TIME, 'not a FHIR date or dateTime');

export const codingSchema = z.object({
  system: text.optional(),
  code: text.optional(),
  display: text.optional(),
});

export const conceptSchema = z.object({
  coding: z.array(codingSchema).optional(),
  text: text.optional(),
});

export const identifierSchema = z.object({
  system: text.optional(),
  value: text.optional(),
});

export const referenceSchema = z.object({
  reference: text.optional(),
  display: text.optional(),
  identifier: identifierSchema.optional(),
});

export const periodSchema = z.object({
  start: dateTime.optional(),
  end: dateTime.optional(),
});

const meta = z.object({ lastUpdated: dateTime.optional() });

/** Fields every resource may carry. `id` is checked by the normaliser, which can take it from `fullUrl`. */
const base = {
  id: text.optional(),
  meta: meta.optional(),
};

const humanName = z.object({
  text: text.optional(),
  family: text.optional(),
  given: z.array(text).optional(),
  use: text.optional(),
});

export const patientSchema = z.object({
  ...base,
  resourceType: z.literal('Patient'),
  name: z.array(humanName).optional(),
  birthDate: dateTime.optional(),
  gender: text.optional(),
  identifier: z.array(identifierSchema).optional(),
  deceasedBoolean: z.boolean().optional(),
  deceasedDateTime: dateTime.optional(),
});

export const conditionSchema = z.object({
  ...base,
  resourceType: z.literal('Condition'),
  subject: referenceSchema,
  clinicalStatus: conceptSchema.optional(),
  verificationStatus: conceptSchema.optional(),
  category: z.array(conceptSchema).optional(),
  code: conceptSchema.optional(),
  onsetDateTime: dateTime.optional(),
  onsetPeriod: periodSchema.optional(),
  abatementDateTime: dateTime.optional(),
  abatementPeriod: periodSchema.optional(),
  recordedDate: dateTime.optional(),
  recorder: referenceSchema.optional(),
});

export const medicationStatementSchema = z.object({
  ...base,
  resourceType: z.literal('MedicationStatement'),
  status: text,
  subject: referenceSchema,
  medicationCodeableConcept: conceptSchema.optional(),
  medicationReference: referenceSchema.optional(),
  effectiveDateTime: dateTime.optional(),
  effectivePeriod: periodSchema.optional(),
  dateAsserted: dateTime.optional(),
  informationSource: referenceSchema.optional(),
});

export const medicationRequestSchema = z.object({
  ...base,
  resourceType: z.literal('MedicationRequest'),
  status: text,
  intent: text,
  subject: referenceSchema,
  medicationCodeableConcept: conceptSchema.optional(),
  medicationReference: referenceSchema.optional(),
  authoredOn: dateTime.optional(),
  requester: referenceSchema.optional(),
  dispenseRequest: z.object({ validityPeriod: periodSchema.optional() }).optional(),
});

export const medicationSchema = z.object({
  ...base,
  resourceType: z.literal('Medication'),
  code: conceptSchema.optional(),
});

const carePlanActivity = z.object({
  reference: referenceSchema.optional(),
  progress: z.array(z.object({ time: dateTime.optional() })).optional(),
  detail: z
    .object({
      kind: text.optional(),
      code: conceptSchema.optional(),
      status: text.optional(),
      scheduledPeriod: periodSchema.optional(),
    })
    .optional(),
});

export const carePlanSchema = z.object({
  ...base,
  resourceType: z.literal('CarePlan'),
  status: text,
  intent: text,
  subject: referenceSchema,
  title: text.optional(),
  category: z.array(conceptSchema).optional(),
  period: periodSchema.optional(),
  created: dateTime.optional(),
  author: referenceSchema.optional(),
  addresses: z.array(referenceSchema).optional(),
  goal: z.array(referenceSchema).optional(),
  activity: z.array(carePlanActivity).optional(),
});

export const goalSchema = z.object({
  ...base,
  resourceType: z.literal('Goal'),
  lifecycleStatus: text,
  description: conceptSchema,
  subject: referenceSchema,
  category: z.array(conceptSchema).optional(),
  startDate: dateTime.optional(),
  statusDate: dateTime.optional(),
  addresses: z.array(referenceSchema).optional(),
});

const duration = z.object({
  value: z.number().optional(),
  unit: text.optional(),
  system: text.optional(),
  code: text.optional(),
});

export const encounterSchema = z.object({
  ...base,
  resourceType: z.literal('Encounter'),
  status: text,
  class: codingSchema,
  subject: referenceSchema.optional(),
  type: z.array(conceptSchema).optional(),
  serviceType: conceptSchema.optional(),
  period: periodSchema.optional(),
  length: duration.optional(),
  participant: z.array(z.object({ individual: referenceSchema.optional() })).optional(),
});

export const coverageSchema = z.object({
  ...base,
  resourceType: z.literal('Coverage'),
  status: text,
  beneficiary: referenceSchema,
  payor: z.array(referenceSchema).min(1),
  type: conceptSchema.optional(),
  period: periodSchema.optional(),
  subscriberId: text.optional(),
  identifier: z.array(identifierSchema).optional(),
  class: z.array(z.object({ type: conceptSchema.optional(), value: text.optional() })).optional(),
});

export const communicationSchema = z.object({
  ...base,
  resourceType: z.literal('Communication'),
  status: text,
  subject: referenceSchema.optional(),
  category: z.array(conceptSchema).optional(),
  sent: dateTime.optional(),
  received: dateTime.optional(),
  sender: referenceSchema.optional(),
  recipient: z.array(referenceSchema).optional(),
  topic: conceptSchema.optional(),
});

export const procedureSchema = z.object({
  ...base,
  resourceType: z.literal('Procedure'),
  status: text,
  subject: referenceSchema,
  code: conceptSchema.optional(),
  category: conceptSchema.optional(),
  performedDateTime: dateTime.optional(),
  performedPeriod: periodSchema.optional(),
  performer: z.array(z.object({ actor: referenceSchema.optional() })).optional(),
});

export const observationSchema = z.object({
  ...base,
  resourceType: z.literal('Observation'),
  status: text,
  code: conceptSchema,
  subject: referenceSchema.optional(),
  category: z.array(conceptSchema).optional(),
  effectiveDateTime: dateTime.optional(),
  effectivePeriod: periodSchema.optional(),
  issued: dateTime.optional(),
});

export const questionnaireResponseSchema = z.object({
  ...base,
  resourceType: z.literal('QuestionnaireResponse'),
  status: text,
  subject: referenceSchema.optional(),
  authored: dateTime.optional(),
  questionnaire: text.optional(),
});

export const practitionerSchema = z.object({
  ...base,
  resourceType: z.literal('Practitioner'),
  name: z.array(humanName).optional(),
  qualification: z.array(z.object({ code: conceptSchema })).optional(),
});

export const practitionerRoleSchema = z.object({
  ...base,
  resourceType: z.literal('PractitionerRole'),
  practitioner: referenceSchema.optional(),
  organization: referenceSchema.optional(),
  code: z.array(conceptSchema).optional(),
  specialty: z.array(conceptSchema).optional(),
});

export const organizationSchema = z.object({
  ...base,
  resourceType: z.literal('Organization'),
  name: text.optional(),
  identifier: z.array(identifierSchema).optional(),
  type: z.array(conceptSchema).optional(),
});

/** The schema for each resource type the record uses. Other types are ignored, not reported. */
export const schemasByType = {
  Patient: patientSchema,
  Condition: conditionSchema,
  MedicationStatement: medicationStatementSchema,
  MedicationRequest: medicationRequestSchema,
  Medication: medicationSchema,
  CarePlan: carePlanSchema,
  Goal: goalSchema,
  Encounter: encounterSchema,
  Coverage: coverageSchema,
  Communication: communicationSchema,
  Procedure: procedureSchema,
  Observation: observationSchema,
  QuestionnaireResponse: questionnaireResponseSchema,
  Practitioner: practitionerSchema,
  PractitionerRole: practitionerRoleSchema,
  Organization: organizationSchema,
} as const;

export type ReadType = keyof typeof schemasByType;

export type Parsed<T extends ReadType> = z.infer<(typeof schemasByType)[T]>;

export type ParsedConcept = z.infer<typeof conceptSchema>;
export type ParsedReference = z.infer<typeof referenceSchema>;
export type ParsedPeriod = z.infer<typeof periodSchema>;
export type ParsedHumanName = z.infer<typeof humanName>;
export type ParsedDuration = z.infer<typeof duration>;
