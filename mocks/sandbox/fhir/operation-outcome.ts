import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/** A one-issue error OperationOutcome. */
export function operationOutcome(code: OperationOutcomeIssue['code'], text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] };
}
