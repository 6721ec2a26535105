import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Evaluation, EvaluationWarning } from '../../domain/evaluation.ts';
import {
  criterionLabels,
  matchBasisText,
  notPublishedMarker,
  overallText,
  statusLabels,
  summaryText,
} from '../strings.ts';
import { overallChip } from './status-chip.ts';
import { clip } from './text-clip.ts';
import { baseStyles } from './theme.ts';

/** Whether a warning or rule rests on the "not published — verify with payer" marker. */
export function isUnpublished(warning: EvaluationWarning): boolean {
  return (
    warning.kind === 'unpublished' ||
    warning.source?.toLowerCase().includes(notPublishedMarker) === true ||
    warning.message.toLowerCase().includes(notPublishedMarker)
  );
}

/**
 * The readiness headline: ready / incomplete / not-billable, what blocks it in plain words, the payer policy
 * and how it was matched, the period, minutes and units, and every warning (payer-coverage warnings such as
 * Medicare's "not expected to be paid under the PFS" first, then "not published — verify with payer").
 * A pure view: it dispatches no events.
 * @csspart card - the summary card
 */
@customElement('readiness-summary')
export class ReadinessSummary extends LitElement {
  static override styles = [
    baseStyles,
    css`
      /* Sized by its column, not the window: beside the criteria (wide screens) the column is narrow. */
      :host {
        display: block;
        container-type: inline-size;
      }
      section {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        padding: 0.75rem 1rem;
        display: grid;
        grid-template-columns: minmax(16rem, 1.1fr) minmax(16rem, 1fr);
        gap: 0.5rem 1.5rem;
      }
      .headline {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        flex-wrap: wrap;
      }
      .headline .chip {
        font-size: 1.07em;
        padding: 0.15rem 0.75rem;
        border-width: 2px;
      }
      ul {
        margin: 0.25rem 0;
        padding-left: 1.2rem;
      }
      li {
        margin: 0.15rem 0;
      }
      .warning-pointer {
        color: var(--_missing-fg);
        font-weight: 600;
        margin: 0.25rem 0;
      }
      .warning-pointer button.link {
        background: none;
        border: none;
        padding: 0 0.2rem;
        color: var(--_accent);
        text-decoration: underline;
        font: inherit;
        cursor: pointer;
      }
      .warnings:focus {
        outline: none;
      }
      .warnings li.payer-coverage {
        font-weight: 600;
      }
      .badge {
        display: inline-block;
        border: 1px solid var(--_missing-fg);
        color: var(--_missing-fg);
        background: var(--_missing-bg);
        border-radius: 4px;
        padding: 0 0.35rem;
        font-size: 0.87em;
        font-weight: 700;
        margin-right: 0.3rem;
      }
      .source {
        color: var(--_muted);
        font-size: 0.87em;
        font-weight: 400;
      }
      @media (max-width: 1100px) {
        section {
          grid-template-columns: 1fr;
        }
      }
      @container (max-width: 34rem) {
        section {
          grid-template-columns: 1fr;
          padding: 0.6rem 0.75rem;
        }
      }
      @container (max-width: 30rem) {
        dl.fields {
          grid-template-columns: 1fr;
        }
        dl.fields dd {
          margin-bottom: 0.2rem;
        }
      }
    `,
  ];

  /** The evaluation to summarise. Nothing renders without it. */
  @property({ attribute: false }) evaluation?: Evaluation;

  override render() {
    const evaluation = this.evaluation;
    if (!evaluation) {
      return nothing;
    }
    const text = overallText[evaluation.status];
    return html`<section part="card" aria-labelledby="summary-heading">
      <div>
        <h2 id="summary-heading" class="headline">
          <span>${summaryText.heading}</span>${overallChip(evaluation.status)}
        </h2>
        <p>${text.detail}</p>
        ${this.renderWarningPointer(evaluation.warnings)}
        ${this.renderBlockers(evaluation)}
        <dl class="fields">
          <dt>${summaryText.payer}</dt>
          <dd>
            <span class="payer-name">${clip(evaluation.payer.name)}</span> —
            <span class="muted">${matchBasisText[evaluation.payer.matchedBy]}</span>
            <span class="source match-detail">(${clip(evaluation.payer.detail)})</span>
          </dd>
          <dt>${summaryText.period}</dt>
          <dd>${evaluation.period.start} to ${evaluation.period.end}</dd>
          <dt>${summaryText.minutes}</dt>
          <dd>
            ${summaryText.minutesValue(
              evaluation.minutes.total,
              evaluation.minutes.documented,
              evaluation.minutes.attested,
            )}
          </dd>
          <dt>${summaryText.units}</dt>
          <dd>
            ${summaryText.unitsValue(evaluation.units.quantity, evaluation.units.rule)}
            <span class="source">(${summaryText.source}: ${evaluation.units.source})</span>
          </dd>
        </dl>
      </div>
      ${this.renderWarnings(evaluation.warnings)}
    </section>`;
  }

  /**
   * A line under the status that says how many warnings there are (and how many rest on unpublished
   * rules), since the list itself sits below the fold on a laptop screen.
   */
  private renderWarningPointer(warnings: readonly EvaluationWarning[]) {
    if (warnings.length === 0) {
      return nothing;
    }
    const unpublished = warnings.filter(isUnpublished).length;
    return html`<p class="warning-pointer">
      ${summaryText.warningPointer(warnings.length, unpublished)}
      <button type="button" class="link" @click=${this.showWarnings}>${summaryText.showWarnings}</button>
    </p>`;
  }

  private showWarnings(): void {
    const list = this.renderRoot.querySelector<HTMLElement>('.warnings');
    list?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    list?.focus();
  }

  private renderBlockers(evaluation: Evaluation) {
    if (evaluation.blockers.length === 0) {
      return nothing;
    }
    return html`<h3>${summaryText.blockersHeading}</h3>
      <ul class="blockers">
        ${evaluation.blockers.map(
          (blocker) =>
            html`<li>
              ${summaryText.blockerLine(
                criterionLabels[blocker.criterion],
                statusLabels[blocker.status],
                clip(blocker.reason),
              )}
            </li>`,
        )}
      </ul>`;
  }

  private renderWarnings(warnings: readonly EvaluationWarning[]) {
    // Payer-coverage warnings (e.g. Medicare PFS status X) matter most, so they come first.
    const ordered = [...warnings].sort(
      (a, b) => Number(b.kind === 'payer-coverage') - Number(a.kind === 'payer-coverage'),
    );
    return html`<div class="warnings" tabindex="-1">
      <h3>${summaryText.warningsHeading}</h3>
      ${
        ordered.length === 0
          ? html`<p class="muted">${summaryText.noWarnings}</p>`
          : html`<ul>
            ${ordered.map(
              (warning) =>
                html`<li class=${warning.kind} data-kind=${warning.kind}>
                  ${isUnpublished(warning) ? html`<span class="badge">${summaryText.unpublishedBadge}</span>` : nothing}
                  ${clip(warning.message, 600)}
                  ${
                    warning.source && !isUnpublished(warning)
                      ? html`<span class="source">(${summaryText.source}: ${clip(warning.source)})</span>`
                      : nothing
                  }
                </li>`,
            )}
          </ul>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'readiness-summary': ReadinessSummary;
  }
}
