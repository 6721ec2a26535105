/**
 * A small worker_threads pool: each worker loads a TypeScript module (through tsx, so it runs straight from
 * the sources like the rest of the CLI, or as a bundle from `worker-bundle.ts`) and answers `{id, input}` messages with `{id, output}` or
 * `{id, error}`. Tasks go to the worker with the fewest in flight.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Runs tasks somewhere (worker threads, or the main thread). */
export interface TaskPool<I, O> {
  run(input: I): Promise<O>;
  close(): Promise<void>;
}

/** A message from a worker. */
export type WorkerReply<O> =
  | { readonly id: number; readonly output: O }
  | { readonly id: number; readonly error: string };

interface Pending<O> {
  resolve(output: O): void;
  reject(error: Error): void;
}

/**
 * Old-generation heap per worker. The validator's definitions take about 100 MB; without a cap V8 lets each
 * worker's heap grow lazily with the number of drafts (measured: 941 MB peak RSS for 3,000 drafts on two
 * workers, 520 MB with this cap), so the cap is what keeps bulk memory flat.
 */
const WORKER_HEAP_MB = 256;

interface Slot {
  readonly worker: Worker;
  inFlight: number;
}

/** The tsx ESM API, which registers the TypeScript loader inside a worker. */
function tsxApiUrl(): string {
  const resolved = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(resolved.replace(/\.cjs$/, '.mjs')).href;
}

/**
 * Starts `size` workers running `moduleUrl` with `workerData`.
 *
 * @param moduleUrl the worker module, which listens on `parentPort`: a .ts file (loaded through tsx), or a
 *   plain JavaScript file (a bundle from `worker-bundle.ts`) when `typescript` is false
 */
export function workerPool<I, O>(
  moduleUrl: URL,
  size: number,
  workerData: unknown,
  {
    typescript = true,
    transfers,
  }: {
    readonly typescript?: boolean;
    /** The buffers in an input to move to the worker rather than copy (unusable here afterwards). */
    readonly transfers?: (input: I) => ArrayBuffer[];
  } = {},
): TaskPool<I, O> {
  const bootstrap = typescript
    ? `import(${JSON.stringify(tsxApiUrl())}).then((api) => { api.register(); return import(${JSON.stringify(moduleUrl.href)}); });`
    : `import(${JSON.stringify(moduleUrl.href)});`;
  const pending = new Map<number, Pending<O>>();
  let nextId = 0;
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const p of pending.values()) {
      p.reject(error);
    }
    pending.clear();
  };
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, inFlight: 0 };
    worker.on('message', (reply: WorkerReply<O>) => {
      slot.inFlight -= 1;
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) {
        p?.reject(new Error(reply.error));
      } else {
        p?.resolve(reply.output);
      }
    });
    worker.on('error', (error) => fail(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => {
      if (code !== 0) {
        fail(new Error(`a worker thread stopped with exit code ${code}`));
      }
    });
    return slot;
  });
  return {
    run(input) {
      if (failure !== undefined) {
        return Promise.reject(failure);
      }
      const slot = slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      const id = nextId++;
      slot.inFlight += 1;
      return new Promise<O>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, input }, transfers?.(input) ?? []);
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** A pool that runs tasks in the main thread, one after another (`--workers 0`). */
export function inlinePool<I, O>(run: (input: I) => Promise<O>): TaskPool<I, O> {
  return { run, close: () => Promise.resolve() };
}
