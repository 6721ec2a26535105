/**
 * Run as a child process by the bulk bench, so its peak RSS is its own:
 *   node --import tsx bench/bulk-child.ts evaluate <dir>   runs `g9012 evaluate <dir>` (the CLI's main)
 *   node --import tsx bench/bulk-child.ts parse <dir>      only reads the NDJSON and splits it by patient
 *   node --import tsx bench/bulk-child.ts read <dir>       the CLI's own reader (openNdjsonFolder: an
 *                                                          index pass, then patients packed as bytes,
 *                                                          unparsed) alone, to show how the evaluate
 *                                                          time divides
 *   node --import tsx bench/bulk-child.ts phases <dir>     the CLI's folder evaluation (evaluateFolder, the
 *                                                          default workers), timing its phases: index
 *                                                          pass, worker start and first pack, the rest
 * Prints one JSON line: {"mode","patients","ms","maxRssMb"} (phases adds "phases": ms at each phase); `ms`
 * is the work only, without start-up.
 *
 * Peak RSS is the kernel's high-water mark of this process's own memory (VmHWM in /proc/self/status, which
 * covers worker threads too). `process.resourceUsage().maxRSS` is not used on Linux: it keeps the parent's
 * RSS at fork time across exec, so every child of a 270 MB bench process would report at least 270 MB.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  defaultEvaluateWorkers,
  type FolderPhase,
  evaluateFolder as runFolder,
} from '../src/cli/bulk/evaluate-folder.ts';
import { main } from '../src/cli/main.ts';
import { openNdjsonFolder } from '../src/cli/ndjson/patient-lines.ts';
import { patientIdOf } from '../src/cli/ndjson/references.ts';
import { BUILTIN_POLICIES } from '../src/domain/builtin-policies.ts';

/** The evaluation date the scenarios are written for. */
const AS_OF = '2026-11-20';

type Json = Record<string, unknown>;

/** The floor: one streaming pass, JSON.parse of every line, resources grouped by their patient (as the CLI's reader owns them). */
async function parseOnly(dir: string): Promise<number> {
  const byPatient = new Map<string, unknown[]>();
  const names = (await readdir(dir)).filter((name) => name.endsWith('.ndjson')).sort();
  for (const name of names) {
    const rl = createInterface({ input: createReadStream(join(dir, name), 'utf8'), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line.trim()) {
        continue;
      }
      const resource = JSON.parse(line) as Json;
      const owner = patientIdOf(resource);
      if (owner !== undefined) {
        const list = byPatient.get(owner);
        if (list) {
          list.push(resource);
        } else {
          byPatient.set(owner, [resource]);
        }
      }
    }
  }
  return byPatient.size;
}

/** A sink that counts the lines written to it. */
function lineCounter(): { write(chunk: string): boolean; readonly lines: number } {
  let lines = 0;
  return {
    write(chunk) {
      for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) {
        lines += 1;
      }
      return true;
    },
    get lines() {
      return lines;
    },
  };
}

/** `g9012 evaluate <dir>` in this process; counts the output lines (one per patient). */
async function evaluateFolder(dir: string): Promise<number> {
  const stdout = lineCounter();
  const code = await main(['evaluate', dir, '--as-of', AS_OF], { stdout, stderr: process.stderr });
  if (code !== 0) {
    throw new Error(`g9012 evaluate exited ${code}`);
  }
  return stdout.lines;
}

/** Milliseconds from the start of `phasesOf` to each phase of the last folder run. */
const phaseMs: Partial<Record<FolderPhase, number>> = {};

/** The CLI's folder evaluation with the default workers, timing its phases; counts the output lines. */
async function phasesOf(dir: string): Promise<number> {
  const started = performance.now();
  const settings = {
    asOf: AS_OF,
    policies: BUILTIN_POLICIES,
    attestations: [],
    diagnoses: [],
    format: 'json',
  } as const;
  const stdout = lineCounter();
  await runFolder(
    dir,
    settings,
    {
      workers: defaultEvaluateWorkers(),
      onPhase: (phase) => {
        phaseMs[phase] = Math.round(performance.now() - started);
      },
    },
    { stdout, stderr: process.stderr },
  );
  return stdout.lines;
}

/** This process's peak resident set in KiB: VmHWM where /proc exists, else getrusage's maxRSS. */
function peakRssKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1]) {
      return Number(match[1]);
    }
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS;
}

/** Only the CLI's reader: every patient's lines, packed as the main thread of `g9012 evaluate` hands them out. */
async function readOnly(dir: string): Promise<number> {
  let patients = 0;
  const folder = await openNdjsonFolder(dir);
  for await (const pack of folder.packs(16)) {
    patients += pack.patientIds.length;
  }
  return patients;
}

const modes = { evaluate: evaluateFolder, parse: parseOnly, read: readOnly, phases: phasesOf } as const;
const [mode, dir] = process.argv.slice(2);
if (!(mode === 'evaluate' || mode === 'parse' || mode === 'read' || mode === 'phases') || !dir) {
  process.stderr.write('usage: bulk-child.ts evaluate|parse|read|phases <dir>\n');
  process.exit(2);
}
const started = performance.now();
const patients = await modes[mode](dir);
const ms = performance.now() - started;
const maxRssMb = Math.round(peakRssKb() / 1024);
const phases = mode === 'phases' ? { phases: phaseMs } : {};
process.stdout.write(`${JSON.stringify({ mode, patients, ms: Math.round(ms), maxRssMb, ...phases })}\n`);
