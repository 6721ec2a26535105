import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EvidenceReview } from '../../review/types.ts';
import { evidenceStateText, reviewText } from '../strings.ts';
import { baseStyles } from '../workflow/theme.ts';
import { reviewStyles } from './review-styles.ts';

/**
 * Each cited piece of evidence, resolved, with its key fields; missing, entered-in-error and unreadable
 * evidence is flagged in words. A pure view.
 */
@customElement('review-evidence')
export class ReviewEvidence extends LitElement {
  static override styles = [baseStyles, reviewStyles];

  /** The cited evidence. */
  @property({ attribute: false }) evidence: readonly EvidenceReview[] = [];

  override render() {
    return html`<section aria-labelledby="evidence-h">
      <h2 id="evidence-h">${reviewText.evidence}</h2>
      ${
        this.evidence.length === 0
          ? html`<p>${reviewText.noEvidence}</p>`
          : html`<ul class="evidence">
            ${this.evidence.map(
              (e) => html`<li data-ref=${e.ref} data-state=${e.state}>
                <span class="ref">${e.ref}</span>
                <span class=${e.state === 'found' ? 'ok' : 'bad'}>${evidenceStateText[e.state]}</span>
                ${e.problem ? html`<span>(${e.problem})</span>` : ''}
                <dl>
                  <dt>${reviewText.supports}</dt>
                  <dd>${e.criteria.join(', ')}</dd>
                  ${e.fields.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}
                </dl>
              </li>`,
            )}
          </ul>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-evidence': ReviewEvidence;
  }
}
