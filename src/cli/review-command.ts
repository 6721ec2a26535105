/**
 * `g9012 review <file | ndjson-folder>`: the payer reviewer's CLI (issue 7). A Claim, ChargeItem or Bundle
 * file gives one report per draft in it; a Bulk Data NDJSON folder is reviewed in a streaming worker pool.
 * Exit 0 when every draft is valid and consistent, 1 when any is not, 2 for unreadable input.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BUILTIN_POLICIES, withExtraPolicies } from '../domain/builtin-policies.ts';
import { bundleEntries, bundleSource, draftsFromJson, reviewDraft } from '../review/index.ts';
import { defaultWorkers, reviewFolder } from './bulk/review-folder.ts';
import type { ReviewSettings } from './bulk/review-task.ts';
import { CliInputError, type CliIo, EXIT, oneLine } from './cli-io.ts';
import type { Command } from './commands.ts';
import { readPolicyDir } from './policy-dir.ts';
import { formatReview } from './review-output.ts';

const USAGE = `Usage: g9012 review <claim.json | chargeitem.json | bundle.json | ndjson-folder> [options]
  --evidence FILE        a Bundle of evidence to resolve references against (repeatable)
  --as-of YYYY-MM-DD     re-evaluation date (default: each draft's own date)
  --format json|text     output format (default: json, one line per draft)
  --workers N            worker threads for an NDJSON folder (default: available cores; 0 = main thread)
  --policy-dir DIR       extra payer policy JSON files (same id replaces a shipped one)
Exit status: 0 all drafts valid and consistent, 1 any invalid or inconsistent, 2 unreadable input.
`;

const OPTIONS = {
  evidence: { type: 'string', multiple: true },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  workers: { type: 'string' },
  'policy-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Parsed {
  readonly input: string;
  readonly evidence: readonly string[];
  readonly settings: ReviewSettings;
  readonly workers: number;
}

async function parse(args: readonly string[]): Promise<Parsed | 'help'> {
  const config = { args: [...args], allowPositionals: true, options: OPTIONS } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    throw new CliInputError(
      error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'invalid arguments',
    );
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return 'help';
  }
  const [input, extra] = positionals;
  if (input === undefined || extra !== undefined) {
    throw new CliInputError(
      input === undefined
        ? 'missing <file> (a Claim, ChargeItem or Bundle file, or an NDJSON folder)'
        : `unexpected argument "${oneLine(extra ?? '', 60)}"`,
    );
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'text') {
    throw new CliInputError(`--format must be json or text, not "${oneLine(format, 20)}"`);
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))) {
    throw new CliInputError(`--as-of must be a date YYYY-MM-DD, not "${oneLine(asOf, 40)}"`);
  }
  const workersText = values.workers;
  if (workersText !== undefined && !/^\d{1,3}$/.test(workersText)) {
    throw new CliInputError(`--workers must be a whole number, not "${oneLine(workersText, 20)}"`);
  }
  const policyDir = values['policy-dir'];
  const extraPolicies = policyDir === undefined ? [] : await readPolicyDir(policyDir);
  return {
    input,
    evidence: values.evidence ?? [],
    workers: workersText === undefined ? defaultWorkers() : Number(workersText),
    settings: {
      format,
      policies: extraPolicies.length > 0 ? withExtraPolicies(extraPolicies) : [...BUILTIN_POLICIES],
      ...(asOf === undefined ? {} : { asOf }),
    },
  };
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliInputError(
      `${file}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliInputError(`${file}: the ${what} is not valid JSON`);
  }
}

async function reviewFile(parsed: Parsed, io: CliIo): Promise<boolean> {
  const json = await readJson(parsed.input, 'file');
  const found = draftsFromJson(json);
  if (!found.ok) {
    throw new CliInputError(`${parsed.input}: ${found.problem}`);
  }
  const evidence = [];
  for (const file of parsed.evidence) {
    const bundle = await readJson(file, 'evidence Bundle');
    const entries = bundleEntries(bundle);
    if (entries.length === 0) {
      throw new CliInputError(`${file}: --evidence must be a FHIR Bundle with entries`);
    }
    evidence.push(...entries);
  }
  const source = bundleSource([...bundleEntries(json), ...evidence]);
  const { loadNodeR4Validator } = await import('../validate/node-definitions.ts');
  const validator = await loadNodeR4Validator();
  let allOk = true;
  for (const draft of found.drafts) {
    const report = await reviewDraft(draft, {
      validate: (r) => validator.validate(r),
      source,
      policies: parsed.settings.policies,
      ...(parsed.settings.asOf === undefined ? {} : { asOf: parsed.settings.asOf }),
    });
    allOk &&= report.verdict === 'consistent';
    io.stdout.write(formatReview(report, parsed.settings.format));
  }
  return allOk;
}

function reportPeakMemory(io: CliIo): void {
  // Honest measurement for the bulk tests and the closing note: the whole process (main thread and workers).
  if (process.env.G9012_REPORT_MAXRSS === '1') {
    io.stderr.write(`g9012 review: peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  }
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = await parse(args);
  if (parsed === 'help') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (parsed.evidence.length > 0 && (await isFolder(parsed.input))) {
    throw new CliInputError('--evidence applies to a file; an NDJSON folder carries its own evidence');
  }
  const ok = (await isFolder(parsed.input))
    ? await reviewFolder(parsed.input, parsed.settings, parsed.workers, io)
    : await reviewFile(parsed, io);
  reportPeakMemory(io);
  return ok ? EXIT.ok : 1;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    throw new CliInputError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** The `review` command. */
export const reviewCommand: Command = {
  summary: 'review a generated Claim or ChargeItem (file, Bundle or NDJSON folder) against its evidence',
  usage: USAGE,
  run,
};
