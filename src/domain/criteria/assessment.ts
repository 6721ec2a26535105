/**
 * `assessment`: a comprehensive assessment in the period: an assessment or screening Observation (category
 * survey or social-history), a QuestionnaireResponse, or an assessment Procedure. DESIGN.md §4.
 */
import { within } from '../calendar.ts';
import { conceptLabel, conceptWords } from '../concept.ts';
import type { CriterionFinding, EvaluationContext } from '../context.ts';

const ASSESSMENT_CATEGORIES = new Set(['survey', 'social-history', 'sdoh']);
const OBSERVATION_EXCLUDED = new Set(['entered-in-error', 'cancelled', 'registered']);
const QR_DONE = new Set(['completed', 'amended']);
const PROCEDURE_DONE = new Set(['completed', 'in-progress']);
const ASSESSMENT_WORDS = /\b(assessment|screening|evaluation)\b/;

/** Checks for an assessment. */
export function checkAssessment(ctx: EvaluationContext): CriterionFinding {
  const { record, period } = ctx;
  const responses = record.questionnaireResponses.filter(
    (q) => QR_DONE.has(q.status ?? '') && within(q.authored, period),
  );
  if (responses.length > 0) {
    return {
      status: 'met',
      evidence: responses.map((q) => q.ref),
      reason: `Questionnaire completed in the period (${responses[0]?.authored?.slice(0, 10)})`,
    };
  }
  const procedures = record.procedures.filter(
    (p) =>
      PROCEDURE_DONE.has(p.status ?? '') &&
      within(p.performed?.start, period) &&
      ASSESSMENT_WORDS.test(conceptWords(p.code)),
  );
  const first = procedures[0];
  if (first) {
    return {
      status: 'met',
      evidence: procedures.map((p) => p.ref),
      reason: `Assessment done in the period: ${conceptLabel(first.code)}`,
    };
  }
  const observations = record.observations.filter(
    (o) =>
      !OBSERVATION_EXCLUDED.has(o.status ?? '') &&
      within(o.effective, period) &&
      o.categories.some((c) => ASSESSMENT_CATEGORIES.has(c)),
  );
  const firstObservation = observations[0];
  if (firstObservation) {
    return {
      status: 'met',
      evidence: observations.map((o) => o.ref),
      reason: `Screening recorded in the period: ${conceptLabel(firstObservation.code)}${observations.length > 1 ? ` and ${observations.length - 1} more` : ''}`,
    };
  }
  return {
    status: 'missing',
    evidence: [],
    reason: 'No assessment, screening or questionnaire in the period',
  };
}
