/**
 * Where each patient's lines are in a folder's files, as byte spans in typed arrays: about 24 bytes per
 * line instead of the line's text, so a pass over a folder of any size keeps its index, not its contents.
 */

/** One line's place: file (an index into the folder's files), line number, and byte span in that file. */
export interface LineSpan {
  readonly file: number;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** Lines grouped by owner: owner `o`'s lines are `order[first[o]]` to `order[first[o + 1] - 1]`. */
export interface OwnerGroups {
  readonly first: Int32Array;
  readonly order: Int32Array;
}

const INITIAL_LINES = 1024;

/** A growable column store of line spans, each with the number of the patient that owns it. */
export class LineIndex {
  private owners = new Int32Array(INITIAL_LINES);
  private files = new Int32Array(INITIAL_LINES);
  private lines = new Int32Array(INITIAL_LINES);
  // File positions as doubles: a file may be larger than 2 GB.
  private starts = new Float64Array(INITIAL_LINES);
  private ends = new Float64Array(INITIAL_LINES);
  private count = 0;

  /** How many lines are indexed. */
  get size(): number {
    return this.count;
  }

  /** Adds a line owned by patient number `owner`. */
  add(owner: number, span: LineSpan): void {
    if (this.count === this.owners.length) {
      this.grow();
    }
    const i = this.count;
    this.owners[i] = owner;
    this.files[i] = span.file;
    this.lines[i] = span.line;
    this.starts[i] = span.start;
    this.ends[i] = span.end;
    this.count += 1;
  }

  /** Line `i`'s file (an index into the folder's files). */
  fileOf(i: number): number {
    return this.files[i] ?? 0;
  }

  /** Line `i`'s line number in its file. */
  lineOf(i: number): number {
    return this.lines[i] ?? 0;
  }

  /** Where line `i` starts in its file. */
  startOf(i: number): number {
    return this.starts[i] ?? 0;
  }

  /** Line `i`'s length in bytes. */
  bytes(i: number): number {
    return (this.ends[i] ?? 0) - (this.starts[i] ?? 0);
  }

  /** The lines grouped by owner (`owners` owners, numbered from 0), each group in the order added. */
  groupByOwner(owners: number): OwnerGroups {
    const first = new Int32Array(owners + 1);
    for (let i = 0; i < this.count; i += 1) {
      const owner = this.owners[i] ?? 0;
      first[owner + 1] = (first[owner + 1] ?? 0) + 1;
    }
    for (let o = 0; o < owners; o += 1) {
      first[o + 1] = (first[o + 1] ?? 0) + (first[o] ?? 0);
    }
    const next = first.slice(0, owners);
    const order = new Int32Array(this.count);
    for (let i = 0; i < this.count; i += 1) {
      const owner = this.owners[i] ?? 0;
      const at = next[owner] ?? 0;
      order[at] = i;
      next[owner] = at + 1;
    }
    return { first, order };
  }

  private grow(): void {
    const size = this.owners.length * 2;
    const widen = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.owners = widen(this.owners, new Int32Array(size));
    this.files = widen(this.files, new Int32Array(size));
    this.lines = widen(this.lines, new Int32Array(size));
    this.starts = widen(this.starts, new Float64Array(size));
    this.ends = widen(this.ends, new Float64Array(size));
  }
}

/** Numbers patient ids in the order they are first seen. */
export class OwnerNumbers {
  private readonly numbers = new Map<string, number>();

  /** How many ids are numbered. */
  get size(): number {
    return this.numbers.size;
  }

  /** The id's number, assigning the next one on first sight. */
  numberOf(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(id, n);
    }
    return n;
  }
}
