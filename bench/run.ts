/**
 * `npm run bench`: every figure side by side with its naive way or its floor, measured in one run, printed
 * as a table and written to bench/results.json (the keys other tools read) and bench/results-detail.json
 * (request counts, sizes, the larger bulk population).
 *
 * Environment: BENCH_RTT_MS (injected latency per request, default 100), BENCH_BULK_PATIENTS (default 2000),
 * BENCH_BULK_LARGE (the second population for the flat-memory check, default 10000; 0 skips it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUDGET_OVER_FLOOR_BYTES, TARGET_OVER_FLOOR_BYTES } from './budget.ts';
import { type BulkFigures, benchBulk, perSecond } from './bulk.ts';
import { buildApp, buildFloor } from './bundle-size.ts';
import { benchEvaluate } from './evaluate.ts';
import { benchLoad } from './load.ts';
import { round2 } from './stats.ts';
import { benchValidate } from './validate.ts';

function envNumber(name: string, fallback: number): number {
  const text = process.env[name];
  const value = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number >= 0, got ${text}`);
  }
  return value;
}

const benchDir = import.meta.dirname;
const rttMs = envNumber('BENCH_RTT_MS', 100);
const bulkPatients = Math.max(2000, envNumber('BENCH_BULK_PATIENTS', 2000));
const bulkLarge = envNumber('BENCH_BULK_LARGE', 10_000);

const started = performance.now();
const step = (name: string) =>
  process.stderr.write(`bench: ${name} (${Math.round((performance.now() - started) / 1000)} s)\n`);

step('bundle: building the app and the floor');
const buildDir = mkdtempSync(join(tmpdir(), 'g9012-bench-build-'));
let app: Awaited<ReturnType<typeof buildApp>>;
let floor: Awaited<ReturnType<typeof buildFloor>>;
try {
  floor = await buildFloor(join(buildDir, 'floor'));
  app = await buildApp(join(buildDir, 'app'));
} finally {
  rmSync(buildDir, { recursive: true, force: true });
}

step(`load: ${rttMs} ms per request`);
const load = await benchLoad({ rttMs });
step('evaluate: 10,000-resource record');
const evaluation = benchEvaluate();
step('validate: generated Claims');
const validation = await benchValidate();
const sizes = bulkLarge > bulkPatients ? [bulkPatients, bulkLarge] : [bulkPatients];
step(`bulk: ${sizes.join(' and ')} patients`);
const bulk: BulkFigures = await benchBulk(sizes);
const totalS = round2((performance.now() - started) / 1000);

const results = {
  load: {
    rtt_ms: load.rtt_ms,
    parallel_ms: load.parallel_ms,
    serial_ms: load.serial_ms,
    ratio_to_rtt: load.ratio_to_rtt,
  },
  evaluate: {
    ms_10k: evaluation.ms_10k,
    parse_ms_10k: evaluation.parse_ms_10k,
    ratio_to_parse: evaluation.ratio_to_parse,
  },
  bulk: {
    patients_per_s: bulk.patients_per_s,
    parse_patients_per_s: bulk.parse_patients_per_s,
    ratio_to_parse: bulk.ratio_to_parse,
    peak_rss_mb: bulk.peak_rss_mb,
  },
  validate: { claims_per_s: validation.claims_per_s },
  bundle: { initial_gzip_bytes: app.initialGzipBytes, total_gzip_bytes: app.totalGzipBytes },
  floor: { gzip_bytes: floor.initialGzipBytes },
};
writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(
  join(benchDir, 'results-detail.json'),
  `${JSON.stringify({ load: load.detail, evaluate: evaluation.detail, validate: validation.detail, bulk: bulk.runs, bundle: { app, floor }, total_s: totalS }, null, 2)}\n`,
);

type Row = readonly [string, string, string, string];
const yesNo = (ok: boolean) => (ok ? 'met' : 'NOT met');
const serialRatio = round2(load.serial_ms / load.parallel_ms);
const budget = floor.initialGzipBytes + BUDGET_OVER_FLOOR_BYTES;
const target = floor.initialGzipBytes + TARGET_OVER_FLOOR_BYTES;
const rows: Row[] = [
  ['load.rtt_ms', String(load.rtt_ms), '', ''],
  ['load.parallel_ms', String(load.parallel_ms), '', ''],
  ['load.serial_ms', String(load.serial_ms), '', ''],
  ['load.ratio_to_rtt', String(load.ratio_to_rtt), '<= 2.5', yesNo(load.ratio_to_rtt <= 2.5)],
  ['  serial_ms / parallel_ms', String(serialRatio), '>= 3', yesNo(serialRatio >= 3)],
  ['evaluate.ms_10k', String(evaluation.ms_10k), '', ''],
  ['evaluate.parse_ms_10k', String(evaluation.parse_ms_10k), '', ''],
  [
    'evaluate.ratio_to_parse',
    String(evaluation.ratio_to_parse),
    '<= 1',
    yesNo(evaluation.ratio_to_parse <= 1),
  ],
  ['bulk.patients_per_s', String(bulk.patients_per_s), '', ''],
  ['bulk.parse_patients_per_s', String(bulk.parse_patients_per_s), '', ''],
  ['bulk.ratio_to_parse', String(bulk.ratio_to_parse), '>= 0.5', yesNo(bulk.ratio_to_parse >= 0.5)],
  ['bulk.peak_rss_mb', String(bulk.peak_rss_mb), 'flat', ''],
  ...bulk.runs.map(
    (r): Row => [
      `  ${r.patients} patients (${r.files_mb} MB)`,
      `${perSecond(r.evaluate)}/s, ${r.evaluate.maxRssMb} MB`,
      `parse ${perSecond(r.parse)}/s, ${r.parse.maxRssMb} MB`,
      `CLI reader alone ${perSecond(r.read)}/s`,
    ],
  ),
  ...bulk.runs.map((r): Row => {
    const p = r.phases.phases;
    const rest = p ? p.written - p['first-output'] : 0;
    return [
      `  where ${r.patients} go`,
      p ? `index ${p.indexed} ms` : '',
      p ? `workers + 1st pack ${p['first-output'] - p.indexed} ms` : '',
      p ? `rest ${rest} ms (${Math.round((rest / r.patients) * 1000)} µs/patient)` : '',
    ];
  }),
  ['validate.claims_per_s', String(validation.claims_per_s), '', ''],
  [
    'bundle.initial_gzip_bytes',
    String(app.initialGzipBytes),
    `<= ${target} (floor + 25 KB)`,
    yesNo(app.initialGzipBytes <= target),
  ],
  [
    '  enforced budget (budget.ts)',
    String(app.initialGzipBytes),
    `<= ${budget} (floor + ${BUDGET_OVER_FLOOR_BYTES / 1024} KB)`,
    yesNo(app.initialGzipBytes <= budget),
  ],
  ['bundle.total_gzip_bytes', String(app.totalGzipBytes), '', ''],
  ['floor.gzip_bytes', String(floor.initialGzipBytes), '', ''],
];
if (bulk.runs.length > 1) {
  const [small, large] = [bulk.runs[0], bulk.runs.at(-1)];
  if (small && large) {
    const growth = round2(large.evaluate.maxRssMb / small.evaluate.maxRssMb);
    rows.push([
      `  peak RSS ${large.patients} / ${small.patients}`,
      String(growth),
      '<= 1.25 (flat)',
      yesNo(growth <= 1.25),
    ]);
  }
}
const header: Row = ['figure', 'value', 'target', 'verdict'];
const widths = [0, 1, 2, 3].map((i) => Math.max(...[header, ...rows].map((row) => row[i]?.length ?? 0)));
const line = (row: Row) =>
  row
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
process.stdout.write(
  `${[line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')}\n`,
);
process.stdout.write(`\nbench: ${totalS} s; wrote ${resolve(benchDir, 'results.json')}\n`);
