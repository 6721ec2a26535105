// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { configFrom } from '../../src/config/load-config.ts';
import type { PatientRecord } from '../../src/domain/record.ts';
import { LaunchError, ScopeMissing } from '../../src/fhir/errors.ts';
import type { LoadedRecord } from '../../src/fhir/load-result.ts';
import type { FhirSession } from '../../src/fhir/session.ts';
import '../../src/ui/g9012-app.ts';
import '../../src/ui/record-overview.ts';
import { deepText, find, settled } from './deep-dom.ts';

const record: PatientRecord = {
  patient: {
    ref: 'Patient/p1',
    name: '<img src=x onerror=alert(1)> Ana Diaz',
    birthDate: '1950-02-03',
    gender: 'female',
    identifiers: [],
  },
  conditions: [
    {
      ref: 'Condition/c1',
      clinicalStatus: 'active',
      categories: ['problem-list-item'],
      code: {
        codings: [
          { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9', display: 'Type 2 diabetes' },
          { system: 'http://snomed.info/sct', code: '44054006' },
        ],
      },
      onset: '2019-04-01',
    },
  ],
  medications: [
    {
      ref: 'MedicationRequest/m1',
      source: 'MedicationRequest',
      status: 'active',
      medication: { codings: [], text: 'Metformin 500 mg' },
    },
  ],
  medicationSource: 'MedicationRequest',
  carePlans: [
    {
      ref: 'CarePlan/cp1',
      status: 'active',
      intent: 'plan',
      title: 'Diabetes self-management',
      categories: [],
      addresses: [],
      goals: [],
      activities: [],
    },
  ],
  goals: [],
  encounters: [],
  coverages: [
    {
      ref: 'Coverage/cov1',
      status: 'active',
      payors: ['Organization/org1'],
      payorDisplays: [],
      identifiers: [],
      classes: [],
    },
  ],
  communications: [],
  procedures: [],
  observations: [],
  questionnaireResponses: [],
  practitioners: [],
  practitionerRoles: [],
  organizations: [{ ref: 'Organization/org1', name: 'Acme Health Plan', identifiers: [], types: [] }],
};

function loadedRecord(overrides: Partial<LoadedRecord> = {}): LoadedRecord {
  return {
    record,
    serverUrl: 'http://127.0.0.1:8080/fhir',
    needPatientBanner: true,
    medicationSource: 'MedicationRequest',
    progress: [
      { resourceType: 'Patient', state: 'done', count: 1, pages: 1, truncated: false },
      { resourceType: 'Encounter', state: 'done', count: 400, pages: 2, truncated: true },
      { resourceType: 'MedicationStatement', state: 'unavailable', count: 0, pages: 0, truncated: false },
      { resourceType: 'Goal', state: 'failed', count: 0, pages: 0, truncated: false },
    ],
    notes: [
      { kind: 'medication-source', source: 'MedicationRequest' },
      { kind: 'unavailable', resourceType: 'MedicationStatement' },
      { kind: 'truncated', resourceType: 'Encounter', count: 400, pageLimit: 2 },
      { kind: 'failed', resourceType: 'Goal', error: new ScopeMissing('Goal', 'patient/Goal.rs', true, []) },
      { kind: 'invalid', ref: 'Condition/bad', problem: 'subject: Invalid input' },
    ],
    invalid: [{ ref: 'Condition/bad', problem: 'subject: Invalid input' }],
    problems: [],
    write: {
      ChargeItem: { resourceType: 'ChargeItem', allowed: true, reason: 'granted' },
      Claim: { resourceType: 'Claim', allowed: false, reason: 'scope-not-granted' },
    },
    ...overrides,
  };
}

async function overview(loaded: LoadedRecord) {
  const element = document.createElement('record-overview');
  element.loaded = loaded;
  document.body.append(element);
  await settled(element);
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('first screen', () => {
  it('shows the banner, conditions with codes, medications with their source, care plans and coverage', async () => {
    const element = await overview(loadedRecord());
    const banner = find(element, 'patient-banner');
    expect(banner).toBeDefined();
    const text = deepText(element);
    expect(text).toContain('Ana Diaz');
    expect(text).toContain('Type 2 diabetes');
    expect(text).toContain('ICD-10-CM E11.9');
    expect(text).toContain('SNOMED 44054006');
    expect(text).toContain('Metformin 500 mg');
    expect(text).toContain('Source: MedicationRequest');
    expect(text).toContain('Diabetes self-management');
    expect(text).toContain('Acme Health Plan');
    // Text from the record is escaped, never parsed as markup.
    expect(banner?.shadowRoot?.querySelector('img')).toBeNull();
  });

  it('hides the patient banner when the token response says need_patient_banner: false', async () => {
    const element = await overview(loadedRecord({ needPatientBanner: false }));
    expect(find(element, 'patient-banner')).toBeUndefined();
    expect(deepText(element)).toContain('Type 2 diabetes');
  });

  it('lists invalid resources, truncation, unavailable types and failed reads in the data notes', async () => {
    const element = await overview(loadedRecord());
    const notes = find(element, 'data-notes');
    const text = deepText(notes ?? element);
    expect(text).toContain('Condition/bad was left out: subject: Invalid input');
    expect(text).toContain('Encounter: record truncated at 400');
    expect(text).toContain('MedicationStatement: not available on this server');
    expect(text).toContain('patient/Goal.rs');
    expect(text).toContain('this is an order list');
    const progress = deepText(find(element, 'load-progress') ?? element);
    expect(progress).toContain('400 resources in 2 pages (truncated)');
  });

  it('says so when nothing needs noting', async () => {
    const element = await overview(
      loadedRecord({ notes: [{ kind: 'medication-source', source: 'MedicationStatement' }] }),
    );
    expect(deepText(find(element, 'data-notes') ?? element)).toContain('every resource was valid');
  });
});

describe('app shell', () => {
  const session: FhirSession = {
    serverUrl: 'http://127.0.0.1:8080/fhir',
    patientId: 'p1',
    grantedScopes: [],
    needPatientBanner: false,
    authorized: true,
    authorization: async () => 'Bearer t',
    refresh: async () => false,
  };

  async function shell(services: HTMLElementTagNameMap['g9012-app']['services']) {
    const element = document.createElement('g9012-app');
    element.services = services;
    const loaded = new Promise<LoadedRecord>((resolve) => {
      element.addEventListener('record-loaded', (event) =>
        resolve((event as CustomEvent<LoadedRecord>).detail),
      );
    });
    document.body.append(element);
    return { element, loaded };
  }

  it('completes the launch, loads with progress, renders the record and announces it', async () => {
    const { element, loaded } = await shell({
      loadConfig: async () => configFrom(),
      completeLaunch: async () => session,
      loadRecord: async (_session, _config, options) => {
        options.onProgress?.([
          { resourceType: 'Patient', state: 'loading', count: 0, pages: 0, truncated: false },
        ]);
        return loadedRecord({ needPatientBanner: false });
      },
    });
    const detail = await loaded;
    await settled(element);
    expect(detail.record?.patient.ref).toBe('Patient/p1');
    expect(find(element, 'record-overview')).toBeDefined();
    expect(find(element, 'patient-banner')).toBeUndefined();
  });

  it('renders a launch failure as a typed message with a next step, never the raw error', async () => {
    const { element } = await shell({
      loadConfig: async () => configFrom(),
      completeLaunch: async () => {
        throw new LaunchError('state-mismatch');
      },
      loadRecord: async () => loadedRecord(),
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settled(element);
    const text = deepText(element);
    expect(text).toContain('does not belong to this session');
    expect(text).toContain('Relaunch');
    expect(find(element, 'record-overview')).toBeUndefined();
  });
});
