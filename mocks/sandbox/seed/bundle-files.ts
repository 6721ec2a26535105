import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';

/** Files in the data folder that describe the data rather than hold it. */
const NOT_BUNDLES = new Set(['index.json', 'provenance.json']);

/** A Bundle read from disk, named by its file. */
export interface NamedBundle {
  name: string;
  bundle: Bundle;
}

/**
 * Reads every `*.json` FHIR Bundle in `dir` (sorted by name), skipping `index.json`, `provenance.json` and
 * files that are not Bundles. Throws with the file name if a file is not JSON.
 */
export function readBundleDir(dir: string): NamedBundle[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !NOT_BUNDLES.has(name))
    .sort();
  const bundles: NamedBundle[] = [];
  for (const name of names) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (err) {
      throw new Error(`Sandbox data file ${name} is not JSON: ${(err as Error).message}`);
    }
    if (typeof value === 'object' && value !== null && (value as Bundle).resourceType === 'Bundle') {
      bundles.push({ name: name.replace(/\.json$/, ''), bundle: value as Bundle });
    }
  }
  return bundles;
}
