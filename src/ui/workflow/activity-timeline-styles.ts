/** The stylesheet of `<activity-timeline>`, kept apart so the element file stays short. */
import { css } from 'lit';

/** Styles of `<activity-timeline>`: lanes, mark shapes by lane, focus halo, legend and text list. */
export const activityTimelineStyles = css`
    section {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      padding: 0.75rem 1rem;
    }
    svg {
      display: block;
      width: 100%;
      overflow: visible;
    }
    .lane-bg:nth-of-type(odd) {
      fill: var(--_surface);
    }
    .lane-bg:nth-of-type(even) {
      fill: var(--_bg);
    }
    .lane-label,
    .tick-label {
      fill: var(--_text);
      font-size: 12px;
    }
    .grid {
      stroke: var(--_border);
      stroke-width: 1;
      stroke-dasharray: 2 3;
    }
    .axis {
      stroke: var(--_text);
    }
    .shape {
      stroke: var(--_text);
      stroke-width: 1.5;
    }
    .lane-encounter .shape,
    .stay {
      fill: var(--_attested-bg);
    }
    .stay {
      stroke: var(--_attested-fg);
    }
    .lane-care-plan .shape {
      fill: var(--_met-bg);
    }
    .lane-communication .shape {
      fill: var(--_missing-bg);
    }
    .lane-medication .shape {
      fill: var(--_na-bg);
    }
    .lane-transition .shape {
      fill: var(--_notmet-bg);
    }
    .before .shape {
      stroke-dasharray: 3 2;
    }
    .transition-line {
      stroke: var(--_notmet-fg);
      stroke-width: 2;
      stroke-dasharray: 5 3;
    }
    .letter {
      fill: var(--_text);
      font-size: 11px;
      font-weight: 700;
      text-anchor: middle;
      dominant-baseline: central;
      pointer-events: none;
    }
    .mark {
      cursor: pointer;
      outline: none;
    }
    .mark .halo {
      fill: none;
      stroke: none;
    }
    .mark:hover .halo,
    .mark:focus-visible .halo {
      stroke: var(--_focus);
      stroke-width: 3;
    }
    .legend {
      font-size: 0.87em;
      color: var(--_muted);
      margin: 0.3rem 0 0;
    }
    summary {
      cursor: pointer;
      color: var(--_accent);
      font-weight: 600;
      width: fit-content;
    }
    ol {
      margin: 0.25rem 0;
      padding-left: 1.4rem;
    }
    button.link {
      display: inline;
      border: none;
      background: none;
      padding: 0;
      color: var(--_accent);
      text-decoration: underline;
      font-weight: 400;
      text-align: left;
    }
    @media print {
      .text-alternative {
        display: none;
      }
    }
`;
