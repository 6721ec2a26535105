import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CriterionId } from '../../domain/evaluation.ts';
import { attestText, criterionLabels } from '../strings.ts';
import { type AttestDetail, emit } from './events.ts';
import { baseStyles } from './theme.ts';

/** Parses the minutes field: a whole number greater than 0, else undefined. */
export function parseMinutes(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) {
    return undefined;
  }
  const minutes = Number(trimmed);
  return Number.isSafeInteger(minutes) && minutes > 0 ? minutes : undefined;
}

/**
 * A modal attestation form in a native `<dialog>` (the browser traps focus; Escape closes). The note is
 * required; for `time` the minutes are required too. Errors show inline next to the field.
 * Open it by setting `criterion` and `open`, or by calling `show(criterion)`.
 * @fires attest - {@link AttestDetail}: `{ criterion, note, minutes? }`; the shell adds `by` and `at`.
 * @fires attest-close - no detail: the dialog closed (submitted, cancelled or Escape).
 */
@customElement('attest-dialog')
export class AttestDialog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      dialog {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 1rem 1.25rem;
        width: min(34rem, 92vw);
        color: var(--_text);
        background: var(--_bg);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      label {
        display: block;
        font-weight: 600;
        margin-top: 0.75rem;
      }
      input[type='number'] {
        width: 8rem;
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
        justify-content: flex-end;
        margin-top: 1rem;
      }
    `,
  ];

  /** The criterion being attested; `time` also asks for minutes. */
  @property({ attribute: false }) criterion?: CriterionId;
  /** Whether the dialog is open (modal). */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private noteError = false;
  @state() private minutesError = false;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('form') private form?: HTMLFormElement;

  /** Opens the dialog for one criterion, with empty fields. */
  show(criterion: CriterionId): void {
    this.criterion = criterion;
    this.open = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!dialog || !changed.has('open')) {
      return;
    }
    if (this.open && !dialog.open) {
      this.form?.reset();
      this.noteError = false;
      this.minutesError = false;
      dialog.showModal();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  override render() {
    const label = this.criterion ? criterionLabels[this.criterion] : '';
    const askMinutes = this.criterion === 'time';
    return html`<dialog aria-labelledby="attest-title" aria-describedby="attest-intro" @close=${this.onClose}>
      <form novalidate @submit=${this.onSubmit}>
        <h2 id="attest-title">${attestText.title(label)}</h2>
        <p id="attest-intro" class="muted">${attestText.intro}</p>
        <label for="note">${attestText.note}</label>
        <textarea
          id="note"
          name="note"
          required
          autofocus
          aria-invalid=${this.noteError ? 'true' : 'false'}
          aria-describedby=${this.noteError ? 'note-error' : nothing}
        ></textarea>
        ${this.noteError ? html`<p id="note-error" class="error">${attestText.noteRequired}</p>` : nothing}
        ${
          askMinutes
            ? html`<label for="minutes">${attestText.minutes}</label>
              <input
                id="minutes"
                name="minutes"
                type="number"
                inputmode="numeric"
                min="1"
                step="1"
                required
                aria-invalid=${this.minutesError ? 'true' : 'false'}
                aria-describedby=${this.minutesError ? 'minutes-error' : nothing}
              />
              ${
                this.minutesError
                  ? html`<p id="minutes-error" class="error">${attestText.minutesInvalid}</p>`
                  : nothing
              }`
            : nothing
        }
        <div class="buttons">
          <button type="button" @click=${this.cancel}>${attestText.cancel}</button>
          <button type="submit" class="primary">${attestText.submit}</button>
        </div>
      </form>
    </dialog>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const criterion = this.criterion;
    const form = this.form;
    if (!criterion || !form) {
      return;
    }
    const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim();
    const minutesField = form.elements.namedItem('minutes') as HTMLInputElement | null;
    const minutes = minutesField ? parseMinutes(minutesField.value) : undefined;
    this.noteError = note.length === 0;
    this.minutesError = minutesField !== null && minutes === undefined;
    if (this.noteError || this.minutesError) {
      const invalid = this.noteError ? 'note' : 'minutes';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${invalid}`)?.focus());
      return;
    }
    const detail: AttestDetail = minutes === undefined ? { criterion, note } : { criterion, note, minutes };
    emit<AttestDetail>(this, 'attest', detail);
    this.open = false;
  }

  private cancel(): void {
    this.open = false;
  }

  private onClose(): void {
    this.open = false;
    emit<undefined>(this, 'attest-close', undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'attest-dialog': AttestDialog;
  }
}
