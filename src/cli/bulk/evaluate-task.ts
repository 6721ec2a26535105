/**
 * One unit of bulk evaluation: a patient's NDJSON lines, parsed, joined with the shared resources they
 * reference, built into a record and evaluated. Plain data in and out, so the same function runs in a
 * worker thread or in the main thread.
 */
import { recordFromResources } from '../../fhir/record/index.ts';
import { oneLine } from '../cli-io.ts';
import { NO_POLICY, type RunSettings, renderEvaluation } from '../evaluate-render.ts';
import { type PackedPatients, unpackPatients } from '../ndjson/packed-lines.ts';
import type { PatientLines } from '../ndjson/patient-lines.ts';
import { patientResources } from '../ndjson/patient-resources.ts';
import { type PlainShared, SharedResources } from '../ndjson/references.ts';
import type { OutputPlace, OutputRing } from './output-ring.ts';

/** What every task of a run shares: settings, the folder's file names, and its shared resources as text. */
export interface EvaluateRun {
  readonly settings: RunSettings;
  readonly files: readonly string[];
  /** The folder's shared resources as JSON text (`SharedResources.toPlain`). */
  readonly shared: PlainShared<string>;
}

/** A task's result: stdout text and stderr lines (each ending in a newline), or an input problem. */
export interface EvaluateOutcome {
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the run must stop with exit code 2 (no payer policy applies). */
  readonly inputError?: string;
}

/** The evaluation context a worker builds once from `EvaluateRun`. */
export interface EvaluateContext {
  readonly run: EvaluateRun;
  readonly shared: SharedResources<string>;
}

/** Builds the per-run context (the shared-resource index). */
export function evaluateContext(run: EvaluateRun): EvaluateContext {
  return { run, shared: SharedResources.fromPlain(run.shared) };
}

/** Evaluates one patient. */
export function runEvaluateTask(task: PatientLines, ctx: EvaluateContext): EvaluateOutcome {
  const { settings, files } = ctx.run;
  const { resources, problems } = patientResources(task, ctx.shared, files);
  let stderr = problems.map((p) => `g9012 evaluate: ${p.file} line ${p.line}: ${p.problem}\n`).join('');
  const result = recordFromResources(resources, {
    patientId: task.patientId,
    ...(settings.user === undefined ? {} : { user: settings.user }),
  });
  if (!result.record) {
    stderr += `g9012 evaluate: Patient/${oneLine(task.patientId, 64)}: ${oneLine(result.problems.join('; '))}\n`;
    return { stdout: '', stderr };
  }
  const output = renderEvaluation(result.record, result.invalid, settings);
  if (output === undefined) {
    return { stdout: '', stderr, inputError: NO_POLICY };
  }
  return { stdout: output, stderr };
}

/** A pack's result: every patient's stdout, their stderr lines, and any input problem. */
export interface PackOutcome {
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the run must stop (exit code 2); `stdout` holds the outputs of the patients before it. */
  readonly inputError?: string;
}

/** Evaluates a pack of patients. */
export function runEvaluatePack(pack: PackedPatients, ctx: EvaluateContext): PackOutcome {
  let stdout = '';
  let stderr = '';
  for (const task of unpackPatients(pack)) {
    const outcome = runEvaluateTask(task, ctx);
    stderr += outcome.stderr;
    if (outcome.inputError !== undefined) {
      return { stdout, stderr, inputError: outcome.inputError };
    }
    stdout += outcome.stdout;
  }
  return { stdout, stderr };
}

/** What a bulk worker gets at start: the run, and the ring its outputs go through. */
export interface WorkerSetup {
  readonly run: EvaluateRun;
  readonly ring: OutputRing;
}

/** A worker's answer to a pack: its outcome, with the output left in the ring (or transferred). */
export type PackReply = Omit<PackOutcome, 'stdout'> & { readonly stdout: OutputPlace };
