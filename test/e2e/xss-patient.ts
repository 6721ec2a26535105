/**
 * The XSS test patient: meets-all with an XSS payload in every string the app could show (names, condition
 * and code displays, medications, care plan, goal and communication text, payer and practitioner names) and
 * script-bearing narrative (`text.div`) on every resource. Served only by the XSS test's own sandbox, so the
 * scenario list, its golden files and counts stay as they are.
 */
import type {
  Bundle,
  Claim,
  DomainResource,
  FhirResource,
  Medication,
  Practitioner,
  PractitionerRole,
  Provenance,
} from 'fhir/r4';
import { meetsAllParts, toBundle } from '../../mocks/patients/scenario-kit.ts';
import { hitCall, PayloadDealer, payload, XSS_PAYLOADS } from './xss-payloads.ts';

/** The Patient id of the XSS patient. */
export const XSS_PATIENT = 'xss-everywhere';

/** Text inside every narrative; the app shows no narrative, so this must never reach the page. */
export const NARRATIVE_MARKER = 'NARRATIVE-XSS-MARKER';

/** The id of an element inside every narrative; it must never become a DOM element. */
export const NARRATIVE_ELEMENT_ID = 'narrative-xss-element';

const SNOMED = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const NUCC = 'http://nucc.org/provider-taxonomy';

/** Script-bearing XHTML narrative: a marker element, a script, an `<img onerror>` and an `<svg onload>`. */
function narrative(place: string): DomainResource['text'] {
  const hit = hitCall('narrative', place);
  return {
    status: 'generated',
    div:
      `<div xmlns="http://www.w3.org/1999/xhtml"><span id="${NARRATIVE_ELEMENT_ID}">${NARRATIVE_MARKER}</span>` +
      `<script>${hit}</script><img src="x" onerror="${hit}"/><svg onload="${hit}"></svg></div>`,
  };
}

function withNarrative<T extends FhirResource>(resource: T): T {
  if (resource.resourceType !== 'Bundle' && resource.resourceType !== 'Binary' && 'id' in resource) {
    (resource as DomainResource).text = narrative(`${resource.resourceType}/${resource.id ?? ''}`);
  }
  return resource;
}

/** The XSS patient's Bundle and every payload string it carries, by place. */
export interface XssPatient {
  readonly bundle: Bundle;
  /** The payload put in each place (`patient.given`, `condition-1.text`, ...). */
  readonly made: ReadonlyMap<string, string>;
}

/** Builds the XSS patient; `dealer` hands out the payloads (the test keeps it to look for them on screen). */
export function xssPatient(dealer = new PayloadDealer()): XssPatient {
  const d = (place: string): string => dealer.deal(place);
  // meetsAllParts shares the people objects with other scenarios: work on a copy.
  const parts = structuredClone(meetsAllParts(XSS_PATIENT, { given: 'Xss', family: 'Everywhere' }));

  parts.patient.name = [{ given: [d('patient.given')], family: d('patient.family') }];
  parts.patient.gender = d('patient.gender') as 'female';

  parts.conditions.forEach((c, i) => {
    const codings = c.code?.coding ?? [];
    c.code = {
      text: d(`condition-${i}.text`),
      coding: codings.map((coding) => ({
        ...coding,
        display: d(`condition-${i}.${coding.system === ICD10 ? 'icd' : 'snomed'}-display`),
      })),
    };
  });

  // One resolved, long-past condition per payload, so every payload reaches the conditions table at least
  // once whatever the round-robin above gave the fields the app shows; one more with a hostile code system.
  for (const p of XSS_PAYLOADS) {
    parts.conditions.push({
      resourceType: 'Condition',
      id: `${XSS_PATIENT}-corpus-${p.id}`,
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }],
      },
      code: { text: dealer.make(p, `corpus-condition.${p.id}`) },
      subject: { reference: `Patient/${XSS_PATIENT}` },
      onsetDateTime: '2001-01-01',
      abatementDateTime: '2002-01-01',
      recordedDate: '2001-01-01',
    });
  }
  parts.conditions.push({
    resourceType: 'Condition',
    id: `${XSS_PATIENT}-corpus-coding`,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }],
    },
    code: { coding: [{ system: d('corpus-coding.system'), code: d('corpus-coding.code') }] },
    subject: { reference: `Patient/${XSS_PATIENT}` },
    onsetDateTime: '2001-01-01',
    abatementDateTime: '2002-01-01',
    recordedDate: '2001-01-01',
  });

  const medication: Medication = {
    resourceType: 'Medication',
    id: `${XSS_PATIENT}-med`,
    code: { text: d('medication.code-text') },
  };
  const first = parts.medications[0];
  if (first?.resourceType === 'MedicationStatement') {
    first.medicationCodeableConcept = {
      text: d('medication-statement.text'),
      coding: [{ system: SNOMED, code: '109081006', display: d('medication-statement.display') }],
    };
    parts.medications.push({
      ...first,
      id: `${XSS_PATIENT}-ms-referenced`,
      medicationCodeableConcept: undefined,
      medicationReference: { reference: `Medication/${medication.id}`, display: d('medication.ref-display') },
    });
  }

  for (const p of parts.procedures) {
    p.code = { text: d('procedure.text'), coding: p.code?.coding ?? [] };
  }
  parts.observations.forEach((o, i) => {
    o.code = { text: d(`observation-${i}.text`), coding: o.code.coding ?? [] };
  });
  for (const plan of parts.carePlans) {
    plan.title = d('care-plan.title');
    plan.description = d('care-plan.description');
    plan.category = [{ text: d('care-plan.category') }];
    for (const activity of plan.activity ?? []) {
      if (activity.detail) {
        activity.detail.code = { text: d('care-plan.activity-code') };
        activity.detail.description = d('care-plan.activity-description');
      }
    }
    plan.note = [{ text: d('care-plan.note') }];
  }
  parts.goals.forEach((g, i) => {
    g.description = { text: d(`goal-${i}.description`) };
    g.note = [{ text: d(`goal-${i}.note`) }];
  });
  for (const e of parts.encounters) {
    e.type = [{ text: d('encounter.type') }];
    e.serviceType = { text: d('encounter.service-type') };
  }
  for (const c of parts.communications) {
    c.topic = { text: d('communication.topic') };
    c.category = [{ text: d('communication.category') }];
    c.payload = [{ contentString: d('communication.payload') }];
    c.note = [{ text: d('communication.note') }];
  }
  for (const c of parts.coverages) {
    c.payor = c.payor.map((p) => ({ ...p, display: d('coverage.payor-display') }));
    c.type = { text: d('coverage.type') };
    c.subscriberId = d('coverage.subscriber-id');
    c.class = [{ type: { text: d('coverage.class-type') }, value: d('coverage.class-value') }];
  }
  for (const person of parts.people) {
    if (person.resourceType === 'Practitioner') {
      person.name = [
        {
          given: [d(`${person.id}.given`)],
          family: d(`${person.id}.family`),
          prefix: [d(`${person.id}.prefix`)],
        },
      ];
      person.qualification = [{ code: { text: d(`${person.id}.qualification`) } }];
    } else if (person.resourceType === 'PractitionerRole') {
      person.code = (person.code ?? []).map((code) => ({ ...code, text: d(`${person.id}.code-text`) }));
      person.specialty = [{ text: d(`${person.id}.specialty`) }];
    } else {
      person.name = d(`${person.id}.name`);
    }
  }

  const bundle = toBundle(XSS_PATIENT, parts);
  bundle.entry = [...(bundle.entry ?? []), { resource: medication }];
  for (const entry of bundle.entry) {
    if (entry.resource) {
      withNarrative(entry.resource);
    }
  }
  return { bundle, made: dealer.made };
}

/**
 * The signed-in user's Practitioner and PractitionerRole with payloads in the name, qualification and role
 * text (the sandbox's own staff are written after the seed, so the test stores these over them).
 */
export function xssUser(
  practitionerId: string,
  roleId: string,
  dealer: PayloadDealer,
): [Practitioner, PractitionerRole] {
  return [
    {
      resourceType: 'Practitioner',
      id: practitionerId,
      active: true,
      name: [{ use: 'official', given: [dealer.deal('user.given')], family: dealer.deal('user.family') }],
      qualification: [{ code: { text: dealer.deal('user.qualification') } }],
      text: narrative(`Practitioner/${practitionerId}`) as Practitioner['text'],
    },
    {
      resourceType: 'PractitionerRole',
      id: roleId,
      active: true,
      practitioner: { reference: `Practitioner/${practitionerId}` },
      organization: { reference: 'Organization/sandbox-clinic' },
      code: [
        {
          coding: [{ system: NUCC, code: '207Q00000X', display: dealer.deal('user-role.display') }],
          text: dealer.deal('user-role.text'),
        },
      ],
    },
  ];
}

/**
 * A hostile draft file for the payer review: a Claim and its Provenance whose every text field (and
 * narrative) carries a payload, citing the XSS patient's condition.
 */
export function xssReviewFile(dealer: PayloadDealer): Bundle {
  const d = (place: string): string => dealer.deal(place);
  const claim: Claim = {
    resourceType: 'Claim',
    id: 'xss-claim',
    text: narrative('Claim/xss-claim'),
    status: 'draft',
    use: 'claim',
    type: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }],
      text: d('review.claim-type'),
    },
    patient: { reference: `Patient/${XSS_PATIENT}`, display: d('review.patient-display') },
    created: '2026-11-20',
    provider: { reference: 'Practitioner/sandbox-physician', display: d('review.provider-display') },
    priority: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }],
    },
    insurance: [
      {
        sequence: 1,
        focal: true,
        coverage: { reference: `Coverage/${XSS_PATIENT}-coverage`, display: d('review.coverage-display') },
      },
    ],
    diagnosis: [
      {
        sequence: 1,
        diagnosisCodeableConcept: {
          coding: [{ system: ICD10, code: 'I50.9', display: d('review.diagnosis-display') }],
          text: d('review.diagnosis-text'),
        },
      },
    ],
    supportingInfo: [
      {
        sequence: 1,
        category: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/claiminformationcategory', code: 'info' },
          ],
          text: d('review.info-category'),
        },
        valueReference: { reference: `Condition/${XSS_PATIENT}-hf`, display: d('review.info-display') },
      },
    ],
    item: [
      {
        sequence: 1,
        productOrService: {
          coding: [
            {
              system: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
              code: 'G9012',
              display: d('review.item-display'),
            },
          ],
          text: d('review.item-text'),
        },
        servicedDate: '2026-11-20',
        diagnosisSequence: [1],
        informationSequence: [1],
      },
    ],
  };
  const provenance: Provenance = {
    resourceType: 'Provenance',
    id: 'xss-provenance',
    text: narrative('Provenance/xss-provenance'),
    target: [{ reference: 'Claim/xss-claim' }],
    recorded: '2026-11-20T10:00:00Z',
    agent: [
      {
        type: { coding: [{ code: d('review.agent-type') }] },
        who: { display: d('review.agent-display') },
      },
    ],
    entity: [{ role: 'source', what: { reference: `Condition/${XSS_PATIENT}-hf` } }],
  };
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: claim }, { resource: provenance }],
  };
}

/** An OperationOutcome whose diagnostics and details carry payloads, as a hostile server might answer. */
export function xssOperationOutcome(dealer: PayloadDealer, place: string): object {
  return {
    resourceType: 'OperationOutcome',
    text: narrative(`OperationOutcome/${place}`),
    issue: [
      {
        severity: 'error',
        code: 'processing',
        diagnostics: dealer.make(payload('img-onerror'), `${place}.diagnostics`),
        details: { text: dealer.make(payload('script'), `${place}.details`) },
      },
      {
        severity: 'error',
        code: 'invalid',
        diagnostics: dealer.make(payload('math-mxss'), `${place}.diagnostics-2`),
      },
    ],
  };
}
