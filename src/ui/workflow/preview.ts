/**
 * A standalone preview of the workflow elements for screenshots and manual checks (`npx vite`, then open
 * `/src/ui/workflow/preview.html`). `?source=fixture` (default), `not-billable` and `hostile` show the
 * hand-built fixtures and only log events; `?source=<scenario id>` evaluates a scenario patient with the
 * real `evaluate()` and draft builders, and re-evaluates on every event, as the shell will. Nothing is
 * written anywhere: this page has no FHIR server.
 */
import { scenarios } from '../../../mocks/patients/index.ts';
import { BUILTIN_POLICIES } from '../../domain/builtin-policies.ts';
import { buildDraftResource } from '../../domain/draft/build-draft.ts';
import type { DraftKind } from '../../domain/draft/types.ts';
import { evaluate } from '../../domain/evaluate.ts';
import type {
  AttestationInput,
  DiagnosisConfirmation,
  Evaluation,
  EvaluationPeriod,
  ModifierJustification,
} from '../../domain/evaluation.ts';
import { activeCoverages, selectPolicy } from '../../domain/payer-match.ts';
import type { PatientRecord } from '../../domain/record.ts';
import { indexRecord } from '../../domain/record-index.ts';
import { recordFromBundle } from '../../fhir/record/index.ts';
import './activity-timeline.ts';
import './code-fit-callout.ts';
import './criteria-list.ts';
import type { DraftIssue, WriteResult } from './draft-panel.ts';
import './draft-panel.ts';
import type {
  AttestDetail,
  ChooseDraftKindDetail,
  ChoosePosDetail,
  ConfirmCodeDetail,
  ConfirmDiagnosisDetail,
  PayerChangeDetail,
  PeriodChangeDetail,
  RequestModifierDetail,
  ShowEvidenceDetail,
} from './events.ts';
import { notBillableEvaluation, sampleEvaluation, sampleRecord } from './fixtures.ts';
import { hostileEvaluation, hostileRecord } from './fixtures-hostile.ts';
import './period-controls.ts';
import './readiness-summary.ts';
import { clip } from './text-clip.ts';

const AS_OF = '2026-11-20';
const USER = 'Practitioner/cm-rivera';
const params = new URLSearchParams(location.search);
const source = params.get('source') ?? 'fixture';
const scenario = scenarios.find((item) => item.id === source);

interface PreviewState {
  record: PatientRecord;
  evaluation: Evaluation;
  policyId?: string;
  period?: EvaluationPeriod;
  attestations: AttestationInput[];
  diagnoses: DiagnosisConfirmation[];
  modifiers: ModifierJustification[];
  kind: DraftKind;
  chosenPos?: string;
}

function fixtureState(): PreviewState {
  const record = source === 'hostile' ? hostileRecord() : sampleRecord();
  const evaluation =
    source === 'hostile'
      ? hostileEvaluation()
      : source === 'not-billable'
        ? notBillableEvaluation()
        : sampleEvaluation();
  return { record, evaluation, attestations: [], diagnoses: [], modifiers: [], kind: 'chargeitem' };
}

function scenarioRecord(): PatientRecord | undefined {
  return scenario ? recordFromBundle(scenario.bundle, { user: USER }).record : undefined;
}

function reevaluate(state: PreviewState): Evaluation {
  const selection = selectPolicy(state.record, indexRecord(state.record), BUILTIN_POLICIES, state.policyId);
  if (!selection) {
    return state.evaluation;
  }
  return evaluate(state.record, {
    asOf: AS_OF,
    ...(state.period ? { period: state.period } : {}),
    policy: selection.policy,
    payerMatch: state.policyId ? { ...selection.match, matchedBy: 'chosen' } : selection.match,
    attestations: state.attestations,
    confirmations: { diagnoses: state.diagnoses, modifiers: state.modifiers },
  });
}

const live = scenarioRecord();
const state: PreviewState = live
  ? {
      record: live,
      evaluation: sampleEvaluation(),
      attestations: [],
      diagnoses: [],
      modifiers: [],
      kind: 'chargeitem',
    }
  : fixtureState();
if (live) {
  state.evaluation = reevaluate(state);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] {
  const found = document.querySelector(tag);
  if (!found) {
    throw new Error(`preview.html has no <${tag}>`);
  }
  return found;
}

function writeResultFromParams(): WriteResult | undefined {
  switch (params.get('write')) {
    case 'ok':
      return {
        ok: true,
        resourceType: 'ChargeItem',
        id: 'preview-1',
        url: 'http://127.0.0.1/fhir/ChargeItem/preview-1',
      };
    case 'error':
      return {
        ok: false,
        title: 'Missing permission: user/ChargeItem.c',
        detail: 'The server refused the write (403).',
        nextStep: 'Ask your administrator to grant user/ChargeItem.c to the app, then relaunch.',
      };
    default:
      return undefined;
  }
}

function render(): void {
  const { record, evaluation } = state;
  const noCoverage = activeCoverages(record).length === 0;
  const policy22 = BUILTIN_POLICIES.find((item) => item.id === evaluation.payer.policyId)?.modifiers.find(
    (rule) => rule.code === '22',
  );
  const built = live
    ? buildDraftResource(
        state.kind,
        evaluation,
        record,
        { placeOfService: state.chosenPos, modifierJustifications: state.modifiers },
        AS_OF,
      )
    : undefined;
  const patientName = document.getElementById('patient-name');
  const patientDetail = document.getElementById('patient-detail');
  if (patientName && patientDetail) {
    patientName.textContent = clip(record.patient.name ?? record.patient.ref, 80);
    patientDetail.textContent = ` ${record.patient.birthDate ?? ''} · ${clip(evaluation.payer.name, 80)} · ${evaluation.period.start} to ${evaluation.period.end}`;
  }
  Object.assign(element('period-controls'), {
    period: evaluation.period,
    asOf: evaluation.asOf,
    policies: BUILTIN_POLICIES.map(({ id, name }) => ({ id, name })),
    policyId: evaluation.payer.policyId,
    payerChoice: noCoverage ? 'absent' : undefined,
  });
  element('readiness-summary').evaluation = evaluation;
  Object.assign(element('code-fit-callout'), { codeFit: evaluation.codeFit, record });
  Object.assign(element('criteria-list'), { evaluation, record });
  Object.assign(element('activity-timeline'), { record, period: evaluation.period });
  const issues: DraftIssue[] | undefined = undefined;
  Object.assign(element('draft-panel'), {
    evaluation,
    kind: state.kind,
    claimBlockedReason: noCoverage
      ? 'No active Coverage in the record: a Claim needs one (FHIR R4 Claim.insurance 1..*). Draft a ChargeItem instead.'
      : undefined,
    draft: built?.ok
      ? built.resource
      : live
        ? undefined
        : { resourceType: 'ChargeItem', note: 'fixture mode: no draft is built' },
    refusal: built && !built.ok ? built : undefined,
    issues,
    writeBlockedReason: 'This preview page is not connected to a FHIR server.',
    writeResult: writeResultFromParams(),
    modifier22: policy22,
    chosenPos: state.chosenPos,
  });
}

function log(name: string, detail: unknown): void {
  const item = document.createElement('li');
  item.textContent = `${name} ${JSON.stringify(detail)}`;
  document.getElementById('log')?.prepend(item);
}

function on<T>(name: string, update: (detail: T) => void): void {
  document.addEventListener(name, (event) => {
    const detail = (event as CustomEvent<T>).detail;
    log(name, detail);
    if (live) {
      update(detail);
      state.evaluation = reevaluate(state);
      render();
    }
  });
}

const now = () => new Date().toISOString();
on<AttestDetail>('attest', (detail) => state.attestations.push({ ...detail, by: USER, at: now() }));
on<ConfirmCodeDetail>('confirm-code', (detail) =>
  state.attestations.push({ ...detail, by: USER, at: now() }),
);
on<PeriodChangeDetail>('period-change', (detail) => {
  state.period = detail;
});
on<PayerChangeDetail>('payer-change', (detail) => {
  state.policyId = detail.policyId;
});
on<ChooseDraftKindDetail>('choose-draft-kind', (detail) => {
  state.kind = detail.kind;
});
on<ChoosePosDetail>('choose-pos', (detail) => {
  state.chosenPos = detail.code;
});
on<ConfirmDiagnosisDetail>('confirm-diagnosis', (detail) => {
  state.diagnoses = state.diagnoses.filter((item) => item.condition !== detail.condition);
  if (detail.confirmed) {
    state.diagnoses.push({ condition: detail.condition, code: detail.code, by: USER, at: now() });
  }
});
on<RequestModifierDetail>('request-modifier', (detail) => {
  state.modifiers = [{ ...detail, by: USER, at: now() }];
});
document.addEventListener('show-evidence', (event) => {
  void element('criteria-list').revealEvidence((event as CustomEvent<ShowEvidenceDetail>).detail.ref);
});
for (const name of ['show-evidence', 'write-draft', 'download-draft', 'copy-draft']) {
  on<unknown>(name, () => undefined);
}

const picker = document.getElementById('source') as HTMLSelectElement | null;
if (picker) {
  const options = [
    ['fixture', 'Fixture: incomplete'],
    ['not-billable', 'Fixture: not billable'],
    ['hostile', 'Fixture: hostile text'],
    ...scenarios
      .filter((item) => item.id !== 'huge-record')
      .map((item) => [item.id, `Scenario: ${item.title}`]),
  ];
  for (const [value, label] of options) {
    const option = document.createElement('option');
    option.value = value ?? '';
    option.textContent = label ?? '';
    option.selected = value === source;
    picker.append(option);
  }
  picker.addEventListener('change', () => {
    const next = new URLSearchParams({ source: picker.value });
    location.search = next.toString();
  });
}

render();
