/** The stylesheet of `<draft-panel>`, kept apart so the element file stays short. */
import { css } from 'lit';

/** Styles of `<draft-panel>`: kind choice, summary, JSON, validation, actions and write result. */
export const draftPanelStyles = css`
    section.panel {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      padding: 0.75rem 1rem;
      display: grid;
      gap: 0.75rem;
    }
    fieldset.kind {
      border: none;
      padding: 0;
      margin: 0;
      display: flex;
      gap: 0.25rem 1.25rem;
      flex-wrap: wrap;
      align-items: baseline;
    }
    fieldset.kind legend {
      font-weight: 700;
      padding: 0;
      margin-bottom: 0.25rem;
    }
    .reason {
      color: var(--_notmet-fg);
      font-size: 0.93em;
    }
    .summary {
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
    }
    pre {
      max-height: 20rem;
      overflow: auto;
      background: var(--_surface);
      padding: 0.5rem;
      border-radius: var(--_radius);
      font-size: 0.87em;
    }
    summary {
      cursor: pointer;
      color: var(--_accent);
      font-weight: 600;
      width: fit-content;
    }
    ul.issues {
      margin: 0.25rem 0;
      padding-left: 1.2rem;
    }
    .sev {
      font-weight: 700;
    }
    .sev-error,
    .sev-fatal {
      color: var(--_notmet-fg);
    }
    .sev-warning {
      color: var(--_missing-fg);
    }
    .path {
      font-family: ui-monospace, monospace;
      font-size: 0.87em;
    }
    /* Write, Download, Copy and the write result stay at the foot of the panel's view while it scrolls. */
    .commit {
      position: sticky;
      bottom: 0;
      display: grid;
      gap: 0.5rem;
      background: var(--_bg);
      border-top: 1px solid var(--_border);
      padding: 0.5rem 0 0.25rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
      align-items: center;
    }
    .result-ok {
      border-left: 4px solid var(--_met-fg);
      background: var(--_met-bg);
      padding: 0.4rem 0.75rem;
    }
    .result-found {
      border-left-color: var(--_missing-fg);
      background: var(--_missing-bg);
    }
  .refusal {
      border-left: 4px solid var(--_missing-fg);
      background: var(--_missing-bg);
      padding: 0.4rem 0.75rem;
    }
    .result-error {
      border-left: 4px solid var(--_notmet-fg);
      background: var(--_notmet-bg);
      padding: 0.4rem 0.75rem;
    }
    a {
      color: var(--_accent);
    }
    @media print {
      .commit {
        position: static;
        border: none;
      }
      .json,
      .actions,
      #write-reason {
        display: none;
      }
    }
`;
