/**
 * The worker_threads entry of bulk evaluation. `workerData` is the run's `EvaluateRun`; each message is
 * a few patients' lines packed into bytes (`packed-lines.ts`), answered with their outcome, whose output
 * bytes are transferred back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PackedPatients } from '../ndjson/packed-lines.ts';
import { type EvaluateRun, evaluateContext, type PackOutcome, runEvaluatePack } from './evaluate-task.ts';
import type { WorkerReply } from './worker-pool.ts';

const ctx = evaluateContext(workerData as EvaluateRun);
const port = parentPort;

port?.on('message', (message: { id: number; input: PackedPatients }) => {
  let reply: WorkerReply<PackOutcome>;
  try {
    const output = runEvaluatePack(message.input, ctx);
    reply = { id: message.id, output };
    port.postMessage(reply, [output.stdout.buffer as ArrayBuffer]);
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
  }
});
