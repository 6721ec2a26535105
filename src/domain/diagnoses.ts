/**
 * Claim diagnoses: ICD-10-CM codes from active conditions, chronic conditions first. A SNOMED-only condition
 * gets a suggested code from the curated table (`chronic-condition-table.ts`), which counts only once the
 * user confirms it (DESIGN.md §4, `diagnosis-codes`).
 */
import { rowForSnomed, SUGGESTION_SOURCE } from './chronic-condition-table.ts';
import { codesIn, SYSTEMS } from './concept.ts';
import type { EvaluationContext } from './context.ts';
import type { Diagnosis, DiagnosisConfirmation } from './evaluation.ts';
import type { ConditionItem } from './record.ts';

const RECORD_SOURCE = 'ICD-10-CM coding on the Condition in the record';

function icdCoding(c: ConditionItem): { code: string; display?: string } | undefined {
  for (const coding of c.code.codings) {
    if (coding?.system === SYSTEMS.icd10cm && typeof coding.code === 'string' && coding.code.trim()) {
      return {
        code: coding.code.trim(),
        ...(typeof coding.display === 'string' ? { display: coding.display } : {}),
      };
    }
  }
  return undefined;
}

/** Builds the diagnosis list, marking suggestions confirmed when a matching confirmation is given. */
export function buildDiagnoses(
  ctx: EvaluationContext,
  confirmations: readonly DiagnosisConfirmation[],
): Diagnosis[] {
  const chronic = new Set(ctx.chronicConditions.map((c) => c.ref));
  const ordered = [
    ...ctx.activeConditions.filter((c) => chronic.has(c.ref)),
    ...ctx.activeConditions.filter((c) => !chronic.has(c.ref)),
  ];
  const seen = new Set<string>();
  const out: Diagnosis[] = [];
  for (const c of ordered) {
    const coded = icdCoding(c);
    if (coded) {
      if (!seen.has(coded.code)) {
        seen.add(coded.code);
        out.push({
          system: SYSTEMS.icd10cm,
          code: coded.code,
          ...(coded.display ? { display: coded.display } : {}),
          suggested: false,
          confirmed: true,
          condition: c.ref,
          chronic: chronic.has(c.ref),
          source: RECORD_SOURCE,
        });
      }
      continue;
    }
    for (const snomed of codesIn(c.code, SYSTEMS.snomed)) {
      const suggestion = rowForSnomed(snomed)?.suggestion;
      if (!suggestion) {
        continue;
      }
      if (!seen.has(suggestion.code)) {
        seen.add(suggestion.code);
        const confirmed = confirmations.some((k) => k.condition === c.ref && k.code === suggestion.code);
        out.push({
          system: SYSTEMS.icd10cm,
          code: suggestion.code,
          display: suggestion.display,
          suggested: true,
          confirmed,
          condition: c.ref,
          chronic: chronic.has(c.ref),
          fromSnomed: snomed,
          source: SUGGESTION_SOURCE,
        });
      }
      break;
    }
  }
  return out;
}
