import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReviewReport as Report } from '../../review/types.ts';
import './review-criteria.ts';
import './review-evidence.ts';
import './review-provenance.ts';
import './review-validity.ts';
import './review-verdict.ts';

/** One draft's review: verdict and discrepancies, validity and checks, criteria, evidence, Provenance. */
@customElement('review-report')
export class ReviewReport extends LitElement {
  /** The review to show. */
  @property({ attribute: false }) report?: Report;

  override render() {
    const r = this.report;
    if (r === undefined) {
      return html``;
    }
    return html`<article>
      <review-verdict .report=${r}></review-verdict>
      <review-validity .issues=${r.issues} .checks=${r.checks}></review-validity>
      <review-criteria .criteria=${r.criteria} .reEvaluation=${r.reEvaluation}></review-criteria>
      ${r.g9012 ? html`<review-evidence .evidence=${r.evidence}></review-evidence>` : ''}
      <review-provenance .provenance=${r.provenance}></review-provenance>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-report': ReviewReport;
  }
}
