/** Shared look of the review elements, on top of the workflow theme (colours as custom properties). */
import { css } from 'lit';

/** Section, table, verdict and state styles. Status is always carried by text as well as colour. */
export const reviewStyles = css`
  h2 { font-size: 1.1rem; margin: 1rem 0 0.4rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
  th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--_border);
    overflow-wrap: anywhere; }
  th { background: var(--_surface); font-weight: 600; }
  .path, .ref { font-family: ui-monospace, monospace; font-size: 0.9rem; }
  .ok { color: var(--_met-fg); }
  .bad { color: var(--_notmet-fg); font-weight: 600; }
  .verdict { padding: 0.6rem 0.8rem; border-radius: var(--_radius); border: 1px solid var(--_border); }
  .verdict.consistent { background: var(--_met-bg); color: var(--_met-fg); }
  .verdict.inconsistent { background: var(--_missing-bg); color: var(--_missing-fg); }
  .verdict.invalid { background: var(--_notmet-bg); color: var(--_notmet-fg); }
  .verdict strong { font-size: 1.1rem; }
  ul { margin: 0.3rem 0; padding-left: 1.3rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0.3rem 0; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .reason { display: block; color: var(--_muted); font-size: 0.85rem; }
  .drafts h3 { font-size: 1rem; margin: 0.6rem 0 0.2rem; }
  .drafts ul { list-style: none; padding: 0; }
  .drafts li { margin: 0.3rem 0; }
`;
