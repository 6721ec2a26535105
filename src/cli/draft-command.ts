/**
 * `g9012 draft <bundle.json> --kind chargeitem|claim`: evaluates one patient's Bundle and prints the draft
 * ChargeItem or Claim (or, with `--bundle`, the transaction Bundle with its Provenance), validated as FHIR R4.
 *
 * Exit codes (issue 5 item 8): 0 draft printed; 1 no valid draft can be built (the reason on stderr: a Claim
 * without Coverage, a not-billable or incomplete evaluation, a validation failure); 2 bad input. Every failure
 * is plain lines on stderr, never a stack trace. The command handles its own errors, so it runs alike from the
 * command table and on its own (`runDraftCommand`).
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { BUILTIN_POLICIES } from '../domain/builtin-policies.ts';
import { type BuiltDraft, buildDraft } from '../domain/draft/build-draft.ts';
import type { AppInfo, DraftChoices, DraftKind } from '../domain/draft/types.ts';
import { evaluate } from '../domain/evaluate.ts';
import {
  type AttestationInput,
  CRITERION_IDS,
  type CriterionId,
  type DiagnosisConfirmation,
  type Evaluation,
  type EvaluationPeriod,
  type ModifierJustification,
} from '../domain/evaluation.ts';
import { selectPolicy } from '../domain/payer-match.ts';
import { asOfDay, InvalidPeriodError, parsePeriod } from '../domain/period.ts';
import { indexRecord } from '../domain/record-index.ts';
import { recordFromBundle } from '../fhir/record/index.ts';
import { fetchFhirHttp } from '../fhir/write/fhir-http.ts';
import { writeDraft } from '../fhir/write/write-draft.ts';
import type { WriteError } from '../fhir/write/write-error.ts';
import { loadNodeR4Validator } from '../validate/node-definitions.ts';
import { isBlocking, type R4Validator } from '../validate/r4.ts';
import { type CliIo, EXIT, oneLine } from './cli-io.ts';
import type { Command } from './commands.ts';

/** The app as recorded in Provenance (name, and the package version). */
export const CLI_APP_INFO: AppInfo = { name: 'G9012 case-management app', version: packageJson.version };

const USAGE = `Usage: g9012 draft <bundle.json> --kind chargeitem|claim [options]
  --kind chargeitem|claim        the draft to build (required)
  --as-of YYYY-MM-DD             evaluation and draft date (default: today, UTC)
  --period YYYY-MM-DD/YYYY-MM-DD service period (default: the calendar month of --as-of)
  --payer ID                     payer policy id (default: matched from the patient's Coverage)
  --attest CRITERION=NOTE        attest a criterion with a note (repeatable)
  --minutes N                    attested case-management minutes
  --user Practitioner/ID         the signed-in user: performer, enterer and attester (required for a draft)
  --place-of-service NN          CMS place of service, when the record leaves a choice (Claim)
  --confirm-diagnosis Condition/ID=CODE  confirm a suggested ICD-10-CM code (repeatable)
  --modifier-22 JUSTIFICATION    request modifier 22 with its written justification
  --patient ID                   the patient, when the Bundle holds several
  --bundle                       print the transaction Bundle (draft + Provenance) instead of the draft
  --write FHIR_BASE_URL          write the draft and its Provenance there (conditional creates, so a
                                 repeat writes nothing new); the token, if any, comes from the
                                 G9012_FHIR_TOKEN environment variable, never from the command line
`;

/** What the command takes from the outside world; tests replace them. */
export interface DraftCommandDeps {
  readonly now: () => Date;
  readonly uuid: () => string;
  readonly readText: (path: string) => Promise<string>;
  /** The bearer token for `--write`, if any. */
  readonly token: () => string | undefined;
  readonly fetch: typeof fetch;
}

const NODE_DEPS: DraftCommandDeps = {
  now: () => new Date(),
  uuid: () => randomUUID(),
  readText: (path) => readFile(path, 'utf8'),
  token: () => process.env.G9012_FHIR_TOKEN || undefined,
  fetch: (input, init) => fetch(input, init),
};

class InputError extends Error {}

/** Exit code when no valid draft can be built (issue 5 item 8); shares 1 with internal errors. */
const NO_DRAFT = 1;

const OPTIONS = {
  kind: { type: 'string' },
  'as-of': { type: 'string' },
  period: { type: 'string' },
  payer: { type: 'string' },
  attest: { type: 'string', multiple: true },
  minutes: { type: 'string' },
  user: { type: 'string' },
  'place-of-service': { type: 'string' },
  'confirm-diagnosis': { type: 'string', multiple: true },
  'modifier-22': { type: 'string' },
  patient: { type: 'string' },
  bundle: { type: 'boolean' },
  write: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const USER_REF = /^(Practitioner|PractitionerRole)\/[A-Za-z0-9.-]{1,64}$/;
const CRITERIA: ReadonlySet<string> = new Set(CRITERION_IDS);

function splitPair(text: string, option: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0 || text.slice(eq + 1).trim() === '') {
    throw new InputError(`${option} expects KEY=VALUE, got "${oneLine(text, 60)}"`);
  }
  return [text.slice(0, eq), text.slice(eq + 1)];
}

interface Parsed {
  readonly file: string;
  readonly kind: DraftKind;
  readonly asOf: string;
  readonly period?: EvaluationPeriod;
  readonly payer?: string;
  readonly patient?: string;
  readonly user?: string;
  readonly attestations: readonly AttestationInput[];
  readonly diagnoses: readonly DiagnosisConfirmation[];
  readonly modifiers: readonly ModifierJustification[];
  readonly choices: DraftChoices;
  readonly bundle: boolean;
  readonly write?: string;
}

function parse(args: readonly string[], at: string): Parsed | 'help' {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true }));
  } catch (error) {
    throw new InputError(error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'invalid arguments');
  }
  if (values.help) {
    return 'help';
  }
  const [file, extra] = positionals;
  if (file === undefined || extra !== undefined) {
    throw new InputError(
      file === undefined ? 'missing <bundle.json>' : `unexpected argument "${oneLine(extra ?? '', 60)}"`,
    );
  }
  if (values.kind !== 'chargeitem' && values.kind !== 'claim') {
    throw new InputError('--kind must be chargeitem or claim');
  }
  const asOfText = values['as-of'] ?? at.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOfText)) {
    throw new InputError(`--as-of must be YYYY-MM-DD, not "${oneLine(asOfText, 40)}"`);
  }
  const asOf = asOfDay(asOfText);
  const period = values.period === undefined ? undefined : parsePeriod(values.period);
  if (values.payer !== undefined && !BUILTIN_POLICIES.some((p) => p.id === values.payer)) {
    const known = BUILTIN_POLICIES.map((p) => p.id).join(', ');
    throw new InputError(`--payer: unknown payer "${oneLine(values.payer, 40)}" (known: ${known})`);
  }
  const user = values.user;
  if (user !== undefined && !USER_REF.test(user)) {
    throw new InputError('--user must be Practitioner/ID or PractitionerRole/ID');
  }
  const by = user ?? 'cli user';
  const attestations: AttestationInput[] = (values.attest ?? []).map((text) => {
    const [criterion, note] = splitPair(text, '--attest');
    if (!CRITERIA.has(criterion)) {
      throw new InputError(
        `--attest: unknown criterion "${oneLine(criterion, 40)}" (known: ${CRITERION_IDS.join(', ')})`,
      );
    }
    return { criterion: criterion as CriterionId, note, by, at };
  });
  if (values.minutes !== undefined) {
    if (!/^\d+$/.test(values.minutes) || Number(values.minutes) <= 0) {
      throw new InputError(`--minutes must be a positive whole number, not "${oneLine(values.minutes, 20)}"`);
    }
    const note = attestations.find((a) => a.criterion === 'time')?.note ?? 'minutes attested with --minutes';
    const others = attestations.filter((a) => a.criterion !== 'time');
    attestations.splice(0, attestations.length, ...others, {
      criterion: 'time',
      note,
      by,
      at,
      minutes: Number(values.minutes),
    });
  }
  const diagnoses = (values['confirm-diagnosis'] ?? []).map((text): DiagnosisConfirmation => {
    const [condition, code] = splitPair(text, '--confirm-diagnosis');
    return { condition, code, by, at };
  });
  const justification = values['modifier-22'];
  const modifiers: ModifierJustification[] =
    justification === undefined || justification.trim() === '' ? [] : [{ code: '22', justification, by, at }];
  const pos = values['place-of-service'];
  return {
    file,
    kind: values.kind,
    asOf,
    ...(period === undefined ? {} : { period }),
    ...(values.payer === undefined ? {} : { payer: values.payer }),
    ...(values.patient === undefined ? {} : { patient: values.patient }),
    ...(user === undefined ? {} : { user }),
    attestations,
    diagnoses,
    modifiers,
    choices: {
      ...(pos === undefined ? {} : { placeOfService: pos }),
      ...(modifiers.length > 0 ? { modifierJustifications: modifiers } : {}),
    },
    bundle: values.bundle === true,
    ...(values.write === undefined ? {} : { write: writeBase(values.write) }),
  };
}

function writeBase(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError('--write must be a FHIR base URL (http or https)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError('--write must be a FHIR base URL (http or https)');
  }
  return url.href;
}

/** One line for a failed write, with the next step; never the token or patient data. */
function describeWriteError(error: WriteError): string {
  switch (error.kind) {
    case 'invalid-draft':
      return 'the draft is not valid FHIR R4, so it was not sent';
    case 'auth-expired':
      return '401: the token was refused; set a fresh G9012_FHIR_TOKEN';
    case 'scope-missing':
      return `403: the token lacks ${error.scope}`;
    case 'conflict':
      return `${error.status}: someone else changed it; run again to reload (${oneLine(error.diagnostics.join('; '))})`;
    case 'rejected':
      return `${error.status}: the server refused the ${error.resourceType}: ${oneLine(error.diagnostics.join('; '))}`;
    case 'unavailable':
      return `${error.status}: the server failed; nothing is lost, run again to retry`;
    case 'network':
      return 'no answer from the server; nothing is lost, run again to retry';
    case 'http':
      return `${error.status} writing the ${error.resourceType}: ${oneLine(error.diagnostics.join('; '))}`;
  }
}

/**
 * The blockers a refusal lists (its details), by criterion, status and evidence ids. stderr names ids, never
 * the record's content: a reason can quote diagnosis codes and condition names (`g9012 evaluate` shows it).
 */
function blockerLines(evaluation: Evaluation, details: readonly string[]): string[] {
  const evidence = new Map(evaluation.criteria.map((c) => [c.id, c.evidence]));
  return evaluation.blockers
    .filter((b) => details.some((d) => d.startsWith(`${b.criterion} (`)))
    .map((b) => {
      const refs = evidence.get(b.criterion) ?? [];
      const shown = refs.slice(0, 4).map((ref) => oneLine(ref, 80));
      const more = refs.length > shown.length ? ` and ${refs.length - shown.length} more` : '';
      return `  ${b.criterion} (${b.status})${shown.length > 0 ? `: ${shown.join(', ')}${more}` : ''}`;
    });
}

async function writeTo(
  base: string,
  built: BuiltDraft,
  validator: R4Validator,
  io: CliIo,
  deps: DraftCommandDeps,
) {
  const token = deps.token();
  const http = fetchFhirHttp(base, {
    fetch: deps.fetch,
    ...(token === undefined ? {} : { authorization: async () => `Bearer ${token}` }),
  });
  const outcome = await writeDraft(http, built, { validator });
  if (!outcome.ok) {
    const written =
      outcome.draft === undefined ? '' : ` (${outcome.draft.location} was written; run again to finish)`;
    io.stderr.write(`g9012 draft: not written: ${describeWriteError(outcome.error)}${written}\n`);
    return NO_DRAFT;
  }
  const summary = {
    draft: outcome.draft.location,
    created: outcome.draft.created,
    provenance: outcome.provenance.location,
    via: outcome.via,
  };
  io.stdout.write(`${JSON.stringify(summary)}\n`);
  return EXIT.ok;
}

async function readBundle(file: string, deps: DraftCommandDeps): Promise<unknown> {
  let text: string;
  try {
    text = await deps.readText(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InputError(
      `${oneLine(file, 120)}: cannot read the file (${typeof code === 'string' ? code : 'error'})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InputError(`${oneLine(file, 120)}: not valid JSON`);
  }
}

async function draft(args: readonly string[], io: CliIo, deps: DraftCommandDeps): Promise<number> {
  const now = deps.now().toISOString();
  const parsed = parse(args, now);
  if (parsed === 'help') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const json = await readBundle(parsed.file, deps);
  const result = recordFromBundle(json, {
    ...(parsed.patient === undefined ? {} : { patientId: parsed.patient }),
    ...(parsed.user === undefined ? {} : { user: parsed.user }),
  });
  if (result.record === undefined) {
    throw new InputError(
      `${oneLine(parsed.file, 120)}: ${oneLine(result.problems.join('; ') || 'no patient record')}`,
    );
  }
  const record = result.record;
  const selection = selectPolicy(record, indexRecord(record), BUILTIN_POLICIES, parsed.payer);
  if (selection === undefined) {
    throw new InputError('no payer policy applies (pass --payer)');
  }
  const evaluation = evaluate(record, {
    asOf: parsed.asOf,
    ...(parsed.period === undefined ? {} : { period: parsed.period }),
    policy: selection.policy,
    payerMatch: selection.match,
    attestations: parsed.attestations,
    confirmations: { diagnoses: parsed.diagnoses, modifiers: parsed.modifiers },
  });
  const built = buildDraft({
    kind: parsed.kind,
    evaluation,
    record,
    choices: parsed.choices,
    asOf: parsed.asOf,
    recorded: now,
    ids: { draft: deps.uuid(), provenance: deps.uuid() },
    app: CLI_APP_INFO,
  });
  if (!built.ok) {
    const lines = [
      `g9012 draft: no ${parsed.kind === 'claim' ? 'Claim' : 'ChargeItem'}: ${oneLine(built.reason)}`,
    ];
    const blockers = blockerLines(evaluation, built.details);
    lines.push(...blockers);
    if (blockers.length > 0) {
      lines.push("  For each criterion's reason, run g9012 evaluate with the same file and options.");
    }
    if (built.offer !== undefined) {
      lines.push(
        `  A ${built.offer === 'claim' ? 'Claim' : 'ChargeItem'} can be drafted: --kind ${built.offer}`,
      );
    }
    if (record.user === undefined) {
      lines.push('  Name the user with --user Practitioner/ID.');
    }
    io.stderr.write(`${lines.join('\n')}\n`);
    return NO_DRAFT;
  }
  const validator = await loadNodeR4Validator();
  const issues = validator.validate(built.transaction).filter(isBlocking);
  if (issues.length > 0) {
    const lines = issues.slice(0, 20).map((i) => `  ${oneLine(i.path)}: ${oneLine(i.message)}`);
    io.stderr.write(
      `g9012 draft: the draft is not valid FHIR R4, so it is not printed:\n${lines.join('\n')}\n`,
    );
    return NO_DRAFT;
  }
  if (parsed.write !== undefined) {
    return writeTo(parsed.write, built, validator, io, deps);
  }
  io.stdout.write(`${JSON.stringify(parsed.bundle ? built.transaction : built.resource, null, 2)}\n`);
  return EXIT.ok;
}

/**
 * Runs `g9012 draft` with the arguments after `draft`. Resolves to the exit code; never throws.
 *
 * @param deps the clock, uuid source and file reader (tests pass fixed ones)
 */
export async function runDraftCommand(
  args: readonly string[],
  io: CliIo,
  deps: DraftCommandDeps = NODE_DEPS,
): Promise<number> {
  try {
    return await draft(args, io, deps);
  } catch (error) {
    if (error instanceof InputError || error instanceof InvalidPeriodError) {
      io.stderr.write(`g9012 draft: ${oneLine(error.message, 500)}\n`);
      return EXIT.input;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`g9012 draft: internal error: ${oneLine(message, 500)}\n`);
    return EXIT.internal;
  }
}

/** The `draft` entry of the CLI command table. */
export const draftCommand: Command = {
  summary: 'draft a ChargeItem or Claim (with Provenance) from a Bundle, validated as FHIR R4',
  usage: USAGE,
  run: (args, io) => runDraftCommand(args, io),
};
