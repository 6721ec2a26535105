/**
 * Runs a stream of tasks on a pool with a bounded window in flight, and hands the outputs on in input
 * order. The window is what keeps memory flat: at most `limit` tasks' inputs and outputs exist at once.
 */
import type { TaskPool } from './worker-pool.ts';

/** Runs every task; `onOutput` is awaited for each output, in input order. */
export async function runOrdered<I, O>(
  tasks: AsyncIterable<I>,
  pool: TaskPool<I, O>,
  limit: number,
  onOutput: (output: O) => Promise<void>,
): Promise<void> {
  const window: Promise<O>[] = [];
  const drainOne = async (): Promise<void> => {
    const head = window.shift();
    if (head !== undefined) {
      await onOutput(await head);
    }
  };
  for await (const task of tasks) {
    const result = pool.run(task);
    // Keep rejections observed until the result is awaited in order.
    result.catch(() => undefined);
    window.push(result);
    if (window.length >= limit) {
      await drainOne();
    }
  }
  while (window.length > 0) {
    await drainOne();
  }
}

/** Writes to a stream, waiting for 'drain' when it asks to. */
export async function writeText(sink: { write(chunk: string): unknown }, text: string): Promise<void> {
  const ok = sink.write(text);
  const drainable = sink as { once?: (event: string, fn: () => void) => unknown };
  if (ok === false && typeof drainable.once === 'function') {
    await new Promise<void>((resolve) => drainable.once?.('drain', resolve));
  }
}
