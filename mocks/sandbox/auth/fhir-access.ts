import { getSearchParameter } from '@medplum/core';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { operationOutcome } from '../fhir/operation-outcome.ts';
import { patientsOf } from '../fhir/patient-compartment.ts';
import type { SandboxRepository } from '../fhir/sandbox-repository.ts';
import type { Session } from './auth-store.ts';
import type { Permission } from './scopes.ts';
import { missingScopeName, scopesAllowing } from './scopes.ts';

/** A refused FHIR call. */
export interface AccessDenied {
  status: 401 | 403;
  outcome: OperationOutcome;
}

/** One interaction in a call: a plain request, or one entry of a batch or transaction. */
interface Interaction {
  method: string;
  /** Path relative to the FHIR base, without the query. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

const COMPARTMENT_PARAMS = ['patient', 'subject', 'beneficiary'];

function permissionFor(method: string, path: string): Permission {
  const parts = path.split('/');
  if (method === 'GET') {
    return parts.length === 1 ? 's' : 'r';
  }
  if (method === 'POST') {
    return parts[1] === '_search' ? 's' : 'c';
  }
  return method === 'DELETE' ? 'd' : 'u';
}

function denied(text: string): AccessDenied {
  return { status: 403, outcome: operationOutcome('forbidden', text) };
}

/**
 * Checks one interaction against the session's granted scopes. With only `patient/` scopes for the type,
 * the interaction must stay in the launch patient's compartment: reads and writes of resources that belong
 * to another patient are refused, and a search names the launch patient or gets that filter added
 * (`query` is changed in place).
 */
function checkInteraction(
  session: Session,
  repo: SandboxRepository,
  call: Interaction,
): AccessDenied | undefined {
  const [type = '', id] = call.path.split('/');
  const permission = permissionFor(call.method, call.path);
  const allowing = scopesAllowing(session.resourceScopes, type, permission);
  const patient = session.context.patient;
  if (allowing.length === 0) {
    const context =
      patient && !session.resourceScopes.some((s) => s.context !== 'patient') ? 'patient' : 'user';
    return denied(`Missing scope ${missingScopeName(context, type, permission)} for ${call.method} ${type}`);
  }
  if (allowing.some((s) => s.context !== 'patient')) {
    return undefined;
  }
  if (!patient) {
    return denied('A patient/ scope needs a patient in context (launch/patient or an EHR launch)');
  }
  const own = `Patient/${patient}`;
  const outside = (resource: Resource | undefined) => {
    const owners = resource ? patientsOf(resource) : [];
    return owners.length > 0 && !owners.includes(own);
  };
  if (id && id !== '_search' && outside(repo.peek(type, id))) {
    return denied(`${type}/${id} is outside the patient compartment of the launch patient (patient/ scope)`);
  }
  if (outside(call.body as Resource | undefined)) {
    return denied(`The ${type} belongs to another patient; patient/ scopes only allow the launch patient`);
  }
  if (permission === 's') {
    return restrictSearch(type, call.query, patient);
  }
  return undefined;
}

function restrictSearch(type: string, query: URLSearchParams, patient: string): AccessDenied | undefined {
  if (type === 'Patient') {
    const ids = query.getAll('_id').flatMap((v) => v.split(','));
    if (ids.some((v) => v !== patient)) {
      return denied('patient/ scopes only allow the launch patient');
    }
    query.set('_id', patient);
    return undefined;
  }
  const params = COMPARTMENT_PARAMS.filter((code) => getSearchParameter(type, code));
  if (params.length === 0) {
    return undefined;
  }
  const asked = params.flatMap((code) => query.getAll(code).flatMap((v) => v.split(',')));
  if (asked.some((v) => v !== patient && v !== `Patient/${patient}`)) {
    return denied(`Searching ${type} for another patient is outside the patient/ scope`);
  }
  if (asked.length === 0) {
    query.set(params[0] ?? 'patient', `Patient/${patient}`);
  }
  return undefined;
}

/**
 * Which resources a session may see in a search result. `_include` and `_revinclude` can pull in
 * resources the search itself was not checked for: those of a type no granted scope reads, and, with only
 * `patient/` scopes, those of another patient.
 */
export function visibleTo(session: Session | undefined): (resource: Resource) => boolean {
  return (resource) => {
    const allowing = session ? scopesAllowing(session.resourceScopes, resource.resourceType, 'r') : [];
    if (allowing.length === 0) {
      return false;
    }
    if (allowing.some((s) => s.context !== 'patient')) {
      return true;
    }
    const owners = patientsOf(resource);
    return owners.length === 0 || owners.includes(`Patient/${session?.context.patient}`);
  };
}

/**
 * Decides whether a session may make a FHIR call. Bundles are checked entry by entry (and entry search
 * URLs are restricted like top-level searches). Returns the refusal, or undefined when allowed; `query`
 * and Bundle entry URLs may be narrowed in place to the launch patient.
 */
export function checkFhirAccess(
  session: Session | undefined,
  repo: SandboxRepository,
  call: Interaction,
): AccessDenied | undefined {
  if (!session) {
    return { status: 401, outcome: operationOutcome('login', 'Missing, unknown or expired access token') };
  }
  if (call.path !== '') {
    return checkInteraction(session, repo, call);
  }
  const bundle = call.body as Bundle | undefined;
  if (call.method !== 'POST' || bundle?.resourceType !== 'Bundle') {
    return denied('System-level interactions are not allowed with SMART app scopes');
  }
  for (const entry of bundle.entry ?? []) {
    const [path = '', search = ''] = (entry.request?.url ?? '').split('?');
    const query = new URLSearchParams(search);
    const refusal = checkInteraction(session, repo, {
      method: entry.request?.method ?? 'GET',
      path,
      query,
      body: entry.resource,
    });
    if (refusal) {
      return refusal;
    }
    if (entry.request && query.toString() !== search) {
      entry.request.url = `${path}?${query.toString()}`;
    }
  }
  return undefined;
}
