import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProvenanceReview } from '../../review/types.ts';
import { reviewText } from '../strings.ts';
import { baseStyles } from '../workflow/theme.ts';
import { reviewStyles } from './review-styles.ts';

/** Who made the draft, when, with which app version, from which resources (its Provenance). A pure view. */
@customElement('review-provenance')
export class ReviewProvenance extends LitElement {
  static override styles = [baseStyles, reviewStyles];

  /** The Provenance summary. */
  @property({ attribute: false }) provenance?: ProvenanceReview;

  override render() {
    const p = this.provenance;
    return html`<section aria-labelledby="provenance-h">
      <h2 id="provenance-h">${reviewText.provenance}</h2>
      ${
        p === undefined || !p.found
          ? html`<p>${reviewText.noProvenance}</p>`
          : html`<dl>
            ${p.ref ? html`<dt>Provenance</dt><dd class="ref">${p.ref}</dd>` : ''}
            <dt>${reviewText.recorded}</dt><dd>${p.recorded ?? reviewText.notRecorded}</dd>
            ${p.agents.map((a) => html`<dt>${a.label}</dt><dd class="ref">${a.value}</dd>`)}
            <dt>${reviewText.appVersion}</dt><dd>${p.appVersion ?? reviewText.notRecorded}</dd>
            <dt>${reviewText.entities}</dt><dd class="ref">${p.entities.join(', ')}</dd>
          </dl>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-provenance': ReviewProvenance;
  }
}
