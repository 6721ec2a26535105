/**
 * Test helper: runs the CLI in this process with captured output (the launcher passes the real streams).
 */
import { main } from './main.ts';

/** What one CLI run gave: the exit code and everything written to stdout and stderr. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `g9012 <args>` in-process. */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
