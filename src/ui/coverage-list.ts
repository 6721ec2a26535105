import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CoverageItem, OrganizationItem } from '../domain/record.ts';
import { conceptName, periodText } from './concept-text.ts';
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
      ${
        this.unread
          ? html`<p class="note">${screenText.notRead}</p>`
          : this.coverages.length === 0
            ? html`<p class="note">${screenText.noneRecorded}</p>`
            : html`<table>
              <thead>
                <tr>
                  <th scope="col">${screenText.columnPayor}</th>
                  <th scope="col">${screenText.columnType}</th>
                  <th scope="col">${screenText.columnStatus}</th>
                  <th scope="col">${screenText.columnPeriod}</th>
                  <th scope="col">${screenText.columnSubscriber}</th>
                </tr>
              </thead>
              <tbody>
                ${this.coverages.map(
                  (coverage) => html`<tr>
                    <td>${this.payorNames(coverage)}</td>
                    <td>${conceptName(coverage.type) ?? screenText.unknownValue}</td>
                    <td>${coverage.status ?? screenText.unknownValue}</td>
                    <td>${periodText(coverage.period) ?? screenText.unknownValue}</td>
                    <td>${coverage.subscriberId ?? screenText.unknownValue}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coverage-list': CoverageList;
  }
}
