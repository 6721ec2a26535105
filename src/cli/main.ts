/**
 * `g9012`: the headless entry point. Dispatches to a subcommand from the command table; every failure is
 * one line on stderr and an exit code, never a stack trace.
 */
import { CliInputError, type CliIo, EXIT, oneLine } from './cli-io.ts';
import { COMMANDS } from './commands.ts';

function help(): string {
  const lines = ['Usage: g9012 <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) {
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', 'Run "g9012 <command> --help" for its options.');
  return `${lines.join('\n')}\n`;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(help());
    return EXIT.input;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(
      `g9012: unknown command "${oneLine(name, 40)}" (known: ${Object.keys(COMMANDS).join(', ')})\n`,
    );
    return EXIT.input;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliInputError) {
      io.stderr.write(`g9012 ${name}: ${oneLine(error.message, 500)}\n`);
      return EXIT.input;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`g9012 ${name}: internal error: ${oneLine(message, 500)}\n`);
    return EXIT.internal;
  }
}
