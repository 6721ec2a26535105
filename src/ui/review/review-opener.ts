import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { reviewText } from '../strings.ts';
import { baseStyles } from '../workflow/theme.ts';
import { type OpenFileDetail, type OpenReferenceDetail, reviewEvent } from './events.ts';
import { reviewStyles } from './review-styles.ts';

const REFERENCE = /^(Claim|ChargeItem)\/[A-Za-z0-9.-]{1,64}$/;

/**
 * Where the reviewer opens a draft: by reference from the FHIR server, or from a chosen or dropped file.
 * @fires open-reference - CustomEvent<OpenReferenceDetail> with a valid `Claim/id` or `ChargeItem/id`
 * @fires open-file - CustomEvent<OpenFileDetail> with the file's name and text
 */
@customElement('review-opener')
export class ReviewOpener extends LitElement {
  static override styles = [baseStyles, reviewStyles];

  /** Whether a FHIR server connection exists (otherwise only files can be opened). */
  @property({ type: Boolean }) canReadServer = false;

  /** True while a review runs (the controls are disabled). */
  @property({ type: Boolean }) busy = false;

  @state() private referenceError = false;

  private submitReference(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#reference');
    const reference = input?.value.trim() ?? '';
    this.referenceError = !REFERENCE.test(reference);
    if (!this.referenceError) {
      this.dispatchEvent(reviewEvent<OpenReferenceDetail>('open-reference', { reference }));
    }
  }

  private async openFile(file: File | undefined): Promise<void> {
    if (file === undefined) {
      return;
    }
    const text = await file.text();
    this.dispatchEvent(reviewEvent<OpenFileDetail>('open-file', { name: file.name, text }));
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    void this.openFile(event.dataTransfer?.files[0]);
  }

  override render() {
    return html`<div @dragover=${(e: DragEvent) => e.preventDefault()} @drop=${this.onDrop}>
      ${
        this.canReadServer
          ? html`<form @submit=${this.submitReference}>
            <label for="reference">${reviewText.referenceLabel}</label>
            <input
              id="reference"
              name="reference"
              placeholder=${reviewText.referencePlaceholder}
              aria-describedby="reference-help"
              aria-invalid=${this.referenceError ? 'true' : 'false'}
              ?disabled=${this.busy}
            />
            <button type="submit" ?disabled=${this.busy}>${reviewText.openReference}</button>
            <p id="reference-help">${this.referenceError ? reviewText.referenceInvalid : reviewText.referenceHelp}</p>
          </form>`
          : html`<p>${reviewText.noServer}</p>`
      }
      <label for="file">${reviewText.fileLabel}</label>
      <input
        id="file"
        type="file"
        accept=".json,application/json,application/fhir+json"
        ?disabled=${this.busy}
        @change=${(e: Event) => void this.openFile((e.target as HTMLInputElement).files?.[0])}
      />
      <p>${reviewText.dropHint}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-opener': ReviewOpener;
  }
}
