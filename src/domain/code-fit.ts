/**
 * Code fit: G9012 is "not elsewhere classified", so check whether a more specific code's core conditions
 * appear in the record (DESIGN.md §4). Advice for a human, not a verdict: each alternative names its source.
 */
import { addDays, dayOf, daysBetween, within } from './calendar.ts';
import { listLabels, SYSTEMS } from './concept.ts';
import { conditionName } from './condition-names.ts';
import { isActiveCondition } from './conditions.ts';
import type { EvaluationContext } from './context.ts';
import { isActivePlan } from './criteria/care-plan-dates.ts';
import type { CodeAlternative } from './evaluation.ts';

// Source: CMS MLN909188 "Chronic Care Management Services" (May 2015; later versions 2022, 2024) and NGS
// "Care Management – Chronic Care Management" (99490 at least 20 minutes of clinical staff time per calendar
// month; 2 or more chronic conditions; comprehensive care plan). SOURCES.md §2a–§2b [V].
const CCM_MIN_MINUTES = 20;
const CCM_SOURCE =
  'CMS MLN909188 Chronic Care Management Services (May 2015) and NGS Care Management – CCM, SOURCES.md §2a–§2b';

// Source: Noridian JF Part B "TCM Direct Contact" (contact within 2 business days); CMS 2023 PFS RVU file
// short descriptors (99495 f2f 14d, 99496 f2f 7d), SOURCES.md §3 [V]. The 30-day period beginning on the
// discharge day is secondary only (MLN908628 as quoted by third parties, SOURCES.md §3 [S]).
const TCM_WINDOW_DAYS = 29;
const TCM_SOURCE =
  'Noridian JF Part B TCM Direct Contact; CMS 2023 PFS RVU file (Jan 2023); 30-day period [S], SOURCES.md §3';

// Source: NGS "Care Management – Principal Care Management" (99424/99426: single high-risk disease, first 30
// minutes per calendar month), SOURCES.md §4 [V]; duration of the condition is [S] and not encoded.
const PCM_MIN_MINUTES = 30;
const PCM_SOURCE = 'NGS Care Management – Principal Care Management, SOURCES.md §4';

// Source: APCM G0556–G0558, CY 2025 PFS final rule as summarised by AAFP, Bass Berry & Sims, RHIhub
// (secondary only, SOURCES.md §5 [S]): G0556 one or fewer chronic conditions, G0557 two or more, G0558 two or
// more and QMB; no time threshold. A Medicare PFS code, so it is only checked under a Medicare policy.
const APCM_SOURCE =
  'APCM G0556–G0558, CY 2025 PFS final rule (secondary summaries AAFP, RHIhub), SOURCES.md §5 [S]';

// Source: CHI G0019 "60 minutes per calendar month ... to address SDOH need(s)" (AAFP quoting the CMS
// descriptor, SOURCES.md §6 [S]); initiating visit required (Noridian JF Part B CHI Services, §6 [V]).
const CHI_MIN_MINUTES = 60;
const CHI_SOURCE =
  'AAFP G0019/G0022 CHI (CY 2024 PFS) [S]; Noridian JF Part B CHI Services [V], SOURCES.md §6';

// Source: PIN G0023 "60 minutes per calendar month"; one serious high-risk condition (AAFP, RHIhub,
// SOURCES.md §6 [S]).
const PIN_MIN_MINUTES = 60;
const PIN_SOURCE = 'AAFP G0023/G0024 PIN (CY 2024 PFS) [S], SOURCES.md §6';

// Source: CMS 2019 HCPCS file: T1016 "Case management, each 15 minutes", T1017 "Targeted case management,
// each 15 minutes", coverage I (not payable by Medicare), SOURCES.md §7 [V]. Medicaid use is [S].
const T1016_MINUTES = 15;
const T1016_SOURCE = 'CMS 2019 Alpha-Numeric HCPCS File (T1016/T1017), SOURCES.md §7';

/** The more specific codes whose core conditions appear; `totalMinutes` includes attested minutes. */
export function findAlternatives(ctx: EvaluationContext, totalMinutes: number): CodeAlternative[] {
  const out: CodeAlternative[] = [];
  const chronic = ctx.chronicConditions;
  const chronicRefs = chronic.map((c) => c.ref);
  const chronicNames = listLabels(
    chronic.map((c) => conditionName(c)),
    3,
  );
  const plans = ctx.record.carePlans.filter(isActivePlan);
  const plan = plans[0];

  if (chronic.length >= 2 && plan && totalMinutes >= CCM_MIN_MINUTES) {
    out.push({
      code: '99490',
      system: SYSTEMS.cpt,
      family: 'CCM',
      related: ['99439', '99487', '99489', '99491', '99437'],
      reason: `${chronic.length} chronic conditions (${chronicNames}), an active care plan and ${totalMinutes} minutes this period: chronic care management (99490 needs at least ${CCM_MIN_MINUTES} minutes of clinical staff time per calendar month)`,
      evidence: [...chronicRefs, plan.ref],
      source: CCM_SOURCE,
    });
  }

  const discharge = ctx.record.encounters
    .filter((e) => e.classCode === 'IMP' && e.status !== 'entered-in-error' && e.status !== 'cancelled')
    .map((e) => ({ e, day: dayOf(e.period?.end) }))
    .filter(
      (x): x is { e: (typeof x)['e']; day: string } =>
        x.day !== undefined && x.day <= ctx.asOf && x.day >= addDays(ctx.asOf, -TCM_WINDOW_DAYS),
    )
    .sort((a, b) => (a.day < b.day ? 1 : -1))[0];
  if (discharge) {
    const ago = daysBetween(discharge.day, ctx.asOf);
    out.push({
      code: '99495',
      system: SYSTEMS.cpt,
      family: 'TCM',
      related: ['99496'],
      reason: `Discharged from an inpatient stay on ${discharge.day} (${ago} days before ${ctx.asOf}): transitional care management (contact within 2 business days; face-to-face within 14 days for 99495, 7 days for 99496)`,
      evidence: [discharge.e.ref],
      source: TCM_SOURCE,
    });
  }

  const single = chronic.length === 1 ? chronic[0] : undefined;
  if (single && totalMinutes >= PCM_MIN_MINUTES) {
    out.push({
      code: '99426',
      system: SYSTEMS.cpt,
      family: 'PCM',
      related: ['99424', '99425', '99427'],
      reason: `One chronic condition (${conditionName(single)}) and ${totalMinutes} minutes this period: principal care management (first ${PCM_MIN_MINUTES} minutes per calendar month)`,
      evidence: [single.ref],
      source: PCM_SOURCE,
    });
  }
  if (single && totalMinutes >= PIN_MIN_MINUTES) {
    out.push({
      code: 'G0023',
      system: SYSTEMS.hcpcs,
      family: 'PIN',
      related: ['G0024'],
      reason: `One serious condition (${conditionName(single)}) and ${totalMinutes} minutes this period: principal illness navigation (60 minutes per calendar month; secondary source, verify)`,
      evidence: [single.ref],
      source: PIN_SOURCE,
    });
  }

  // CHI addresses SDOH needs (SOURCES.md §6): only the sdoh category counts, not every health concern.
  const socialConditions = ctx.record.conditions.filter(
    (c) => c.categories.includes('sdoh') && isActiveCondition(c, ctx.period),
  );
  const socialObservations = ctx.record.observations.filter(
    (o) => o.categories.includes('sdoh') && within(o.effective, ctx.period),
  );
  const social = [...socialConditions.map((c) => c.ref), ...socialObservations.map((o) => o.ref)];
  if (social.length > 0 && totalMinutes >= CHI_MIN_MINUTES) {
    out.push({
      code: 'G0019',
      system: SYSTEMS.hcpcs,
      family: 'CHI',
      related: ['G0022'],
      reason: `Social needs documented and ${totalMinutes} minutes this period: community health integration (60 minutes per calendar month after an initiating visit; secondary source for the time, verify)`,
      evidence: social,
      source: CHI_SOURCE,
    });
  }

  if (ctx.policy.programme === 'medicare' && plan) {
    const code = chronic.length >= 2 ? 'G0557' : 'G0556';
    out.push({
      code,
      system: SYSTEMS.hcpcs,
      family: 'APCM',
      related: ['G0556', 'G0557', 'G0558'].filter((c) => c !== code),
      reason: `Medicare patient with an active care plan and ${chronic.length} chronic condition${chronic.length === 1 ? '' : 's'}: advanced primary care management has no time threshold (secondary source, verify; G0558 needs QMB status)`,
      evidence: [plan.ref, ...chronicRefs],
      source: APCM_SOURCE,
    });
  }

  if (ctx.policy.programme === 'medicaid' && totalMinutes >= T1016_MINUTES) {
    out.push({
      code: 'T1016',
      system: SYSTEMS.hcpcs,
      family: 'MEDICAID-CM',
      related: ['T1017'],
      reason: `Medicaid payer and ${totalMinutes} minutes this period: T1016 case management (T1017 targeted case management) is billed each 15 minutes`,
      evidence: ctx.documentedMinutes.flatMap((s) => (s.ref ? [s.ref] : [])),
      source: T1016_SOURCE,
    });
  }
  return out;
}
