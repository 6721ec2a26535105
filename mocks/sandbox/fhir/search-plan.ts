import type { Filter, SearchRequest } from '@medplum/core';
import { getSearchParameter, Operator } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { PATIENT_FIELDS } from './patient-compartment.ts';

const indexableCache = new Map<string, string | undefined>();
const fieldPattern = new RegExp(
  `^\\w+\\.(${PATIENT_FIELDS.join('|')})(\\.where\\(resolve\\(\\) is Patient\\))?$`,
);

/**
 * The field that the search parameter `code` on `resourceType` reads, when it reads exactly one of the
 * fields that `patientsOf` indexes (e.g. `Condition.patient` reads `subject`); otherwise undefined.
 */
export function patientIndexedField(resourceType: string, code: string): string | undefined {
  const key = `${resourceType}:${code}`;
  if (indexableCache.has(key)) {
    return indexableCache.get(key);
  }
  const expression = getSearchParameter(resourceType, code)?.expression ?? '';
  const own = expression
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${resourceType}.`));
  const field = own.length === 1 ? fieldPattern.exec(own[0] ?? '')?.[1] : undefined;
  indexableCache.set(key, field);
  return field;
}

/** An equality filter on a patient that the index answers exactly, and the filters left to check. */
export interface IndexedPatientFilter {
  patient: string;
  field: string;
  rest: Filter[];
}

/** Splits off the patient filter that the index can answer, if the search has one. */
export function indexedPatientFilter(request: SearchRequest): IndexedPatientFilter | undefined {
  const filters = request.filters ?? [];
  for (const [i, f] of filters.entries()) {
    const field = patientIndexedField(request.resourceType, f.code);
    if (field && f.operator === Operator.EQUALS && f.value.startsWith('Patient/') && !f.value.includes(',')) {
      return { patient: f.value, field, rest: filters.filter((_, j) => j !== i) };
    }
  }
  return undefined;
}

/**
 * Rewrites bare ids in reference filters (`patient=123`, as fhirclient sends them) to `Type/id`: medplum's
 * in-memory matcher compares whole references, so a bare id would match nothing.
 * `typeOfId` says which resource type holds an id when the parameter allows several.
 */
export function normaliseReferenceFilters<T extends Resource>(
  request: SearchRequest<T>,
  typeOfId: (id: string, candidates: readonly string[]) => string | undefined,
): SearchRequest<T> {
  if (!request.filters?.length) {
    return request;
  }
  const filters = request.filters.map((filter): Filter => {
    const param = getSearchParameter(request.resourceType, filter.code);
    if (param?.type !== 'reference' || filter.value.includes('/') || filter.value === '') {
      return filter;
    }
    const targets = param.target ?? [];
    const value = filter.value
      .split(',')
      .map((id) => {
        const type = targets.length === 1 ? targets[0] : typeOfId(id, targets);
        return type ? `${type}/${id}` : id;
      })
      .join(',');
    return { ...filter, value };
  });
  return { ...request, filters };
}
