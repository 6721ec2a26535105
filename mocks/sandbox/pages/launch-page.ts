import type { SandboxResponse } from '../http/exchange.ts';
import { htmlPage } from '../http/exchange.ts';
import { LAUNCH_SWITCHES } from '../launch-settings.ts';
import { SANDBOX_USERS } from '../seed/sandbox-staff.ts';
import { html, page } from './html.ts';
import type { PatientSummary } from './patient-summary.ts';

/**
 * The sandbox EHR's home page: the emulation switches, then one row per patient (name, age, key
 * conditions, payer) with a Launch button per user, a link to what the app wrote for that patient, and a
 * link that launches the app on the payer review of those drafts (`/review/<id>`, SMART intent `review`).
 * Accessible names start with the visible text: "Launch as case manager for <name>".
 * Every string from the data is escaped by the `html` tag.
 */
export function launchPage(options: {
  fhirBase: string;
  appOrigin: string;
  standaloneUrl: string;
  today: string;
  patients: readonly PatientSummary[];
}): SandboxResponse {
  const rows = options.patients.map(
    (p) => html`<tr>
<th scope="row">${p.name}</th>
<td>${p.age}</td>
<td>${p.keyConditions.length ? html`<ul>${p.keyConditions.map((c) => html`<li>${c}</li>`)}</ul>` : 'none recorded'}</td>
<td>${p.payer ?? 'no Coverage'}</td>
<td>${SANDBOX_USERS.map(
      (u) =>
        html`<div><button type="submit" name="launch" value="${p.id}|${u.key}" aria-label="Launch ${u.label} for ${p.name}">Launch ${u.label}</button></div>`,
    )}</td>
<td><div><a href="/written/${encodeURIComponent(p.id)}" aria-label="Written resources for ${p.name}">Written resources</a></div>
<div><a href="/review/${encodeURIComponent(p.id)}" aria-label="Payer review of drafts for ${p.name}">Payer review of drafts</a></div></td>
</tr>`,
  );
  const body = html`<p>Synthetic patients only. FHIR base: <code>${options.fhirBase}</code>. Today for this sandbox:
${options.today}. App: <a href="${options.appOrigin}/">${options.appOrigin}/</a>.</p>
<p><a href="${options.standaloneUrl}">Start a standalone launch</a> (the app asks this sandbox to pick a patient).
“Payer review of drafts” in a patient’s row opens the app on the payer review, listing the ChargeItems and
Claims written for that patient.</p>
<form method="post" action="/launch">
<fieldset><legend>Server behaviour for the next launch</legend>
${LAUNCH_SWITCHES.map((s) => html`<div><input type="checkbox" id="${s.name}" name="${s.name}"><label for="${s.name}">${s.label}</label></div>`)}
</fieldset>
<h2>Patients</h2>
<table>
<caption>${options.patients.length} patients. Launch opens the app with this patient and user in context.</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Age</th><th scope="col">Key conditions</th><th scope="col">Payer</th><th scope="col">Launch</th><th scope="col">Written by the app</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</form>`;
  return htmlPage(200, page('G9012 sandbox EHR', body));
}
