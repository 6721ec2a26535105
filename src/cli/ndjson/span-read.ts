/**
 * Reads lines back by their byte spans. Spans close together in a file are read in one positioned read
 * (a Bulk export usually writes a patient's resources near each other's in every file), spans far apart
 * each in their own.
 */
import { open } from 'node:fs/promises';
import { CliInputError } from '../cli-io.ts';
import type { LineIndex } from './line-index.ts';

/** Spans at most this far apart are read together (the bytes between are read and dropped). */
const MAX_GAP_BYTES = 64 * 1024;
/** A joined read stops growing here; a single longer line is still read whole. */
const MAX_READ_BYTES = 4 * 1024 * 1024;

/** Lines read into one buffer: line `lines[k]` is `buf` bytes `at[k]` to `at[k]` plus its length. */
export interface ReadLines {
  readonly buf: Buffer;
  readonly at: Float64Array;
}

/**
 * Reads indexed lines into one buffer that it reuses, so reading a folder window by window leaves no
 * garbage behind: what `read` returns is valid until the next `read`.
 */
export class SpanReader {
  private buf = Buffer.allocUnsafe(0);

  constructor(
    private readonly files: readonly string[],
    private readonly index: LineIndex,
  ) {}

  /** Reads the lines. Throws CliInputError when a file got shorter since it was indexed. */
  async read(lines: Int32Array): Promise<ReadLines> {
    const index = this.index;
    const at = new Float64Array(lines.length);
    const byFile = new Map<number, number[]>();
    let total = 0;
    lines.forEach((line, k) => {
      total += index.bytes(line);
      const file = index.fileOf(line);
      const list = byFile.get(file);
      if (list === undefined) {
        byFile.set(file, [k]);
      } else {
        list.push(k);
      }
    });
    this.ensure(total);
    let cursor = 0;
    for (const [file, list] of byFile) {
      const startOf = (k: number): number => index.startOf(lines[list[k] ?? 0] ?? 0);
      const endOf = (k: number): number => startOf(k) + index.bytes(lines[list[k] ?? 0] ?? 0);
      list.sort((a, b) => index.startOf(lines[a] ?? 0) - index.startOf(lines[b] ?? 0));
      const path = this.files[file] ?? '';
      const handle = await open(path, 'r');
      try {
        for (let k = 0; k < list.length; ) {
          const from = startOf(k);
          let to = endOf(k);
          let last = k;
          while (last + 1 < list.length) {
            if (startOf(last + 1) - to > MAX_GAP_BYTES || endOf(last + 1) - from > MAX_READ_BYTES) {
              break;
            }
            to = Math.max(to, endOf(last + 1));
            last += 1;
          }
          // Gaps read between lines make the total larger than the lines' own bytes.
          this.ensure(cursor + (to - from));
          for (let got = 0; got < to - from; ) {
            const { bytesRead } = await handle.read(this.buf, cursor + got, to - from - got, from + got);
            if (bytesRead === 0) {
              throw new CliInputError(`${path}: the file changed while it was being read`);
            }
            got += bytesRead;
          }
          for (; k <= last; k += 1) {
            at[list[k] ?? 0] = cursor + (startOf(k) - from);
          }
          cursor += to - from;
        }
      } finally {
        await handle.close();
      }
    }
    return { buf: this.buf, at };
  }

  /** Grows the buffer to hold `bytes`, keeping what it holds. */
  private ensure(bytes: number): void {
    if (this.buf.length >= bytes) {
      return;
    }
    const bigger = Buffer.allocUnsafe(Math.max(bytes, this.buf.length * 2));
    this.buf.copy(bigger);
    this.buf = bigger;
  }
}
