/**
 * What a CLI command writes to, so tests can capture it and the launcher can pass the process streams.
 */

/** A writable text sink (process.stdout, or a test buffer). */
export interface TextSink {
  write(chunk: string): unknown;
}

/** The CLI's output streams. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
}

/** A usage or input problem: reported as one stderr line and exit code 2. */
export class CliInputError extends Error {
  override readonly name = 'CliInputError';
}

/** Exit codes. */
export const EXIT = { ok: 0, internal: 1, input: 2 } as const;

/** Removes control characters (terminal escapes) and newlines from untrusted text for one-line output. */
export function oneLine(text: string, limit = 300): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}
