/** Reading an OperationOutcome body, which a FHIR server may send with any error status. */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Longest diagnostic shown to the user; servers sometimes send stack traces. */
const maxDiagnosticLength = 300;

/** The diagnostics (or details.text) of each issue, trimmed; empty when the body is not an OperationOutcome. */
export function outcomeDiagnostics(body: unknown): string[] {
  if (!isObject(body) || body.resourceType !== 'OperationOutcome' || !Array.isArray(body.issue)) {
    return [];
  }
  const out: string[] = [];
  for (const issue of body.issue) {
    if (!isObject(issue)) {
      continue;
    }
    const details = isObject(issue.details) ? issue.details.text : undefined;
    const text = typeof issue.diagnostics === 'string' ? issue.diagnostics : details;
    if (typeof text === 'string' && text.trim() !== '') {
      out.push(text.trim().slice(0, maxDiagnosticLength));
    }
  }
  return out;
}

const scopePattern =
  /\b(?:patient|user|system)\/(?:[A-Z][A-Za-z]+|\*)\.(?:read|write|\*|c?r?u?d?s?)(?![\w*])/;

/** The first SMART scope named in the diagnostics, e.g. `user/Claim.c`, if any. */
export function scopeNamedIn(diagnostics: readonly string[]): string | undefined {
  for (const text of diagnostics) {
    const match = scopePattern.exec(text);
    if (match && !match[0].endsWith('.')) {
      return match[0];
    }
  }
  return undefined;
}
