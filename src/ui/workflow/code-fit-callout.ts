import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CodeAlternative, CodeFit } from '../../domain/evaluation.ts';
import type { PatientRecord } from '../../domain/record.ts';
import { codeFamilyNames, codeFitText } from '../strings.ts';
import { type ConfirmCodeDetail, emit } from './events.ts';
import { attesterName, dateOnly } from './evidence-fields.ts';
import { evidenceDetails } from './evidence-view.ts';
import { PrintController } from './print-controller.ts';
import { clip } from './text-clip.ts';
import { baseStyles } from './theme.ts';

/**
 * A callout shown when code fit found more specific codes: each alternative with its code, family, reason,
 * related codes, source and evidence, and a "Confirm G9012 is still right" form that needs a note. Once
 * confirmed it shows who confirmed, when, and the note. Renders nothing when there are no alternatives.
 * @fires confirm-code - {@link ConfirmCodeDetail}: `{ criterion: 'not-elsewhere-classified', note }`.
 */
@customElement('code-fit-callout')
export class CodeFitCallout extends LitElement {
  static override styles = [
    baseStyles,
    css`
      aside {
        border: 2px solid var(--_missing-fg);
        border-left-width: 6px;
        border-radius: var(--_radius);
        background: var(--_missing-bg);
        padding: 0.75rem 1rem;
      }
      h2::before {
        content: '⚠ ';
      }
      ul.alternatives {
        list-style: none;
        margin: 0.5rem 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: 0.5rem;
      }
      ul.alternatives > li {
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.5rem 0.75rem;
      }
      .code {
        font-family: ui-monospace, monospace;
        font-weight: 700;
        font-size: 1.12em;
      }
      .source {
        font-size: 0.87em;
        color: var(--_muted);
      }
      .evidence-list {
        padding-left: 1rem;
        margin: 0.25rem 0;
      }
      .evidence {
        margin-bottom: 0.25rem;
      }
      .ref {
        font-family: ui-monospace, monospace;
        font-size: 0.87em;
      }
      summary {
        cursor: pointer;
        color: var(--_accent);
        font-weight: 600;
        width: fit-content;
      }
      form {
        margin-top: 0.5rem;
      }
      label {
        display: block;
        font-weight: 600;
      }
      form button {
        margin-top: 0.4rem;
      }
      .confirmed {
        border-left: 3px solid var(--_attested-fg);
        padding-left: 0.5rem;
        background: var(--_bg);
      }
      @media print {
        aside {
          background: none;
        }
        form {
          display: none;
        }
      }
    `,
  ];

  /** The code-fit result from the evaluation. */
  @property({ attribute: false }) codeFit?: CodeFit;
  /** The record that evidence refs are looked up in. */
  @property({ attribute: false }) record?: PatientRecord;

  @state() private noteError = false;
  @query('textarea') private noteField?: HTMLTextAreaElement;
  private readonly print = new PrintController(this);
  /** Set on submit: focus moves to the confirmation once it arrives, as the form it replaces had focus. */
  private focusConfirmation = false;

  override render() {
    const codeFit = this.codeFit;
    if (!codeFit || codeFit.alternatives.length === 0) {
      return nothing;
    }
    return html`<aside aria-labelledby="code-fit-heading">
      <h2 id="code-fit-heading">${codeFitText.heading}</h2>
      <p>${codeFitText.intro}</p>
      <ul class="alternatives">
        ${codeFit.alternatives.map((alternative) => this.renderAlternative(alternative))}
      </ul>
      ${codeFit.confirmation ? this.renderConfirmation(codeFit) : this.renderForm()}
    </aside>`;
  }

  private renderAlternative(alternative: CodeAlternative) {
    return html`<li data-code=${alternative.code}>
      <div>
        <span class="code">${alternative.code}</span> —
        <strong>${codeFamilyNames[alternative.family]}</strong> (${alternative.family})
      </div>
      <p class="reason">${clip(alternative.reason)}</p>
      ${
        alternative.related.length > 0
          ? html`<p class="muted">${codeFitText.related}: ${alternative.related.join(', ')}</p>`
          : nothing
      }
      <p class="source">${codeFitText.source}: ${clip(alternative.source)}</p>
      ${evidenceDetails(this.record, alternative.evidence, this.print.printing)}
    </li>`;
  }

  private renderConfirmation(codeFit: CodeFit) {
    const confirmation = codeFit.confirmation;
    if (!confirmation) {
      return nothing;
    }
    const who = attesterName(this.record, confirmation.by);
    return html`<div class="confirmed" tabindex="-1">
      <p><strong>${codeFitText.confirmedBy(clip(who), dateOnly(confirmation.at) ?? confirmation.at)}</strong></p>
      <p><q>${clip(confirmation.note, 1000)}</q></p>
    </div>`;
  }

  private renderForm() {
    return html`<form novalidate @submit=${this.onSubmit}>
      <label for="confirm-note">${codeFitText.note}</label>
      <textarea
        id="confirm-note"
        required
        aria-invalid=${this.noteError ? 'true' : 'false'}
        aria-describedby=${this.noteError ? 'confirm-error' : nothing}
      ></textarea>
      ${this.noteError ? html`<p id="confirm-error" class="error">${codeFitText.noteRequired}</p>` : nothing}
      <button type="submit" class="primary">${codeFitText.confirm}</button>
    </form>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const field = this.noteField;
    const note = field?.value.trim() ?? '';
    this.noteError = note.length === 0;
    if (this.noteError) {
      field?.focus();
      return;
    }
    this.focusConfirmation = true;
    emit<ConfirmCodeDetail>(this, 'confirm-code', { criterion: 'not-elsewhere-classified', note });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.focusConfirmation && changed.has('codeFit') && this.codeFit?.confirmation) {
      this.focusConfirmation = false;
      this.renderRoot.querySelector<HTMLElement>('.confirmed')?.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'code-fit-callout': CodeFitCallout;
  }
}
