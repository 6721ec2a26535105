/**
 * validate.*: R4 validation (the app's validator: structure, cardinality, required bindings) of generated
 * Claims. The Claims are built with the app's own builders from the scenario patients that meet every
 * criterion, each with its own ids; the validator is loaded before the clock starts.
 */
import { scenarios } from '../mocks/patients/index.ts';
import { BUILTIN_POLICIES } from '../src/domain/builtin-policies.ts';
import { buildDraft } from '../src/domain/draft/index.ts';
import { evaluate } from '../src/domain/evaluate.ts';
import { selectPolicy } from '../src/domain/payer-match.ts';
import { indexRecord } from '../src/domain/record-index.ts';
import { recordFromBundle } from '../src/fhir/record/index.ts';
import { loadNodeR4Validator } from '../src/validate/node-definitions.ts';
import { round2 } from './stats.ts';

/** The evaluation date the scenarios are written for. */
const AS_OF = '2026-11-20';

/** The measured figures for `validate`. */
export interface ValidateFigures {
  readonly claims_per_s: number;
  readonly detail: {
    readonly claims: number;
    readonly templates: number;
    readonly ms: number;
    readonly load_ms: number;
    readonly invalid: number;
  };
}

/** Claims (as JSON objects) for every scenario that gets one, `count` in all, each with its own ids. */
export function generateClaims(count: number): { claims: unknown[]; templates: number } {
  const makers: ((n: number) => unknown)[] = [];
  for (const scenario of scenarios) {
    if ((scenario.bundle.entry?.length ?? 0) > 200) {
      continue;
    }
    const record = recordFromBundle(scenario.bundle, { user: 'Practitioner/cm-rivera' }).record;
    const selection = record && selectPolicy(record, indexRecord(record), BUILTIN_POLICIES);
    if (!record || !selection) {
      continue;
    }
    const evaluation = evaluate(record, {
      asOf: AS_OF,
      policy: selection.policy,
      payerMatch: selection.match,
      attestations: [],
    });
    const make = (n: number) => {
      const hex = n.toString(16).padStart(12, '0');
      const built = buildDraft({
        kind: 'claim',
        evaluation,
        record,
        choices: { placeOfService: '11' },
        asOf: AS_OF,
        recorded: `${AS_OF}T10:00:00Z`,
        ids: { draft: `6f1c2a3e-0000-4000-8000-${hex}`, provenance: `6f1c2a3e-0001-4000-8000-${hex}` },
        app: { name: 'G9012 case-management app', version: '0.1.0' },
      });
      return built.ok ? { ...built.resource, id: `bench-claim-${n}` } : undefined;
    };
    if (make(0) !== undefined) {
      makers.push(make);
    }
  }
  if (makers.length === 0) {
    throw new Error('validate bench: no scenario gives a Claim');
  }
  const claims = Array.from({ length: count }, (_, n) => makers[n % makers.length]?.(n));
  return { claims, templates: makers.length };
}

/** Validates `count` generated Claims once each after a short warm-up. */
export async function benchValidate(count = 500): Promise<ValidateFigures> {
  const { claims, templates } = generateClaims(count);
  const loadStarted = performance.now();
  const validator = await loadNodeR4Validator();
  const loadMs = performance.now() - loadStarted;
  for (const claim of claims.slice(0, 20)) {
    validator.validate(claim);
  }
  let invalid = 0;
  const started = performance.now();
  for (const claim of claims) {
    if (validator.validate(claim).some((issue) => issue.severity === 'error' || issue.severity === 'fatal')) {
      invalid += 1;
    }
  }
  const ms = performance.now() - started;
  return {
    claims_per_s: Math.round((claims.length / ms) * 1000),
    detail: { claims: claims.length, templates, ms: round2(ms), load_ms: Math.round(loadMs), invalid },
  };
}
