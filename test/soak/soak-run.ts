/**
 * One soak run as a user lives it, through the app's own code: EHR launch over the sandbox's real SMART flow,
 * `loadPatientRecord`, `evaluate` with the user's attestations, `buildDraft`, then `writeDraft` through
 * `sessionFhirHttp`, pressing Write again after a retryable failure and relaunching after a failed load.
 */
import type { RunningSandbox } from '../../mocks/sandbox/server.ts';
import { ehrLaunch } from '../../mocks/sandbox/testing/smart-flow.ts';
import type { AppConfig } from '../../src/config/app-config.ts';
import { requestedScopes } from '../../src/config/scopes.ts';
import { NOT_ATTESTABLE } from '../../src/domain/attestations.ts';
import { BUILTIN_POLICIES } from '../../src/domain/builtin-policies.ts';
import { buildDraft } from '../../src/domain/draft/build-draft.ts';
import type { DraftKind } from '../../src/domain/draft/types.ts';
import { evaluate } from '../../src/domain/evaluate.ts';
import type { AttestationInput, Evaluation, EvaluationPeriod } from '../../src/domain/evaluation.ts';
import { selectPolicy } from '../../src/domain/payer-match.ts';
import type { PatientRecord } from '../../src/domain/record.ts';
import { indexRecord } from '../../src/domain/record-index.ts';
import { memoryCapabilityCache } from '../../src/fhir/capability.ts';
import { isKnownError } from '../../src/fhir/errors.ts';
import { loadPatientRecord } from '../../src/fhir/load-record.ts';
import { transientReadFailures } from '../../src/fhir/load-result.ts';
import type { FhirSession } from '../../src/fhir/session.ts';
import { sessionFhirHttp } from '../../src/fhir/write/fhir-http.ts';
import { writeDraft } from '../../src/fhir/write/write-draft.ts';
import { isRetryable, type WriteError } from '../../src/fhir/write/write-error.ts';
import { planDraftWrite } from '../../src/fhir/write/write-plan.ts';
import { describeError, type ErrorText, writeBlockedText, writeErrorText } from '../../src/ui/strings.ts';
import type { R4Validator } from '../../src/validate/r4.ts';

/** What one run does: which patient, which month, which kind of draft. */
export interface RunSpec {
  readonly patient: string;
  readonly period: EvaluationPeriod;
  readonly kind: DraftKind;
}

/** Something that went wrong on the way, and what the user was told. */
export interface RunSetback {
  readonly step: 'load' | 'partial-load' | 'not-ready' | 'write-blocked' | 'write';
  /** The error kind (`network`, `unavailable`, `rate-limited`...) or the failed read's type. */
  readonly kind: string;
  readonly retryable: boolean;
  readonly text?: ErrorText;
}

/** How a run ended. */
export type RunEnd =
  | { readonly state: 'written'; readonly location: string; readonly created: boolean }
  | { readonly state: 'gave-up'; readonly text: ErrorText; readonly retryable: boolean };

/** A run's story: how it ended, every setback, launches and presses of Write. */
export interface RunReport {
  readonly spec: RunSpec;
  readonly end: RunEnd;
  readonly setbacks: readonly RunSetback[];
  readonly launches: number;
  readonly presses: number;
  /** The identifier value of the draft the run built (patient, period, code, payer). */
  readonly identifier?: string;
}

/** What a run needs from the test. */
export interface RunContext {
  readonly sandbox: RunningSandbox;
  readonly config: AppConfig;
  readonly validator: R4Validator;
  readonly asOf: string;
  /** The most launches (page loads) a user makes before giving up. */
  readonly maxLaunches: number;
  /** The most presses of Write per launch before giving up. */
  readonly maxPresses: number;
}

/** Load failures a reload may fix; the app says "reload the page" for each. */
const TRANSIENT: ReadonlySet<string> = new Set(['network', 'rate-limited', 'unavailable']);

function claimOf(jwt: unknown): Record<string, unknown> {
  const payload = typeof jwt === 'string' ? jwt.split('.')[1] : undefined;
  return payload
    ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>)
    : {};
}

/** The FhirSession the app's `sessionFromClient` would make from this token response. */
function sessionFrom(serverUrl: string, token: Record<string, unknown>, launchId: string): FhirSession {
  const fhirUser = String(claimOf(token.id_token).fhirUser ?? '')
    .split('/')
    .slice(-2)
    .join('/');
  return {
    serverUrl,
    launchId,
    patientId: String(token.patient),
    ...(typeof token.encounter === 'string' ? { encounterId: token.encounter } : {}),
    ...(fhirUser ? { fhirUser } : {}),
    grantedScopes: String(token.scope ?? '')
      .split(/\s+/)
      .filter(Boolean),
    needPatientBanner: token.need_patient_banner !== false,
    authorized: true,
    authorization: async () => `Bearer ${String(token.access_token)}`,
    refresh: async () => false,
  };
}

/** Attests every attestable missing criterion, round after round (an attestation can change code fit). */
function evaluateWithAttestations(
  record: PatientRecord,
  spec: RunSpec,
  asOf: string,
  user: string,
): Evaluation | undefined {
  const selection = selectPolicy(record, indexRecord(record), BUILTIN_POLICIES);
  if (!selection) {
    return undefined;
  }
  const attestations: AttestationInput[] = [];
  let evaluation: Evaluation | undefined;
  for (let round = 0; round < 4; round += 1) {
    evaluation = evaluate(record, {
      asOf,
      period: spec.period,
      policy: selection.policy,
      payerMatch: selection.match,
      attestations,
      confirmations: { diagnoses: [], modifiers: [] },
    });
    const open = evaluation.criteria.filter(
      (c) =>
        c.status === 'missing' &&
        !NOT_ATTESTABLE.has(c.id) &&
        !attestations.some((a) => a.criterion === c.id),
    );
    if (open.length === 0) {
      break;
    }
    attestations.push(
      ...open.map((c) => ({
        criterion: c.id,
        note: `Soak: ${c.id} documented by phone with the patient.`,
        by: user,
        at: `${asOf}T10:00:00Z`,
        ...(c.id === 'time' ? { minutes: 30 } : {}),
      })),
    );
  }
  return evaluation;
}

function writeKind(error: WriteError): string {
  return 'status' in error ? `${error.kind} ${error.status}` : error.kind;
}

/** Runs one launch → load → evaluate → write, as a user who retries what the app says can be retried. */
export async function runOnce(context: RunContext, spec: RunSpec, runIndex: number): Promise<RunReport> {
  const { sandbox, config, validator, asOf } = context;
  const setbacks: RunSetback[] = [];
  let presses = 0;
  let identifier: string | undefined;
  let last: RunEnd | undefined;
  for (let launch = 1; launch <= context.maxLaunches; launch += 1) {
    const token = await ehrLaunch(sandbox, spec.patient, { scope: requestedScopes(config, 'ehr') });
    const session = sessionFrom(sandbox.fhirBase, token, `soak-${runIndex}-${launch}`);
    let loaded: Awaited<ReturnType<typeof loadPatientRecord>>;
    try {
      loaded = await loadPatientRecord(session, config, { capabilityCache: memoryCapabilityCache() });
    } catch (error) {
      const text = isKnownError(error) ? describeError(error) : undefined;
      const kind = isKnownError(error) ? error.kind : 'unknown';
      const retryable = TRANSIENT.has(kind);
      setbacks.push({ step: 'load', kind, retryable, ...(text ? { text } : {}) });
      last = {
        state: 'gave-up',
        text: text ?? { title: String(error), detail: '', nextStep: '' },
        retryable,
      };
      if (!retryable) {
        break;
      }
      continue;
    }
    const unread = transientReadFailures(loaded.notes);
    for (const note of unread) {
      setbacks.push({
        step: 'partial-load',
        kind: `${note.resourceType} ${note.error.kind}`,
        retryable: true,
        text: describeError(note.error),
      });
    }
    const firstUnread = unread[0];
    if (firstUnread) {
      // The app turns Write off and says to reload the page; the user relaunches.
      last = { state: 'gave-up', text: describeError(firstUnread.error), retryable: true };
      continue;
    }
    const record = loaded.record;
    const evaluation = record && evaluateWithAttestations(record, spec, asOf, record.user ?? 'unknown user');
    const built =
      record && evaluation
        ? buildDraft({
            kind: spec.kind,
            evaluation,
            record,
            choices: { placeOfService: '11' },
            asOf,
            recorded: `${asOf}T10:05:00Z`,
            ids: { draft: crypto.randomUUID(), provenance: crypto.randomUUID() },
            app: { name: 'G9012 case-management app', version: 'soak' },
          })
        : undefined;
    if (!built?.ok) {
      setbacks.push({ step: 'not-ready', kind: built ? built.code : 'no-record', retryable: false });
      continue;
    }
    identifier = built.resource.identifier?.[0]?.value;
    const plan = planDraftWrite({
      kind: spec.kind,
      capability: loaded.capability,
      grantedScopes: session.grantedScopes,
      authorized: session.authorized,
    });
    if (plan.where !== 'server') {
      // Write is disabled with the reason; only a relaunch (a fresh CapabilityStatement read) changes that.
      const retryable = plan.reason === 'capability-unknown';
      const text = writeBlockedText(plan.reason, plan.missingScopes, plan.notCreatable);
      setbacks.push({
        step: 'write-blocked',
        kind: plan.reason,
        retryable,
        text: { title: text, detail: '', nextStep: '' },
      });
      if (!retryable) {
        break;
      }
      continue;
    }
    const http = sessionFhirHttp(session);
    for (let press = 1; press <= context.maxPresses; press += 1) {
      presses += 1;
      const outcome = await writeDraft(http, built, { validator, mode: plan.mode });
      if (outcome.ok) {
        return {
          spec,
          end: { state: 'written', location: outcome.draft.location, created: outcome.draft.created },
          setbacks,
          launches: launch,
          presses,
          ...(identifier ? { identifier } : {}),
        };
      }
      const retryable = isRetryable(outcome.error);
      const text = writeErrorText(outcome.error);
      setbacks.push({ step: 'write', kind: writeKind(outcome.error), retryable, text });
      last = { state: 'gave-up', text, retryable };
      if (!retryable) {
        break;
      }
    }
    if (last?.state === 'gave-up' && !last.retryable) {
      break;
    }
  }
  return {
    spec,
    end: last ?? {
      state: 'gave-up',
      text: { title: 'no draft', detail: '', nextStep: '' },
      retryable: false,
    },
    setbacks,
    launches: context.maxLaunches,
    presses,
    ...(identifier ? { identifier } : {}),
  };
}
