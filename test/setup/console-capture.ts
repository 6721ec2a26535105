/**
 * Records what a test file writes through console.log/info/warn/error/debug, while still passing it on, so
 * the no-PHI check (`no-phi-console.ts`) can read it after the file. State lives on `globalThis` so that the
 * setup file and a test importing this module see one record however the modules are loaded.
 */
import { formatWithOptions } from 'node:util';

/** The console methods that are recorded. */
export const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** One console call: the method and its text as it would be printed (objects inspected in depth). */
export interface ConsoleRecord {
  readonly method: (typeof CONSOLE_METHODS)[number];
  readonly text: string;
}

interface CaptureState {
  records: ConsoleRecord[];
  /** The console object whose methods are wrapped (vitest gives each file its own). */
  wrapped?: Console;
}

const KEY = Symbol.for('g9012.test.console-capture');

function state(): CaptureState {
  const holder = globalThis as typeof globalThis & { [KEY]?: CaptureState };
  holder[KEY] ??= { records: [] };
  return holder[KEY];
}

/** Wraps the current console's methods (once per console object); later calls are recorded and passed on. */
export function installConsoleCapture(): void {
  const s = state();
  if (s.wrapped === console) {
    return;
  }
  for (const method of CONSOLE_METHODS) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      // Deep enough to reach names inside a logged resource; strings are never clipped.
      s.records.push({ method, text: formatWithOptions({ depth: 8, maxStringLength: null }, ...args) });
      original.apply(console, args);
    };
  }
  s.wrapped = console;
}

/** What was recorded since the last clear. */
export function consoleRecords(): readonly ConsoleRecord[] {
  return state().records;
}

/** Forgets what was recorded. */
export function clearConsoleRecords(): void {
  state().records = [];
}
