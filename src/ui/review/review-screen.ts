import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { BUILTIN_POLICIES } from '../../domain/builtin-policies.ts';
import type { PayerPolicy } from '../../domain/policy.ts';
import {
  bundleEntries,
  bundleSource,
  combineSources,
  type DraftInput,
  draftsFromJson,
  type EvidenceSource,
  type FhirReader,
  findPatientDrafts,
  type PatientDrafts,
  reviewDraft,
  serverSource,
} from '../../review/index.ts';
import type { ReviewReport } from '../../review/types.ts';
import type { R4Validator } from '../../validate/r4.ts';
import { baseStyles } from '../workflow/theme.ts';
import { loadBrowserValidator } from './browser-validator.ts';
import type { OpenFileDetail, OpenReferenceDetail } from './events.ts';
import './review-opener.ts';
import './review-report.ts';
import { reviewText } from '../strings.ts';
import { reviewStyles } from './review-styles.ts';

/** What the review screen needs from outside; the app shell passes the server reader, tests pass fakes. */
export interface ReviewServices {
  /** GET relative to the FHIR base, when there is a server connection (the shell builds it from the session). */
  readonly reader?: FhirReader;
  /** Loads the R4 validator (heavy: fetched on first use). */
  loadValidator(): Promise<R4Validator>;
  readonly policies: readonly PayerPolicy[];
}

/** Browser defaults: no server (files only), definitions fetched as assets, the shipped policies. */
export const fileOnlyServices: ReviewServices = {
  loadValidator: loadBrowserValidator,
  policies: BUILTIN_POLICIES,
};

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly message: string }
  | { readonly kind: 'done'; readonly reports: readonly ReviewReport[] }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The payer review screen (loaded lazily: it brings the validator). Opens a Claim or ChargeItem from the
 * server or a file, reviews it, and shows each report. Listens for `open-reference` and `open-file` from
 * `<review-opener>`. With a server and a `patient`, it lists that patient's drafts on the server to open.
 */
@customElement('review-screen')
export class ReviewScreen extends LitElement {
  static override styles = [baseStyles, reviewStyles];

  /** Replaceable for tests and for the shell's server connection. */
  @property({ attribute: false }) services: ReviewServices = fileOnlyServices;

  /** The patient in context (id): their ChargeItems and Claims on the server are offered for review. */
  @property() patient?: string;

  @state() private phase: Phase = { kind: 'idle' };
  /** The patient's drafts on the server: undefined until searched, 'searching' meanwhile. */
  @state() private drafts?: PatientDrafts | 'searching';
  private searchedFor?: string;

  private generation = 0;

  constructor() {
    super();
    this.addEventListener('open-reference', (e) => {
      void this.openReference((e as CustomEvent<OpenReferenceDetail>).detail.reference);
    });
    this.addEventListener('open-file', (e) => {
      void this.openFile((e as CustomEvent<OpenFileDetail>).detail);
    });
  }

  private async run(
    drafts: readonly DraftInput[],
    source: EvidenceSource,
    generation: number,
  ): Promise<void> {
    this.phase = { kind: 'working', message: reviewText.loadingValidator };
    const validator = await this.services.loadValidator();
    if (generation !== this.generation) {
      return;
    }
    this.phase = { kind: 'working', message: reviewText.reviewing };
    const reports: ReviewReport[] = [];
    for (const draft of drafts) {
      reports.push(
        await reviewDraft(draft, {
          validate: (r) => validator.validate(r),
          source,
          policies: this.services.policies,
        }),
      );
    }
    if (generation === this.generation) {
      this.phase = { kind: 'done', reports };
    }
  }

  private async guarded(work: (generation: number) => Promise<void>): Promise<void> {
    const generation = ++this.generation;
    try {
      await work(generation);
    } catch (error) {
      if (generation === this.generation) {
        const detail = error instanceof Error ? error.message : '';
        this.phase = { kind: 'failed', message: `${reviewText.failed} ${detail}`.trim() };
      }
    }
  }

  /** Opens `Claim/id` or `ChargeItem/id` from the server and reviews it against the server's evidence. */
  async openReference(reference: string): Promise<void> {
    const reader = this.services.reader;
    if (reader === undefined) {
      this.phase = { kind: 'failed', message: reviewText.noServer };
      return;
    }
    await this.guarded(async (generation) => {
      this.phase = { kind: 'working', message: reviewText.reviewing };
      const source = serverSource(reader);
      const read = await source.read(reference);
      if (!read.found) {
        this.phase = {
          kind: 'failed',
          message: reviewText.notFoundOnServer(reference, read.detail ?? read.reason),
        };
        return;
      }
      await this.run([{ resource: read.resource }], source, generation);
    });
  }

  /** Reviews the drafts in a file, resolving evidence from the file first and then from the server. */
  async openFile(file: OpenFileDetail): Promise<void> {
    await this.guarded(async (generation) => {
      let json: unknown;
      try {
        json = JSON.parse(file.text);
      } catch {
        this.phase = { kind: 'failed', message: reviewText.fileNotJson };
        return;
      }
      const found = draftsFromJson(json);
      if (!found.ok) {
        this.phase = { kind: 'failed', message: `${reviewText.fileUnreadable} ${found.problem}.` };
        return;
      }
      const fromFile = bundleSource(bundleEntries(json));
      const reader = this.services.reader;
      const source = reader === undefined ? fromFile : combineSources(fromFile, serverSource(reader));
      await this.run(found.drafts, source, generation);
    });
  }

  override updated(): void {
    const reader = this.services.reader;
    if (reader !== undefined && this.patient !== undefined && this.searchedFor !== this.patient) {
      const patient = this.patient;
      this.searchedFor = patient;
      this.drafts = 'searching';
      void findPatientDrafts(reader, patient).then((found) => {
        if (this.searchedFor === patient) {
          this.drafts = found;
        }
      });
    }
  }

  private renderDrafts() {
    const drafts = this.drafts;
    if (drafts === undefined) {
      return html``;
    }
    if (drafts === 'searching') {
      return html`<p role="status">${reviewText.searchingDrafts}</p>`;
    }
    const busy = this.phase.kind === 'working';
    return html`<section aria-labelledby="drafts-h" class="drafts">
      <h3 id="drafts-h">${reviewText.patientDrafts}</h3>
      ${
        drafts.drafts.length === 0
          ? html`<p>${reviewText.noDrafts}</p>`
          : html`<ul>
            ${drafts.drafts.map(
              (d) => html`<li>
                <button type="button" ?disabled=${busy} @click=${() => void this.openReference(d.reference)}>
                  ${reviewText.reviewDraft(d.reference)}
                </button>
                <span class="reason">${reviewText.draftDetails(d.status, d.start, d.end)}</span>
              </li>`,
            )}
          </ul>`
      }
      ${
        drafts.unsearched.length > 0
          ? html`<p class="bad">${reviewText.draftsUnsearched(drafts.unsearched.join(' and '))}</p>`
          : ''
      }
    </section>`;
  }

  private renderPhase() {
    const phase = this.phase;
    switch (phase.kind) {
      case 'idle':
        return html``;
      case 'working':
        return html`<p role="status">${phase.message}</p>`;
      case 'failed':
        return html`<p role="alert" class="bad">${phase.message}</p>`;
      case 'done':
        return phase.reports.map((r) => html`<review-report .report=${r}></review-report>`);
    }
  }

  override render() {
    return html`<section aria-labelledby="review-h">
      <h2 id="review-h">${reviewText.title}</h2>
      <p>${reviewText.intro}</p>
      ${this.renderDrafts()}
      <review-opener
        .canReadServer=${this.services.reader !== undefined}
        .busy=${this.phase.kind === 'working'}
      ></review-opener>
      ${this.renderPhase()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-screen': ReviewScreen;
  }
}
