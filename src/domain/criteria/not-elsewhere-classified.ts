/**
 * `not-elsewhere-classified`: no more specific code fits (see code fit). If one fits, this is `missing`
 * until the user confirms with a note that G9012 is still right. DESIGN.md §4.
 */
import type { CriterionFinding } from '../context.ts';
import type { CodeAlternative } from '../evaluation.ts';

/** The finding from the code-fit alternatives. */
export function checkNotElsewhereClassified(alternatives: readonly CodeAlternative[]): CriterionFinding {
  if (alternatives.length === 0) {
    return { status: 'met', evidence: [], reason: 'No more specific case-management code fits the record' };
  }
  const codes = alternatives.map((a) => `${a.code} (${a.family})`).join(', ');
  return {
    status: 'missing',
    evidence: [...new Set(alternatives.flatMap((a) => a.evidence))],
    reason: `A more specific code may fit: ${codes}. Confirm with a note that G9012 is still right`,
  };
}
