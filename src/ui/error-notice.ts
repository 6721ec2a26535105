import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { isKnownError } from '../fhir/errors.ts';
import { describeError, type ErrorText, unexpectedError } from './strings.ts';

/** The user-facing text for any thrown value: ours are described, anything else is not echoed. */
export function errorText(error: unknown): ErrorText {
  return isKnownError(error) ? describeError(error) : unexpectedError;
}

/**
 * Shows one error: what happened, the detail, and the next step.
 * @csspart notice - the alert box
 */
@customElement('error-notice')
export class ErrorNotice extends LitElement {
  static override styles = css`
    :host { display: block; }
    div { border: 2px solid #a4262c; border-radius: 6px; padding: 0.75rem 1rem; background: #fdf3f4; }
    h2 { font-size: 1.1rem; margin: 0 0 0.5rem; color: #7a1c20; }
    p { margin: 0.25rem 0; overflow-wrap: anywhere; }
    .next { font-weight: 600; }
  `;

  /** The thrown value to describe. */
  @property({ attribute: false }) error: unknown;

  override render() {
    const text = errorText(this.error);
    return html`<div role="alert" part="notice">
      <h2>${text.title}</h2>
      <p>${text.detail}</p>
      <p class="next">${text.nextStep}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'error-notice': ErrorNotice;
  }
}
