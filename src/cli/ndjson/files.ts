/**
 * Reading a folder of Bulk Data NDJSON files: the file list, and the files' lines as byte spans.
 *
 * Lines are found in the raw bytes (no decoding, no readline), so a reader can skip a line it does not
 * need without ever turning it into a string, and a line it keeps is decoded on its own: a fresh string
 * that does not hold a whole chunk in memory.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliInputError } from '../cli-io.ts';

/** A line that could not be read (reported once, by file and line number, never by content). */
export interface LineProblem {
  readonly file: string;
  readonly line: number;
  readonly problem: string;
}

/** The folder's `.ndjson` files (sorted) and their total size. */
export interface NdjsonFiles {
  readonly files: readonly string[];
  readonly bytes: number;
}

/** Lists the folder's `.ndjson` files. Throws CliInputError when it cannot be read or has none. */
export async function listNdjsonFiles(dir: string): Promise<NdjsonFiles> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.ndjson')).sort();
  } catch (error) {
    throw new CliInputError(
      `${dir}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (names.length === 0) {
    throw new CliInputError(`${dir}: no .ndjson files in the folder`);
  }
  const files = names.map((n) => join(dir, n));
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  return { files, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/** The non-blank lines of one chunk: `buf` bytes `starts[i]` to `ends[i]` are line `numbers[i]`. */
export interface LineBlock {
  readonly buf: Buffer;
  /** The file position of `buf[0]`: byte `i` of the block is byte `offset + i` of the file. */
  readonly offset: number;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly numbers: readonly number[];
}

const NEWLINE = 0x0a;
const CR = 0x0d;
const CHUNK_BYTES = 1 << 20;

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== CR) {
      return false;
    }
  }
  return true;
}

/**
 * Yields the file's non-blank lines, one chunk at a time (a UTF-8 byte order mark is dropped). The chunks
 * are read into one reused buffer, so a block is valid only until the next one is asked for: take what you
 * need (decode or copy) before moving on. Reusing it keeps a pass over a large folder from allocating, and
 * leaving to the garbage collector, a new buffer per megabyte.
 */
export async function* lineBlocks(file: string): AsyncGenerator<LineBlock> {
  const handle = await open(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let carried = 0;
    let offset = 0;
    let line = 0;
    let first = true;
    let eof = false;
    while (!eof) {
      if (carried === buf.length) {
        // One line longer than the buffer: grow it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carried);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, carried, buf.length - carried, null);
      eof = bytesRead === 0;
      const end = carried + bytesRead;
      let start = 0;
      if (first && end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        start = 3;
      }
      first = false;
      const block = { buf, offset, starts: [] as number[], ends: [] as number[], numbers: [] as number[] };
      const emit = (from: number, to: number) => {
        line += 1;
        const stop = to > from && buf[to - 1] === CR ? to - 1 : to;
        if (!isBlank(buf, from, stop)) {
          block.starts.push(from);
          block.ends.push(stop);
          block.numbers.push(line);
        }
      };
      for (let nl = buf.indexOf(NEWLINE, start); nl >= 0 && nl < end; nl = buf.indexOf(NEWLINE, start)) {
        emit(start, nl);
        start = nl + 1;
      }
      if (eof && start < end) {
        emit(start, end);
        start = end;
      }
      if (block.starts.length > 0) {
        yield block;
      }
      // Carry the unfinished line to the front for the next read.
      buf.copy(buf, 0, start, end);
      carried = end - start;
      offset += start;
    }
  } finally {
    await handle.close();
  }
}

/** A parsed line, or why it could not be parsed. */
export type JsonLine =
  | { readonly value: unknown; readonly line: number; readonly error?: undefined }
  | { readonly value?: undefined; readonly line: number; readonly error: string };

/** Yields every non-blank line of the file, parsed. */
export async function* jsonLines(file: string): AsyncGenerator<JsonLine> {
  for await (const { buf, starts, ends, numbers } of lineBlocks(file)) {
    for (let i = 0; i < starts.length; i += 1) {
      const line = numbers[i] ?? 0;
      try {
        yield { value: JSON.parse(buf.toString('utf8', starts[i], ends[i])) as unknown, line };
      } catch {
        yield { line, error: 'not valid JSON; skipped' };
      }
    }
  }
}
