import { html, LitElement, nothing, type SVGTemplateResult, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EvaluationPeriod } from '../../domain/evaluation.ts';
import type { PatientRecord } from '../../domain/record.ts';
import { timelineText } from '../strings.ts';
import { activityTimelineStyles } from './activity-timeline-styles.ts';
import { emit, type ShowEvidenceDetail } from './events.ts';
import { clip } from './text-clip.ts';
import { baseStyles } from './theme.ts';
import { layoutTimeline, TIMELINE_LANES, type TimelineMark } from './timeline-layout.ts';

const GUTTER = 118;
const RIGHT = 16;
const TOP = 6;
const LANE = 34;
const AXIS = 26;
const DEFAULT_WIDTH = 760;

/** The letter drawn inside a mark, explained by the legend. */
function markLetter(mark: TimelineMark): string {
  switch (mark.kind) {
    case 'encounter':
      return (mark.classCode ?? '?').slice(0, 1).toUpperCase();
    case 'created':
      return 'C';
    case 'updated':
      return 'U';
    case 'progress':
      return 'P';
    case 'sent':
      return 'S';
    case 'received':
      return 'R';
    case 'asserted':
      return 'A';
    case 'effective':
      return 'E';
    case 'reconciliation':
      return 'M';
    case 'discharge':
      return 'D';
  }
}

/** The shape of each lane, so marks differ by shape and letter, not colour alone. */
function markShape(mark: TimelineMark): SVGTemplateResult {
  switch (mark.lane) {
    case 'encounter':
      return svg`<circle class="shape" r="11"></circle>`;
    case 'care-plan':
      return svg`<rect class="shape" x="-10" y="-10" width="20" height="20" rx="2"></rect>`;
    case 'communication':
      return svg`<polygon class="shape" points="0,-12 12,10 -12,10"></polygon>`;
    case 'medication':
      return svg`<polygon class="shape" points="0,-12 12,0 0,12 -12,0"></polygon>`;
    case 'transition':
      return svg`<polygon class="shape" points="-10,-11 10,-11 10,4 0,12 -10,4"></polygon>`;
  }
}

/**
 * The evaluation period as an SVG picture on a day axis: one lane each for encounters (letter = class),
 * care-plan activity, communications, the medication list and transitions of care. Every mark is
 * keyboard-focusable (one tab stop; arrow keys move between marks) and opens its evidence. A text list of
 * the same events sits in a `<details>` below the picture.
 * @fires show-evidence - {@link ShowEvidenceDetail}: the user picked a mark or list entry.
 */
@customElement('activity-timeline')
export class ActivityTimeline extends LitElement {
  static override styles = [baseStyles, activityTimelineStyles];

  /** The record to draw activity from. */
  @property({ attribute: false }) record?: PatientRecord;
  /** The evaluation period: the axis runs from its first to its last day. */
  @property({ attribute: false }) period?: EvaluationPeriod;

  @state() private width = DEFAULT_WIDTH;
  @state() private focusIndex = 0;
  private observer?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.observer = new ResizeObserver((entries) => {
        const measured = Math.round(entries[0]?.contentRect.width ?? 0);
        // The section's padding and border take about 34 px of the host's width.
        const width = Math.max(480, measured - 34);
        if (measured > 0 && Math.abs(width - this.width) > 2) {
          this.width = width;
        }
      });
      this.observer.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  override render() {
    const { record, period } = this;
    if (!record || !period) {
      return nothing;
    }
    const plotWidth = this.width - GUTTER - RIGHT;
    const layout = layoutTimeline(record, period, plotWidth);
    // Focus order and the text list run by date, then lane.
    const marks = [...layout.marks].sort((a, b) => a.day - b.day || a.date.localeCompare(b.date));
    const focusIndex = Math.min(this.focusIndex, Math.max(0, marks.length - 1));
    const height = TOP + TIMELINE_LANES.length * LANE + AXIS;
    const axisY = TOP + TIMELINE_LANES.length * LANE;
    return html`<section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">${timelineText.heading}</h2>
      <svg
        role="group"
        aria-labelledby="timeline-title"
        viewBox="0 0 ${this.width} ${height}"
        height=${height}
        @keydown=${(event: KeyboardEvent) => this.onKeydown(event, marks.length)}
      >
        <title id="timeline-title">${timelineText.title(period.start, period.end)}</title>
        ${TIMELINE_LANES.map(
          (
            lane,
            index,
          ) => svg`<rect class="lane-bg" x="0" y=${TOP + index * LANE} width=${this.width} height=${LANE}></rect>
            <text class="lane-label" aria-hidden="true" x=${GUTTER - 10} y=${TOP + index * LANE + LANE / 2} text-anchor="end" dominant-baseline="central">${timelineText.lanes[lane]}</text>`,
        )}
        ${layout.ticks.map(
          (
            tick,
          ) => svg`<line class="grid" x1=${GUTTER + tick.x} x2=${GUTTER + tick.x} y1=${TOP} y2=${axisY}></line>
            <text class="tick-label" aria-hidden="true" x=${GUTTER + tick.x} y=${axisY + 17} text-anchor="middle">${tick.label}</text>`,
        )}
        <line class="axis" x1=${GUTTER} x2=${GUTTER + plotWidth} y1=${axisY} y2=${axisY}></line>
        ${marks.filter((mark) => mark.lane === 'transition').map((mark) => this.renderTransitionLine(mark, axisY))}
        ${marks.map((mark, index) => this.renderMark(mark, index === focusIndex))}
      </svg>
      <p class="legend">${timelineText.legendText}</p>
      ${marks.length === 0 ? html`<p class="empty">${timelineText.empty}</p>` : nothing}
      <details class="text-alternative">
        <summary>${timelineText.textAlternative} (${marks.length})</summary>
        <ol>
          ${marks.map(
            (mark) => html`<li>
              <button type="button" class="link" @click=${() => this.show(mark)}>${this.describe(mark)}</button>
            </li>`,
          )}
        </ol>
      </details>
    </section>`;
  }

  private renderTransitionLine(mark: TimelineMark, axisY: number) {
    return svg`<line class="transition-line" x1=${GUTTER + mark.x} x2=${GUTTER + mark.x} y1=${TOP} y2=${axisY}></line>`;
  }

  private renderMark(mark: TimelineMark, focusable: boolean) {
    const laneIndex = TIMELINE_LANES.indexOf(mark.lane);
    const x = GUTTER + mark.x + mark.stack * 20;
    const y = TOP + laneIndex * LANE + LANE / 2;
    const stay =
      mark.endX === undefined
        ? nothing
        : svg`<rect class="stay" x=${GUTTER + mark.x} y=${y - 7} width=${mark.endX - mark.x} height="14" rx="7"></rect>`;
    return svg`${stay}<g
        class="mark lane-${mark.lane} ${mark.beforePeriod ? 'before' : ''}"
        transform="translate(${x} ${y})"
        role="button"
        tabindex=${focusable ? '0' : '-1'}
        data-ref=${mark.ref}
        data-lane=${mark.lane}
        @click=${() => this.show(mark)}
      >
        <title>${this.describe(mark)}</title>
        <circle class="halo" r="15"></circle>
        ${markShape(mark)}
        <text class="letter" aria-hidden="true" y=${mark.lane === 'communication' ? 3 : 0}>${markLetter(mark)}</text>
      </g>`;
  }

  private describe(mark: TimelineMark): string {
    const date = mark.beforePeriod ? `${mark.date}, ${timelineText.beforePeriod}` : mark.date;
    return timelineText.markLabel(timelineText.lanes[mark.lane], clip(mark.label), date);
  }

  private show(mark: TimelineMark): void {
    emit<ShowEvidenceDetail>(this, 'show-evidence', { ref: mark.ref });
  }

  private onKeydown(event: KeyboardEvent, count: number): void {
    const target = event.target as Element;
    const marks = [...this.renderRoot.querySelectorAll<SVGGElement>('g.mark')];
    const index = marks.indexOf(target as SVGGElement);
    if (index < 0 || count === 0) {
      return;
    }
    let next = index;
    switch (event.key) {
      case 'Enter':
      case ' ':
        event.preventDefault();
        (target as SVGGElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
        return;
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(count - 1, index + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(0, index - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.focusIndex = next;
    void this.updateComplete.then(() => marks[next]?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'activity-timeline': ActivityTimeline;
  }
}
