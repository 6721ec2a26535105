/**
 * The key fields a reviewer needs to judge a piece of evidence at a glance: status, code, date, and when it
 * was last changed. Read from raw JSON, so any resource type shows what it has.
 */
import { codings, isObject, obj, objects, str } from './json-access.ts';
import type { KeyField } from './types.ts';

const DATE_FIELDS = [
  'effectiveDateTime',
  'performedDateTime',
  'recordedDate',
  'onsetDateTime',
  'dateAsserted',
  'authored',
  'sent',
  'received',
  'created',
  'authoredOn',
  'date',
] as const;

const PERIOD_FIELDS = ['period', 'performedPeriod', 'effectivePeriod'] as const;

function conceptText(concept: unknown): string | undefined {
  const first = codings(concept)[0];
  const text = str(concept, 'text');
  if (first?.code !== undefined) {
    const label = first.display ?? text;
    return label === undefined ? first.code : `${first.code} ${label}`;
  }
  return text;
}

/** The status a resource gives itself: `status`, or Condition's clinical and verification status. */
export function statusOf(resource: unknown): string | undefined {
  const status = str(resource, 'status');
  if (status !== undefined) {
    return status;
  }
  const clinical = codings(obj(resource, 'clinicalStatus'))[0]?.code;
  const verification = codings(obj(resource, 'verificationStatus'))[0]?.code;
  const parts = [clinical, verification].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Whether the resource says it was entered in error (status or Condition verificationStatus). */
export function isEnteredInError(resource: unknown): boolean {
  return (
    str(resource, 'status') === 'entered-in-error' ||
    codings(obj(resource, 'verificationStatus')).some((c) => c.code === 'entered-in-error')
  );
}

/** Status, code, date and last update of a resource, when it has them. */
export function keyFields(resource: unknown): KeyField[] {
  if (!isObject(resource)) {
    return [];
  }
  const fields: KeyField[] = [];
  const add = (label: string, value: string | undefined): void => {
    if (value !== undefined && value.trim() !== '') {
      fields.push({ label, value });
    }
  };
  add('type', str(resource, 'resourceType'));
  add('status', statusOf(resource));
  add('code', conceptText(obj(resource, 'code')) ?? conceptText(obj(resource, 'medicationCodeableConcept')));
  add('category', conceptText(objects(resource, 'category')[0]));
  const date = DATE_FIELDS.map((f) => str(resource, f)).find((d) => d !== undefined);
  const period = PERIOD_FIELDS.map((f) => obj(resource, f)).find((p) => p !== undefined);
  add(
    'date',
    date ?? (period ? `${str(period, 'start') ?? '?'} to ${str(period, 'end') ?? '?'}` : undefined),
  );
  add('last updated', str(obj(resource, 'meta'), 'lastUpdated'));
  return fields;
}
