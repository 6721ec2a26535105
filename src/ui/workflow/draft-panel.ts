import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DraftRefusal } from '../../domain/draft/types.ts';
import type { Evaluation } from '../../domain/evaluation.ts';
import type { ValidationIssue } from '../../validate/issue.ts';
import './draft-line.ts';
import { draftText } from '../strings.ts';
import type { ModifierRuleView } from './draft-line.ts';
import { draftPanelStyles } from './draft-panel-styles.ts';
import { type ChooseDraftKindDetail, type DraftActionDetail, type DraftKind, emit } from './events.ts';
import { clip } from './text-clip.ts';
import { baseStyles } from './theme.ts';

/** One validation issue of the draft (the validator's `ValidationIssue`). */
export type DraftIssue = ValidationIssue;

/**
 * A write that found the draft already on the server, as this tab sees it: `same` content as this tab's draft
 * (nothing lost), `other` content (another tab or session wrote it first), `earlier-here` (this tab wrote it
 * before later changes), or `unchecked` (the server's copy could not be read back to compare).
 */
export type FoundDraft = 'same' | 'other' | 'earlier-here' | 'unchecked';

/** The outcome of a write: the created (or found) resource, or a typed error with its next step. */
export type WriteResult =
  | {
      readonly ok: true;
      readonly resourceType: string;
      readonly id: string;
      /** Where to open the written resource; shown only when it is an http(s) URL. */
      readonly url?: string;
      /** Set when the write found the draft already there instead of creating it. */
      readonly found?: FoundDraft;
    }
  | { readonly ok: false; readonly title: string; readonly detail: string; readonly nextStep: string };

/** The URL when it is http or https, else undefined (never a `javascript:` or `data:` link). */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The draft panel: choose ChargeItem or Claim, review the G9012 line (`<draft-line>`), a readable summary,
 * the JSON, the validation issues, and Write / Download / Copy. It never builds the resource: the shell
 * builds it with the pure builders and passes it in as `draft`.
 * @fires choose-draft-kind - {@link ChooseDraftKindDetail}: the user picked ChargeItem or Claim.
 * @fires write-draft - {@link DraftActionDetail}: write the current draft to the EHR.
 * @fires send-draft - {@link DraftActionDetail}: write the current draft to the configured separate write
 *   target (offered only while Write is blocked and `writeTargetName` is set).
 * @fires download-draft - {@link DraftActionDetail}: download the current draft as JSON.
 * @fires copy-draft - {@link DraftActionDetail}: copy the current draft's JSON.
 * @fires confirm-diagnosis - from `<draft-line>`.
 * @fires request-modifier - from `<draft-line>`.
 * @fires choose-pos - from `<draft-line>`.
 */
@customElement('draft-panel')
export class DraftPanel extends LitElement {
  static override styles = [baseStyles, draftPanelStyles];

  /** The evaluation the draft is built from. */
  @property({ attribute: false }) evaluation?: Evaluation;
  /** The chosen resource type. */
  @property({ attribute: false }) kind: DraftKind = 'chargeitem';
  /** Why Claim cannot be chosen (e.g. no active Coverage); Claim is enabled when absent. */
  @property({ attribute: false }) claimBlockedReason?: string;
  /** The draft resource the shell built, shown as JSON. */
  @property({ attribute: false }) draft?: object;
  /** Why the builders refused to build a draft of this kind, when they did. */
  @property({ attribute: false }) refusal?: DraftRefusal;
  /** The draft's validation issues; `undefined` means not validated yet. */
  @property({ attribute: false }) issues?: readonly DraftIssue[];
  /** Why writing is not possible (scope not granted, server cannot take it); Write is enabled when absent. */
  @property({ attribute: false }) writeBlockedReason?: string;
  /** The configured separate write target's name; with a blocked Write, "Send to <name>" is offered. */
  @property({ attribute: false }) writeTargetName?: string;
  /** True while a write is in flight. */
  @property({ attribute: false }) writing = false;
  /** The result of the last write, when there is one. */
  @property({ attribute: false }) writeResult?: WriteResult;
  /** The payer policy's modifier-22 rule, passed to `<draft-line>`. */
  @property({ attribute: false }) modifier22?: ModifierRuleView;
  /** The place of service the user chose, passed to `<draft-line>`. */
  @property({ attribute: false }) chosenPos?: string;

  override render() {
    const evaluation = this.evaluation;
    if (!evaluation) {
      return nothing;
    }
    return html`<section class="panel" aria-labelledby="draft-heading">
      <h2 id="draft-heading">${draftText.heading}</h2>
      ${this.renderKind()}
      <draft-line .evaluation=${evaluation} .modifier22=${this.modifier22} .chosenPos=${this.chosenPos}></draft-line>
      <div class="summary">
        <h3 id="summary-heading">${draftText.summaryHeading}</h3>
        <p class="summary-text">${this.summaryText(evaluation)}</p>
      </div>
      ${this.renderJson()} ${this.renderValidation()}
      <div class="commit">${this.renderActions()} ${this.renderResult()}</div>
    </section>`;
  }

  private renderKind() {
    const claimBlocked = this.claimBlockedReason !== undefined;
    const option = (kind: DraftKind, label: string, disabled: boolean) =>
      html`<label>
        <input
          type="radio"
          name="kind"
          .value=${kind}
          .checked=${this.kind === kind}
          ?disabled=${disabled}
          aria-describedby=${disabled ? 'claim-reason' : nothing}
          @change=${() => emit<ChooseDraftKindDetail>(this, 'choose-draft-kind', { kind })}
        />
        ${label}
      </label>`;
    return html`<fieldset class="kind">
      <legend>${draftText.kindLegend}</legend>
      ${option('chargeitem', draftText.chargeItem, false)} ${option('claim', draftText.claim, claimBlocked)}
      ${
        claimBlocked
          ? html`<p id="claim-reason" class="reason">${draftText.claimUnavailable}: ${this.claimBlockedReason}</p>`
          : nothing
      }
    </fieldset>`;
  }

  private summaryText(evaluation: Evaluation): string {
    const parts = [
      draftText.summary(
        draftText.kindNames[this.kind],
        evaluation.units.quantity,
        evaluation.period.start,
        evaluation.period.end,
        evaluation.payer.name,
      ),
    ];
    const diagnoses = evaluation.diagnoses.filter((diagnosis) => !diagnosis.suggested || diagnosis.confirmed);
    if (diagnoses.length > 0) {
      parts.push(draftText.summaryDiagnoses(diagnoses.map((diagnosis) => diagnosis.code).join(', ')));
    }
    if (evaluation.modifiers.applied.length > 0) {
      parts.push(
        draftText.summaryModifiers(evaluation.modifiers.applied.map((item) => item.code).join(', ')),
      );
    }
    const pos = this.chosenPos ?? evaluation.placeOfService?.code;
    if (pos) {
      parts.push(draftText.summaryPos(pos));
    }
    return parts.join(' ');
  }

  private renderJson() {
    const refusal = this.refusal;
    if (refusal) {
      return html`<div class="refusal" role="status">
        <p><strong>${draftText.refused}:</strong> ${clip(refusal.reason)}</p>
        ${
          refusal.details.length > 0
            ? html`<ul class="issues">
              ${refusal.details.map((detail) => html`<li>${clip(detail)}</li>`)}
            </ul>`
            : nothing
        }
        ${refusal.offer ? html`<p>${draftText.offer(draftText.kindNames[refusal.offer])}</p>` : nothing}
      </div>`;
    }
    if (!this.draft) {
      return html`<p class="muted">${draftText.noDraft}</p>`;
    }
    return html`<details class="json">
      <summary>${draftText.showJson}</summary>
      <pre>${JSON.stringify(this.draft, null, 2)}</pre>
    </details>`;
  }

  private renderValidation() {
    const issues = this.issues;
    let status: string;
    if (!issues) {
      status = draftText.notValidated;
    } else if (issues.length === 0) {
      status = draftText.valid;
    } else {
      const errors = issues.filter(
        (issue) => issue.severity === 'error' || issue.severity === 'fatal',
      ).length;
      status = draftText.issueCount(errors, issues.length - errors);
    }
    return html`<div class="validation">
      <h3>${draftText.validation}</h3>
      <p class="validation-status">${status}</p>
      ${
        issues && issues.length > 0
          ? html`<ul class="issues">
            ${issues.map(
              (issue) => html`<li>
                <span class="sev sev-${issue.severity}">${draftText.severity[issue.severity] ?? issue.severity}</span>
                <span class="path">${clip(issue.path)}</span>: ${clip(issue.message)}
              </li>`,
            )}
          </ul>`
          : nothing
      }
    </div>`;
  }

  private renderActions() {
    const noDraft = !this.draft;
    const blocked = this.writeBlockedReason !== undefined;
    const writeDisabled = noDraft || this.writing || blocked;
    const detail: DraftActionDetail = { kind: this.kind };
    const target = blocked ? this.writeTargetName : undefined;
    return html`<div class="actions">
        <button
          type="button"
          class="primary write"
          data-testid="write-draft"
          ?disabled=${writeDisabled}
          aria-describedby=${blocked ? 'write-reason' : nothing}
          @click=${() => emit(this, 'write-draft', detail)}
        >
          ${this.writing && !blocked ? draftText.writing : draftText.write}
        </button>
        ${
          target === undefined
            ? nothing
            : html`<button
              type="button"
              class="primary send"
              data-testid="send-draft"
              ?disabled=${noDraft || this.writing}
              @click=${() => emit(this, 'send-draft', detail)}
            >
              ${this.writing ? draftText.sending : draftText.sendTo(target)}
            </button>`
        }
        <button type="button" class="download" ?disabled=${noDraft} @click=${() => emit(this, 'download-draft', detail)}>
          ${draftText.download}
        </button>
        <button type="button" class="copy" ?disabled=${noDraft} @click=${() => emit(this, 'copy-draft', detail)}>
          ${draftText.copy}
        </button>
      </div>
      ${
        this.writeBlockedReason === undefined
          ? nothing
          : html`<p id="write-reason" class="reason">${draftText.writeUnavailable}: ${this.writeBlockedReason}</p>`
      }`;
  }

  private renderResult() {
    const result = this.writeResult;
    if (!result) {
      return nothing;
    }
    if (result.ok) {
      const url = safeHttpUrl(result.url);
      const found = result.found;
      const text = found
        ? draftText.found[found](result.resourceType, result.id)
        : draftText.written(result.resourceType, result.id);
      const kept = found !== undefined && found !== 'same';
      return html`<div
        class=${kept ? 'result-ok result-found' : 'result-ok'}
        role="status"
        data-testid="write-result"
        data-found=${found ?? nothing}
      >
        <p><strong>${text}</strong></p>
        ${url ? html`<p><a href=${url} target="_blank" rel="noopener noreferrer">${draftText.openWritten}</a></p>` : nothing}
      </div>`;
    }
    return html`<div class="result-error" role="alert" data-testid="write-result">
      <p><strong>${draftText.writeFailed}: ${result.title}</strong></p>
      <p>${result.detail}</p>
      <p><strong>${draftText.nextStep}:</strong> ${result.nextStep}</p>
      <p class="muted">${draftText.draftKept}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'draft-panel': DraftPanel;
  }
}
