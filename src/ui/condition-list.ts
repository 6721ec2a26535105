import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConditionItem } from '../domain/record.ts';
import { conceptCodes, conceptName } from './concept-text.ts';
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
      ${
        this.unread
          ? html`<p class="note">${screenText.notRead}</p>`
          : this.conditions.length === 0
            ? html`<p class="note">${screenText.noneRecorded}</p>`
            : html`<table>
              <thead>
                <tr>
                  <th scope="col">${screenText.columnName}</th>
                  <th scope="col">${screenText.columnCodes}</th>
                  <th scope="col">${screenText.columnStatus}</th>
                  <th scope="col">${screenText.columnOnset}</th>
                  <th scope="col">${screenText.columnRecorded}</th>
                </tr>
              </thead>
              <tbody>
                ${this.conditions.map(
                  (condition) => html`<tr>
                    <td>${conceptName(condition.code) ?? screenText.unknownValue}</td>
                    <td class="codes">${conceptCodes(condition.code).join(', ')}</td>
                    <td>${condition.clinicalStatus ?? screenText.unknownValue}</td>
                    <td>${condition.onset ?? screenText.unknownValue}</td>
                    <td>${condition.recordedDate ?? screenText.unknownValue}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'condition-list': ConditionList;
  }
}
