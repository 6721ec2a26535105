import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LoadedRecord } from '../fhir/load-result.ts';
import './care-plan-list.ts';
import './condition-list.ts';
import './coverage-list.ts';
import './data-notes.ts';
import './load-progress.ts';
import './medication-list.ts';
import './patient-banner.ts';
import { screenText } from './strings.ts';

/**
 * The loaded record at a glance: patient banner (unless the EHR shows its own), conditions, medications
 * with their source, care plans, coverage, the data notes and the per-type load summary.
 */
@customElement('record-overview')
export class RecordOverview extends LitElement {
  static override styles = css`
    :host { display: block; }
    .content { padding: 0 1rem 1rem; }
  `;

  /** The finished load. */
  @property({ attribute: false }) loaded?: LoadedRecord;
  /** Leave out the banner and the data notes (the shell shows them above the workflow). */
  @property({ type: Boolean }) compact = false;

  private unread(resourceType: string): boolean {
    const state = this.loaded?.progress.find((item) => item.resourceType === resourceType)?.state;
    return state === 'failed' || state === 'unavailable';
  }

  override render() {
    const loaded = this.loaded;
    if (!loaded) {
      return nothing;
    }
    const record = loaded.record;
    return html`${record && loaded.needPatientBanner && !this.compact ? html`<patient-banner .patient=${record.patient}></patient-banner>` : nothing}
      <div class="content">
        ${this.compact ? nothing : html`<data-notes .notes=${loaded.notes}></data-notes>`}
        ${
          record
            ? html`<condition-list .conditions=${record.conditions} ?unread=${this.unread('Condition')}></condition-list>
              <medication-list .medications=${record.medications} .source=${record.medicationSource}></medication-list>
              <care-plan-list .carePlans=${record.carePlans} ?unread=${this.unread('CarePlan')}></care-plan-list>
              <coverage-list
                .coverages=${record.coverages}
                .organizations=${record.organizations}
                ?unread=${this.unread('Coverage')}
              ></coverage-list>`
            : html`<p>${screenText.noRecord}</p>`
        }
        <load-progress .progress=${loaded.progress}></load-progress>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'record-overview': RecordOverview;
  }
}
