/**
 * The command table. Each subcommand (`evaluate` now; `draft` and `review` later) is one entry; `main`
 * dispatches on the first argument.
 */
import type { CliIo } from './cli-io.ts';
import { draftCommand } from './draft-command.ts';
import { evaluateCommand } from './evaluate-command.ts';
import { reviewCommand } from './review-command.ts';

/** One subcommand. */
export interface Command {
  /** One line for `g9012 --help`. */
  readonly summary: string;
  /** The usage line(s). */
  readonly usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Subcommands by name. Add `draft` and `review` here. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  evaluate: evaluateCommand,
  draft: draftCommand,
  review: reviewCommand,
};
