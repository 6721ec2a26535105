/**
 * The worker_threads entry of bulk review: loads the R4 validator once, then reviews each task it is sent.
 * `workerData` is the run's `ReviewSettings`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadNodeR4Validator } from '../../validate/node-definitions.ts';
import { type ReviewOutcome, type ReviewSettings, type ReviewTask, runReviewTask } from './review-task.ts';
import type { WorkerReply } from './worker-pool.ts';

const settings = workerData as ReviewSettings;
const validator = loadNodeR4Validator();
const port = parentPort;

port?.on('message', (message: { id: number; input: ReviewTask }) => {
  validator
    .then((v) => runReviewTask(message.input, settings, v))
    .then(
      (output): WorkerReply<ReviewOutcome> => ({ id: message.id, output }),
      (error: unknown): WorkerReply<ReviewOutcome> => ({
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
      }),
    )
    .then((reply) => port.postMessage(reply));
});
