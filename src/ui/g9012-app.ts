import FHIR from 'fhirclient';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppConfig } from '../config/app-config.ts';
import { loadConfig } from '../config/load-config.ts';
import { type LoadOptions, loadPatientRecord } from '../fhir/load-record.ts';
import type { LoadedRecord, TypeProgress } from '../fhir/load-result.ts';
import type { FhirSession } from '../fhir/session.ts';
import { completeLaunch } from '../fhir/smart-ready.ts';
import './error-notice.ts';
import './load-progress.ts';
import './record-overview.ts';
import { screenText } from './strings.ts';

/** What the shell needs from the outside world; tests hand in fakes. */
export interface ShellServices {
  loadConfig(): Promise<AppConfig>;
  completeLaunch(): Promise<FhirSession>;
  loadRecord(session: FhirSession, config: AppConfig, options: LoadOptions): Promise<LoadedRecord>;
}

/** The real services: fhirclient in this window, `app-config.json` beside `index.html`. */
export function browserServices(): ShellServices {
  return {
    loadConfig: () => loadConfig(new URL('./', window.location.href)),
    completeLaunch: () => completeLaunch(FHIR.oauth2, window),
    loadRecord: loadPatientRecord,
  };
}

type Phase = 'connecting' | 'loading' | 'ready' | 'failed';

/**
 * The app shell, and the only element that calls `src/fhir`: it finishes the SMART launch, loads the
 * record with per-type progress, and renders the views. Workflow panels (the G9012 evaluation, drafts)
 * go in `renderLoaded()`, receiving `loaded.record` (and `loaded.write`) as properties and sending user
 * actions up as events, which the shell handles with `this.session` and `this.config`.
 * @fires record-loaded - CustomEvent<LoadedRecord> once the record is loaded
 */
@customElement('g9012-app')
export class G9012App extends LitElement {
  static override styles = css`
    :host { display: block; font-family: system-ui, sans-serif; color: #1b1b1b; line-height: 1.4; }
    header { background: #2b5797; color: white; padding: 0.5rem 1rem; }
    h1 { margin: 0; font-size: 1.2rem; }
    .status { padding: 1rem; }
  `;

  /** Replaceable for tests; defaults to fhirclient and the browser. */
  @property({ attribute: false }) services: ShellServices = browserServices();

  @state() private phase: Phase = 'connecting';
  @state() private progress: readonly TypeProgress[] = [];
  @state() private loaded?: LoadedRecord;
  @state() private error: unknown;

  /** The validated configuration, once read (for workflow code: write target, scopes). */
  protected config?: AppConfig;
  /** The SMART session, once the launch completed (for workflow code that writes drafts). */
  protected session?: FhirSession;
  private started = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.started) {
      this.started = true;
      void this.start();
    }
  }

  private async start(): Promise<void> {
    try {
      const config = await this.services.loadConfig();
      this.config = config;
      const session = await this.services.completeLaunch();
      this.session = session;
      this.phase = 'loading';
      this.loaded = await this.services.loadRecord(session, config, {
        onProgress: (progress) => {
          this.progress = progress;
        },
      });
      this.phase = 'ready';
      this.dispatchEvent(
        new CustomEvent('record-loaded', { detail: this.loaded, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.error = error;
      this.phase = 'failed';
    }
  }

  /** The screen once the record is loaded. Add workflow panels here. */
  protected renderLoaded(loaded: LoadedRecord) {
    return html`<record-overview .loaded=${loaded}></record-overview>`;
  }

  private renderBody() {
    switch (this.phase) {
      case 'connecting':
        return html`<p class="status" role="status">${screenText.connecting}</p>`;
      case 'loading':
        return html`<div class="status">
          <p role="status">${screenText.loadingRecord}</p>
          <load-progress .progress=${this.progress}></load-progress>
        </div>`;
      case 'ready':
        return this.loaded ? this.renderLoaded(this.loaded) : html``;
      case 'failed':
        return html`<div class="status"><error-notice .error=${this.error}></error-notice></div>`;
    }
  }

  override render() {
    return html`<header><h1>${screenText.appTitle}</h1></header>
      <main>${this.renderBody()}</main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'g9012-app': G9012App;
  }
}
