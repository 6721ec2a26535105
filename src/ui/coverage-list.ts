import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CoverageItem, OrganizationItem } from '../domain/record.ts';
import { conceptName, periodText } from './concept-text.ts';
import { recordTable } from './record-table.ts';
import { screenText } from './strings.ts';
import { tableStyles } from './table-styles.ts';

/** The patient's coverages with payor names (from the included Organizations or the payor display). */
@customElement('coverage-list')
export class CoverageList extends LitElement {
  static override styles = tableStyles;

  /** Coverages from the record. */
  @property({ attribute: false }) coverages: readonly CoverageItem[] = [];
  /** Organizations from the record, to name payors. */
  @property({ attribute: false }) organizations: readonly OrganizationItem[] = [];
  /** True when Coverage could not be read at all. */
  @property({ type: Boolean }) unread = false;

  private payorNames(coverage: CoverageItem): string {
    const named = coverage.payors
      .map((ref) => this.organizations.find((org) => org.ref === ref)?.name)
      .filter((name): name is string => Boolean(name));
    const names = [...new Set([...named, ...coverage.payorDisplays])];
    return names.length > 0 ? names.join(', ') : screenText.unknownValue;
  }

  override render() {
    return html`<h3>${screenText.coverageHeading}</h3>
      ${recordTable(
        this.coverages,
        [
          { heading: screenText.columnPayor, cell: (c) => this.payorNames(c) },
          { heading: screenText.columnType, cell: (c) => conceptName(c.type) ?? screenText.unknownValue },
          { heading: screenText.columnStatus, cell: (c) => c.status ?? screenText.unknownValue },
          { heading: screenText.columnPeriod, cell: (c) => periodText(c.period) ?? screenText.unknownValue },
          { heading: screenText.columnSubscriber, cell: (c) => c.subscriberId ?? screenText.unknownValue },
        ],
        this.unread,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coverage-list': CoverageList;
  }
}
