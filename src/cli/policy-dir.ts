/**
 * `--policy-dir`: extra payer policies as JSON files, validated with the same schema as the shipped ones.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type PayerPolicy, parsePolicy } from '../domain/policy.ts';
import { CliInputError } from './cli-io.ts';

/** Reads and validates every `*.json` in `dir`. Any unreadable or invalid file is a CliInputError. */
export async function readPolicyDir(dir: string): Promise<PayerPolicy[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  } catch (error) {
    throw new CliInputError(
      `${dir}: cannot read the policy folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const out: PayerPolicy[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new CliInputError(
        `${file}: not a readable JSON policy (${error instanceof SyntaxError ? 'invalid JSON' : 'cannot read'})`,
      );
    }
    const result = parsePolicy(json);
    if (!result.ok) {
      throw new CliInputError(`${file}: invalid payer policy: ${result.problem}`);
    }
    out.push(result.policy);
  }
  return out;
}
