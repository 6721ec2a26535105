import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReviewReport } from '../../review/types.ts';
import { reviewText, verdictText } from '../strings.ts';
import { baseStyles } from '../workflow/theme.ts';
import { reviewStyles } from './review-styles.ts';

/**
 * The verdict (consistent / inconsistent / invalid) with its reasons, then every discrepancy. A pure view.
 */
@customElement('review-verdict')
export class ReviewVerdict extends LitElement {
  static override styles = [baseStyles, reviewStyles];

  /** The review to summarise. */
  @property({ attribute: false }) report?: ReviewReport;

  override render() {
    const report = this.report;
    if (report === undefined) {
      return html``;
    }
    return html`<section aria-labelledby="verdict-h">
        <h2 id="verdict-h">${reviewText.verdict}</h2>
        <div class="verdict ${report.verdict}" role="status">
          <strong>${verdictText[report.verdict]}</strong> <span class="ref">${report.ref}</span>
          <ul>
            ${report.reasons.map((r) => html`<li>${r}</li>`)}
          </ul>
        </div>
      </section>
      <section aria-labelledby="discrepancies-h">
        <h2 id="discrepancies-h">${reviewText.discrepancies}</h2>
        ${
          report.discrepancies.length === 0
            ? html`<p>${reviewText.noDiscrepancies}</p>`
            : html`<ul class="discrepancies">
              ${report.discrepancies.map((d) => html`<li>${d}</li>`)}
            </ul>`
        }
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-verdict': ReviewVerdict;
  }
}
