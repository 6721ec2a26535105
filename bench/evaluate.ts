/**
 * evaluate.*: the engine on a generated 10,000-resource record (hugeBundle: meets-all plus years of visits,
 * weights and stopped orders). The record is built once; only `evaluate` is timed (median of several runs),
 * against `JSON.parse` of the same Bundle's JSON in the same run.
 */
import { hugeBundle } from '../mocks/patients/huge-record.ts';
import { BUILTIN_POLICIES } from '../src/domain/builtin-policies.ts';
import { evaluate } from '../src/domain/evaluate.ts';
import { selectPolicy } from '../src/domain/payer-match.ts';
import { indexRecord } from '../src/domain/record-index.ts';
import { recordFromBundle } from '../src/fhir/record/index.ts';
import { median, round2 } from './stats.ts';

/** The measured figures for `evaluate`. */
export interface EvaluateFigures {
  readonly ms_10k: number;
  readonly parse_ms_10k: number;
  readonly ratio_to_parse: number;
  readonly detail: { readonly resources: number; readonly json_bytes: number; readonly runs: number };
}

/** The evaluation date the scenarios are written for. */
const AS_OF = '2026-11-20';

/**
 * Times `a` and `b` alternately (so both see the same load on a shared machine), `runs` times each after
 * `warmup` untimed calls; returns each one's median in ms.
 */
export function timeMedians(a: () => unknown, b: () => unknown, runs: number, warmup = 2): [number, number] {
  for (let i = 0; i < warmup; i += 1) {
    a();
    b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i += 1) {
    for (const [j, fn] of [a, b].entries()) {
      const started = performance.now();
      fn();
      times[j]?.push(performance.now() - started);
    }
  }
  return [median(times[0]), median(times[1])];
}

/** Builds the record once, then times evaluate and JSON.parse alternately, `runs` times each (median). */
export function benchEvaluate(resourceCount = 10_000, runs = 15): EvaluateFigures {
  const bundle = hugeBundle(resourceCount, 'bench-huge');
  const json = JSON.stringify(bundle);
  const built = recordFromBundle(JSON.parse(json), { user: 'Practitioner/cm-rivera' });
  const record = built.record;
  if (!record) {
    throw new Error(`evaluate bench: no record (${built.problems.join('; ')})`);
  }
  const selection = selectPolicy(record, indexRecord(record), BUILTIN_POLICIES);
  if (!selection) {
    throw new Error('evaluate bench: no policy');
  }
  const options = { asOf: AS_OF, policy: selection.policy, payerMatch: selection.match, attestations: [] };
  const [evaluateMs, parseMs] = timeMedians(
    () => evaluate(record, options),
    () => JSON.parse(json),
    runs,
  );
  return {
    ms_10k: round2(evaluateMs),
    parse_ms_10k: round2(parseMs),
    ratio_to_parse: round2(evaluateMs / parseMs),
    detail: { resources: bundle.entry?.length ?? 0, json_bytes: Buffer.byteLength(json), runs },
  };
}
