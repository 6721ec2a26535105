import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CarePlanItem } from '../domain/record.ts';
import { conceptName, periodText } from './concept-text.ts';
import { screenText } from './strings.ts';
import { tableStyles } from './table-styles.ts';

/** The patient's care plans: title or category, status, period and number of activities. */
@customElement('care-plan-list')
export class CarePlanList extends LitElement {
  static override styles = tableStyles;

  /** Care plans from the record. */
  @property({ attribute: false }) carePlans: readonly CarePlanItem[] = [];
  /** True when CarePlan could not be read at all. */
  @property({ type: Boolean }) unread = false;

  override render() {
    return html`<h3>${screenText.carePlansHeading}</h3>
      ${
        this.unread
          ? html`<p class="note">${screenText.notRead}</p>`
          : this.carePlans.length === 0
            ? html`<p class="note">${screenText.noneRecorded}</p>`
            : html`<table>
              <thead>
                <tr>
                  <th scope="col">${screenText.columnName}</th>
                  <th scope="col">${screenText.columnStatus}</th>
                  <th scope="col">${screenText.columnPeriod}</th>
                  <th scope="col">${screenText.columnActivities}</th>
                </tr>
              </thead>
              <tbody>
                ${this.carePlans.map(
                  (plan) => html`<tr>
                    <td>${plan.title ?? conceptName(plan.categories[0]) ?? screenText.untitled}</td>
                    <td>${[plan.status, plan.intent].filter(Boolean).join(', ') || screenText.unknownValue}</td>
                    <td>${periodText(plan.period) ?? screenText.unknownValue}</td>
                    <td>${plan.activities.length}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'care-plan-list': CarePlanList;
  }
}
