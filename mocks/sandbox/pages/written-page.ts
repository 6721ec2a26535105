import type { Resource } from '@medplum/fhirtypes';
import type { SandboxRepository } from '../fhir/sandbox-repository.ts';
import type { SandboxResponse } from '../http/exchange.ts';
import { htmlPage } from '../http/exchange.ts';
import { clip, html, page } from './html.ts';
import { displayName } from './patient-summary.ts';

/** The ChargeItems, Claims and Provenance the app wrote for a patient (and Provenance pointing at them). */
export function writtenResources(repo: SandboxRepository, patientId: string): Resource[] {
  const own = `Patient/${patientId}`;
  const drafts = [
    ...repo
      .allOfType('ChargeItem')
      .filter((r) => r.resourceType === 'ChargeItem' && r.subject?.reference === own),
    ...repo.allOfType('Claim').filter((r) => r.resourceType === 'Claim' && r.patient?.reference === own),
  ];
  const targets = new Set([own, ...drafts.map((r) => `${r.resourceType}/${r.id}`)]);
  const provenance = repo
    .allOfType('Provenance')
    .filter((r) => r.resourceType === 'Provenance' && r.target.some((t) => targets.has(t.reference ?? '')));
  return [...drafts, ...provenance];
}

/** GET /written/:patientId: those resources as readable, escaped JSON. */
export function writtenPage(repo: SandboxRepository, patientId: string): SandboxResponse {
  const patient = repo.peek('Patient', patientId);
  if (!patient || patient.resourceType !== 'Patient') {
    return htmlPage(404, page('Unknown patient', html`<p><a href="/">Back to the patient list</a></p>`));
  }
  const resources = writtenResources(repo, patientId);
  const body = html`<p><a href="/">Back to the patient list</a></p>
<p>${resources.length} resources written for this patient (ChargeItem, Claim, Provenance).
<a href="/review/${encodeURIComponent(patientId)}">Open the payer review of these drafts</a> (launches the app).</p>
${resources.map(
  (r) => html`<section><h2>${r.resourceType}/${r.id}</h2><pre>${JSON.stringify(r, null, 2)}</pre></section>`,
)}`;
  return htmlPage(200, page(`Written for ${clip(displayName(patient.name))}`, body));
}
