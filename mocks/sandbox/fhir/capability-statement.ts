import { getSearchParameters } from '@medplum/core';
import type {
  CapabilityStatement,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceSearchParam,
} from '@medplum/fhirtypes';
import type { LaunchSettings } from '../launch-settings.ts';
import { DRAFT_TYPES } from '../launch-settings.ts';

/** Types the app reads or writes, served even before anything of that type exists. */
export const ALWAYS_SERVED: readonly string[] = [
  'CarePlan',
  'CareTeam',
  'ChargeItem',
  'Claim',
  'Communication',
  'CommunicationRequest',
  'Condition',
  'Coverage',
  'Encounter',
  'EpisodeOfCare',
  'Goal',
  'Medication',
  'MedicationRequest',
  'MedicationStatement',
  'Observation',
  'Organization',
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'Procedure',
  'Provenance',
  'QuestionnaireResponse',
];

const COMMON_PARAMS: CapabilityStatementRestResourceSearchParam[] = [
  { name: '_id', type: 'token' },
  { name: '_lastUpdated', type: 'date' },
  { name: '_count', type: 'number', documentation: 'Page size: default 50, at most 1000.' },
  { name: '_offset', type: 'number' },
  { name: '_sort', type: 'string' },
  { name: '_include', type: 'special' },
  { name: '_revinclude', type: 'special' },
];

/** The types this server serves under the given switches. */
export function servedTypes(present: readonly string[], settings: LaunchSettings): string[] {
  const types = new Set([...ALWAYS_SERVED, ...present]);
  if (settings.noMedicationStatement) {
    types.delete('MedicationStatement');
  }
  return [...types].sort();
}

/**
 * Builds the CapabilityStatement for /metadata: every served type with its interactions and search
 * parameters (fhirclient's `patient.request` refuses a type whose `patient` search it cannot find), the
 * SMART OAuth endpoints, and transaction and batch.
 */
export function buildCapabilityStatement(options: {
  fhirBase: string;
  authorizeUrl: string;
  tokenUrl: string;
  types: readonly string[];
  settings: LaunchSettings;
}): CapabilityStatement {
  const resource = options.types.map((type): CapabilityStatementRestResource => {
    const readOnly = options.settings.noDraftWrite && DRAFT_TYPES.includes(type);
    const codes = readOnly
      ? (['read', 'vread', 'search-type', 'history-instance'] as const)
      : ([
          'read',
          'vread',
          'search-type',
          'history-instance',
          'create',
          'update',
          'patch',
          'delete',
        ] as const);
    const params = Object.values(getSearchParameters(type) ?? {});
    return {
      type: type as CapabilityStatementRestResource['type'],
      interaction: codes.map((code) => ({ code })),
      versioning: 'versioned',
      readHistory: true,
      updateCreate: false,
      conditionalCreate: !readOnly,
      conditionalUpdate: !readOnly,
      searchInclude: params.filter((p) => p.type === 'reference').map((p) => `${type}:${p.code}`),
      searchRevInclude: ['Provenance:target'],
      searchParam: [
        ...COMMON_PARAMS,
        ...params
          .filter((p) => p.code && !p.code.startsWith('_'))
          .map((p) => ({ name: p.code ?? '', type: p.type ?? 'string', definition: p.url })),
      ],
    };
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: 'G9012 sandbox EHR (@medplum/fhir-router MemoryRepository)' },
    implementation: { description: 'Local synthetic sandbox', url: options.fhirBase },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: true,
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: options.authorizeUrl },
                { url: 'token', valueUri: options.tokenUrl },
              ],
            },
          ],
        },
        resource,
        interaction: [{ code: 'transaction' }, { code: 'batch' }, { code: 'search-system' }],
      },
    ],
  };
}
