/**
 * The physical floor for the bundle budget: one Lit element, fhirclient's `oauth2.ready()` and one zod
 * schema, built with the app's own settings. The app's initial JS is held to this plus a stated margin.
 */
import FHIR from 'fhirclient';
import { html, LitElement } from 'lit';
import { z } from 'zod';

const patientSchema = z.object({ resourceType: z.literal('Patient'), id: z.string() });

class FloorApp extends LitElement {
  static override properties = { patientId: { type: String } };
  patientId = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void FHIR.oauth2
      .ready()
      .then((client) => client.patient.read())
      .then((patient: unknown) => {
        this.patientId = patientSchema.parse(patient).id;
      });
  }

  override render() {
    return html`<p>${this.patientId}</p>`;
  }
}
customElements.define('floor-app', FloorApp);
