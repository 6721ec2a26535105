import { getStatus, normalizeOperationOutcome } from '@medplum/core';
import type { FhirRequest, FhirRouter, HttpMethod } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { SandboxResponse } from '../http/exchange.ts';
import { fhirJson } from '../http/exchange.ts';
import type { LaunchSettings } from '../launch-settings.ts';
import { DRAFT_TYPES } from '../launch-settings.ts';
import { buildCapabilityStatement, servedTypes } from './capability-statement.ts';
import { operationOutcome } from './operation-outcome.ts';
import { searchsetLinks } from './paging.ts';
import type { SandboxRepository } from './sandbox-repository.ts';
import type { WriteQueue } from './write-queue.ts';

/** One FHIR REST call, relative to the FHIR base (`path` is e.g. `Condition`, `Patient/1` or `` for a Bundle). */
export interface FhirCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Readonly<Record<string, string>>;
  body: unknown;
  settings: LaunchSettings;
  /** Search results (matches and includes) the caller may see; others are left out. Default: all. */
  visible?: (resource: Resource) => boolean;
}

/** What the FHIR endpoint needs from the sandbox. */
export interface FhirEndpointContext {
  fhirBase: string;
  authorizeUrl: string;
  tokenUrl: string;
  router: FhirRouter;
  repo: SandboxRepository;
  writes: WriteQueue;
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Serves one FHIR call through medplum's router, adding what it lacks: /metadata, the per-launch emulation
 * switches, serialised writes, status codes, Location/ETag headers, `fullUrl` and paging links.
 */
export async function handleFhirCall(context: FhirEndpointContext, call: FhirCall): Promise<SandboxResponse> {
  const method = METHODS.find((m) => m === call.method);
  if (!method) {
    return fhirJson(405, operationOutcome('not-supported', `Method ${call.method} is not supported`));
  }
  if (method === 'GET' && call.path === 'metadata') {
    const types = servedTypes(context.repo.resourceTypes(), call.settings);
    return fhirJson(200, buildCapabilityStatement({ ...context, types, settings: call.settings }));
  }
  const refusal = refuseBySettings(method, call);
  if (refusal) {
    return refusal;
  }
  const query = call.query.toString();
  const request: FhirRequest = {
    method,
    url: query ? `${call.path}?${query}` : call.path,
    pathname: '',
    body: call.body,
    params: {},
    query: {},
    headers: call.headers,
    config: { transactions: true },
  };
  const run = async () => {
    try {
      return await context.router.handleRequest(request, context.repo);
    } catch (err) {
      return [normalizeOperationOutcome(err)] as const;
    }
  };
  const [outcome, resource] = method === 'GET' ? await run() : await context.writes.run(run);
  const status = getStatus(outcome);
  if (status >= 400 || !resource) {
    return fhirJson(status, outcome);
  }
  return respondWith(context, call, status, outcome, resource);
}

function respondWith(
  context: FhirEndpointContext,
  call: FhirCall,
  status: number,
  outcome: OperationOutcome,
  resource: Resource,
): SandboxResponse {
  const headers: Record<string, string> = {};
  const versionId = resource.meta?.versionId;
  if (resource.id && versionId && resource.resourceType !== 'Bundle') {
    headers.etag = `W/"${versionId}"`;
    headers['last-modified'] = new Date(resource.meta?.lastUpdated ?? Date.now()).toUTCString();
    if (call.method !== 'GET') {
      headers.location = `${context.fhirBase}/${resource.resourceType}/${resource.id}/_history/${versionId}`;
    }
  }
  if (resource.resourceType === 'Bundle' && resource.type === 'searchset') {
    decorateSearchset(context.fhirBase, call, resource);
  }
  const prefer = call.headers.prefer ?? '';
  if (call.method !== 'GET' && prefer.includes('return=minimal')) {
    return { status, headers, body: '' };
  }
  if (call.method !== 'GET' && prefer.includes('return=OperationOutcome')) {
    return fhirJson(status, outcome, headers);
  }
  return fhirJson(status, resource, headers);
}

function decorateSearchset(fhirBase: string, call: FhirCall, bundle: Bundle): void {
  const visible = call.visible;
  if (visible) {
    bundle.entry = bundle.entry?.filter((entry) => !entry.resource || visible(entry.resource));
  }
  for (const entry of bundle.entry ?? []) {
    if (entry.resource?.id) {
      entry.fullUrl = `${fhirBase}/${entry.resource.resourceType}/${entry.resource.id}`;
    }
  }
  bundle.link = searchsetLinks(`${fhirBase}/${call.path}`, call.query, bundle.total ?? 0);
  if (!bundle.entry?.length) {
    bundle.entry = undefined;
  }
}

function refuseBySettings(method: HttpMethod, call: FhirCall): SandboxResponse | undefined {
  const targets = callTargets(method, call);
  if (call.settings.noMedicationStatement && targets.some((t) => t.type === 'MedicationStatement')) {
    return fhirJson(404, operationOutcome('not-found', 'This server does not support MedicationStatement'));
  }
  const drafts = targets.filter((t) => t.write && DRAFT_TYPES.includes(t.type));
  if (call.settings.noDraftWrite && drafts.length > 0) {
    const types = [...new Set(drafts.map((t) => t.type))].join(', ');
    return fhirJson(405, operationOutcome('not-supported', `This server does not accept writes of ${types}`));
  }
  return undefined;
}

function callTargets(method: HttpMethod, call: FhirCall): { type: string; write: boolean }[] {
  const type = call.path.split('/')[0] ?? '';
  if (type !== '') {
    return [{ type, write: method !== 'GET' && !call.path.endsWith('/_search') }];
  }
  const bundle = call.body as Bundle | undefined;
  return (bundle?.entry ?? []).map((entry) => ({
    type: (entry.request?.url ?? '').split(/[/?]/)[0] ?? '',
    write: (entry.request?.method ?? 'GET') !== 'GET',
  }));
}
