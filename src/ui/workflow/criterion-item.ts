import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CriterionResult } from '../../domain/evaluation.ts';
import type { PatientRecord } from '../../domain/record.ts';
import { criteriaText, criterionLabels } from '../strings.ts';
import { emit, type RequestAttestDetail } from './events.ts';
import { attesterName, dateOnly } from './evidence-fields.ts';
import { evidenceEntry } from './evidence-view.ts';
import { PrintController } from './print-controller.ts';
import { statusChip } from './status-chip.ts';
import { clip } from './text-clip.ts';
import { baseStyles } from './theme.ts';

/**
 * Styles of one criterion row: chip | label and reason in one flowing line | actions, then the evidence.
 * The label runs into its reason so most rows take two lines, and all 14 fit beside the summary and draft.
 */
const itemStyles = css`
  article {
    display: grid;
    grid-template-columns: minmax(5.75rem, auto) minmax(0, 1fr) auto;
    gap: 0.15rem 0.6rem;
    align-items: start;
    padding: 0.25rem 0.25rem;
    border-bottom: 1px solid var(--_na-bg);
  }
  .status {
    padding-top: 0.1rem;
  }
  .text {
    margin: 0;
  }
  .label {
    font-weight: 700;
    margin-right: 0.35rem;
  }
  .req {
    display: block;
    font-size: 0.8em;
    color: var(--_muted);
    margin: 0.1rem 0 0 0.3rem;
  }
  .explain {
    border-left: 3px solid var(--_notmet-fg);
    padding-left: 0.5rem;
  }
  .attested {
    border-left: 3px solid var(--_attested-fg);
    padding-left: 0.5rem;
  }
  .actions {
    display: flex;
    gap: 0.3rem 0.4rem;
    align-items: center;
    justify-content: flex-end;
    flex-wrap: wrap;
  }
  button.toggle {
    border-color: transparent;
    padding: 0.2rem 0.4rem;
    font-weight: 600;
    white-space: nowrap;
  }
  button.toggle:hover {
    border-color: var(--_accent);
  }
  .evidence-list[hidden] {
    display: none;
  }
  .evidence-list {
    grid-column: 2 / -1;
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
    font-size: 0.87em;
  }
  .body {
    min-width: 0;
  }
  @media print {
    article {
      grid-template-columns: 6.5rem 1fr auto;
      break-inside: avoid;
    }
    .evidence-list,
    .evidence-list[hidden] {
      display: block;
      grid-column: 2 / -1;
      margin: 0;
    }
    .evidence {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.6rem;
      background: none;
      padding: 0;
    }
  }
`;

/**
 * One criterion of the checklist: status chip (text and icon), label, required or optional, the reason, and
 * its evidence, which a disclosure button expands to each resource's date, code display, author and status. A `missing`
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

  @state() private expanded = false;
  private readonly print = new PrintController(this);

  override render() {
    const criterion = this.criterion;
    if (!criterion) {
      return nothing;
    }
    const label = criterionLabels[criterion.id];
    const canAttest = criterion.status === 'missing' && criterion.attestable;
    const count = criterion.evidence.length;
    const open = this.expanded || this.print.printing;
    return html`<article aria-labelledby="label" data-status=${criterion.status} tabindex="-1">
      <div class="status">
        ${statusChip(criterion.status)}
        <span class="req">${criterion.required ? criteriaText.required : criteriaText.optional}</span>
      </div>
      <div class="body">
        <p class="text"><span class="label" id="label">${label}</span> <span class="reason">${clip(criterion.reason)}</span></p>
        ${this.renderExplanation(criterion)}
      </div>
      <span class="actions">
        ${
          count > 0
            ? html`<button
              type="button"
              class="toggle"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls="evidence"
              @click=${this.toggle}
            >
              <span aria-hidden="true">${open ? '▾' : '▸'}</span> ${criteriaText.evidence(count)}<span
                class="visually-hidden"
                >${criteriaText.evidenceFor(label)}</span
              >
            </button>`
            : nothing
        }
        ${
          canAttest
            ? html`<button type="button" class="primary attest" aria-label=${criteriaText.attestLabel(label)} @click=${this.onAttest}>
              ${criteriaText.attest}
            </button>`
            : nothing
        }
      </span>
      ${
        count > 0
          ? html`<ul class="evidence-list" id="evidence" ?hidden=${!open}>
            ${criterion.evidence.map((ref) => evidenceEntry(this.record, ref))}
          </ul>`
          : nothing
      }
    </article>`;
  }

  /** Moves focus to this row, e.g. after its Attest button went away because the attestation applied. */
  focusRow(): void {
    this.renderRoot.querySelector<HTMLElement>('article')?.focus();
  }

  /** Opens the evidence and moves focus to the entry for `ref`; false when this criterion does not cite it. */
  async revealEvidence(ref: string): Promise<boolean> {
    if (!this.criterion?.evidence.includes(ref)) {
      return false;
    }
    this.expanded = true;
    await this.updateComplete;
    const entry = [...this.renderRoot.querySelectorAll<HTMLElement>('li.evidence')].find(
      (item) => item.dataset.ref === ref,
    );
    entry?.scrollIntoView?.({ block: 'nearest' });
    entry?.focus();
    return entry !== undefined;
  }

  private toggle(): void {
    this.expanded = !this.expanded;
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
      const who = attesterName(this.record, attestation.by);
      const when = dateOnly(attestation.at) ?? attestation.at;
      return html`<div class="attested">
        <p>
          ${
            // The domain's reason ("Attested by <name>: <note>") may name the person already; say it once.
            criterion.reason.includes(who)
              ? criteriaText.attestedOn(when)
              : criteriaText.attestedBy(clip(who), when)
          }
        </p>
        ${
          // The domain's reason often quotes the note already; say it once.
          criterion.reason.includes(attestation.note)
            ? nothing
            : html`<p><span class="muted">${criteriaText.attestedNote}:</span> <q>${clip(attestation.note, 1000)}</q></p>`
        }
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
