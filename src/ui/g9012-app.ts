import FHIR from 'fhirclient';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppConfig } from '../config/app-config.ts';
import { loadConfig } from '../config/load-config.ts';
import type { DraftKind } from '../domain/draft/types.ts';
import { type LoadOptions, loadPatientRecord } from '../fhir/load-record.ts';
import { type LoadedRecord, type TypeProgress, transientReadFailures } from '../fhir/load-result.ts';
import type { FhirSession } from '../fhir/session.ts';
import { completeLaunch } from '../fhir/smart-ready.ts';
import { type FhirHttp, sessionFhirHttp } from '../fhir/write/fhir-http.ts';
import type { ScopeStyle } from '../fhir/write/write-error.ts';
import { planDraftWrite } from '../fhir/write/write-plan.ts';
import type { FhirReader } from '../review/server-source.ts';
import type { R4Validator } from '../validate/r4.ts';
import type { WorkflowServices } from './case-workflow.ts';
import { localDay } from './local-day.ts';
import { styleProperties } from './smart-style.ts';
import './error-notice.ts';
import './load-progress.ts';
import { describeError, screenText, workflowText, writeBlockedText } from './strings.ts';

/** What the shell needs from the outside world; tests hand in fakes. */
export interface ShellServices {
  loadConfig(): Promise<AppConfig>;
  completeLaunch(): Promise<FhirSession>;
  loadRecord(session: FhirSession, config: AppConfig, options: LoadOptions): Promise<LoadedRecord>;
  /** The clock (today's date and attestation times); default `new Date()`. */
  now?(): Date;
  /** Draft uuids; default `crypto.randomUUID()`. */
  uuid?(): string;
  /** Where unsaved work is kept; default `sessionStorage`. */
  storage?(): Storage | undefined;
  /** The R4 validator; default the browser validator, loaded by dynamic import on first use. */
  loadValidator?(): Promise<R4Validator>;
  /** HTTP to the launching server; default `sessionFhirHttp(session)`. */
  fhirHttp?(session: FhirSession): FhirHttp;
  /** The fetch for the configured separate write target (never sent the EHR's token); default `fetch`. */
  writeTargetFetch?: typeof fetch;
  /** Clipboard; default `navigator.clipboard.writeText`. */
  copy?(text: string): Promise<void>;
  /** File download; default a Blob and a temporary `<a download>`. */
  download?(fileName: string, text: string): void;
}

/** The validator stays out of the initial bundle: its module and definitions load on first use. */
function loadValidatorLazily(): Promise<R4Validator> {
  return import('./review/browser-validator.ts').then((module) => module.loadBrowserValidator());
}

function sessionStorageOrNone(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function downloadFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/fhir+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
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
    .after { padding: 0 1rem 1rem; display: grid; gap: 0.75rem; }
    details > summary { cursor: pointer; padding: 0.25rem 0; font-weight: 600; }
    summary:focus-visible { outline: 3px solid #b3470b; outline-offset: 2px; }
    .notes { padding: 0 1rem; }
    .review-first { padding: 0 1rem; border-bottom: 1px solid #c9d3e0; }
    @media print { review-launcher, .details { display: none; } }
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
    // Everything shown once the record is loaded (the workflow with the domain and draft builders, the
    // record tables, the review launcher) is fetched while the record loads, so the first screen (launch
    // progress) needs only the shell's JS.
    const views = Promise.all([
      import('./case-workflow.ts'),
      import('./record-overview.ts'),
      import('./review/review-launcher.ts'),
      import('./data-notes.ts'),
      import('./patient-banner.ts'),
    ]);
    // Observed here so a failed fetch is reported once, by the await below, not as an unhandled rejection.
    views.catch(() => undefined);
    try {
      const config = await this.services.loadConfig();
      this.config = config;
      const session = await this.services.completeLaunch();
      this.session = session;
      this.applyStyle(session.styleUrl);
      this.phase = 'loading';
      this.loaded = await this.services.loadRecord(session, config, {
        onProgress: (progress) => {
          this.progress = progress;
        },
      });
      await views;
      this.phase = 'ready';
      this.dispatchEvent(
        new CustomEvent('record-loaded', { detail: this.loaded, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.error = error;
      this.phase = 'failed';
    }
  }

  /** Applies the EHR's smart_style_url colours; a style that cannot be read leaves the defaults. */
  private applyStyle(url: string | undefined): void {
    if (!url || !/^https?:\/\//.test(url)) {
      return;
    }
    void fetch(url)
      .then((response) => (response.ok ? response.json() : undefined))
      .then((style: unknown) => {
        for (const [property, value] of Object.entries(styleProperties(style))) {
          this.style.setProperty(property, value);
        }
      })
      .catch(() => undefined);
  }

  /**
   * Why each draft kind cannot be written on the launching server (from scopes and capability), or, while a
   * read failed for a reason a reload may fix, why no draft should be written from this partial record.
   */
  private writeBlocked(loaded: LoadedRecord, session: FhirSession): Partial<Record<DraftKind, string>> {
    const blocked: Partial<Record<DraftKind, string>> = {};
    const unread = transientReadFailures(loaded.notes)[0];
    const unreadText = unread ? describeError(unread.error) : undefined;
    for (const kind of ['chargeitem', 'claim'] as const) {
      if (unreadText) {
        blocked[kind] = `${unreadText.title}. ${unreadText.detail} ${unreadText.nextStep}`;
      }
      const plan = planDraftWrite({
        kind,
        capability: loaded.capability,
        grantedScopes: session.grantedScopes,
        authorized: session.authorized,
        scopeStyle: this.scopeStyle(),
        ...(this.config?.writeTarget ? { writeTarget: this.config.writeTarget } : {}),
      });
      if (plan.where === 'elsewhere') {
        blocked[kind] = writeBlockedText(
          plan.reason,
          plan.missingScopes,
          plan.notCreatable,
          unreadText ? undefined : this.config?.writeTarget?.name,
        );
      }
    }
    return blocked;
  }

  private scopeStyle(): ScopeStyle {
    const scopes = this.config?.scopes;
    return scopes ? { context: scopes.write, syntax: scopes.syntax } : {};
  }

  /**
   * The configured separate write target, as the workflow sees it: its name and where a written resource opens.
   * None while a read failed for a reason a reload may fix: no draft goes anywhere from a partial record.
   */
  private writeTarget(loaded: LoadedRecord) {
    const target = transientReadFailures(loaded.notes).length > 0 ? undefined : this.config?.writeTarget;
    const base = target?.url.replace(/\/+$/, '');
    return target ? { name: target.name, linkFor: (location: string) => `${base}/${location}` } : undefined;
  }

  private http(session: FhirSession): FhirHttp {
    return this.services.fhirHttp?.(session) ?? sessionFhirHttp(session);
  }

  /** What the workflow needs, built once per session: it never sees the session or its token. */
  private workflowServices(loaded: LoadedRecord, session: FhirSession): WorkflowServices {
    const services = this.services;
    const http = this.http(session);
    const target = this.config?.writeTarget;
    const targetFetch = services.writeTargetFetch;
    return {
      now: () => services.now?.() ?? new Date(),
      uuid: () => services.uuid?.() ?? crypto.randomUUID(),
      storage: services.storage ? services.storage() : sessionStorageOrNone(),
      loadValidator: () => services.loadValidator?.() ?? loadValidatorLazily(),
      copy: (text) => services.copy?.(text) ?? navigator.clipboard.writeText(text),
      download: (fileName, text) =>
        services.download ? services.download(fileName, text) : downloadFile(fileName, text),
      write: (draft, validator) => {
        const plan = planDraftWrite({
          kind: draft.kind,
          capability: loaded.capability,
          grantedScopes: session.grantedScopes,
          authorized: session.authorized,
          scopeStyle: this.scopeStyle(),
        });
        const mode = plan.where === 'server' ? plan.mode : 'transaction';
        const scopeStyle = this.scopeStyle();
        // The writer is its own chunk: it is only needed when the user presses Write.
        return import('../fhir/write/write-draft.ts').then(({ writeDraft }) =>
          writeDraft(http, draft, { validator, mode, scopeStyle }),
        );
      },
      // Another server: it gets the URL and the EHR base, never the session or its token.
      ...(target
        ? {
            writeToTarget: (draft, validator) =>
              import('../fhir/write/write-to-target.ts').then(({ writeDraftToTarget }) =>
                writeDraftToTarget(target, draft, {
                  validator,
                  ehrBase: session.serverUrl,
                  ...(targetFetch ? { fetch: targetFetch } : {}),
                }),
              ),
          }
        : {}),
    };
  }

  private reader(session: FhirSession): FhirReader {
    const http = this.http(session);
    return async (path) => {
      const response = await http('GET', path, undefined, {});
      return { status: response.status, body: response.body };
    };
  }

  private cached?: {
    loaded: LoadedRecord;
    services: WorkflowServices;
    reader: FhirReader;
    writeBlocked: Partial<Record<DraftKind, string>>;
    writeTarget: ReturnType<G9012App['writeTarget']>;
    asOf: string;
  };

  private wiring(loaded: LoadedRecord, session: FhirSession) {
    if (this.cached?.loaded !== loaded) {
      this.cached = {
        loaded,
        services: this.workflowServices(loaded, session),
        reader: this.reader(session),
        writeBlocked: this.writeBlocked(loaded, session),
        writeTarget: this.writeTarget(loaded),
        asOf: localDay(this.services.now?.() ?? new Date()),
      };
    }
    return this.cached;
  }

  /** The screen once the record is loaded: banner and data notes, the G9012 workflow, then the details. */
  protected renderLoaded(loaded: LoadedRecord) {
    const record = loaded.record;
    const session = this.session;
    if (!record || !session) {
      return html`<record-overview .loaded=${loaded}></record-overview>`;
    }
    const wiring = this.wiring(loaded, session);
    const serverUrl = session.serverUrl;
    const notable = loaded.notes.some((note) => note.kind !== 'medication-source');
    const notes = html`<data-notes .notes=${loaded.notes}></data-notes>`;
    // An EHR that launches with intent "review" (the sandbox's "Payer review of drafts") wants the review first.
    const reviewFirst = session.intent === 'review';
    const review = html`<section aria-label=${workflowText.reviewHeading} class=${reviewFirst ? 'review-first' : ''}>
      <review-launcher .reader=${wiring.reader} .patient=${session.patientId} ?open=${reviewFirst}></review-launcher>
    </section>`;
    return html`${loaded.needPatientBanner ? html`<patient-banner .patient=${record.patient}></patient-banner>` : nothing}
      ${notable ? html`<div class="notes">${notes}</div>` : nothing}
      ${reviewFirst ? review : nothing}
      <case-workflow
        .record=${record}
        .asOf=${wiring.asOf}
        .launchEncounter=${session.encounterId}
        .user=${session.fhirUser}
        .serverUrl=${serverUrl}
        .writeBlocked=${wiring.writeBlocked}
        .linkFor=${(location: string) => `${serverUrl}/${location}`}
        .writeTarget=${wiring.writeTarget}
        .services=${wiring.services}
      ></case-workflow>
      <div class="after">
        ${reviewFirst ? nothing : review}
        <details class="details">
          <summary>${workflowText.recordDetails}</summary>
          ${notable ? nothing : notes}
          <record-overview compact .loaded=${loaded}></record-overview>
        </details>
      </div>`;
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
