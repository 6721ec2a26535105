#!/usr/bin/env node
// The `g9012` command: a tiny launcher that runs the TypeScript CLI (src/cli/main.ts) through tsx, so it
// works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
try {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`g9012: internal error: ${message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
