/**
 * The worker_threads entry of bulk evaluation. `workerData` is the run's `EvaluateRun`; each message is
 * a few patients' lines, answered with their outcomes in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PatientLines } from '../ndjson/patient-lines.ts';
import { type EvaluateOutcome, type EvaluateRun, evaluateContext, runEvaluateTask } from './evaluate-task.ts';
import type { WorkerReply } from './worker-pool.ts';

const ctx = evaluateContext(workerData as EvaluateRun);
const port = parentPort;

port?.on('message', (message: { id: number; input: readonly PatientLines[] }) => {
  let reply: WorkerReply<EvaluateOutcome[]>;
  try {
    reply = { id: message.id, output: message.input.map((task) => runEvaluateTask(task, ctx)) };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
