import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { NamedBundle } from '../seed/bundle-files.ts';

/** Known ids in the fixture bundles. */
export const ALICE = 'alice';
export const BOB = 'bob';
export const ALICE_LATEST_ENCOUNTER = 'alice-enc-3';

let counter = 0;
function uuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

function patientBundle(id: string, name: string, encounterDates: readonly string[]): Bundle {
  const patientUrl = `urn:uuid:${uuid()}`;
  const resources: Resource[] = [
    ...encounterDates.map(
      (date, i): Resource => ({
        resourceType: 'Encounter',
        id: `${id}-enc-${i + 1}`,
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        subject: { reference: patientUrl },
        period: { start: `${date}T09:00:00-05:00`, end: `${date}T09:30:00-05:00` },
      }),
    ),
    {
      resourceType: 'Condition',
      id: `${id}-diabetes`,
      subject: { reference: patientUrl },
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      code: { text: `${name}'s diabetes` },
      onsetDateTime: '2010-06-01',
      recordedDate: encounterDates[0],
    },
  ];
  const entry: BundleEntry[] = [
    {
      fullUrl: patientUrl,
      resource: {
        resourceType: 'Patient',
        id,
        name: [{ given: [name], family: 'Fixture' }],
        birthDate: '1950-03-15',
      },
    },
    ...resources.map((resource) => ({ fullUrl: `urn:uuid:${uuid()}`, resource })),
  ];
  return { resourceType: 'Bundle', type: 'collection', entry };
}

/**
 * Two small patients whose references are `urn:uuid:`, as Synthea writes them, with old dates: Alice
 * (three encounters, the newest on 2020-03-10) and Bob (one encounter on 2019-07-04). Loads in milliseconds.
 */
export function fixtureBundles(): NamedBundle[] {
  return [
    { name: 'alice', bundle: patientBundle(ALICE, 'Alice', ['2020-01-05', '2020-02-20', '2020-03-10']) },
    { name: 'bob', bundle: patientBundle(BOB, 'Bob', ['2019-07-04']) },
  ];
}
