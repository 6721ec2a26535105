/**
 * Converters from zod-parsed resources to the record's narrowed items. They copy what the source said and
 * default nothing: an absent element stays absent.
 */
import type {
  CarePlanItem,
  CommunicationItem,
  Concept,
  ConditionItem,
  CoverageItem,
  EncounterItem,
  GoalItem,
  MedicationItem,
  ObservationItem,
  OrganizationItem,
  PatientInfo,
  Period,
  PractitionerItem,
  PractitionerRoleItem,
  ProcedureItem,
  QuestionnaireResponseItem,
  Ref,
} from '../../domain/record.ts';
import { type FullUrlIndex, resolveReference } from './references.ts';
import type {
  Parsed,
  ParsedConcept,
  ParsedDuration,
  ParsedHumanName,
  ParsedPeriod,
  ParsedReference,
} from './schemas.ts';

/** What every converter needs: the resource's own ref and the Bundle's fullUrl index. */
export interface ItemContext {
  readonly ref: Ref;
  readonly fullUrls: FullUrlIndex;
  /** Codes of Medication resources in the same input, for medicationReference. */
  readonly medicationCodes: ReadonlyMap<Ref, Concept>;
}

const EMPTY: Concept = { codings: [] };

function concept(c: ParsedConcept | undefined): Concept {
  if (c === undefined) {
    return EMPTY;
  }
  return { codings: c.coding ?? [], ...(c.text === undefined ? {} : { text: c.text }) };
}

function concepts(list: readonly ParsedConcept[] | undefined): Concept[] {
  return (list ?? []).map(concept);
}

function codes(list: readonly ParsedConcept[] | undefined): string[] {
  return (list ?? []).flatMap((c) =>
    (c.coding ?? []).flatMap((coding) => (coding.code ? [coding.code] : [])),
  );
}

function firstCode(c: ParsedConcept | undefined): string | undefined {
  return c?.coding?.find((coding) => coding.code !== undefined)?.code;
}

function period(p: ParsedPeriod | undefined): Period | undefined {
  if (p === undefined || (p.start === undefined && p.end === undefined)) {
    return undefined;
  }
  return {
    ...(p.start === undefined ? {} : { start: p.start }),
    ...(p.end === undefined ? {} : { end: p.end }),
  };
}

function instant(at: string | undefined): Period | undefined {
  return at === undefined ? undefined : { start: at, end: at };
}

function ref(r: ParsedReference | undefined, ctx: ItemContext): Ref | undefined {
  return resolveReference(r?.reference, ctx.fullUrls);
}

function refs(list: readonly ParsedReference[] | undefined, ctx: ItemContext): Ref[] {
  return (list ?? []).flatMap((r) => {
    const resolved = ref(r, ctx);
    return resolved === undefined ? [] : [resolved];
  });
}

/** Copies the keys whose value is not undefined onto `out`, so items carry only what the source said. */
function copyDefined(out: Record<string, unknown>, fields: object): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) {
      out[key] = value;
    }
  }
}

/** Removes keys whose value is undefined. */
function defined<T extends object>(fields: T): T {
  const out: Record<string, unknown> = {};
  copyDefined(out, fields);
  return out as T;
}

/**
 * A resource's item: its ref, its lastUpdated when it has one, and the fields that are defined. Built
 * in place rather than by spreading a common part into each literal, which V8 handles far more slowly.
 */
function item<T extends object>(
  ctx: ItemContext,
  meta: { lastUpdated?: string | undefined } | undefined,
  fields: T,
): T & { ref: Ref; lastUpdated?: string } {
  const out: Record<string, unknown> = { ref: ctx.ref };
  if (meta?.lastUpdated !== undefined) {
    out.lastUpdated = meta.lastUpdated;
  }
  copyDefined(out, fields);
  return out as T & { ref: Ref; lastUpdated?: string };
}

/** A person's display name: the official name if marked, else the first; text, else given + family. */
export function displayName(names: readonly ParsedHumanName[] | undefined): string | undefined {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (name === undefined) {
    return undefined;
  }
  if (name.text !== undefined) {
    return name.text;
  }
  const joined = [...(name.given ?? []), name.family ?? ''].join(' ').trim();
  return joined === '' ? undefined : joined;
}

// Source: UCUM time units as used by FHIR Duration (min, h, s, d).
const MINUTES_PER_UNIT: Readonly<Record<string, number>> = { min: 1, h: 60, s: 1 / 60, d: 1440 };

function minutes(length: ParsedDuration | undefined): number | undefined {
  if (length?.value === undefined) {
    return undefined;
  }
  const factor = MINUTES_PER_UNIT[length.code ?? length.unit ?? ''];
  return factor === undefined ? undefined : length.value * factor;
}

export function patientItem(p: Parsed<'Patient'>, ctx: ItemContext): PatientInfo {
  return item(ctx, p.meta, {
    name: displayName(p.name),
    birthDate: p.birthDate,
    gender: p.gender,
    identifiers: p.identifier ?? [],
    deceased: p.deceasedBoolean ?? p.deceasedDateTime,
  });
}

export function conditionItem(c: Parsed<'Condition'>, ctx: ItemContext): ConditionItem {
  return item(ctx, c.meta, {
    clinicalStatus: firstCode(c.clinicalStatus),
    verificationStatus: firstCode(c.verificationStatus),
    categories: codes(c.category),
    code: concept(c.code),
    onset: c.onsetDateTime ?? c.onsetPeriod?.start,
    abatement: c.abatementDateTime ?? c.abatementPeriod?.start,
    recordedDate: c.recordedDate,
    recorder: ref(c.recorder, ctx),
  });
}

function medicationConcept(
  inline: ParsedConcept | undefined,
  reference: ParsedReference | undefined,
  ctx: ItemContext,
): Concept {
  if (inline !== undefined) {
    return concept(inline);
  }
  const target = ref(reference, ctx);
  const resolved = target === undefined ? undefined : ctx.medicationCodes.get(target);
  if (resolved !== undefined) {
    return resolved;
  }
  return reference?.display === undefined ? EMPTY : { codings: [], text: reference.display };
}

export function medicationStatementItem(m: Parsed<'MedicationStatement'>, ctx: ItemContext): MedicationItem {
  return item(ctx, m.meta, {
    source: 'MedicationStatement' as const,
    status: m.status,
    medication: medicationConcept(m.medicationCodeableConcept, m.medicationReference, ctx),
    effective: period(m.effectivePeriod) ?? instant(m.effectiveDateTime),
    asserted: m.dateAsserted,
    informationSource: ref(m.informationSource, ctx),
  });
}

export function medicationRequestItem(m: Parsed<'MedicationRequest'>, ctx: ItemContext): MedicationItem {
  return item(ctx, m.meta, {
    source: 'MedicationRequest' as const,
    status: m.status,
    medication: medicationConcept(m.medicationCodeableConcept, m.medicationReference, ctx),
    effective: period(m.dispenseRequest?.validityPeriod),
    asserted: m.authoredOn,
    informationSource: ref(m.requester, ctx),
  });
}

export function carePlanItem(c: Parsed<'CarePlan'>, ctx: ItemContext): CarePlanItem {
  return item(ctx, c.meta, {
    status: c.status,
    intent: c.intent,
    title: c.title,
    categories: concepts(c.category),
    period: period(c.period),
    created: c.created,
    author: ref(c.author, ctx),
    addresses: refs(c.addresses, ctx),
    goals: refs(c.goal, ctx),
    activities: (c.activity ?? []).map((a) => {
      const target = ref(a.reference, ctx);
      return defined({
        status: a.detail?.status,
        kind: a.detail?.kind ?? target?.split('/')[0],
        code: a.detail?.code === undefined ? undefined : concept(a.detail.code),
        scheduled: period(a.detail?.scheduledPeriod),
        reference: target,
        progressDates: (a.progress ?? []).flatMap((p) => (p.time === undefined ? [] : [p.time])),
      });
    }),
  });
}

export function goalItem(g: Parsed<'Goal'>, ctx: ItemContext): GoalItem {
  return item(ctx, g.meta, {
    lifecycleStatus: g.lifecycleStatus,
    description: concept(g.description),
    categories: concepts(g.category),
    start: g.startDate,
    statusDate: g.statusDate,
    addresses: refs(g.addresses, ctx),
  });
}

export function encounterItem(e: Parsed<'Encounter'>, ctx: ItemContext): EncounterItem {
  return item(ctx, e.meta, {
    status: e.status,
    classCode: e.class.code,
    types: concepts(e.type),
    serviceType: e.serviceType === undefined ? undefined : concept(e.serviceType),
    period: period(e.period),
    lengthMinutes: minutes(e.length),
    participants: refs(
      (e.participant ?? []).flatMap((p) => (p.individual === undefined ? [] : [p.individual])),
      ctx,
    ),
  });
}

export function coverageItem(c: Parsed<'Coverage'>, ctx: ItemContext): CoverageItem {
  return item(ctx, c.meta, {
    status: c.status,
    type: c.type === undefined ? undefined : concept(c.type),
    payors: refs(c.payor, ctx),
    payorDisplays: c.payor.flatMap((p) => (p.display === undefined ? [] : [p.display])),
    period: period(c.period),
    subscriberId: c.subscriberId,
    identifiers: c.identifier ?? [],
    classes: (c.class ?? []).flatMap((k) =>
      k.value === undefined ? [] : [`${firstCode(k.type) ?? 'class'}:${k.value}`],
    ),
  });
}

export function communicationItem(c: Parsed<'Communication'>, ctx: ItemContext): CommunicationItem {
  return item(ctx, c.meta, {
    status: c.status,
    categories: concepts(c.category),
    sent: c.sent,
    received: c.received,
    sender: ref(c.sender, ctx),
    recipients: refs(c.recipient, ctx),
    topic: c.topic === undefined ? undefined : concept(c.topic),
  });
}

export function procedureItem(p: Parsed<'Procedure'>, ctx: ItemContext): ProcedureItem {
  return item(ctx, p.meta, {
    status: p.status,
    code: concept(p.code),
    categories: p.category === undefined ? [] : [concept(p.category)],
    performed: period(p.performedPeriod) ?? instant(p.performedDateTime),
    performers: refs(
      (p.performer ?? []).flatMap((x) => (x.actor === undefined ? [] : [x.actor])),
      ctx,
    ),
  });
}

export function observationItem(o: Parsed<'Observation'>, ctx: ItemContext): ObservationItem {
  return item(ctx, o.meta, {
    status: o.status,
    categories: codes(o.category),
    code: concept(o.code),
    effective: o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued,
  });
}

export function questionnaireResponseItem(
  q: Parsed<'QuestionnaireResponse'>,
  ctx: ItemContext,
): QuestionnaireResponseItem {
  return item(ctx, q.meta, {
    status: q.status,
    authored: q.authored,
    questionnaire: q.questionnaire,
  });
}

export function practitionerItem(p: Parsed<'Practitioner'>, ctx: ItemContext): PractitionerItem {
  return item(ctx, p.meta, {
    name: displayName(p.name),
    qualifications: (p.qualification ?? []).map((q) => concept(q.code)),
  });
}

export function practitionerRoleItem(p: Parsed<'PractitionerRole'>, ctx: ItemContext): PractitionerRoleItem {
  return item(ctx, p.meta, {
    practitioner: ref(p.practitioner, ctx),
    organization: ref(p.organization, ctx),
    codes: concepts(p.code),
    specialties: concepts(p.specialty),
  });
}

export function organizationItem(o: Parsed<'Organization'>, ctx: ItemContext): OrganizationItem {
  return item(ctx, o.meta, {
    name: o.name,
    identifiers: o.identifier ?? [],
    types: concepts(o.type),
  });
}

/** The code of a Medication resource, for resolving medicationReference. */
export function medicationCode(m: Parsed<'Medication'>): Concept {
  return concept(m.code);
}
