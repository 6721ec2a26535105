/**
 * The worker_threads entry of bulk evaluation. `workerData` is the run's `EvaluateRun` and the shared
 * output ring; each message is a few patients' lines packed into bytes (`packed-lines.ts`), answered with
 * their outcome, whose output waits in a slot of the ring (`output-ring.ts`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PackedPatients } from '../ndjson/packed-lines.ts';
import { evaluateContext, type PackReply, runEvaluatePack, type WorkerSetup } from './evaluate-task.ts';
import { placeOutput } from './output-ring.ts';
import type { WorkerReply } from './worker-pool.ts';

const { run, ring } = workerData as WorkerSetup;
const ctx = evaluateContext(run);
const port = parentPort;

port?.on('message', (message: { id: number; input: PackedPatients }) => {
  let reply: WorkerReply<PackReply>;
  try {
    const outcome = runEvaluatePack(message.input, ctx);
    const stdout = placeOutput(ring, outcome.stdout);
    reply = { id: message.id, output: { ...outcome, stdout } };
    port.postMessage(reply, 'bytes' in stdout ? [stdout.bytes.buffer as ArrayBuffer] : []);
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
  }
});
