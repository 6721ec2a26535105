/** One validation finding, in the shape the draft panel, the CLI and the review tool show. */
export interface ValidationIssue {
  readonly severity: 'fatal' | 'error' | 'warning' | 'information';
  /** FHIRPath-like location, e.g. `Claim.insurance` or `Claim.item[0].quantity`. */
  readonly path: string;
  readonly message: string;
}

/** True when an issue stops a resource being written. */
export function isBlocking(issue: ValidationIssue): boolean {
  return issue.severity === 'error' || issue.severity === 'fatal';
}
