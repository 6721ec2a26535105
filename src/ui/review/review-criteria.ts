import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CriterionReview, ReEvaluation } from '../../review/types.ts';
import { claimedText, criterionLabels, nowText, reviewText } from '../strings.ts';
import { baseStyles } from '../workflow/theme.ts';
import { reviewStyles } from './review-styles.ts';

/**
 * The criteria the draft claims, beside what re-evaluation finds now, with the evidence it cites. A pure view.
 */
@customElement('review-criteria')
export class ReviewCriteria extends LitElement {
  static override styles = [baseStyles, reviewStyles];

  /** One row per criterion. */
  @property({ attribute: false }) criteria: readonly CriterionReview[] = [];

  /** How re-evaluation was run, when it ran. */
  @property({ attribute: false }) reEvaluation?: ReEvaluation;

  override render() {
    if (this.criteria.length === 0) {
      return html``;
    }
    const re = this.reEvaluation;
    return html`<section aria-labelledby="criteria-h">
      <h2 id="criteria-h">${reviewText.criteria}</h2>
      ${re ? html`<p>${reviewText.reEvaluated(re.asOf, re.period.start, re.period.end, re.policyId)}</p>` : ''}
      <table>
        <thead>
          <tr>
            <th scope="col">${reviewText.criterion}</th>
            <th scope="col">${reviewText.claimed}</th>
            <th scope="col">${reviewText.now}</th>
            <th scope="col">${reviewText.evidenceCol}</th>
          </tr>
        </thead>
        <tbody>
          ${this.criteria.map((c) => {
            const broken = c.claimed !== 'not claimed' && c.now !== 'met' && c.now !== 'attested';
            // Rows carry no attribute bindings: a <tr> template is parsed out of table context.
            const now = broken
              ? html`<strong class="bad">${nowText[c.now]}</strong>`
              : html`<span class="ok">${nowText[c.now]}</span>`;
            return html`<tr>
              <th scope="row">${criterionLabels[c.id]}</th>
              <td>${claimedText[c.claimed]}</td>
              <td>${now} ${c.reason ? html`<span class="reason">${c.reason}</span>` : ''}</td>
              <td class="ref">${c.evidence.join(', ')}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-criteria': ReviewCriteria;
  }
}
