import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CarePlanItem } from '../domain/record.ts';
import { conceptName, periodText } from './concept-text.ts';
import { recordTable } from './record-table.ts';
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
      ${recordTable(
        this.carePlans,
        [
          {
            heading: screenText.columnName,
            cell: (p) => p.title ?? conceptName(p.categories[0]) ?? screenText.untitled,
          },
          {
            heading: screenText.columnStatus,
            cell: (p) => [p.status, p.intent].filter(Boolean).join(', ') || screenText.unknownValue,
          },
          { heading: screenText.columnPeriod, cell: (p) => periodText(p.period) ?? screenText.unknownValue },
          { heading: screenText.columnActivities, cell: (p) => p.activities.length },
        ],
        this.unread,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'care-plan-list': CarePlanList;
  }
}
