/**
 * The payer policies shipped with the app (`src/policies/*.json`), validated once at load. More policies
 * can be added as JSON files at run time (see `parsePolicy` and the CLI's `--policy-dir`).
 */
import aetna from '../policies/aetna.json' with { type: 'json' };
import bcbs from '../policies/bcbs.json' with { type: 'json' };
import cigna from '../policies/cigna.json' with { type: 'json' };
import defaultPolicy from '../policies/default.json' with { type: 'json' };
import medicaid from '../policies/medicaid.json' with { type: 'json' };
import medicare from '../policies/medicare.json' with { type: 'json' };
import uhc from '../policies/uhc.json' with { type: 'json' };
import { type PayerPolicy, parsePolicy } from './policy.ts';

/** The raw JSON of each shipped policy, by file name (for the policy-source test). */
export const BUILTIN_POLICY_FILES: Readonly<Record<string, unknown>> = {
  'medicare.json': medicare,
  'aetna.json': aetna,
  'bcbs.json': bcbs,
  'cigna.json': cigna,
  'uhc.json': uhc,
  'medicaid.json': medicaid,
  'default.json': defaultPolicy,
};

function load(): PayerPolicy[] {
  return Object.entries(BUILTIN_POLICY_FILES).map(([file, json]) => {
    const result = parsePolicy(json);
    if (!result.ok) {
      throw new Error(`src/policies/${file} is not a valid payer policy: ${result.problem}`);
    }
    return result.policy;
  });
}

/** The shipped policies, validated. */
export const BUILTIN_POLICIES: readonly PayerPolicy[] = load();

/** Merges extra policies over the shipped ones; an extra policy with the same id replaces the shipped one. */
export function withExtraPolicies(extra: readonly PayerPolicy[]): PayerPolicy[] {
  const ids = new Set(extra.map((p) => p.id));
  return [...BUILTIN_POLICIES.filter((p) => !ids.has(p.id)), ...extra];
}
