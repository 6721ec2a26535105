import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TypeProgress } from '../fhir/load-result.ts';
import { readCountText, readStateText, screenText } from './strings.ts';

/** Per-type load progress: what is loading, done, not available on this server, or failed. */
@customElement('load-progress')
export class LoadProgress extends LitElement {
  static override styles = css`
    :host { display: block; }
    h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
    ul { list-style: none; padding: 0; margin: 0; columns: 16rem auto; }
    li { padding: 0.15rem 0; break-inside: avoid; }
    .failed { color: #7a1c20; font-weight: 600; }
    .unavailable, .skipped { color: #555; }
  `;

  /** One entry per read type. */
  @property({ attribute: false }) progress: readonly TypeProgress[] = [];

  override render() {
    const busy = this.progress.some((item) => item.state === 'loading');
    return html`<h3>${screenText.loadProgressHeading}</h3>
      <ul aria-busy=${busy ? 'true' : 'false'}>
        ${this.progress.map(
          (item) => html`<li class=${item.state}>
            <strong>${item.resourceType}</strong>: ${readStateText(item.state)}${
              item.state === 'done' || (item.state === 'loading' && item.count > 0)
                ? `, ${readCountText(item.count, item.pages, item.truncated)}`
                : ''
            }
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'load-progress': LoadProgress;
  }
}
