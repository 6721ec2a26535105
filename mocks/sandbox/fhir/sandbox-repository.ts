import type { IncludeTarget, SearchRequest, SortRule, WithId } from '@medplum/core';
import {
  deepClone,
  evalFhirPath,
  getSearchParameter,
  matchesSearchRequest,
  OperationOutcomeError,
  Operator,
  validateResource,
} from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, OperationOutcomeIssue, Reference, Resource } from '@medplum/fhirtypes';
import { patientsOf } from './patient-compartment.ts';
import { indexedPatientFilter, normaliseReferenceFilters } from './search-plan.ts';

/** Page size when a search has no `_count`. */
export const DEFAULT_PAGE_SIZE = 50;
/** The largest `_count` honoured. */
export const MAX_PAGE_SIZE = 1000;

interface JournalEntry {
  resourceType: string;
  id: string;
  previous: WithId<Resource> | undefined;
}

/**
 * medplum's MemoryRepository plus what the sandbox needs from a real server: a per-type patient index for
 * fast `patient=`/`subject=` search, bare-id references, paging defaults, `_include`/`_revinclude`,
 * validation on write, and transactions that roll back on failure. Writes must be serialised by the caller
 * (see `WriteQueue`): the journal assumes one transaction at a time.
 */
export class SandboxRepository extends MemoryRepository {
  /** When true, every create and update is checked with @medplum/core `validateResource` (off while seeding). */
  validateWrites = false;
  private readonly stored = new Map<string, Map<string, WithId<Resource>>>();
  private readonly patientIndex = new Map<string, Map<string, Set<string>>>();
  private journal: JournalEntry[] | undefined;

  override async createResource<T extends Resource>(resource: T): Promise<WithId<T>> {
    if (this.validateWrites) {
      assertValid(resource);
    }
    const previous = resource.id ? this.stored.get(resource.resourceType)?.get(resource.id) : undefined;
    const result = await super.createResource(resource);
    this.journal?.push({ resourceType: result.resourceType, id: result.id, previous });
    this.remember(result, previous);
    return deepClone(result);
  }

  override async deleteResource(resourceType: string, id: string): Promise<void> {
    const previous = this.stored.get(resourceType)?.get(id);
    await super.deleteResource(resourceType, id);
    this.journal?.push({ resourceType, id, previous });
    this.forget(resourceType, id);
  }

  override async withTransaction<TResult>(
    callback: (client: undefined) => Promise<TResult>,
  ): Promise<TResult> {
    if (this.journal) {
      return callback(undefined);
    }
    const journal: JournalEntry[] = [];
    this.journal = journal;
    try {
      const result = await callback(undefined);
      this.journal = undefined;
      return result;
    } catch (err) {
      this.journal = undefined;
      await this.rollback(journal);
      throw err;
    }
  }

  override async search<T extends Resource>(searchRequest: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const request = normaliseReferenceFilters(searchRequest, (id, types) => this.typeOfId(id, types));
    const matches = this.matching(request);
    if (request.sortRules?.length) {
      matches.sort(compareBy(request.sortRules));
    }
    const offset = Math.max(0, request.offset ?? 0);
    const count = Math.min(Math.max(0, request.count ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
    const page = matches.slice(offset, offset + count);
    const entry: BundleEntry<WithId<T>>[] = page.map((resource) => ({
      resource: deepClone(resource) as WithId<T>,
      search: { mode: 'match' },
    }));
    const included = this.included(page, request.include ?? [], request.revInclude ?? []);
    for (const resource of included) {
      entry.push({ resource: deepClone(resource) as WithId<T>, search: { mode: 'include' } });
    }
    return { resourceType: 'Bundle', type: 'searchset', total: matches.length, entry };
  }

  /** Resource types that hold at least one resource, sorted. */
  resourceTypes(): string[] {
    return [...this.stored.entries()]
      .filter(([, byId]) => byId.size > 0)
      .map(([type]) => type)
      .sort();
  }

  /** Every stored resource of a type (shared objects: callers must not modify them). */
  allOfType(resourceType: string): readonly WithId<Resource>[] {
    return [...(this.stored.get(resourceType)?.values() ?? [])];
  }

  /** The stored resource, or undefined (shared object: callers must not modify it). */
  peek(resourceType: string, id: string): WithId<Resource> | undefined {
    return this.stored.get(resourceType)?.get(id);
  }

  /**
   * The resources matching a search. A patient filter the index can answer exactly is answered from the
   * index (medplum's matcher evaluates FHIRPath per resource, about 1 ms each); the rest go to the matcher.
   */
  private matching(request: SearchRequest): WithId<Resource>[] {
    const byId = this.stored.get(request.resourceType);
    if (!byId) {
      return [];
    }
    const indexed = indexedPatientFilter(request);
    if (!indexed) {
      return [...byId.values()].filter((resource) => matchesSearchRequest(resource, request));
    }
    const ids = this.patientIndex.get(request.resourceType)?.get(indexed.patient) ?? new Set<string>();
    const rest = { ...request, filters: indexed.rest };
    return [...ids]
      .flatMap((id) => byId.get(id) ?? [])
      .filter((resource) => {
        const value = (resource as unknown as Record<string, { reference?: string } | undefined>)[
          indexed.field
        ];
        return (
          value?.reference === indexed.patient &&
          (rest.filters.length === 0 || matchesSearchRequest(resource, rest))
        );
      });
  }

  private included(
    page: readonly WithId<Resource>[],
    include: readonly IncludeTarget[],
    revInclude: readonly IncludeTarget[],
  ): WithId<Resource>[] {
    const seen = new Set(page.map((r) => `${r.resourceType}/${r.id}`));
    const out: WithId<Resource>[] = [];
    const add = (resource: WithId<Resource> | undefined): void => {
      const key = resource ? `${resource.resourceType}/${resource.id}` : '';
      if (resource && !seen.has(key)) {
        seen.add(key);
        out.push(resource);
      }
    };
    for (const target of include) {
      const expression = getSearchParameter(target.resourceType, target.searchParam)?.expression;
      for (const resource of page.filter((r) => r.resourceType === target.resourceType)) {
        for (const value of expression ? evalFhirPath(expression, resource) : []) {
          const [type, id] = ((value as Reference).reference ?? '').split('/');
          if (type && id && (!target.targetType || target.targetType === type)) {
            add(this.peek(type, id));
          }
        }
      }
    }
    for (const target of revInclude) {
      for (const candidate of this.allOfType(target.resourceType)) {
        const refersToPage = page.some((resource) =>
          matchesSearchRequest(candidate, {
            resourceType: candidate.resourceType,
            filters: [
              {
                code: target.searchParam,
                operator: Operator.EQUALS,
                value: `${resource.resourceType}/${resource.id}`,
              },
            ],
          }),
        );
        if (refersToPage) {
          add(candidate);
        }
      }
    }
    return out;
  }

  private typeOfId(id: string, types: readonly string[]): string | undefined {
    const holders = types.filter((type) => this.stored.get(type)?.has(id));
    return holders.length === 1 ? holders[0] : undefined;
  }

  private remember(resource: WithId<Resource>, previous: WithId<Resource> | undefined): void {
    if (previous) {
      this.forget(previous.resourceType, previous.id);
    }
    let byId = this.stored.get(resource.resourceType);
    if (!byId) {
      byId = new Map();
      this.stored.set(resource.resourceType, byId);
    }
    byId.set(resource.id, resource);
    let byPatient = this.patientIndex.get(resource.resourceType);
    if (!byPatient) {
      byPatient = new Map();
      this.patientIndex.set(resource.resourceType, byPatient);
    }
    for (const patient of patientsOf(resource)) {
      let ids = byPatient.get(patient);
      if (!ids) {
        ids = new Set();
        byPatient.set(patient, ids);
      }
      ids.add(resource.id);
    }
  }

  private forget(resourceType: string, id: string): void {
    const resource = this.stored.get(resourceType)?.get(id);
    if (!resource) {
      return;
    }
    this.stored.get(resourceType)?.delete(id);
    for (const patient of patientsOf(resource)) {
      this.patientIndex.get(resourceType)?.get(patient)?.delete(id);
    }
  }

  private async rollback(journal: readonly JournalEntry[]): Promise<void> {
    for (const { resourceType, id, previous } of [...journal].reverse()) {
      if (previous) {
        const restored = await super.createResource(previous);
        this.remember(restored, this.stored.get(resourceType)?.get(id));
      } else if (this.stored.get(resourceType)?.has(id)) {
        await super.deleteResource(resourceType, id);
        this.forget(resourceType, id);
      }
    }
  }
}

function assertValid(resource: Resource): void {
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource);
  } catch (err) {
    if (err instanceof OperationOutcomeError) {
      throw err;
    }
    throw new OperationOutcomeError({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'invalid', details: { text: String(err) } }],
    });
  }
  const errors = issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
  if (errors.length > 0) {
    throw new OperationOutcomeError({ resourceType: 'OperationOutcome', issue: errors });
  }
}

function compareBy(rules: readonly SortRule[]): (a: Resource, b: Resource) => number {
  return (a, b) => {
    for (const rule of rules) {
      const expression = getSearchParameter(a.resourceType, rule.code)?.expression;
      if (!expression) {
        continue;
      }
      const left = JSON.stringify(evalFhirPath(expression, a));
      const right = JSON.stringify(evalFhirPath(expression, b));
      const order = left.localeCompare(right) * (rule.descending ? -1 : 1);
      if (order !== 0) {
        return order;
      }
    }
    return 0;
  };
}
