import type { Coding } from '@medplum/fhirtypes';

/** Marks every resource the sandbox makes up, so nobody mistakes it for source data. */
export const SYNTHETIC_TAG: Coding = {
  system: 'urn:g9012:sandbox',
  code: 'synthetic',
  display: 'Synthetic sandbox data, made up for testing',
};

/** The identifier system of the sandbox's own made-up identifiers. */
export const SANDBOX_IDENTIFIER_SYSTEM = 'urn:g9012:sandbox:id';
