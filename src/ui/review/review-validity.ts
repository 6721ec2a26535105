import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProductCheck } from '../../review/types.ts';
import type { ValidationIssue } from '../../validate/issue.ts';
import { checkLabels, reviewText } from '../strings.ts';
import { baseStyles } from '../workflow/theme.ts';
import { reviewStyles } from './review-styles.ts';

/**
 * Structural validity (each R4 validator issue with its path) and the product checks. A pure view.
 */
@customElement('review-validity')
export class ReviewValidity extends LitElement {
  static override styles = [baseStyles, reviewStyles];

  /** The validator's issues. */
  @property({ attribute: false }) issues: readonly ValidationIssue[] = [];

  /** The product checks. */
  @property({ attribute: false }) checks: readonly ProductCheck[] = [];

  override render() {
    return html`<section aria-labelledby="structure-h">
        <h2 id="structure-h">${reviewText.structure}</h2>
        ${
          this.issues.length === 0
            ? html`<p class="ok">${reviewText.noIssues}</p>`
            : html`<table class="issues">
              <thead>
                <tr><th scope="col">${reviewText.severity}</th><th scope="col">${reviewText.path}</th><th scope="col">${reviewText.message}</th></tr>
              </thead>
              <tbody>
                ${this.issues.map(
                  (i) =>
                    html`<tr><td>${i.severity}</td><td class="path">${i.path}</td><td>${i.message}</td></tr>`,
                )}
              </tbody>
            </table>`
        }
      </section>
      <section aria-labelledby="checks-h">
        <h2 id="checks-h">${reviewText.checks}</h2>
        <ul class="checks">
          ${this.checks.map(
            (c) =>
              html`<li data-check=${c.id}>
                <span class=${c.ok ? 'ok' : 'bad'}>${c.ok ? reviewText.ok : reviewText.fail}</span>
                ${checkLabels[c.id]}: ${c.detail}
              </li>`,
          )}
        </ul>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-validity': ReviewValidity;
  }
}
