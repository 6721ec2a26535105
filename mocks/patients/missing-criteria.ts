/**
 * One scenario per criterion state that a record can show: meets-all with one thing taken away or changed,
 * so exactly that criterion is `missing` (or `not-met`) in November 2026.
 */
import type { CriterionId } from '../../src/domain/evaluation.ts';
import type { Scenario } from './scenario.ts';
import { meetsAllParts, type ScenarioParts, toBundle } from './scenario-kit.ts';

/** A variant: which criterion it breaks, the expected status, and the change. */
interface Variant {
  readonly criterion: CriterionId;
  readonly status: 'missing' | 'not-met';
  readonly title: string;
  readonly description: string;
  readonly change: (parts: ScenarioParts, id: string) => void;
}

const VARIANTS: readonly Variant[] = [
  {
    criterion: 'complex-needs',
    status: 'not-met',
    title: 'Only one chronic condition',
    description: 'Heart failure is the only chronic condition and there was no recent hospital stay.',
    change: (p, id) => {
      p.conditions = p.conditions.filter((c) => c.id === `${id}-hf` || c.id === `${id}-food`);
    },
  },
  {
    criterion: 'problem-list-review',
    status: 'missing',
    title: 'Problem list not reviewed',
    description: 'No condition was recorded or updated this month and the care plan addresses none.',
    change: (p) => {
      for (const c of p.conditions) {
        c.onsetDateTime = c.onsetDateTime && c.onsetDateTime < '2019-05-01' ? c.onsetDateTime : '2019-05-01';
        c.recordedDate = '2019-06-01';
      }
      for (const plan of p.carePlans) {
        plan.addresses = [];
      }
    },
  },
  {
    criterion: 'medication-reconciliation',
    status: 'missing',
    title: 'Order list only (no reconciliation)',
    description: 'The medication list is two MedicationRequests; nothing shows it was reconciled this month.',
    change: (p, id) => {
      p.procedures = [];
      p.medications = ['Metformin 500 mg tablet', 'Furosemide 20 mg tablet'].map((text, i) => ({
        resourceType: 'MedicationRequest' as const,
        id: `${id}-order-${i + 1}`,
        status: 'active' as const,
        intent: 'order' as const,
        medicationCodeableConcept: { text },
        subject: { reference: `Patient/${id}` },
        authoredOn: '2025-02-10',
      }));
    },
  },
  {
    criterion: 'assessment',
    status: 'missing',
    title: 'No assessment this month',
    description: 'No screening, questionnaire or assessment procedure in November.',
    change: (p) => {
      p.observations = [];
    },
  },
  {
    criterion: 'care-plan',
    status: 'missing',
    title: 'Care plan without activities',
    description: 'The care plan is active and updated but lists no activities.',
    change: (p) => {
      for (const plan of p.carePlans) {
        plan.activity = [];
      }
    },
  },
  {
    criterion: 'goals',
    status: 'missing',
    title: 'No goals',
    description: 'No Goal resources and the care plan links none.',
    change: (p) => {
      p.goals = [];
      for (const plan of p.carePlans) {
        plan.goal = [];
      }
    },
  },
  {
    criterion: 'care-plan-updated',
    status: 'missing',
    title: 'Care plan not updated this month',
    description: 'The active care plan was created in June and not touched in November.',
    change: (p) => {
      for (const plan of p.carePlans) {
        plan.created = '2026-06-02';
        plan.period = { start: '2026-06-02' };
      }
    },
  },
  {
    criterion: 'barriers',
    status: 'missing',
    title: 'No barriers documented',
    description: 'No social need on the problem list and no SDOH screening this month.',
    change: (p, id) => {
      p.conditions = p.conditions.filter((c) => c.id !== `${id}-food`);
      p.observations = p.observations.filter((o) => o.id !== `${id}-hvs`);
      p.goals = p.goals.filter((g) => g.id !== `${id}-goal-food`);
      for (const plan of p.carePlans) {
        plan.addresses = [{ reference: `Condition/${id}-hf` }];
        plan.goal = [{ reference: `Goal/${id}-goal-weight` }];
      }
    },
  },
  {
    criterion: 'time',
    status: 'missing',
    title: 'No time documented',
    description: 'The case-management visit has no end time or length, so no minutes are documented.',
    change: (p) => {
      for (const e of p.encounters) {
        e.period = { start: e.period?.start ?? '2026-11-03T09:00:00Z' };
      }
    },
  },
  {
    criterion: 'care-coordination',
    status: 'missing',
    title: 'No care coordination',
    description: 'No communication with other providers or payers this month.',
    change: (p) => {
      p.communications = [];
    },
  },
  {
    criterion: 'case-manager',
    status: 'missing',
    title: 'Work not done by a case manager',
    description:
      'Only the physician took part this month; the case manager is on file but not shown doing the work.',
    change: (p) => {
      const okafor = { reference: 'Practitioner/dr-okafor' };
      for (const e of p.encounters) {
        e.participant = [{ individual: okafor }];
      }
      for (const c of p.communications) {
        c.sender = okafor;
      }
      for (const pr of p.procedures) {
        pr.performer = [{ actor: okafor }];
      }
    },
  },
  {
    criterion: 'coverage',
    status: 'not-met',
    title: 'Coverage ended',
    description: 'The only Coverage ended on 30 June 2026.',
    change: (p) => {
      for (const c of p.coverages) {
        c.period = { start: '2025-01-01', end: '2026-06-30' };
      }
    },
  },
];

/** The expected broken criterion and status of each variant scenario, by scenario id. */
export const MISSING_EXPECTATIONS: ReadonlyMap<
  string,
  { criterion: CriterionId; status: 'missing' | 'not-met' }
> = new Map(
  VARIANTS.map((v) => [`${v.status}-${v.criterion}`, { criterion: v.criterion, status: v.status }]),
);

/** The scenarios. */
export const missingCriteria: readonly Scenario[] = VARIANTS.map((v) => {
  const id = `${v.status}-${v.criterion}`;
  const parts = meetsAllParts(id, { given: v.criterion.replace(/-/g, ' '), family: 'Variant' });
  v.change(parts, id);
  return { id, title: v.title, description: v.description, bundle: toBundle(id, parts) };
});
