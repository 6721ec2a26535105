/**
 * Bulk evaluation of an NDJSON folder (`g9012 evaluate <folder>`): the main thread indexes the folder and
 * reads it back a window at a time, packing a few patients' lines as bytes (`ndjson/patient-lines.ts`);
 * worker threads decode, parse, build and evaluate each patient and leave the outputs in a shared ring
 * (`output-ring.ts`); the main thread writes them in the order of the Patient resources. It never decodes
 * a patient's line and allocates no buffer per output, which keeps its memory flat however large the
 * folder.
 */
import { availableParallelism } from 'node:os';
import { CliInputError, type CliIo } from '../cli-io.ts';
import type { RunSettings } from '../evaluate-render.ts';
import { type PackedPatients, packTransfers } from '../ndjson/packed-lines.ts';
import { openNdjsonFolder } from '../ndjson/patient-lines.ts';
import {
  type EvaluateRun,
  evaluateContext,
  type PackOutcome,
  type PackReply,
  runEvaluatePack,
  type WorkerSetup,
} from './evaluate-task.ts';
import { runOrdered, writeText } from './ordered-run.ts';
import { createOutputRing, takeOutput } from './output-ring.ts';
import { bundledWorker } from './worker-bundle.ts';
import { inlinePool, type TaskPool, workerPool } from './worker-pool.ts';

/**
 * Below this many patients the folder is evaluated in the main thread: starting workers takes longer
 * than evaluating a few dozen patients.
 */
export const INLINE_BELOW_PATIENTS = 64;

/** Patients per message to a worker: one message per patient costs about 50 µs, as much as a patient's parse. */
const PATIENTS_PER_MESSAGE = 16;

/** Messages in flight per worker, so no worker waits while the main thread writes outputs in order. */
const MESSAGES_PER_WORKER = 4;

/**
 * Workers by default: one per core but one. The main thread indexes the folder and packs patients for the
 * workers; on the 2-core development box a second worker was no faster (each ran at half speed).
 */
export function defaultEvaluateWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Options for a folder run. */
export interface EvaluateFolderOptions {
  /** Worker threads (0: the main thread). */
  readonly workers: number;
  /** About how many bytes of lines one reading window holds (see `openNdjsonFolder`). */
  readonly batchBytes?: number;
  /** Told when each phase of the run is reached (the bench times them). */
  readonly onPhase?: (phase: FolderPhase) => void;
}

/** The phases of a folder run: indexed, first patient's output written, every output written. */
export type FolderPhase = 'indexed' | 'first-output' | 'written';

/** Output slots per message in flight, and their size (16 patients' lines take about 60 KB). */
const SLOTS_PER_MESSAGE = 1.5;
const SLOT_BYTES = 256 * 1024;

async function startWorkers(
  workers: number,
  setup: WorkerSetup,
): Promise<TaskPool<PackedPatients, PackReply>> {
  const source = new URL('./evaluate-worker.ts', import.meta.url);
  try {
    return workerPool(await bundledWorker(source), workers, setup, {
      typescript: false,
      transfers: packTransfers,
    });
  } catch {
    // No bundle (esbuild missing, cache folder read-only): load the sources through tsx instead.
    return workerPool(source, workers, setup, { transfers: packTransfers });
  }
}

/** A pool of `workers` threads, or the main thread (0); either way, outcomes come back as text. */
async function openPool(workers: number, run: EvaluateRun): Promise<TaskPool<PackedPatients, PackOutcome>> {
  if (workers === 0) {
    const ctx = evaluateContext(run);
    return inlinePool((pack) => Promise.resolve(runEvaluatePack(pack, ctx)));
  }
  const ring = createOutputRing(Math.ceil(workers * MESSAGES_PER_WORKER * SLOTS_PER_MESSAGE), SLOT_BYTES);
  const pool = await startWorkers(workers, { run, ring });
  return {
    // Taken out of the ring as soon as it arrives, so the slot is free again at once.
    run: (pack) => pool.run(pack).then((reply) => ({ ...reply, stdout: takeOutput(ring, reply.stdout) })),
    close: () => pool.close(),
  };
}

/** Evaluates every patient in the folder, writing one output per patient. */
export async function evaluateFolder(
  dir: string,
  settings: RunSettings,
  options: EvaluateFolderOptions,
  io: CliIo,
): Promise<void> {
  const folder = await openNdjsonFolder(dir, {
    ...(options.batchBytes === undefined ? {} : { batchBytes: options.batchBytes }),
    onProblem: (p) => {
      io.stderr.write(`g9012 evaluate: ${p.file} line ${p.line}: ${p.problem}\n`);
    },
  });
  if (folder.patientCount === 0) {
    throw new CliInputError(`${dir}: no Patient resources in the NDJSON files`);
  }
  options.onPhase?.('indexed');
  const run: EvaluateRun = { settings, files: folder.files, shared: folder.shared.toPlain() };
  const workers = folder.patientCount < INLINE_BELOW_PATIENTS ? 0 : Math.max(0, options.workers);
  const pool = await openPool(workers, run);
  const limit = Math.max(1, workers * MESSAGES_PER_WORKER);
  let written = 0;
  try {
    await runOrdered(folder.packs(PATIENTS_PER_MESSAGE), pool, limit, async (outcome) => {
      if (outcome.stderr) {
        io.stderr.write(outcome.stderr);
      }
      if (outcome.stdout.length > 0) {
        await writeText(io.stdout, outcome.stdout);
        if (written === 0) {
          options.onPhase?.('first-output');
        }
        written += 1;
      }
      if (outcome.inputError !== undefined) {
        throw new CliInputError(outcome.inputError);
      }
    });
    options.onPhase?.('written');
  } finally {
    await pool.close();
  }
}
