import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PatientInfo } from '../domain/record.ts';
import { screenText } from './strings.ts';

/** The patient banner: name, birth date, gender, and whether the patient is deceased. */
@customElement('patient-banner')
export class PatientBanner extends LitElement {
  static override styles = css`
    :host { display: block; }
    section { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; align-items: baseline;
      background: #eef3f8; border-bottom: 2px solid #2b5797; padding: 0.6rem 1rem; }
    h2 { margin: 0; font-size: 1.25rem; overflow-wrap: anywhere; }
    .deceased { color: #7a1c20; font-weight: 600; }
  `;

  /** The patient to show. */
  @property({ attribute: false }) patient?: PatientInfo;

  override render() {
    const patient = this.patient;
    if (!patient) {
      return nothing;
    }
    const deceased = patient.deceased === true || typeof patient.deceased === 'string';
    return html`<section aria-label=${screenText.patientBannerLabel}>
      <h2>${patient.name ?? screenText.unnamedPatient}</h2>
      <span>${screenText.born}: ${patient.birthDate ?? screenText.unknownValue}</span>
      <span>${screenText.gender}: ${patient.gender ?? screenText.unknownValue}</span>
      ${
        deceased
          ? html`<span class="deceased"
            >${screenText.deceased}${typeof patient.deceased === 'string' ? `: ${patient.deceased}` : ''}</span
          >`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'patient-banner': PatientBanner;
  }
}
