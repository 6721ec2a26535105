import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MedicationItem, MedicationListSource } from '../domain/record.ts';
import { conceptCodes, conceptName, periodText } from './concept-text.ts';
import { recordTable } from './record-table.ts';
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
      ${recordTable(this.medications, [
        { heading: screenText.columnName, cell: (m) => conceptName(m.medication) ?? screenText.unknownValue },
        { heading: screenText.columnCodes, cell: (m) => conceptCodes(m.medication).join(', '), codes: true },
        { heading: screenText.columnStatus, cell: (m) => m.status ?? screenText.unknownValue },
        { heading: screenText.columnPeriod, cell: (m) => periodText(m.effective) ?? screenText.unknownValue },
        { heading: screenText.columnAsserted, cell: (m) => m.asserted ?? screenText.unknownValue },
      ])}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'medication-list': MedicationList;
  }
}
