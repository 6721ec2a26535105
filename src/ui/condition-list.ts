import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConditionItem } from '../domain/record.ts';
import { conceptCodes, conceptName } from './concept-text.ts';
import { recordTable } from './record-table.ts';
import { screenText } from './strings.ts';
import { tableStyles } from './table-styles.ts';

/** The patient's conditions with their codes (ICD-10-CM and SNOMED), status, onset and recorded date. */
@customElement('condition-list')
export class ConditionList extends LitElement {
  static override styles = tableStyles;

  /** Conditions from the record. */
  @property({ attribute: false }) conditions: readonly ConditionItem[] = [];
  /** True when Condition could not be read at all (the data notes say why). */
  @property({ type: Boolean }) unread = false;

  override render() {
    return html`<h3>${screenText.conditionsHeading}</h3>
      ${recordTable(
        this.conditions,
        [
          { heading: screenText.columnName, cell: (c) => conceptName(c.code) ?? screenText.unknownValue },
          { heading: screenText.columnCodes, cell: (c) => conceptCodes(c.code).join(', '), codes: true },
          { heading: screenText.columnStatus, cell: (c) => c.clinicalStatus ?? screenText.unknownValue },
          { heading: screenText.columnOnset, cell: (c) => c.onset ?? screenText.unknownValue },
          { heading: screenText.columnRecorded, cell: (c) => c.recordedDate ?? screenText.unknownValue },
        ],
        this.unread,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'condition-list': ConditionList;
  }
}
