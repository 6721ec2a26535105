/**
 * Shared styles of the workflow elements. Colours are CSS custom properties so the shell can apply
 * `smart_style_url` colours (e.g. `--g9012-accent`); every default is dark text on a light background that
 * meets WCAG AA (4.5:1 or better), and status is always carried by text and shape as well as colour.
 */
import { css } from 'lit';

/** Base look: custom properties, focus ring, buttons, fields, chips and print rules. */
export const baseStyles = css`
  :host {
    --_text: var(--g9012-text, #1b1b1f);
    --_muted: var(--g9012-muted, #4a4d55);
    --_bg: var(--g9012-background, #ffffff);
    --_surface: var(--g9012-surface, #f5f6f8);
    --_border: var(--g9012-border, #8a8f98);
    --_accent: var(--g9012-accent, #0b57a4);
    --_accent-text: var(--g9012-accent-text, #ffffff);
    --_focus: var(--g9012-focus, #b3470b);
    --_met-fg: var(--g9012-met-fg, #1e5b25);
    --_met-bg: var(--g9012-met-bg, #e6f4e7);
    --_attested-fg: var(--g9012-attested-fg, #0d3f86);
    --_attested-bg: var(--g9012-attested-bg, #e4eefb);
    --_missing-fg: var(--g9012-missing-fg, #6e4300);
    --_missing-bg: var(--g9012-missing-bg, #fff3dc);
    --_notmet-fg: var(--g9012-notmet-fg, #8a1c1c);
    --_notmet-bg: var(--g9012-notmet-bg, #fce9e9);
    --_na-fg: var(--g9012-na-fg, #44474e);
    --_na-bg: var(--g9012-na-bg, #eceef1);
    --_radius: var(--g9012-radius, 6px);
    display: block;
    color: var(--_text);
    font-family: var(--g9012-font, system-ui, -apple-system, 'Segoe UI', sans-serif);
    font-size: 0.9375rem;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 0.4rem;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.17em;
  }
  h3 {
    font-size: 1.07em;
  }
  h4 {
    font-size: 1em;
  }
  p {
    margin: 0.25rem 0;
  }
  .muted {
    color: var(--_muted);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    padding: 0.3rem 0.8rem;
    background: var(--_bg);
    color: var(--_accent);
    font-weight: 600;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button:disabled {
    cursor: not-allowed;
    border-color: var(--_border);
    color: var(--_muted);
    background: var(--_surface);
  }
  textarea,
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.45rem;
  }
  textarea {
    width: 100%;
    min-height: 4.5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_notmet-fg);
  }
  .error {
    color: var(--_notmet-fg);
    font-weight: 600;
  }
  .error::before {
    content: '✕ ';
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding: 0.05rem 0.55rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.87em;
    font-weight: 700;
    white-space: nowrap;
  }
  .chip .icon {
    font-size: 0.93em;
    line-height: 1;
  }
  .s-met,
  .s-ready {
    color: var(--_met-fg);
    background: var(--_met-bg);
  }
  .s-attested {
    color: var(--_attested-fg);
    background: var(--_attested-bg);
  }
  .s-missing,
  .s-incomplete {
    color: var(--_missing-fg);
    background: var(--_missing-bg);
  }
  .s-not-met,
  .s-not-billable {
    color: var(--_notmet-fg);
    background: var(--_notmet-bg);
  }
  .s-not-applicable {
    color: var(--_na-fg);
    background: var(--_na-bg);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  dl.fields {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.1rem 0.75rem;
    margin: 0.25rem 0;
  }
  dl.fields dt {
    color: var(--_muted);
  }
  dl.fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media print {
    :host {
      font-size: 8.5pt;
      line-height: 1.3;
      color: #000;
    }
    .evidence dl.fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.6rem;
      margin: 0;
    }
    .evidence dl.fields dt {
      display: none;
    }
    button,
    dialog,
    .no-print {
      display: none !important;
    }
    details > summary {
      list-style: none;
    }
    details::details-content {
      content-visibility: visible;
      display: contents;
    }
  }
`;
