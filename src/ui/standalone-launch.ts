import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SandboxConfig } from '../config/app-config.ts';
import { launchPageText } from './strings.ts';

/** Detail of the `launch-request` event. */
export interface LaunchRequest {
  readonly sandbox: SandboxConfig;
  /** Only for open servers. */
  readonly patientId?: string;
}

/**
 * The standalone launch form: pick a configured server (and, for an open server, a patient id).
 * @fires launch-request - CustomEvent<LaunchRequest> when the user presses Launch
 */
@customElement('standalone-launch')
export class StandaloneLaunch extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 40rem; }
    fieldset { border: 1px solid #bbb; border-radius: 6px; padding: 0.75rem 1rem; }
    label { display: block; margin: 0.4rem 0; }
    .description { color: #444; font-size: 0.9rem; margin-left: 1.6rem; }
    input[type='text'] { font: inherit; padding: 0.3rem; width: 20rem; max-width: 100%; }
    button { font: inherit; margin-top: 0.75rem; padding: 0.4rem 1.2rem; }
  `;

  /** The configured servers to offer. */
  @property({ attribute: false }) sandboxes: readonly SandboxConfig[] = [];
  /** True while the app is redirecting; disables the form. */
  @property({ type: Boolean }) busy = false;

  @state() private selected = 0;
  @state() private patientId = '';

  private submit(event: Event): void {
    event.preventDefault();
    const sandbox = this.sandboxes[this.selected];
    if (!sandbox) {
      return;
    }
    const detail: LaunchRequest =
      sandbox.kind === 'open' ? { sandbox, patientId: this.patientId.trim() } : { sandbox };
    this.dispatchEvent(new CustomEvent('launch-request', { detail, bubbles: true, composed: true }));
  }

  override render() {
    const chosen = this.sandboxes[this.selected];
    return html`<form @submit=${this.submit}>
      <fieldset ?disabled=${this.busy}>
        <legend>${launchPageText.serverLabel}</legend>
        ${this.sandboxes.map(
          (sandbox, index) => html`<label>
              <input
                type="radio"
                name="server"
                .checked=${index === this.selected}
                @change=${() => {
                  this.selected = index;
                }}
              />
              ${sandbox.name} <code>${sandbox.url}</code>
            </label>
            ${sandbox.description ? html`<div class="description">${sandbox.description}</div>` : nothing}`,
        )}
        ${
          chosen?.kind === 'open'
            ? html`<label>
              ${launchPageText.patientIdLabel}
              <input
                type="text"
                required
                autocomplete="off"
                .value=${this.patientId}
                @input=${(event: Event) => {
                  this.patientId = (event.target as HTMLInputElement).value;
                }}
              />
            </label>`
            : nothing
        }
        <button type="submit">${launchPageText.launchButton}</button>
      </fieldset>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'standalone-launch': StandaloneLaunch;
  }
}
