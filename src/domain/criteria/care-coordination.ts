/**
 * `care-coordination`: communication with other providers or payers in the period (Communication), or a
 * referral activity on a care plan in the period. DESIGN.md §4.
 */
import { within } from '../calendar.ts';
import { conceptWords, plural } from '../concept.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';

const PARTY_TYPES = new Set(['Practitioner', 'PractitionerRole', 'Organization', 'CareTeam']);
const EXCLUDED = new Set(['entered-in-error', 'not-done', 'preparation']);

function isParty(ref: string | undefined): boolean {
  return typeof ref === 'string' && PARTY_TYPES.has(ref.split('/')[0] ?? '');
}

/** Checks care coordination. */
export function checkCareCoordination(ctx: EvaluationContext): CriterionFinding {
  const { record, period } = ctx;
  const messages = record.communications.filter(
    (c) =>
      !EXCLUDED.has(c.status ?? '') &&
      (within(c.sent, period) || within(c.received, period)) &&
      (isParty(c.sender) || c.recipients.some(isParty)),
  );
  if (messages.length > 0) {
    return {
      status: 'met',
      evidence: messages.map((c) => c.ref),
      reason: `${plural(messages.length, 'communication')} with providers or payers in the period`,
    };
  }
  for (const plan of record.carePlans) {
    for (const activity of plan.activities) {
      const referral =
        activity.reference?.startsWith('ServiceRequest/') === true ||
        /\breferr/.test(conceptWords(activity.code));
      const inPeriod =
        within(activity.scheduled?.start, period) || activity.progressDates.some((d) => within(d, period));
      if (referral && inPeriod) {
        const evidence = [plan.ref];
        if (activity.reference && ctx.index.refs.has(activity.reference)) {
          evidence.push(activity.reference);
        }
        return { status: 'met', evidence, reason: 'Referral on the care plan in the period' };
      }
    }
  }
  return {
    status: 'missing',
    evidence: [],
    reason: 'No communication with other providers or payers in the period',
  };
}
