import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CriterionResult } from '../../domain/evaluation.ts';
import type { PatientRecord } from '../../domain/record.ts';
import { emit, type RequestAttestDetail } from './events.ts';
import { dateOnly, nameOf } from './evidence-fields.ts';
import { evidenceDetails } from './evidence-view.ts';
import { PrintController } from './print-controller.ts';
import { statusChip } from './status-chip.ts';
import { criteriaText, criterionLabels } from './strings.ts';
import { baseStyles } from './theme.ts';

/** Styles of one criterion row, shared with `<criteria-list>` print rules. */
const itemStyles = css`
  article {
    display: grid;
    grid-template-columns: 8.5rem 1fr auto;
    gap: 0.2rem 0.75rem;
    align-items: start;
    padding: 0.45rem 0.25rem;
    border-bottom: 1px solid var(--_na-bg);
  }
  .status {
    padding-top: 0.1rem;
  }
  .label {
    font-weight: 700;
  }
  .req {
    font-size: 0.8125rem;
    color: var(--_muted);
    margin-left: 0.4rem;
    font-weight: 400;
  }
  .explain {
    border-left: 3px solid var(--_notmet-fg);
    padding-left: 0.5rem;
  }
  .attested {
    border-left: 3px solid var(--_attested-fg);
    padding-left: 0.5rem;
  }
  .evidence-list {
    list-style: none;
    padding: 0;
    margin: 0.25rem 0 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: 0.4rem;
  }
  .evidence {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 0.3rem 0.5rem;
  }
  .ref {
    font-family: ui-monospace, monospace;
    font-size: 0.8125rem;
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
    font-weight: 600;
    width: fit-content;
  }
  .body {
    grid-column: 2 / 3;
    min-width: 0;
  }
  .actions {
    grid-column: 3 / 4;
    grid-row: 1;
  }
  @media print {
    article {
      grid-template-columns: 7rem 1fr;
      break-inside: avoid;
    }
    summary {
      color: #000;
    }
  }
`;

/**
 * One criterion of the checklist: status chip (text and icon), label, required or optional, the reason, and
 * its evidence, which expands to each resource's date, code display, author and status. A `missing`
 * attestable criterion offers "Attest"; `not-met` explains why attestation cannot fix it; `attested` shows
 * who attested, when, and the note.
 * @fires request-attest - {@link RequestAttestDetail}: the user pressed "Attest".
 */
@customElement('criterion-item')
export class CriterionItem extends LitElement {
  static override styles = [baseStyles, itemStyles];

  /** The criterion result to show. */
  @property({ attribute: false }) criterion?: CriterionResult;
  /** The record that evidence refs are looked up in. */
  @property({ attribute: false }) record?: PatientRecord;

  private readonly print = new PrintController(this);

  override render() {
    const criterion = this.criterion;
    if (!criterion) {
      return nothing;
    }
    const label = criterionLabels[criterion.id];
    const canAttest = criterion.status === 'missing' && criterion.attestable;
    return html`<article aria-labelledby="label" data-status=${criterion.status}>
      <div class="status">${statusChip(criterion.status)}</div>
      <div class="body">
        <div>
          <span class="label" id="label">${label}</span
          ><span class="req">${criterion.required ? criteriaText.required : criteriaText.optional}</span>
        </div>
        <p class="reason">${criterion.reason}</p>
        ${this.renderExplanation(criterion)}
        ${evidenceDetails(this.record, criterion.evidence, this.print.printing)}
      </div>
      ${
        canAttest
          ? html`<div class="actions">
            <button type="button" class="primary" aria-label=${criteriaText.attestLabel(label)} @click=${this.onAttest}>
              ${criteriaText.attest}
            </button>
          </div>`
          : nothing
      }
    </article>`;
  }

  private renderExplanation(criterion: CriterionResult) {
    if (criterion.status === 'not-met') {
      return html`<p class="explain">${criteriaText.notMetExplanation}</p>`;
    }
    if (criterion.status === 'missing' && !criterion.attestable) {
      return html`<p class="explain">${criteriaText.notAttestable}</p>`;
    }
    const attestation = criterion.attestation;
    if (criterion.status === 'attested' && attestation) {
      const who = (this.record && nameOf(this.record, attestation.by)) ?? attestation.by;
      return html`<div class="attested">
        <p>${criteriaText.attestedBy(who, dateOnly(attestation.at) ?? attestation.at)}</p>
        <p><span class="muted">${criteriaText.attestedNote}:</span> <q>${attestation.note}</q></p>
        ${
          attestation.minutes === undefined
            ? nothing
            : html`<p>${criteriaText.attestedMinutes(attestation.minutes)}</p>`
        }
      </div>`;
    }
    return nothing;
  }

  private onAttest(): void {
    if (this.criterion) {
      emit<RequestAttestDetail>(this, 'request-attest', { criterion: this.criterion.id });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'criterion-item': CriterionItem;
  }
}
