import type { SandboxResponse } from '../http/exchange.ts';
import { htmlPage } from '../http/exchange.ts';
import { LAUNCH_SWITCHES } from '../launch-settings.ts';
import { SANDBOX_USERS } from '../seed/sandbox-staff.ts';
import { html, page } from './html.ts';
import type { PatientSummary } from './patient-summary.ts';

/**
 * The standalone launch's approval page: the scopes asked for, a patient picker (when `launch/patient` was
 * asked for), the user, the emulation switches, and Approve / Deny. The first patient is preselected, so
 * approving takes one click.
 */
export function pickerPage(options: {
  requestId: string;
  clientId: string;
  scopes: readonly string[];
  patients: readonly PatientSummary[] | undefined;
  error?: string;
}): SandboxResponse {
  const patientList = options.patients
    ? html`<fieldset><legend>Patient</legend>
${options.patients.map(
  (p, i) =>
    html`<div><input type="radio" id="patient-${i}" name="patient" value="${p.id}"${i === 0 ? html` checked` : ''}>
<label for="patient-${i}">${p.name} (age ${p.age}${p.payer ? html`, ${p.payer}` : ''})</label></div>`,
)}</fieldset>`
    : '';
  const body = html`${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
<p>The app <strong>${options.clientId}</strong> asks for: ${options.scopes.join(' ')}</p>
<form method="post" action="/auth/decide">
<input type="hidden" name="request" value="${options.requestId}">
${patientList}
<fieldset><legend>Signed-in user</legend>
${SANDBOX_USERS.map(
  (u, i) =>
    html`<div><input type="radio" id="user-${i}" name="user" value="${u.key}"${i === 0 ? html` checked` : ''}>
<label for="user-${i}">${u.label}</label></div>`,
)}</fieldset>
<fieldset><legend>Server behaviour for this session</legend>
${LAUNCH_SWITCHES.map((s) => html`<div><input type="checkbox" id="${s.name}" name="${s.name}"><label for="${s.name}">${s.label}</label></div>`)}
</fieldset>
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`;
  return htmlPage(options.error ? 400 : 200, page('Sandbox EHR: authorize app', body));
}
