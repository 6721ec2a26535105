import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FhirReader } from '../../review/server-source.ts';
import { reviewText } from '../strings.ts';
import { baseStyles } from '../workflow/theme.ts';
import { loadReviewScreen, type ReviewServices } from './open-review.ts';
import { reviewStyles } from './review-styles.ts';

/**
 * The small, eagerly loaded entry to payer review: a button that loads `<review-screen>` (a lazy chunk with
 * the review engine and the validator) on first use and shows it. The app shell places it and passes the
 * server reader; without one, the screen opens files only. With `open` (a launch whose intent is review) the
 * screen loads at once.
 */
@customElement('review-launcher')
export class ReviewLauncher extends LitElement {
  static override styles = [baseStyles, reviewStyles];

  /** GET relative to the FHIR base, built by the app shell from its session; absent = files only. */
  @property({ attribute: false }) reader?: FhirReader;
  /** The patient in context (id), whose drafts on the server the screen offers. */
  @property() patient?: string;
  /** Load and show the screen at once, without waiting for the button. */
  @property({ type: Boolean }) open = false;

  @state() private services?: ReviewServices;
  @state() private failed = false;
  @state() private loading = false;

  private started = false;

  // In willUpdate, not firstUpdated: `load` sets state at once, which after an update would cost a second one.
  override willUpdate(): void {
    if (this.open && !this.started) {
      this.started = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      const defaults = await loadReviewScreen();
      this.services = this.reader === undefined ? defaults : { ...defaults, reader: this.reader };
    } catch {
      this.failed = true;
    } finally {
      this.loading = false;
    }
  }

  override render() {
    if (this.services !== undefined) {
      return html`<review-screen .services=${this.services} .patient=${this.patient}></review-screen>`;
    }
    if (this.open) {
      return this.failed
        ? html`<p role="alert" class="bad">${reviewText.loadFailed}</p>`
        : html`<p role="status">${reviewText.opening}</p>`;
    }
    return html`<button type="button" ?disabled=${this.loading} @click=${() => void this.load()}>
        ${reviewText.openReview}
      </button>
      ${this.failed ? html`<p role="alert" class="bad">${reviewText.loadFailed}</p>` : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-launcher': ReviewLauncher;
  }
}
