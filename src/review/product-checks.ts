/**
 * The product checks on the draft itself ("rule" checks): HCPCS G9012 with the right system, the draft
 * status, a diagnosis, and modifier 22 only with a written justification. They need no evidence.
 */
import { G9012_CODE } from '../domain/draft/identity.ts';
import { HCPCS_SYSTEM, ICD10CM_SYSTEM } from '../domain/draft/urls.ts';
import type { DraftClaims } from './draft-claims.ts';
import { justificationFor } from './re-evaluate.ts';
import type { ProductCheck } from './types.ts';

// Source: DESIGN.md §5 code systems — emit http://, accept https:// on read.
const HCPCS_SYSTEMS: ReadonlySet<string> = new Set([HCPCS_SYSTEM, HCPCS_SYSTEM.replace(/^http:/, 'https:')]);

// Source: HL7 FHIR R4 ChargeItem.status has no draft code, so the app's draft is `planned`; Claim uses `draft`.
const DRAFT_STATUS = { Claim: 'draft', ChargeItem: 'planned' } as const;

/** Whether the draft bills G9012 at all (any coding with that code). */
export function billsG9012(claims: DraftClaims): boolean {
  return claims.codes.some((c) => c.code === G9012_CODE);
}

function codeLabel(claims: DraftClaims): string {
  const shown = claims.codes
    .slice(0, 3)
    .map((c) => c.code ?? '(no code)')
    .join(', ');
  return shown === '' ? 'no code' : shown;
}

function check(id: ProductCheck['id'], ok: boolean, detail: string): ProductCheck {
  return { id, kind: 'rule', ok, detail };
}

/** The rule checks for a draft. Only the code check runs when it does not bill G9012. */
export function ruleChecks(claims: DraftClaims): ProductCheck[] {
  const where = claims.type === 'Claim' ? 'Claim.item.productOrService' : 'ChargeItem.code';
  if (!billsG9012(claims)) {
    return [check('code', false, `It bills ${codeLabel(claims)} (${where}), not HCPCS G9012.`)];
  }
  const checks: ProductCheck[] = [check('code', true, `It bills G9012 (${where}).`)];
  const g9012 = claims.codes.filter((c) => c.code === G9012_CODE);
  const rightSystem = g9012.some((c) => c.system !== undefined && HCPCS_SYSTEMS.has(c.system));
  const systems = [...new Set(g9012.map((c) => c.system ?? '(no system)'))].join(', ');
  checks.push(
    check(
      'code-system',
      rightSystem,
      rightSystem
        ? 'G9012 is coded under the HCPCS system.'
        : `G9012 is coded under ${systems}, not the HCPCS system ${HCPCS_SYSTEM}.`,
    ),
  );
  const expected = DRAFT_STATUS[claims.type];
  checks.push(
    check(
      'status',
      claims.status === expected,
      claims.status === expected
        ? `Status is ${expected}.`
        : `Status is ${claims.status ?? '(none)'}, not ${expected}: this is not a draft awaiting review.`,
    ),
  );
  const icd = claims.diagnoses.filter((c) => c.system === ICD10CM_SYSTEM && c.code !== undefined);
  const diagnosisField = claims.type === 'Claim' ? 'Claim.diagnosis' : 'ChargeItem.reason';
  checks.push(
    check(
      'diagnosis',
      icd.length > 0,
      icd.length > 0
        ? `${icd.length} ICD-10-CM diagnosis code${icd.length === 1 ? '' : 's'} (${diagnosisField}).`
        : `No ICD-10-CM diagnosis in ${diagnosisField}.`,
    ),
  );
  if (claims.modifiers.includes('22')) {
    const justified = justificationFor('22', claims.statements) !== undefined;
    // Source: SOURCES.md §9, NGS quoting IOM 100-04 ch. 12 §40.2(A)(10): modifier 22 needs a concise statement.
    checks.push(
      check(
        'modifier-22',
        justified,
        justified
          ? 'Modifier 22 carries a written justification.'
          : 'Modifier 22 is on the G9012 line without a written justification.',
      ),
    );
  }
  return checks;
}
