/**
 * bulk.*: `g9012 evaluate` over a generated Bulk NDJSON folder, against only reading and splitting the same
 * NDJSON by patient, each in its own child process (bulk-child.ts) so each peak RSS is the process's own.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { writeBulkFolder } from './bulk-ndjson.ts';
import { round2 } from './stats.ts';

const run = promisify(execFile);
const child = resolve(import.meta.dirname, 'bulk-child.ts');

/**
 * What a child does: run `g9012 evaluate`, split the NDJSON by patient (the floor), run the CLI's reader,
 * or run the CLI's folder evaluation timing its phases.
 */
export type ChildMode = 'evaluate' | 'parse' | 'read' | 'phases';

/** Milliseconds from the start of a `phases` run to the end of the index pass, the first output, the last. */
export interface FolderPhases {
  readonly indexed: number;
  readonly 'first-output': number;
  readonly written: number;
}

/** One child run's report. */
export interface ChildReport {
  readonly mode: ChildMode;
  readonly patients: number;
  /** The work only, without node and tsx start-up. */
  readonly ms: number;
  readonly maxRssMb: number;
  /** The child's whole run as the parent saw it, start-up included. */
  readonly wallMs: number;
  /** For a `phases` child. */
  readonly phases?: FolderPhases;
}

/** One population size's figures. */
export interface BulkRun {
  readonly patients: number;
  readonly files_mb: number;
  readonly evaluate: ChildReport;
  readonly parse: ChildReport;
  /** The CLI's main-thread reader alone (openNdjsonFolder): the rest of the evaluate time is the workers'. */
  readonly read: ChildReport;
  /** Where a folder run's time goes: index pass, worker start and first pack, the other patients. */
  readonly phases: ChildReport;
}

/** The measured figures for `bulk`, plus the larger population's run when asked for. */
export interface BulkFigures {
  readonly patients_per_s: number;
  readonly parse_patients_per_s: number;
  readonly ratio_to_parse: number;
  readonly peak_rss_mb: number;
  readonly runs: readonly BulkRun[];
}

async function runChild(mode: ChildMode, dir: string, patients: number): Promise<ChildReport> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, mode, dir], {
    cwd: resolve(import.meta.dirname, '..'),
    maxBuffer: 1024 * 1024,
  });
  const wallMs = Math.round(performance.now() - started);
  const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Omit<ChildReport, 'wallMs'>;
  if (report.patients !== patients) {
    throw new Error(`bulk bench: ${mode} saw ${report.patients} patients, expected ${patients}`);
  }
  return { ...report, wallMs };
}

/** The faster of several runs (the machine is shared: the least disturbed run is the truest), peak RSS the highest. */
function best(reports: readonly ChildReport[]): ChildReport {
  const fastest = reports.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...fastest, maxRssMb: Math.max(...reports.map((r) => r.maxRssMb)) };
}

/** Parse and evaluate alternately, `rounds` times each, so both see the same load on the machine. */
async function runSize(patients: number, rounds: number): Promise<BulkRun> {
  const dir = mkdtempSync(join(tmpdir(), `g9012-bulk-${patients}-`));
  try {
    const { bytes } = await writeBulkFolder(dir, patients);
    const parses: ChildReport[] = [];
    const evaluations: ChildReport[] = [];
    const reads: ChildReport[] = [];
    for (let round = 0; round < rounds; round += 1) {
      parses.push(await runChild('parse', dir, patients));
      evaluations.push(await runChild('evaluate', dir, patients));
      reads.push(await runChild('read', dir, patients));
    }
    return {
      patients,
      files_mb: round2(bytes / 1e6),
      evaluate: best(evaluations),
      parse: best(parses),
      read: best(reads),
      phases: await runChild('phases', dir, patients),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Patients per second of one run's evaluate or parse child. */
export function perSecond(report: ChildReport): number {
  return Math.round((report.patients / report.ms) * 1000);
}

/**
 * Runs each population size in turn; the first is the one the `bulk` keys report (best of `rounds`), the
 * others (one round each) show how throughput and peak RSS change with the population.
 */
export async function benchBulk(sizes: readonly number[], rounds = 2): Promise<BulkFigures> {
  const runs: BulkRun[] = [];
  for (const [i, size] of sizes.entries()) {
    runs.push(await runSize(size, i === 0 ? rounds : 1));
  }
  const first = runs[0];
  if (!first) {
    throw new Error('bulk bench: no population size');
  }
  const patientsPerS = perSecond(first.evaluate);
  const parsePerS = perSecond(first.parse);
  return {
    patients_per_s: patientsPerS,
    parse_patients_per_s: parsePerS,
    ratio_to_parse: round2(patientsPerS / parsePerS),
    peak_rss_mb: first.evaluate.maxRssMb,
    runs,
  };
}
