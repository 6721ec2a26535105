import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MedicationItem, MedicationListSource } from '../domain/record.ts';
import { conceptCodes, conceptName, periodText } from './concept-text.ts';
import { medicationSourceText, screenText } from './strings.ts';
import { tableStyles } from './table-styles.ts';

/** The medication list, saying which source it came from (MedicationStatement or MedicationRequest). */
@customElement('medication-list')
export class MedicationList extends LitElement {
  static override styles = tableStyles;

  /** Medications from the record. */
  @property({ attribute: false }) medications: readonly MedicationItem[] = [];
  /** Which resource type the list came from. */
  @property({ attribute: false }) source: MedicationListSource = 'none';

  override render() {
    return html`<h3>${screenText.medicationsHeading}</h3>
      <p class="note source">${medicationSourceText(this.source)}</p>
      ${
        this.medications.length === 0
          ? html`<p class="note">${screenText.noneRecorded}</p>`
          : html`<table>
            <thead>
              <tr>
                <th scope="col">${screenText.columnName}</th>
                <th scope="col">${screenText.columnCodes}</th>
                <th scope="col">${screenText.columnStatus}</th>
                <th scope="col">${screenText.columnPeriod}</th>
                <th scope="col">${screenText.columnAsserted}</th>
              </tr>
            </thead>
            <tbody>
              ${this.medications.map(
                (medication) => html`<tr>
                  <td>${conceptName(medication.medication) ?? screenText.unknownValue}</td>
                  <td class="codes">${conceptCodes(medication.medication).join(', ')}</td>
                  <td>${medication.status ?? screenText.unknownValue}</td>
                  <td>${periodText(medication.effective) ?? screenText.unknownValue}</td>
                  <td>${medication.asserted ?? screenText.unknownValue}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'medication-list': MedicationList;
  }
}
