/**
 * Writes a Bulk Data NDJSON folder of generated drafts for the bulk review tests: `count` copies of the
 * meets-all patient (ids `bulk-1`, `bulk-2`...), one Claim each built with the app's builders, its Provenance
 * (target `Claim/<id>`, as a server returns it after the transaction), and every evidence resource, one file
 * per resource type.
 */

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { FhirResource } from 'fhir/r4';
import { meetsAllParts, toBundle } from '../../mocks/patients/scenario-kit.ts';
import { draftFor } from './draft-fixtures.ts';

/** Options for the generated folder. */
export interface BulkFolderOptions {
  /** Make every `n`th draft inconsistent by leaving out its care-coordination Communication. */
  readonly breakEvery?: number;
}

/** Writes `count` drafts and their evidence into `dir` (which must exist). */
export async function writeBulkFolder(
  dir: string,
  count: number,
  options: BulkFolderOptions = {},
): Promise<void> {
  const files = new Map<string, WriteStream>();
  const shared = new Set<string>();
  const write = async (resource: FhirResource): Promise<void> => {
    let stream = files.get(resource.resourceType);
    if (stream === undefined) {
      stream = createWriteStream(join(dir, `${resource.resourceType}.ndjson`));
      files.set(resource.resourceType, stream);
    }
    if (!stream.write(`${JSON.stringify(resource)}\n`)) {
      await once(stream, 'drain');
    }
  };
  for (let i = 1; i <= count; i += 1) {
    const id = `bulk-${i}`;
    const scenario = {
      id,
      title: id,
      description: id,
      bundle: toBundle(id, meetsAllParts(id, { given: 'Test', family: `Bulk${i}` })),
    };
    const built = draftFor(scenario, 'claim', i);
    const claimId = `claim-${id}`;
    await write({ ...built.resource, id: claimId } as FhirResource);
    await write({ ...built.provenance, id: `prov-${id}`, target: [{ reference: `Claim/${claimId}` }] });
    const broken = options.breakEvery !== undefined && i % options.breakEvery === 0;
    for (const entry of scenario.bundle.entry ?? []) {
      const resource = entry.resource;
      if (resource === undefined || (broken && resource.resourceType === 'Communication')) {
        continue;
      }
      const patientLinked = !['Practitioner', 'PractitionerRole', 'Organization'].includes(
        resource.resourceType,
      );
      const ref = `${resource.resourceType}/${resource.id}`;
      if (patientLinked || !shared.has(ref)) {
        shared.add(ref);
        await write(resource);
      }
    }
  }
  await Promise.all(
    [...files.values()].map(async (stream) => {
      stream.end();
      await once(stream, 'finish');
    }),
  );
}
