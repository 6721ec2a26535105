import { css } from 'lit';

/** Shared look of the record tables. */
export const tableStyles = css`
  :host { display: block; }
  h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
  th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd;
    overflow-wrap: anywhere; }
  th { background: #f4f4f4; font-weight: 600; }
  .codes { font-family: ui-monospace, monospace; font-size: 0.85rem; color: #333; }
  .note { color: #444; margin: 0.3rem 0; }
`;
