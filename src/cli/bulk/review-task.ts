/**
 * One unit of bulk review work: a draft and the resources it can be checked against. Plain data, so it can
 * cross a worker_threads boundary; the same function runs in a worker or in the main thread.
 */
import type { PayerPolicy } from '../../domain/policy.ts';
import { bundleSource, reviewDraft } from '../../review/index.ts';
import type { JsonObject } from '../../review/json-access.ts';
import type { R4Validator } from '../../validate/r4.ts';
import { formatReview } from '../review-output.ts';

/** A draft and its patient's resources (plus shared resources and the draft's Provenance). */
export interface ReviewTask {
  readonly draft: JsonObject;
  readonly resources: readonly JsonObject[];
}

/** Settings shared by every task in a run. */
export interface ReviewSettings {
  readonly asOf?: string;
  readonly format: 'json' | 'text';
  readonly policies: readonly PayerPolicy[];
}

/** What a task gives back: the formatted output and whether the draft was valid and consistent. */
export interface ReviewOutcome {
  readonly output: string;
  readonly ok: boolean;
}

/** Reviews one task. */
export async function runReviewTask(
  task: ReviewTask,
  settings: ReviewSettings,
  validator: R4Validator,
): Promise<ReviewOutcome> {
  const report = await reviewDraft(
    { resource: task.draft },
    {
      validate: (r) => validator.validate(r),
      source: bundleSource(task.resources.map((resource) => ({ resource }))),
      policies: settings.policies,
      ...(settings.asOf === undefined ? {} : { asOf: settings.asOf }),
    },
  );
  return { output: formatReview(report, settings.format), ok: report.verdict === 'consistent' };
}
