/**
 * Bulk review of an NDJSON folder: streams tasks from `readDraftBatches`, runs them on a worker pool, and
 * writes the outputs in input order. At most `2 × workers` tasks are in flight, so memory stays flat.
 */
import { availableParallelism } from 'node:os';
import type { CliIo } from '../cli-io.ts';
import { readDraftBatches } from './draft-batches.ts';
import { runOrdered, writeText } from './ordered-run.ts';
import { progressReporter } from './progress.ts';
import type { ReviewOutcome, ReviewSettings, ReviewTask } from './review-task.ts';
import { runReviewTask } from './review-task.ts';
import { inlinePool, type TaskPool, workerPool } from './worker-pool.ts';

/** The default number of workers: every available core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

async function openPool(
  workers: number,
  settings: ReviewSettings,
): Promise<TaskPool<ReviewTask, ReviewOutcome>> {
  if (workers > 0) {
    return workerPool<ReviewTask, ReviewOutcome>(
      new URL('./review-worker.ts', import.meta.url),
      workers,
      settings,
    );
  }
  const { loadNodeR4Validator } = await import('../../validate/node-definitions.ts');
  const validator = await loadNodeR4Validator();
  return inlinePool((task) => runReviewTask(task, settings, validator));
}

/** Reviews every draft in the folder; resolves to whether all were valid and consistent. */
export async function reviewFolder(
  dir: string,
  settings: ReviewSettings,
  workers: number,
  io: CliIo,
): Promise<boolean> {
  let progress = progressReporter(io.stderr, 0);
  const tasks = readDraftBatches(dir, {
    onProblem: (p) => {
      io.stderr.write(`g9012 review: ${p.file} line ${p.line}: ${p.problem}\n`);
    },
    onScan: (scan) => {
      progress = progressReporter(io.stderr, scan.draftCount);
    },
  });
  const pool = await openPool(workers, settings);
  let done = 0;
  let allOk = true;
  try {
    await runOrdered(tasks, pool, Math.max(2, workers * 2), async (outcome) => {
      allOk &&= outcome.ok;
      await writeText(io.stdout, outcome.output);
      done += 1;
      progress.tick(done);
    });
    progress.finish(done);
  } finally {
    await pool.close();
  }
  return allOk;
}
