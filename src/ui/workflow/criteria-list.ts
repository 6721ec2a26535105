import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Evaluation } from '../../domain/evaluation.ts';
import type { PatientRecord } from '../../domain/record.ts';
import './attest-dialog.ts';
import type { AttestDialog } from './attest-dialog.ts';
import './criterion-item.ts';
import { criteriaText } from '../strings.ts';
import type { AttestDetail, RequestAttestDetail } from './events.ts';
import { baseStyles } from './theme.ts';

/**
 * The criteria checklist: one `<criterion-item>` per criterion, in the evaluation's order, and the
 * `<attest-dialog>` that an item's "Attest" opens. The `attest` event comes from the dialog and bubbles out.
 * @fires request-attest - {@link RequestAttestDetail}: from an item; the list also opens its dialog.
 * @fires attest - {@link import('./events.ts').AttestDetail}: from the dialog, `{ criterion, note, minutes? }`.
 * @fires attest-close - no detail: the dialog closed.
 */
@customElement('criteria-list')
export class CriteriaList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.5rem 1rem;
        background: var(--_bg);
      }
      header {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 1rem;
        flex-wrap: wrap;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
    `,
  ];

  /** The evaluation whose criteria to list. */
  @property({ attribute: false }) evaluation?: Evaluation;
  /** The record that evidence refs are looked up in. */
  @property({ attribute: false }) record?: PatientRecord;

  @query('attest-dialog') private dialog?: AttestDialog;
  /** The criterion just attested: focus returns to its row once the new evaluation arrives. */
  private focusAfterUpdate?: string;

  override render() {
    const evaluation = this.evaluation;
    if (!evaluation) {
      return nothing;
    }
    const done = evaluation.criteria.filter((item) => item.status === 'met' || item.status === 'attested');
    return html`<section aria-labelledby="criteria-heading">
      <header>
        <h2 id="criteria-heading">${criteriaText.heading}</h2>
        <span class="muted">${criteriaText.summary(done.length, evaluation.criteria.length)}</span>
      </header>
      ${
        evaluation.criteria.length === 0
          ? html`<p>${criteriaText.empty}</p>`
          : html`<ul @request-attest=${this.onRequestAttest}>
            ${evaluation.criteria.map(
              (criterion) =>
                html`<li><criterion-item .criterion=${criterion} .record=${this.record}></criterion-item></li>`,
            )}
          </ul>`
      }
      <attest-dialog @attest=${this.onAttest}></attest-dialog>
    </section>`;
  }

  /**
   * Opens the evidence of the first criterion that cites `ref` and focuses it (for `show-evidence` from the
   * timeline). Resolves false when no criterion cites it.
   */
  async revealEvidence(ref: string): Promise<boolean> {
    for (const item of this.renderRoot.querySelectorAll('criterion-item')) {
      if (await item.revealEvidence(ref)) {
        return true;
      }
    }
    return false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const id = this.focusAfterUpdate;
    if (!id || !changed.has('evaluation')) {
      return;
    }
    this.focusAfterUpdate = undefined;
    const item = [...this.renderRoot.querySelectorAll('criterion-item')].find(
      (node) => node.criterion?.id === id,
    );
    void item?.updateComplete.then(() => item.focusRow());
  }

  private onAttest(event: CustomEvent<AttestDetail>): void {
    this.focusAfterUpdate = event.detail.criterion;
  }

  private onRequestAttest(event: CustomEvent<RequestAttestDetail>): void {
    this.dialog?.show(event.detail.criterion);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'criteria-list': CriteriaList;
  }
}
