import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { BUILTIN_POLICIES } from '../domain/builtin-policies.ts';
import { withAbsoluteReferences } from '../domain/draft/absolute-references.ts';
import { type BuiltDraft, buildDraft, buildDraftResource } from '../domain/draft/build-draft.ts';
import { buildDownloadBundle } from '../domain/draft/bundles.ts';
import type { DraftChoices, DraftKind, DraftRefusal } from '../domain/draft/types.ts';
import { evaluate } from '../domain/evaluate.ts';
import type { Evaluation, EvaluationPeriod } from '../domain/evaluation.ts';
import { selectPolicy } from '../domain/payer-match.ts';
import type { PayerPolicy } from '../domain/policy.ts';
import type { PatientRecord } from '../domain/record.ts';
import { indexRecord } from '../domain/record-index.ts';
import type { WriteOutcome } from '../fhir/write/write-draft.ts';
import type { WriteError } from '../fhir/write/write-error.ts';
import type { R4Validator } from '../validate/r4.ts';
import { APP_INFO } from './app-info.ts';
import {
  clearWork,
  defaultPeriod,
  downloadFileName,
  emptyWork,
  foundDraftOf,
  payerChoiceFor,
  readWork,
  storeWork,
  type UnsavedWork,
  workIsWritten,
  workKey,
} from './draft-session.ts';
import {
  type ErrorText,
  targetWriteErrorText,
  validatorUnavailableText,
  workflowText,
  writeErrorText,
} from './strings.ts';
import './workflow/activity-timeline.ts';
import './workflow/code-fit-callout.ts';
import type { CriteriaList } from './workflow/criteria-list.ts';
import './workflow/criteria-list.ts';
import type { DraftIssue, WriteResult } from './workflow/draft-panel.ts';
import './workflow/draft-panel.ts';
import type {
  AttestDetail,
  ChooseDraftKindDetail,
  ChoosePosDetail,
  ConfirmCodeDetail,
  ConfirmDiagnosisDetail,
  DraftActionDetail,
  PayerChangeDetail,
  PeriodChangeDetail,
  RequestModifierDetail,
  ShowEvidenceDetail,
} from './workflow/events.ts';
import type { PayerChoiceReason } from './workflow/period-controls.ts';
import './workflow/period-controls.ts';
import './workflow/readiness-summary.ts';

/** What the workflow needs from outside: the clock, uuids, storage, the validator and the writer. */
export interface WorkflowServices {
  now(): Date;
  uuid(): string;
  /** Where unsaved work is kept (sessionStorage); absent = not kept. */
  readonly storage?: Storage;
  /** The R4 validator, loaded lazily (a dynamic import) on first use. */
  loadValidator(): Promise<R4Validator>;
  /** Writes a built draft where the shell's write plan says; never throws. */
  write(draft: BuiltDraft, validator: R4Validator): Promise<WriteOutcome>;
  /**
   * Writes a built draft to the configured separate write target, with its references made absolute against
   * the EHR and no credentials; absent when no target is configured. Never throws.
   */
  writeToTarget?(draft: BuiltDraft, validator: R4Validator): Promise<WriteOutcome>;
  /** Copies text to the clipboard. */
  copy(text: string): Promise<void>;
  /** Offers a file for download. */
  download(fileName: string, text: string): void;
}

const POLICY_OPTIONS = BUILTIN_POLICIES.map(({ id, name }) => ({ id, name }));

function errorResult(text: ErrorText): WriteResult {
  return { ok: false, ...text };
}

/**
 * The G9012 case workflow: evaluation state for one patient (period, payer, attestations, confirmations,
 * draft choices), re-evaluated on every user event (pure and local), the draft built with the pure builders,
 * validated lazily, and written only on an explicit Write. Unsaved work is kept in sessionStorage per
 * patient and period. It never talks to the network itself: the shell hands in `services.write`.
 */
@customElement('case-workflow')
export class CaseWorkflow extends LitElement {
  static override styles = css`
    :host { display: block; }
    .grid {
      display: grid;
      gap: 0.75rem;
      padding: 0.75rem 1rem;
      grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr);
      grid-template-rows: repeat(5, auto) 1fr;
      grid-template-areas:
        'controls draft'
        'summary draft'
        'codefit draft'
        'criteria draft'
        'timeline draft'
        'work draft';
      align-items: start;
    }
    @media (min-width: 1360px) {
      /* Wide screens: readiness, criteria and draft side by side, so at 1440×900 all three are in view. */
      .grid {
        grid-template-columns: minmax(0, 0.8fr) minmax(0, 1.75fr) minmax(0, 1fr);
        grid-template-rows: auto auto 1fr auto auto;
        grid-template-areas:
          'controls criteria draft'
          'summary criteria draft'
          'codefit criteria draft'
          'timeline timeline draft'
          'work work draft';
      }
    }
    @media (min-width: 1024px) {
      /*
       * The draft stays in view while the criteria scroll, so Write is always one Tab away; its height leaves
       * room for the app header and patient banner, so its Write bar (sticky at its foot) shows on load.
       */
      .draft { position: sticky; top: 0; max-height: calc(100vh - 7.5rem); overflow: auto; }
    }
    @media (max-width: 1023px) {
      .grid {
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: none;
        grid-template-areas: 'controls' 'summary' 'codefit' 'criteria' 'timeline' 'draft' 'work';
      }
    }
    .controls { grid-area: controls; }
    .summary { grid-area: summary; }
    .codefit { grid-area: codefit; }
    .criteria { grid-area: criteria; }
    .timeline { grid-area: timeline; }
    .draft { grid-area: draft; }
    .work {
      grid-area: work;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      font-size: 0.875rem;
      color: #4a4d55;
    }
    .work p { margin: 0; }
    .message { font-weight: 600; color: #1b1b1f; }
    button {
      font: inherit;
      padding: 0.25rem 0.75rem;
      border: 1px solid #8a8f98;
      border-radius: 6px;
      background: #fff;
      color: #1b1b1f;
      cursor: pointer;
    }
    button:focus-visible { outline: 3px solid #b3470b; outline-offset: 2px; }
    .problem { padding: 1rem; }
    @media print {
      .work { display: none; }
      .grid { display: block; }
    }
  `;

  /** The patient's record (with `user` = the signed-in fhirUser when known). */
  @property({ attribute: false }) record?: PatientRecord;
  /** Today, `YYYY-MM-DD`, from the shell's clock. */
  @property({ attribute: false }) asOf?: string;
  /** The launch context's Encounter id, when the EHR gave one: the workflow opens on its month. */
  @property({ attribute: false }) launchEncounter?: string;
  /** The signed-in user as `Practitioner/id` (who attests); absent when the launch did not say. */
  @property({ attribute: false }) user?: string;
  /** The FHIR base the draft's references are made absolute against for download and copy. */
  @property({ attribute: false }) serverUrl = '';
  /** Why each kind cannot be written on the launching server; a kind without an entry can be written. */
  @property({ attribute: false }) writeBlocked: Partial<Record<DraftKind, string>> = {};
  /** Where the written resource can be opened, from its `Type/id` location. */
  @property({ attribute: false }) linkFor?: (location: string) => string | undefined;
  /** The configured separate write target (name, and where a resource written there can be opened), if any. */
  @property({ attribute: false }) writeTarget?: {
    readonly name: string;
    readonly linkFor: (location: string) => string | undefined;
  };
  @property({ attribute: false }) services?: WorkflowServices;

  @state() private period?: EvaluationPeriod;
  @state() private work: UnsavedWork = emptyWork();
  @state() private evaluation?: Evaluation;
  @state() private policy?: PayerPolicy;
  @state() private payerChoice?: PayerChoiceReason;
  @state() private built?: BuiltDraft | DraftRefusal;
  @state() private claimBlockedReason?: string;
  @state() private issues?: readonly DraftIssue[];
  @state() private writing = false;
  @state() private writeResult?: WriteResult;
  @state() private message?: string;
  @state() private problem?: string;

  @query('criteria-list') private criteriaList?: CriteriaList;

  /** The built package and the inputs it came from: kept as is (same uuids) while they do not change. */
  private buildInputs?: string;
  private ids?: { draft: string; provenance: string };
  private validation = 0;
  /** Drafts (`Type/id`) this tab wrote, or found with its own content: a later find of one is not another tab's. */
  private readonly writtenHere = new Set<string>();

  override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('record') || changed.has('asOf')) && this.record && this.asOf) {
      this.payerChoice = undefined;
      const encounter = this.record.encounters.find((e) => e.ref === `Encounter/${this.launchEncounter}`);
      this.period = defaultPeriod(this.asOf, encounter);
      this.restoreWork();
      this.recompute();
    }
  }

  /** The sessionStorage key of the current patient and period. */
  get storageKey(): string | undefined {
    return this.record && this.period ? workKey(this.record.patient.ref, this.period) : undefined;
  }

  private restoreWork(): void {
    const key = this.storageKey;
    const stored = key ? readWork(this.services?.storage, key) : undefined;
    this.work = stored ?? emptyWork();
    this.message = stored ? workflowText.restored : undefined;
  }

  private saveWork(): void {
    const key = this.storageKey;
    if (key) {
      storeWork(this.services?.storage, key, this.work);
    }
  }

  private nowIso(): string {
    return (this.services?.now() ?? new Date()).toISOString();
  }

  private by(): string {
    return this.user ?? this.record?.user ?? 'unknown user';
  }

  private choices(): DraftChoices {
    return {
      ...(this.work.placeOfService ? { placeOfService: this.work.placeOfService } : {}),
      ...(this.work.modifiers.length > 0 ? { modifierJustifications: this.work.modifiers } : {}),
    };
  }

  /** Re-evaluates and rebuilds the draft from the current state. Pure and local. */
  private recompute(): void {
    const { record, asOf, period } = this;
    if (!record || !asOf || !period) {
      return;
    }
    const index = indexRecord(record);
    const automatic = selectPolicy(record, index, BUILTIN_POLICIES);
    const selection = this.work.policyId
      ? (selectPolicy(record, index, BUILTIN_POLICIES, this.work.policyId) ?? automatic)
      : automatic;
    if (!selection) {
      this.problem = workflowText.noPolicy;
      this.evaluation = undefined;
      return;
    }
    this.payerChoice ??= payerChoiceFor(record, BUILTIN_POLICIES);
    try {
      this.evaluation = evaluate(record, {
        asOf,
        period,
        policy: selection.policy,
        payerMatch: selection.match,
        attestations: this.work.attestations,
        confirmations: { diagnoses: this.work.diagnoses, modifiers: this.work.modifiers },
      });
      this.problem = undefined;
    } catch {
      this.evaluation = undefined;
      this.problem = workflowText.evaluationFailed;
      return;
    }
    this.policy = selection.policy;
    this.rebuildDraft(this.evaluation, record, asOf);
  }

  private rebuildDraft(evaluation: Evaluation, record: PatientRecord, asOf: string): void {
    const choices = this.choices();
    const claim = buildDraftResource('claim', evaluation, record, choices, asOf);
    this.claimBlockedReason = !claim.ok && claim.offer === 'chargeitem' ? claim.reason : undefined;
    const kind = this.work.kind;
    const inputs = JSON.stringify([kind, evaluation, choices]);
    if (inputs === this.buildInputs && this.built) {
      return;
    }
    this.buildInputs = inputs;
    this.ids ??= {
      draft: this.services?.uuid() ?? crypto.randomUUID(),
      provenance: this.services?.uuid() ?? crypto.randomUUID(),
    };
    this.built = buildDraft({
      kind,
      evaluation,
      record,
      choices,
      asOf,
      recorded: this.nowIso(),
      ids: this.ids,
      app: APP_INFO,
    });
    this.writeResult = undefined;
    this.issues = undefined;
    void this.validate();
  }

  private async validate(): Promise<void> {
    const built = this.built;
    const services = this.services;
    const generation = ++this.validation;
    if (!built?.ok || !services) {
      return;
    }
    try {
      const validator = await services.loadValidator();
      if (generation === this.validation) {
        this.issues = [...validator.validate(built.resource), ...validator.validate(built.provenance)];
      }
    } catch {
      // Shown when the user writes; the panel keeps saying "not validated".
    }
  }

  private change(change: (work: UnsavedWork) => UnsavedWork): void {
    this.work = change(this.work);
    this.saveWork();
    this.message = undefined;
    this.recompute();
  }

  private onAttest = (event: Event): void => {
    const detail = (event as CustomEvent<AttestDetail | ConfirmCodeDetail>).detail;
    const attestation = {
      ...detail,
      by: this.by(),
      at: this.nowIso(),
    };
    this.change((work) => ({ ...work, attestations: [...work.attestations, attestation] }));
  };

  private onConfirmDiagnosis = (event: Event): void => {
    const detail = (event as CustomEvent<ConfirmDiagnosisDetail>).detail;
    this.change((work) => ({
      ...work,
      diagnoses: [
        ...work.diagnoses.filter((item) => item.condition !== detail.condition),
        ...(detail.confirmed
          ? [{ condition: detail.condition, code: detail.code, by: this.by(), at: this.nowIso() }]
          : []),
      ],
    }));
  };

  private onRequestModifier = (event: Event): void => {
    const detail = (event as CustomEvent<RequestModifierDetail>).detail;
    const modifiers = detail.justification.trim()
      ? [{ code: detail.code, justification: detail.justification, by: this.by(), at: this.nowIso() }]
      : [];
    this.change((work) => ({ ...work, modifiers }));
  };

  private onChoosePos = (event: Event): void => {
    const { code } = (event as CustomEvent<ChoosePosDetail>).detail;
    this.change((work) => ({ ...work, placeOfService: code }));
  };

  private onChooseKind = (event: Event): void => {
    const { kind } = (event as CustomEvent<ChooseDraftKindDetail>).detail;
    this.change((work) => ({ ...work, kind }));
  };

  private onPayerChange = (event: Event): void => {
    const { policyId } = (event as CustomEvent<PayerChangeDetail>).detail;
    this.change((work) => ({ ...work, policyId }));
  };

  private onPeriodChange = (event: Event): void => {
    const { start, end } = (event as CustomEvent<PeriodChangeDetail>).detail;
    this.period = { start, end };
    this.restoreWork();
    this.recompute();
  };

  private onShowEvidence = (event: Event): void => {
    const { ref } = (event as CustomEvent<ShowEvidenceDetail>).detail;
    void this.criteriaList?.revealEvidence(ref);
  };

  private currentDraft(kind: DraftKind): BuiltDraft | undefined {
    const built = this.built;
    return built?.ok && built.kind === kind ? built : undefined;
  }

  private onWrite = (event: Event): Promise<void> => {
    const { kind } = (event as CustomEvent<DraftActionDetail>).detail;
    const services = this.services;
    if (!services || this.writeBlocked[kind] !== undefined) {
      return Promise.resolve();
    }
    return this.runWrite(kind, (built, validator) => services.write(built, validator), {
      key: (location) => location,
      ...(this.linkFor ? { linkFor: this.linkFor } : {}),
    });
  };

  /** Send: only while the launching server cannot take the write and a separate write target is configured. */
  private onSend = (event: Event): Promise<void> => {
    const { kind } = (event as CustomEvent<DraftActionDetail>).detail;
    const writeToTarget = this.services?.writeToTarget;
    const target = this.writeTarget;
    if (!writeToTarget || !target || this.writeBlocked[kind] === undefined) {
      return Promise.resolve();
    }
    return this.runWrite(kind, (built, validator) => writeToTarget(built, validator), {
      // A `Type/id` on the target is not the same draft as that `Type/id` on the EHR.
      key: (location) => `${target.name}|${location}`,
      linkFor: target.linkFor,
      errorText: (error) => targetWriteErrorText(error, target.name),
    });
  };

  /** Validates and writes the current draft of `kind` with `write`, and shows the result; one write at a time. */
  private async runWrite(
    kind: DraftKind,
    write: (built: BuiltDraft, validator: R4Validator) => Promise<WriteOutcome>,
    where: {
      key: (location: string) => string;
      linkFor?: (location: string) => string | undefined;
      /** The message for a failed write (default: the launching server's wording). */
      errorText?: (error: WriteError) => ErrorText;
    },
  ): Promise<void> {
    const built = this.currentDraft(kind);
    const services = this.services;
    if (!built || !services || this.writing) {
      return;
    }
    this.writing = true;
    this.writeResult = undefined;
    try {
      let validator: R4Validator;
      try {
        validator = await services.loadValidator();
      } catch {
        this.writeResult = errorResult(validatorUnavailableText);
        return;
      }
      const outcome = await write(built, validator);
      if (this.built !== built) {
        return;
      }
      if (outcome.ok) {
        const { location } = outcome.draft;
        const written = where.key(location);
        const found = foundDraftOf(outcome.draft, this.writtenHere.has(written));
        const url = where.linkFor?.(location);
        this.writeResult = {
          ok: true,
          resourceType: outcome.draft.resourceType,
          id: outcome.draft.id,
          ...(url ? { url } : {}),
          ...(found ? { found } : {}),
        };
        // Work that is not in the draft on the server (another tab's draft won) is kept for the user.
        const key = this.storageKey;
        if (workIsWritten(found)) {
          this.writtenHere.add(written);
          if (key) {
            clearWork(services.storage, key);
          }
        }
      } else {
        this.writeResult = errorResult((where.errorText ?? writeErrorText)(outcome.error));
        if (outcome.error.kind === 'invalid-draft') {
          this.issues = outcome.error.issues;
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private downloadText(built: BuiltDraft): string {
    const bundle = buildDownloadBundle(withAbsoluteReferences(built, this.serverUrl), this.nowIso());
    return JSON.stringify(bundle, null, 2);
  }

  private onDownload = (event: Event): void => {
    const { kind } = (event as CustomEvent<DraftActionDetail>).detail;
    const built = this.currentDraft(kind);
    if (!built || !this.services || !this.period) {
      this.message = workflowText.noDraftToAct;
      return;
    }
    const fileName = downloadFileName(kind, this.period);
    this.services.download(fileName, this.downloadText(built));
    this.message = workflowText.downloaded(fileName);
  };

  private onCopy = async (event: Event): Promise<void> => {
    const { kind } = (event as CustomEvent<DraftActionDetail>).detail;
    const built = this.currentDraft(kind);
    if (!built || !this.services) {
      this.message = workflowText.noDraftToAct;
      return;
    }
    try {
      await this.services.copy(this.downloadText(built));
      this.message = workflowText.copied;
    } catch {
      this.message = workflowText.copyFailed;
    }
  };

  /** Forgets the unsaved work of this patient and period, and starts over with new draft ids. */
  discard(): void {
    const key = this.storageKey;
    if (key) {
      clearWork(this.services?.storage, key);
    }
    this.work = emptyWork();
    this.ids = undefined;
    this.buildInputs = undefined;
    this.recompute();
    this.message = workflowText.discarded;
  }

  /** The draft panel's `data-write-state`: idle, writing, written, already-written (work kept) or failed. */
  private writeState(): string {
    const result = this.writeResult;
    if (this.writing) {
      return 'writing';
    }
    if (!result) {
      return 'idle';
    }
    if (!result.ok) {
      return 'failed';
    }
    return workIsWritten(result.found) ? 'written' : 'already-written';
  }

  override render() {
    const { evaluation, record, period } = this;
    if (this.problem || !evaluation || !record || !period) {
      return html`<p class="problem" role="alert">${this.problem ?? workflowText.evaluationFailed}</p>`;
    }
    const built = this.built;
    const kind = this.work.kind;
    const modifier22 = this.policy?.modifiers.find((rule) => rule.code === '22');
    return html`<div
      class="grid"
      @attest=${this.onAttest}
      @confirm-code=${this.onAttest}
      @confirm-diagnosis=${this.onConfirmDiagnosis}
      @request-modifier=${this.onRequestModifier}
      @choose-pos=${this.onChoosePos}
      @choose-draft-kind=${this.onChooseKind}
      @period-change=${this.onPeriodChange}
      @payer-change=${this.onPayerChange}
      @show-evidence=${this.onShowEvidence}
      @write-draft=${this.onWrite}
      @send-draft=${this.onSend}
      @download-draft=${this.onDownload}
      @copy-draft=${this.onCopy}
    >
      <period-controls
        class="controls"
        .period=${period}
        .asOf=${this.asOf}
        .policies=${POLICY_OPTIONS}
        .policyId=${evaluation.payer.policyId}
        .payerChoice=${this.payerChoice}
      ></period-controls>
      <readiness-summary
        class="summary"
        data-testid="readiness-status"
        data-status=${evaluation.status}
        .evaluation=${evaluation}
      ></readiness-summary>
      <code-fit-callout class="codefit" .codeFit=${evaluation.codeFit} .record=${record}></code-fit-callout>
      <criteria-list class="criteria" .evaluation=${evaluation} .record=${record}></criteria-list>
      <activity-timeline class="timeline" .record=${record} .period=${period}></activity-timeline>
      <draft-panel
        class="draft"
        data-testid="draft-panel"
        data-write-state=${this.writeState()}
        .evaluation=${evaluation}
        .kind=${kind}
        .claimBlockedReason=${this.claimBlockedReason}
        .draft=${built?.ok ? built.resource : undefined}
        .refusal=${built && !built.ok ? built : undefined}
        .issues=${this.issues}
        .writeBlockedReason=${this.writeBlocked[kind]}
        .writeTargetName=${this.services?.writeToTarget ? this.writeTarget?.name : undefined}
        .writing=${this.writing}
        .writeResult=${this.writeResult}
        .modifier22=${modifier22}
        .chosenPos=${this.work.placeOfService}
      ></draft-panel>
      <div class="work">
        <p>${workflowText.unsavedNote}</p>
        <button type="button" data-testid="discard-work" @click=${() => this.discard()}>${workflowText.discard}</button>
        ${this.message ? html`<p class="message" role="status" data-testid="workflow-message">${this.message}</p>` : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'case-workflow': CaseWorkflow;
  }
}
