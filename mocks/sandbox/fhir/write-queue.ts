/**
 * Runs tasks one at a time, in arrival order. Every FHIR write goes through it, so two identical conditional
 * creates cannot both see "no match", and a transaction's rollback never interleaves with another write.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
