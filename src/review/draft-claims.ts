/**
 * Reads what a Claim or ChargeItem says about itself, in the encoding the app's draft builders use
 * (`src/domain/draft/urls.ts`): the billed code, status, patient, period, units, diagnoses, modifiers, the
 * evidence behind each criterion, and the attestations and justifications it carries as text. A resource
 * made by someone else simply has fewer of these.
 */

import {
  CHARGE_ITEM_MODIFIER_EXTENSION,
  CRITERION_CODE_SYSTEM,
  DRAFT_IDENTIFIER_SYSTEM,
  SUPPORTS_CRITERION_EXTENSION,
} from '../domain/draft/urls.ts';
import { CRITERION_IDS, type CriterionId } from '../domain/evaluation.ts';
import {
  codings,
  isObject,
  type JsonObject,
  num,
  obj,
  objects,
  type RawCoding,
  reference,
  str,
} from './json-access.ts';

/** The kinds of resource the review reads as drafts. */
export type DraftType = 'Claim' | 'ChargeItem';

/** One (criterion, evidence) pair the draft states. */
export interface CitedEvidence {
  readonly criterion: CriterionId;
  readonly ref: string;
}

/** A statement the draft carries as text: an attestation (with its criterion) or a justification. */
export interface DraftStatement {
  readonly criterion?: CriterionId;
  readonly text: string;
  /** When, as the draft gives it (date or dateTime). */
  readonly at?: string;
  /** Who, as the draft gives it. */
  readonly by?: string;
}

/** What the draft says. */
export interface DraftClaims {
  readonly type: DraftType;
  readonly status?: string;
  /** The codings of the billed code (Claim: every item's productOrService; ChargeItem: code). */
  readonly codes: readonly RawCoding[];
  readonly patient?: string;
  readonly period?: { readonly start?: string; readonly end?: string };
  /** The draft's own date: Claim.created or ChargeItem.enteredDate. */
  readonly date?: string;
  /** Units on the G9012 line (Claim item quantity, ChargeItem quantity). */
  readonly quantity?: number;
  /** Diagnosis codings (Claim.diagnosis, ChargeItem.reason). */
  readonly diagnoses: readonly RawCoding[];
  /** Modifier codes on the G9012 line. */
  readonly modifiers: readonly string[];
  readonly evidence: readonly CitedEvidence[];
  readonly statements: readonly DraftStatement[];
  /** Who entered it (Claim.enterer / ChargeItem.enterer), else the first performer or care team member. */
  readonly user?: string;
  /** Coverage references (Claim.insurance.coverage). */
  readonly coverages: readonly string[];
  /** The app's identifier value, `G9012_<patient>_<start>_<end>_<policy>`, when present. */
  readonly identifierValue?: string;
  /** The payer policy id, read from the app's identifier. */
  readonly policyId?: string;
}

const KNOWN_CRITERIA: ReadonlySet<string> = new Set(CRITERION_IDS);

function criterionOf(code: string | undefined): CriterionId | undefined {
  return code !== undefined && KNOWN_CRITERIA.has(code) ? (code as CriterionId) : undefined;
}

function criterionFromConcept(concept: unknown): CriterionId | undefined {
  const coding = codings(concept).find((c) => c.system === CRITERION_CODE_SYSTEM);
  return criterionOf(coding?.code);
}

function period(value: JsonObject | undefined): DraftClaims['period'] {
  if (value === undefined) {
    return undefined;
  }
  const start = str(value, 'start');
  const end = str(value, 'end');
  return { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) };
}

function identifierValue(resource: JsonObject): string | undefined {
  const identifier = objects(resource, 'identifier').find(
    (i) => str(i, 'system') === DRAFT_IDENTIFIER_SYSTEM,
  );
  return str(identifier, 'value');
}

/** The policy id is the last `_`-separated part of `G9012_<patient>_<start>_<end>_<policy>`. */
function policyFromIdentifier(value: string | undefined): string | undefined {
  const parts = value?.split('_');
  return parts !== undefined && parts.length === 5 && parts[0] === 'G9012' ? parts[4] : undefined;
}

function claimClaims(claim: JsonObject): DraftClaims {
  const items = objects(claim, 'item');
  const line =
    items.find((i) => codings(obj(i, 'productOrService')).some((c) => c.code === 'G9012')) ?? items[0];
  const evidence: CitedEvidence[] = [];
  const statements: DraftStatement[] = [];
  for (const info of objects(claim, 'supportingInfo')) {
    const criterion = criterionFromConcept(obj(info, 'code'));
    const ref = reference(info, 'valueReference');
    const text = str(info, 'valueString');
    if (criterion !== undefined && ref !== undefined) {
      evidence.push({ criterion, ref });
    } else if (text !== undefined) {
      const at = str(info, 'timingDate') ?? str(obj(info, 'timingPeriod'), 'start');
      statements.push({
        ...(criterion === undefined ? {} : { criterion }),
        text,
        ...(at === undefined ? {} : { at }),
      });
    }
  }
  const id = identifierValue(claim);
  const policyId = policyFromIdentifier(id);
  const user =
    reference(claim, 'enterer') ?? objects(claim, 'careTeam').map((m) => reference(m, 'provider'))[0];
  const linePeriod = period(obj(line, 'servicedPeriod'));
  const servicedDate = str(line, 'servicedDate');
  return {
    type: 'Claim',
    ...optional('status', str(claim, 'status')),
    codes: items.flatMap((i) => codings(obj(i, 'productOrService'))),
    ...optional('patient', reference(claim, 'patient')),
    ...optional(
      'period',
      period(obj(claim, 'billablePeriod')) ??
        linePeriod ??
        (servicedDate === undefined ? undefined : { start: servicedDate, end: servicedDate }),
    ),
    ...optional('date', str(claim, 'created')),
    ...optional('quantity', num(obj(line, 'quantity'), 'value')),
    diagnoses: objects(claim, 'diagnosis').flatMap((d) => codings(obj(d, 'diagnosisCodeableConcept'))),
    modifiers: objects(line, 'modifier').flatMap((m) => codings(m).flatMap((c) => (c.code ? [c.code] : []))),
    evidence,
    statements,
    ...optional('user', user),
    coverages: objects(claim, 'insurance').flatMap((i) => {
      const ref = reference(i, 'coverage');
      return ref === undefined ? [] : [ref];
    }),
    ...optional('identifierValue', id),
    ...optional('policyId', policyId),
  };
}

function chargeItemClaims(item: JsonObject): DraftClaims {
  const evidence: CitedEvidence[] = [];
  for (const info of objects(item, 'supportingInformation')) {
    const ref = str(info, 'reference');
    const ext = objects(info, 'extension').find((e) => str(e, 'url') === SUPPORTS_CRITERION_EXTENSION);
    const criterion = criterionOf(str(ext, 'valueCode'));
    if (ref !== undefined && criterion !== undefined) {
      evidence.push({ criterion, ref });
    }
  }
  const statements: DraftStatement[] = objects(item, 'note').flatMap((note) => {
    const text = str(note, 'text');
    if (text === undefined) {
      return [];
    }
    // The app writes attestations as `Attested "<criterion>" ...`; other notes have no criterion.
    const criterion = criterionOf(/^Attested "([a-z-]+)"/.exec(text)?.[1]);
    const at = str(note, 'time');
    const by = reference(note, 'authorReference') ?? str(note, 'authorString');
    return [
      {
        ...(criterion === undefined ? {} : { criterion }),
        text,
        ...(at === undefined ? {} : { at }),
        ...(by === undefined ? {} : { by }),
      },
    ];
  });
  const id = identifierValue(item);
  const modifiers = objects(item, 'extension')
    .filter((e) => str(e, 'url') === CHARGE_ITEM_MODIFIER_EXTENSION)
    .flatMap((e) => {
      const code = str(obj(e, 'valueCoding'), 'code');
      return code === undefined ? [] : [code];
    });
  const occurrence = str(item, 'occurrenceDateTime');
  const performer = objects(item, 'performer').map((p) => reference(p, 'actor'))[0];
  return {
    type: 'ChargeItem',
    ...optional('status', str(item, 'status')),
    codes: codings(obj(item, 'code')),
    ...optional('patient', reference(item, 'subject')),
    ...optional(
      'period',
      period(obj(item, 'occurrencePeriod')) ??
        (occurrence === undefined ? undefined : { start: occurrence, end: occurrence }),
    ),
    ...optional('date', str(item, 'enteredDate')),
    ...optional('quantity', num(obj(item, 'quantity'), 'value')),
    diagnoses: objects(item, 'reason').flatMap((r) => codings(r)),
    modifiers,
    evidence,
    statements,
    ...optional('user', reference(item, 'enterer') ?? performer),
    coverages: [],
    ...optional('identifierValue', id),
    ...optional('policyId', policyFromIdentifier(id)),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Reads a Claim or ChargeItem; undefined for any other resource. */
export function readDraftClaims(resource: unknown): DraftClaims | undefined {
  if (!isObject(resource)) {
    return undefined;
  }
  if (resource.resourceType === 'Claim') {
    return claimClaims(resource);
  }
  if (resource.resourceType === 'ChargeItem') {
    return chargeItemClaims(resource);
  }
  return undefined;
}
