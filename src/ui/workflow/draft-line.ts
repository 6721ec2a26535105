import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Diagnosis, Evaluation, PlaceOfService } from '../../domain/evaluation.ts';
import { draftText } from '../strings.ts';
import {
  type ChoosePosDetail,
  type ConfirmDiagnosisDetail,
  emit,
  type RequestModifierDetail,
} from './events.ts';
import { clip } from './text-clip.ts';
import { baseStyles } from './theme.ts';

/** What the payer policy says about modifier 22 (the shape of a policy file's modifier rule). */
export interface ModifierRuleView {
  /** `yes` published as allowed, `no` published as not allowed, `unverified` nothing published. */
  readonly allowed: 'yes' | 'no' | 'unverified';
  readonly reason: string;
  readonly source: string;
}

/**
 * The G9012 line of the draft: diagnoses (suggested ICD-10-CM codes need a confirm checkbox), units and
 * minutes, modifiers (22 needs a written justification; a policy that disallows it says why, with the
 * source) and the place of service (a choice when there are several candidates, e.g. 02 or 10).
 * @fires confirm-diagnosis - {@link ConfirmDiagnosisDetail}: a suggestion was ticked or unticked.
 * @fires request-modifier - {@link RequestModifierDetail}: modifier 22 with its justification.
 * @fires choose-pos - {@link ChoosePosDetail}: the place of service chosen among the candidates.
 */
@customElement('draft-line')
export class DraftLine extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr));
        gap: 0.75rem 1.25rem;
      }
      ul {
        list-style: none;
        margin: 0.25rem 0;
        padding: 0;
      }
      li {
        margin: 0.25rem 0;
      }
      .code {
        font-family: ui-monospace, monospace;
        font-weight: 700;
      }
      .source {
        font-size: 0.87em;
        color: var(--_muted);
      }
      .suggested {
        border-left: 3px solid var(--_missing-fg);
        padding-left: 0.5rem;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.4rem 0.6rem;
        margin: 0.25rem 0;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      label {
        display: block;
      }
      .rejected {
        border-left: 3px solid var(--_notmet-fg);
        padding-left: 0.5rem;
      }
      form button {
        margin-top: 0.4rem;
      }
      @media print {
        form {
          display: none;
        }
      }
    `,
  ];

  /** The evaluation whose diagnoses, units, modifiers and place of service to show. */
  @property({ attribute: false }) evaluation?: Evaluation;
  /** The payer policy's modifier-22 rule, when the caller has it. */
  @property({ attribute: false }) modifier22?: ModifierRuleView;
  /** The place-of-service code the user chose among the candidates, if any. */
  @property({ attribute: false }) chosenPos?: string;

  @state() private justificationError = false;
  @query('#justification') private justificationField?: HTMLTextAreaElement;

  override render() {
    const evaluation = this.evaluation;
    if (!evaluation) {
      return nothing;
    }
    return html`<div class="grid">
      <section class="diagnoses" aria-labelledby="dx-heading">
        <h3 id="dx-heading">${draftText.diagnoses}</h3>
        ${
          evaluation.diagnoses.length === 0
            ? html`<p>${draftText.noDiagnoses}</p>`
            : html`<ul>
              ${evaluation.diagnoses.map((diagnosis) => this.renderDiagnosis(diagnosis))}
            </ul>`
        }
      </section>
      <section class="units" aria-labelledby="units-heading">
        <h3 id="units-heading">${draftText.unitsAndMinutes}</h3>
        <p>${draftText.unitsLine(evaluation.units.quantity, evaluation.units.rule)}</p>
        <p class="source">${draftText.source}: ${evaluation.units.source}</p>
        <p>${draftText.minutesLine(evaluation.minutes.total)}</p>
      </section>
      <section class="modifiers" aria-labelledby="mod-heading">
        <h3 id="mod-heading">${draftText.modifiers}</h3>
        ${this.renderModifiers(evaluation)}
      </section>
      <section class="pos" aria-labelledby="pos-heading">
        <h3 id="pos-heading">${draftText.placeOfService}</h3>
        ${this.renderPlaceOfService(evaluation.placeOfService)}
      </section>
    </div>`;
  }

  private renderDiagnosis(diagnosis: Diagnosis) {
    const label = html`<span class="code">${diagnosis.code}</span> ${clip(diagnosis.display ?? '')}
      ${diagnosis.chronic ? html`<span class="muted">(${draftText.chronic})</span>` : nothing}`;
    if (!diagnosis.suggested) {
      return html`<li data-code=${diagnosis.code}>
        ${label}
        <div class="source">${draftText.fromRecord}</div>
      </li>`;
    }
    const id = `confirm-${diagnosis.code.replace(/[^A-Za-z0-9]/g, '-')}`;
    return html`<li class="suggested" data-code=${diagnosis.code}>
      ${label}
      <div class="source">${draftText.suggested(diagnosis.fromSnomed ?? '')}. ${diagnosis.source}</div>
      <label for=${id}>
        <input
          id=${id}
          type="checkbox"
          .checked=${diagnosis.confirmed}
          @change=${(event: Event) => this.onConfirmDiagnosis(diagnosis, event)}
        />
        ${draftText.confirmDiagnosis(diagnosis.code)}
      </label>
    </li>`;
  }

  private renderModifiers(evaluation: Evaluation) {
    const { applied, rejected } = evaluation.modifiers;
    const has22 = applied.some((modifier) => modifier.code === '22');
    // A rejection already says why (with its source); repeating the policy rule beside it only confuses.
    const rejected22 = rejected.some((modifier) => modifier.code === '22');
    return html`${
      applied.length === 0 && rejected.length === 0 ? html`<p>${draftText.noModifiers}</p>` : nothing
    }
      <ul>
        ${applied.map(
          (modifier) => html`<li class="applied">
            <strong>${draftText.modifierApplied(modifier.code)}</strong>: ${clip(modifier.reason)}
            <div class="source">${draftText.source}: ${modifier.source}</div>
          </li>`,
        )}
        ${rejected.map(
          (modifier) => html`<li class="rejected">
            <strong>${draftText.modifierRejected(modifier.code)}</strong>: ${clip(modifier.reason)}
            <div class="source">${draftText.source}: ${modifier.source}</div>
          </li>`,
        )}
      </ul>
      ${has22 || (rejected22 && this.modifier22?.allowed === 'no') ? nothing : this.renderModifier22Form()}`;
  }

  private renderModifier22Form() {
    const rule = this.modifier22;
    if (rule?.allowed === 'no') {
      return html`<div class="rejected m22-disallowed">
        <p><strong>${draftText.modifier22Disallowed}</strong> ${rule.reason}</p>
        <p class="source">${draftText.source}: ${rule.source}</p>
      </div>`;
    }
    return html`<form novalidate @submit=${this.onRequestModifier}>
      <fieldset>
        <legend>${draftText.modifier22Legend}</legend>
        ${rule?.allowed === 'unverified' ? html`<p class="source">${draftText.modifier22Unverified}</p>` : nothing}
        <label for="justification">${draftText.modifier22Label}</label>
        <textarea
          id="justification"
          aria-invalid=${this.justificationError ? 'true' : 'false'}
          aria-describedby=${this.justificationError ? 'justification-error' : nothing}
        ></textarea>
        ${
          this.justificationError
            ? html`<p id="justification-error" class="error">${draftText.modifier22Required}</p>`
            : nothing
        }
        <button type="submit">${draftText.modifier22Request}</button>
      </fieldset>
    </form>`;
  }

  private renderPlaceOfService(pos: PlaceOfService | undefined) {
    if (!pos) {
      return html`<p>${draftText.noPlaceOfService}</p>`;
    }
    const explanation = html`<p>${clip(pos.reason)}</p>
      <p class="source">${draftText.source}: ${pos.source}</p>`;
    if (pos.code && pos.candidates.length <= 1) {
      return html`<p class="code">${draftText.posNames[pos.code] ?? pos.code}</p>
        ${explanation}`;
    }
    const chosen = this.chosenPos ?? pos.code;
    return html`<fieldset>
        <legend>${draftText.choosePos}</legend>
        ${pos.candidates.map(
          (code) => html`<label>
            <input
              type="radio"
              name="pos"
              .value=${code}
              .checked=${chosen === code}
              @change=${() => emit<ChoosePosDetail>(this, 'choose-pos', { code })}
            />
            ${draftText.posNames[code] ?? code}
          </label>`,
        )}
      </fieldset>
      ${explanation}`;
  }

  private onConfirmDiagnosis(diagnosis: Diagnosis, event: Event): void {
    const confirmed = (event.target as HTMLInputElement).checked;
    emit<ConfirmDiagnosisDetail>(this, 'confirm-diagnosis', {
      condition: diagnosis.condition,
      code: diagnosis.code,
      confirmed,
    });
  }

  private onRequestModifier(event: SubmitEvent): void {
    event.preventDefault();
    const justification = this.justificationField?.value.trim() ?? '';
    this.justificationError = justification.length === 0;
    if (this.justificationError) {
      this.justificationField?.focus();
      return;
    }
    emit<RequestModifierDetail>(this, 'request-modifier', { code: '22', justification });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'draft-line': DraftLine;
  }
}
