/**
 * The Provenance written with every draft (HL7 FHIR R4 Provenance). Pure.
 *
 * - `target`: the draft, by its Bundle fullUrl (`urn:uuid:<ids.draft>`), which the server rewrites to the
 *   created resource's id.
 * - `agent[0]`: the signed-in user (`fhirUser`), type `author`.
 * - `agent[1]`: the app, type `assembler`, as a logical Device reference (identifier under
 *   `APP_SOFTWARE_SYSTEM`, no Device resource needed on the server) with `onBehalfOf` the user. The app
 *   version is in `who.display` ("<name> <version>") and in the `APP_VERSION_EXTENSION` extension, which a
 *   payer-review tool reads.
 * - `entity`: every evidence resource of the met criteria, role `source`.
 * - `recorded`: the time of writing, from the caller's clock.
 */
import type { Evaluation } from '../evaluation.ts';
import type { Ref } from '../record.ts';
import { evidenceRefs } from './criterion-support.ts';
import type { Provenance } from './fhir-types.ts';
import type { AppInfo } from './types.ts';
import {
  APP_SOFTWARE_SYSTEM,
  APP_VERSION_EXTENSION,
  DATA_OPERATION_SYSTEM,
  PROVENANCE_PARTICIPANT_TYPE_SYSTEM,
} from './urls.ts';

/** The software identifier value of the app in Provenance. */
export const APP_SOFTWARE_ID = 'g9012-case-management';

/** What the Provenance needs besides the evaluation. */
export interface ProvenanceInput {
  /** The draft's reference: `urn:uuid:<id>` inside a Bundle, or `ChargeItem/id` / `Claim/id` once created. */
  readonly target: string;
  /** The signed-in user (`Practitioner/id` or `PractitionerRole/id`). */
  readonly user: Ref;
  /** The time of writing, an ISO 8601 instant with time zone. */
  readonly recorded: string;
  readonly app: AppInfo;
}

/** Builds the Provenance for a draft. */
export function buildProvenance(evaluation: Evaluation, input: ProvenanceInput): Provenance {
  const entity = evidenceRefs(evaluation).map((ref) => ({
    role: 'source' as const,
    what: { reference: ref },
  }));
  return {
    resourceType: 'Provenance',
    target: [{ reference: input.target }],
    recorded: input.recorded,
    // Source: HL7 FHIR R4 Provenance.activity (extensible binding ProvenanceActivityType), v3 DataOperation CREATE.
    activity: { coding: [{ system: DATA_OPERATION_SYSTEM, code: 'CREATE', display: 'create' }] },
    agent: [
      {
        type: {
          coding: [{ system: PROVENANCE_PARTICIPANT_TYPE_SYSTEM, code: 'author', display: 'Author' }],
        },
        who: { reference: input.user },
      },
      {
        extension: [{ url: APP_VERSION_EXTENSION, valueString: input.app.version }],
        type: {
          coding: [{ system: PROVENANCE_PARTICIPANT_TYPE_SYSTEM, code: 'assembler', display: 'Assembler' }],
        },
        who: {
          type: 'Device',
          identifier: { system: APP_SOFTWARE_SYSTEM, value: APP_SOFTWARE_ID },
          display: `${input.app.name} ${input.app.version}`,
        },
        onBehalfOf: { reference: input.user },
      },
    ],
    ...(entity.length > 0 ? { entity } : {}),
  };
}
