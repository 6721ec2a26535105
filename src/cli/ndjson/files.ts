/**
 * Reading a folder of Bulk Data NDJSON files: the file list, and the files' lines as byte spans.
 *
 * Lines are found in the raw bytes (no decoding, no readline), so a reader can skip a line it does not
 * need without ever turning it into a string, and a line it keeps is decoded on its own: a fresh string
 * that does not hold a whole chunk in memory.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
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

/** Yields the file's non-blank lines, one chunk at a time (a UTF-8 byte order mark is dropped). */
export async function* lineBlocks(file: string): AsyncGenerator<LineBlock> {
  let tail: Buffer | undefined;
  let line = 0;
  let first = true;
  const emit = (buf: Buffer, from: number, to: number, block: LineBlock & { starts: number[] }) => {
    line += 1;
    let end = to;
    if (end > from && buf[end - 1] === CR) {
      end -= 1;
    }
    if (!isBlank(buf, from, end)) {
      block.starts.push(from);
      (block.ends as number[]).push(end);
      (block.numbers as number[]).push(line);
    }
  };
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    let buf: Buffer = tail === undefined ? (chunk as Buffer) : Buffer.concat([tail, chunk as Buffer]);
    if (first) {
      first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        buf = buf.subarray(3);
      }
    }
    const block = { buf, starts: [] as number[], ends: [] as number[], numbers: [] as number[] };
    let start = 0;
    for (let nl = buf.indexOf(NEWLINE); nl >= 0; nl = buf.indexOf(NEWLINE, start)) {
      emit(buf, start, nl, block);
      start = nl + 1;
    }
    tail = start < buf.length ? buf.subarray(start) : undefined;
    if (block.starts.length > 0) {
      yield block;
    }
  }
  if (tail !== undefined) {
    const block = { buf: tail, starts: [] as number[], ends: [] as number[], numbers: [] as number[] };
    emit(tail, 0, tail.length, block);
    if (block.starts.length > 0) {
      yield block;
    }
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
