/**
 * `case-manager`: the performer is a case manager: a PractitionerRole (code or specialty) or a qualification
 * that says so, or attested. DESIGN.md §4. Codes: NUCC provider taxonomy 171M00000X "Case Manager/Care
 * Coordinator" and 163WC0400X (registered nurse, case management), or the words in the role text.
 */
import { within } from '../calendar.ts';
import { conceptWords, hasCode, SYSTEMS } from '../concept.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';
import type { Concept, Ref } from '../record.ts';

const CASE_MANAGER_CODES = new Set(['171M00000X', '163WC0400X']);
const CASE_MANAGER_WORDS = /case manag|care coordinat/;

function saysCaseManager(concepts: readonly Concept[]): boolean {
  return concepts.some(
    (c) => hasCode(c, SYSTEMS.nucc, CASE_MANAGER_CODES) || CASE_MANAGER_WORDS.test(conceptWords(c)),
  );
}

/** The evidence that `who` (Practitioner or PractitionerRole) is a case manager, or undefined. */
function caseManagerEvidence(ctx: EvaluationContext, who: Ref): Ref[] | undefined {
  const { index } = ctx;
  const role = index.practitionerRoles.get(who);
  if (role) {
    return saysCaseManager([...role.codes, ...role.specialties]) ? [role.ref] : undefined;
  }
  const practitioner = index.practitioners.get(who);
  const roles = index.rolesByPractitioner.get(who) ?? [];
  const matching = roles.filter((r) => saysCaseManager([...r.codes, ...r.specialties]));
  if (matching.length > 0) {
    return [who, ...matching.map((r) => r.ref)].filter((ref) => index.refs.has(ref));
  }
  if (practitioner && saysCaseManager(practitioner.qualifications)) {
    return [practitioner.ref];
  }
  return undefined;
}

/** People who did case-management work in the period: encounter participants, performers, senders. */
function performersInPeriod(ctx: EvaluationContext): Ref[] {
  const { record, period } = ctx;
  const people = new Set<Ref>();
  for (const e of record.encounters) {
    if (within(e.period?.start, period)) {
      for (const p of e.participants) {
        people.add(p);
      }
    }
  }
  for (const p of record.procedures) {
    if (within(p.performed?.start, period)) {
      for (const who of p.performers) {
        people.add(who);
      }
    }
  }
  for (const c of record.communications) {
    if (c.sender && (within(c.sent, period) || within(c.received, period))) {
      people.add(c.sender);
    }
  }
  return [...people];
}

/** Checks that the performer is a case manager. */
export function checkCaseManager(ctx: EvaluationContext): CriterionFinding {
  const user = ctx.record.user;
  if (user) {
    const evidence = caseManagerEvidence(ctx, user);
    if (evidence && evidence.length > 0) {
      return { status: 'met', evidence, reason: 'The signed-in user is a case manager' };
    }
    return {
      status: 'missing',
      evidence: ctx.index.refs.has(user) ? [user] : [],
      reason: 'The signed-in user has no case-manager role or qualification in the record',
    };
  }
  for (const who of performersInPeriod(ctx)) {
    const evidence = caseManagerEvidence(ctx, who);
    if (evidence && evidence.length > 0) {
      return { status: 'met', evidence, reason: 'A case manager took part in the period' };
    }
  }
  const onFile = ctx.record.practitionerRoles.filter((r) => saysCaseManager([...r.codes, ...r.specialties]));
  return {
    status: 'missing',
    evidence: onFile.map((r) => r.ref),
    reason:
      onFile.length > 0
        ? 'A case manager is on file but not shown doing the work in the period'
        : 'No case manager role or qualification in the record',
  };
}
