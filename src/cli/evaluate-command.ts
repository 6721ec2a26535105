/**
 * `g9012 evaluate <input>`: evaluates a Bundle file (one patient) or a folder of Bulk Data NDJSON (one
 * JSON line per patient) against the G9012 criteria. The contract is in issue 4 and `evaluation-json.ts`.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BUILTIN_POLICIES, withExtraPolicies } from '../domain/builtin-policies.ts';
import {
  type AttestationInput,
  CRITERION_IDS,
  type CriterionId,
  type DiagnosisConfirmation,
  type EvaluationPeriod,
} from '../domain/evaluation.ts';
import { asOfDay, InvalidPeriodError, parsePeriod } from '../domain/period.ts';
import { recordFromBundle } from '../fhir/record/index.ts';
import { defaultEvaluateWorkers, evaluateFolder, INLINE_BELOW_PATIENTS } from './bulk/evaluate-folder.ts';
import { writeText } from './bulk/ordered-run.ts';
import { CliInputError, type CliIo, EXIT, oneLine } from './cli-io.ts';
import type { Command } from './commands.ts';
import { NO_POLICY, type RunSettings, renderEvaluation } from './evaluate-render.ts';
import { readPolicyDir } from './policy-dir.ts';

const USAGE = `Usage: g9012 evaluate <bundle.json | ndjson-folder> [options]
  --as-of YYYY-MM-DD           evaluation date (default: today, UTC)
  --period YYYY-MM-DD/YYYY-MM-DD  service period (default: the calendar month of --as-of)
  --payer ID                   payer policy id (default: matched from the patient's Coverage)
  --policy-dir DIR             extra payer policy JSON files (same id replaces a shipped one)
  --attest CRITERION=NOTE      attest a criterion with a note (repeatable)
  --minutes N                  attested case-management minutes
  --confirm-diagnosis Condition/ID=CODE  confirm a suggested ICD-10-CM code (repeatable)
  --user WHO                   who attests (default: "cli user"); Practitioner/ID or PractitionerRole/ID
                               is also the performer checked by the case-manager criterion
  --patient ID                 the patient, when a Bundle holds several
  --format json|text           output format (default: json, one line per patient)
  --workers N                  worker threads for an NDJSON folder (default: one per core but one, which
                               the main thread needs to read the folder; 0: none;
                               folders under ${INLINE_BELOW_PATIENTS} patients run in the main thread)
`;

const USER_REF = /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/;

const OPTIONS = {
  'as-of': { type: 'string' },
  period: { type: 'string' },
  payer: { type: 'string' },
  'policy-dir': { type: 'string' },
  attest: { type: 'string', multiple: true },
  minutes: { type: 'string' },
  'confirm-diagnosis': { type: 'string', multiple: true },
  user: { type: 'string' },
  patient: { type: 'string' },
  format: { type: 'string' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const KNOWN_CRITERIA: ReadonlySet<string> = new Set(CRITERION_IDS);

function parseAttestation(text: string, by: string, at: string): AttestationInput {
  const eq = text.indexOf('=');
  const criterion = eq < 0 ? text : text.slice(0, eq);
  const note = eq < 0 ? '' : text.slice(eq + 1);
  if (!KNOWN_CRITERIA.has(criterion)) {
    throw new CliInputError(
      `--attest: unknown criterion "${oneLine(criterion, 40)}" (known: ${CRITERION_IDS.join(', ')})`,
    );
  }
  if (!note.trim()) {
    throw new CliInputError(`--attest ${criterion}: a note is required (CRITERION=NOTE)`);
  }
  return { criterion: criterion as CriterionId, note, by, at };
}

async function settingsFrom(
  args: readonly string[],
): Promise<{ input: string; settings: RunSettings; patient?: string; workers: number }> {
  const parseOptions = { args: [...args], allowPositionals: true, options: OPTIONS } as const;
  let parsed: ReturnType<typeof parseArgs<typeof parseOptions>>;
  try {
    parsed = parseArgs(parseOptions);
  } catch (error) {
    throw new CliInputError(
      error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'invalid arguments',
    );
  }
  const { values, positionals } = parsed;
  if (values.help) {
    throw new HelpRequested();
  }
  const [input, extra] = positionals;
  if (input === undefined || extra !== undefined) {
    throw new CliInputError(
      input === undefined
        ? 'missing <input> (a Bundle file or an NDJSON folder)'
        : `unexpected argument "${oneLine(extra ?? '', 60)}"`,
    );
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'text') {
    throw new CliInputError(`--format must be json or text, not "${oneLine(format, 20)}"`);
  }
  let asOf: string;
  let period: EvaluationPeriod | undefined;
  try {
    asOf = asOfDay(values['as-of'] ?? new Date().toISOString().slice(0, 10));
    if (values['as-of'] !== undefined && values['as-of'].length !== 10) {
      throw new InvalidPeriodError(`as-of date "${oneLine(values['as-of'], 40)}" must be YYYY-MM-DD`);
    }
    period = values.period === undefined ? undefined : parsePeriod(values.period);
  } catch (error) {
    throw new CliInputError(error instanceof Error ? error.message : 'invalid date');
  }
  const workers = values.workers === undefined ? defaultEvaluateWorkers() : Number(values.workers);
  if (values.workers !== undefined && !/^\d{1,3}$/.test(values.workers)) {
    throw new CliInputError(`--workers must be a whole number, not "${oneLine(values.workers, 20)}"`);
  }
  const extraPolicies = values['policy-dir'] === undefined ? [] : await readPolicyDir(values['policy-dir']);
  const policies = extraPolicies.length > 0 ? withExtraPolicies(extraPolicies) : [...BUILTIN_POLICIES];
  if (values.payer !== undefined && !policies.some((p) => p.id === values.payer)) {
    throw new CliInputError(
      `--payer: unknown payer "${oneLine(values.payer, 40)}" (known: ${policies.map((p) => p.id).join(', ')})`,
    );
  }
  // The CLI is an edge: the attestation time is the real time of this run.
  const at = new Date().toISOString();
  const by = values.user ?? 'cli user';
  const attestations = (values.attest ?? []).map((text) => parseAttestation(text, by, at));
  if (values.minutes !== undefined) {
    const minutes = Number(values.minutes);
    if (!/^\d+$/.test(values.minutes) || minutes <= 0) {
      throw new CliInputError(
        `--minutes must be a positive whole number, not "${oneLine(values.minutes, 20)}"`,
      );
    }
    const timeNote = attestations.find((a) => a.criterion === 'time')?.note;
    const others = attestations.filter((a) => a.criterion !== 'time');
    attestations.length = 0;
    attestations.push(...others, {
      criterion: 'time',
      note: timeNote ?? 'minutes attested with --minutes',
      by,
      at,
      minutes,
    });
  }
  const diagnoses = (values['confirm-diagnosis'] ?? []).map((text): DiagnosisConfirmation => {
    const eq = text.indexOf('=');
    const condition = text.slice(0, Math.max(eq, 0));
    const code = text.slice(eq + 1).trim();
    if (eq < 0 || !condition.startsWith('Condition/') || !code) {
      throw new CliInputError(`--confirm-diagnosis must be Condition/ID=CODE, not "${oneLine(text, 60)}"`);
    }
    return { condition, code, by, at };
  });
  return {
    input,
    workers,
    ...(values.patient === undefined ? {} : { patient: values.patient }),
    settings: {
      asOf,
      ...(period ? { period } : {}),
      policies,
      ...(values.payer === undefined ? {} : { payerId: values.payer }),
      attestations,
      diagnoses,
      ...(values.user !== undefined && USER_REF.test(values.user) ? { user: values.user } : {}),
      format,
    },
  };
}

class HelpRequested extends Error {}

async function evaluateBundleFile(file: string, s: RunSettings, io: CliIo, patient?: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliInputError(
      `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // Only where the parser stopped: its message quotes the text around the error, which may be patient data.
    const at = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new CliInputError(`${file}: not valid JSON${at === undefined ? '' : ` (at position ${at})`}`);
  }
  const result = recordFromBundle(json, {
    ...(patient === undefined ? {} : { patientId: patient }),
    ...(s.user === undefined ? {} : { user: s.user }),
  });
  if (!result.record) {
    throw new CliInputError(`${file}: ${result.problems.join('; ') || 'no patient record could be built'}`);
  }
  const output = renderEvaluation(result.record, result.invalid, s);
  if (output === undefined) {
    throw new CliInputError(NO_POLICY);
  }
  await writeText(io.stdout, output);
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  let parsed: Awaited<ReturnType<typeof settingsFrom>>;
  try {
    parsed = await settingsFrom(args);
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout.write(USAGE);
      return EXIT.ok;
    }
    throw error;
  }
  const { input, settings, patient, workers } = parsed;
  let isFolder: boolean;
  try {
    isFolder = (await stat(input)).isDirectory();
  } catch (error) {
    throw new CliInputError(`${input}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (isFolder) {
    await evaluateFolder(input, settings, { workers }, io);
  } else {
    await evaluateBundleFile(input, settings, io, patient);
  }
  return EXIT.ok;
}

/** The `evaluate` command. */
export const evaluateCommand: Command = {
  summary: 'evaluate a Bundle or a Bulk Data NDJSON folder against the G9012 criteria',
  usage: USAGE,
  run,
};
