import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { addDays, dayOf, monthOf } from '../../domain/calendar.ts';
import type { EvaluationPeriod } from '../../domain/evaluation.ts';
import { periodText } from '../strings.ts';
import { emit, type PayerChangeDetail, type PeriodChangeDetail } from './events.ts';
import { clip } from './text-clip.ts';
import { baseStyles } from './theme.ts';

/** A payer policy the user may choose. */
export interface PolicyOption {
  readonly id: string;
  readonly name: string;
}

/** Why the caller asks the user to choose a payer policy. */
export type PayerChoiceReason = 'absent' | 'ambiguous';

/** The calendar month before (`-1`) or after (`1`) the month containing `day`. */
export function adjacentMonth(day: string, direction: -1 | 1): PeriodChangeDetail {
  const month = monthOf(day);
  const range = monthOf(direction < 0 ? addDays(month.first, -1) : addDays(month.last, 1));
  return { start: range.first, end: range.last };
}

/** The month of an `<input type="month">` value (`YYYY-MM`), or undefined when it is not one. */
export function monthFromInput(value: string): PeriodChangeDetail | undefined {
  const day = /^\d{4}-\d{2}$/.test(value) ? dayOf(`${value}-01`) : undefined;
  if (!day) {
    return undefined;
  }
  const range = monthOf(day);
  return { start: range.first, end: range.last };
}

/**
 * Period and payer controls: previous and next month, a month picker, and, when the caller says Coverage is
 * absent or ambiguous, a payer-policy `<select>`. Re-evaluation is the shell's: it listens and re-runs
 * `evaluate`.
 * @fires period-change - {@link PeriodChangeDetail}: the new period, a whole calendar month.
 * @fires payer-change - {@link PayerChangeDetail}: the payer policy the user chose.
 */
@customElement('period-controls')
export class PeriodControls extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      .months {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        align-items: center;
      }
      label {
        font-weight: 600;
        margin-right: 0.3rem;
        white-space: nowrap;
      }
      .payer {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.3rem 0.5rem;
      }
      .why {
        color: var(--_missing-fg);
        font-size: 0.93em;
        flex-basis: 100%;
      }
      @media print {
        .bar {
          display: none;
        }
      }
    `,
  ];

  /** The current evaluation period. */
  @property({ attribute: false }) period?: EvaluationPeriod;
  /** The evaluation date (`YYYY-MM-DD`); months after it cannot be chosen. */
  @property({ attribute: false }) asOf?: string;
  /** The payer policies to choose from. */
  @property({ attribute: false }) policies: readonly PolicyOption[] = [];
  /** The policy in use. */
  @property({ attribute: false }) policyId?: string;
  /** Set when the payer must be chosen (no Coverage, or one that matches several policies); hides the choice when absent. */
  @property({ attribute: false }) payerChoice?: PayerChoiceReason;

  override render() {
    const period = this.period;
    if (!period) {
      return nothing;
    }
    const lastMonth = this.asOf ? monthOf(this.asOf).last : undefined;
    const next = adjacentMonth(period.start, 1);
    const nextDisabled = lastMonth !== undefined && next.start > lastMonth;
    return html`<div class="bar" role="group" aria-label=${periodText.heading}>
        <div class="months">
          <button type="button" class="previous" @click=${() => this.change(adjacentMonth(period.start, -1))}>
            <span aria-hidden="true">◀</span> ${periodText.previous}
          </button>
          <label for="month">${periodText.month}</label>
          <input
            id="month"
            type="month"
            .value=${period.start.slice(0, 7)}
            max=${lastMonth ? lastMonth.slice(0, 7) : nothing}
            @change=${this.onMonth}
          />
          <button
            type="button"
            class="next"
            ?disabled=${nextDisabled}
            aria-describedby=${nextDisabled ? 'next-why' : nothing}
            title=${nextDisabled ? periodText.nextUnavailable : nothing}
            @click=${() => this.change(next)}
          >
            ${periodText.next} <span aria-hidden="true">▶</span>
          </button>
        </div>
        ${nextDisabled ? html`<span id="next-why" class="visually-hidden">${periodText.nextUnavailable}</span>` : nothing}
        ${this.payerChoice ? this.renderPayer(this.payerChoice) : nothing}
      </div>
      <p class="range visually-hidden" aria-live="polite">${periodText.range(period.start, period.end)}</p>`;
  }

  private renderPayer(reason: PayerChoiceReason) {
    return html`<div class="payer">
      <p id="payer-why" class="why">${reason === 'absent' ? periodText.payerAbsent : periodText.payerAmbiguous}</p>
      <label for="payer">${periodText.payer}</label>
      <select id="payer" aria-describedby="payer-why" @change=${this.onPayer}>
        ${this.policies.map(
          (policy) =>
            html`<option .value=${policy.id} ?selected=${policy.id === this.policyId}>${clip(policy.name)}</option>`,
        )}
      </select>
    </div>`;
  }

  private change(period: PeriodChangeDetail): void {
    emit<PeriodChangeDetail>(this, 'period-change', period);
  }

  private onMonth(event: Event): void {
    const period = monthFromInput((event.target as HTMLInputElement).value);
    if (period) {
      this.change(period);
    }
  }

  private onPayer(event: Event): void {
    emit<PayerChangeDetail>(this, 'payer-change', { policyId: (event.target as HTMLSelectElement).value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'period-controls': PeriodControls;
  }
}
