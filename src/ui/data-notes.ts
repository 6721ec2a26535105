import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DataNote } from '../fhir/load-result.ts';
import { errorText } from './error-notice.ts';
import { medicationSourceText, noteText, screenText } from './strings.ts';

function noteLine(note: DataNote) {
  switch (note.kind) {
    case 'truncated':
      return html`${noteText.truncated(note.resourceType, note.count, note.pageLimit)}`;
    case 'unavailable':
      return html`${noteText.unavailable(note.resourceType)}`;
    case 'failed': {
      const text = errorText(note.error);
      return html`${noteText.failed(note.resourceType)} <strong>${text.title}</strong>. ${text.detail}
        <em>${text.nextStep}</em>`;
    }
    case 'foreign-next-link':
      return html`${noteText.foreignNextLink(note.resourceType)}`;
    case 'capability-unknown':
      return html`${noteText.capabilityUnknown}`;
    case 'medication-source':
      return html`${medicationSourceText(note.source)}`;
    case 'invalid':
      return html`${noteText.invalid(note.ref, note.problem)}`;
    case 'problem':
      return html`${noteText.problem(note.text)}`;
  }
}

/**
 * The data notes panel: how complete the record is. Lists invalid resources (left out), truncation,
 * types the server does not offer, reads that failed, and the medication source.
 */
@customElement('data-notes')
export class DataNotes extends LitElement {
  static override styles = css`
    :host { display: block; }
    section { border: 1px solid #c8a600; background: #fffbe6; border-radius: 6px; padding: 0.5rem 1rem; }
    h3 { font-size: 1.05rem; margin: 0.3rem 0; }
    li { margin: 0.2rem 0; overflow-wrap: anywhere; }
    .failed, .problem { color: #7a1c20; }
  `;

  /** The notes from the load. */
  @property({ attribute: false }) notes: readonly DataNote[] = [];

  override render() {
    const shown = this.notes.filter(
      (note) => note.kind !== 'medication-source' || note.source !== 'MedicationStatement',
    );
    return html`<section aria-labelledby="notes-heading">
      <h3 id="notes-heading">${screenText.dataNotesHeading}</h3>
      ${
        shown.length === 0
          ? html`<p>${screenText.noDataNotes}</p>`
          : html`<ul>
            ${shown.map((note) => html`<li class=${note.kind}>${noteLine(note)}</li>`)}
          </ul>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'data-notes': DataNotes;
  }
}
