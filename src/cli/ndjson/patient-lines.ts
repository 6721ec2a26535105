/**
 * Reads a folder of Bulk Data NDJSON files patient by patient, keeping each patient's lines as text for
 * whoever evaluates them (a worker thread parses them there). Memory holds one batch of patients' lines,
 * the shared resources and the patient ids, never more than about `batchBytes` of the folder.
 *
 * A folder of at most `batchBytes` is read in one pass. A larger one is read in a first pass (patient ids,
 * shared resources, unreadable lines) and then one pass per batch of patients, each batch sized so its
 * share of the folder is about `batchBytes`. Within a pass, lines are classified from their bytes
 * (`line-class.ts`): a line of a patient outside the batch is skipped without being decoded or parsed.
 */
import { isObject, type JsonObject } from '../../review/json-access.ts';
import { type LineProblem, lineBlocks, listNdjsonFiles } from './files.ts';
import { LineClassifier } from './line-class.ts';
import { patientIdOf, SHARED_TYPES, SharedResources } from './references.ts';

/** One line of a patient's, with where it came from (an index into the folder's files). */
export interface SourceLine {
  readonly text: string;
  readonly file: number;
  readonly line: number;
}

/** One patient's lines: its Patient resource(s) and every resource whose subject, patient or beneficiary it is. */
export interface PatientLines {
  readonly patientId: string;
  readonly lines: readonly SourceLine[];
}

/** An opened folder: what the first pass found, and the patients to read. */
export interface NdjsonFolder {
  readonly files: readonly string[];
  readonly patientCount: number;
  /** Shared resources (Practitioner, PractitionerRole, Organization, Medication, Location) as JSON text. */
  readonly shared: SharedResources<string>;
  /** Each patient's lines, in the order the Patient resources appear. */
  patients(): AsyncGenerator<PatientLines>;
}

/** Options for reading a folder. */
export interface PatientLinesOptions {
  /** About how many bytes of the folder one pass keeps (default 48 MB). */
  readonly batchBytes?: number;
  /** Called once per unreadable line. */
  readonly onProblem?: (problem: LineProblem) => void;
}

const DEFAULT_BATCH_BYTES = 48 * 1024 * 1024;

interface PassState {
  readonly files: readonly string[];
  /** Set in the first pass only: collects patient ids and shared resources and reports problems. */
  readonly first?: {
    readonly patientIds: string[];
    readonly seen: Set<string>;
    readonly shared: SharedResources<string>;
    readonly report: (problem: LineProblem) => void;
  };
  /** Whether this pass keeps the lines of a patient. */
  readonly keeps: (patientId: string) => boolean;
  readonly kept: Map<string, SourceLine[]>;
}

function keep(state: PassState, patientId: string, line: SourceLine): void {
  if (!state.keeps(patientId)) {
    return;
  }
  const list = state.kept.get(patientId);
  if (list === undefined) {
    state.kept.set(patientId, [line]);
  } else {
    list.push(line);
  }
}

/** Parses a line the bytes could not place, and files it. */
function placeParsed(state: PassState, text: string, file: number, line: number): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    state.first?.report({ file: state.files[file] ?? '', line, problem: 'not valid JSON; skipped' });
    return;
  }
  if (!isObject(value) || typeof value.resourceType !== 'string') {
    state.first?.report({
      file: state.files[file] ?? '',
      line,
      problem: 'not a FHIR resource (no resourceType); skipped',
    });
    return;
  }
  const resource: JsonObject = value;
  const type = value.resourceType;
  if (SHARED_TYPES.has(type)) {
    if (state.first !== undefined && typeof resource.id === 'string') {
      state.first.shared.add(resource, `${type}/${resource.id}`, text);
    }
    return;
  }
  const owner = patientIdOf(resource);
  if (owner === undefined) {
    return;
  }
  if (type === 'Patient' && state.first !== undefined && !state.first.seen.has(owner)) {
    state.first.seen.add(owner);
    state.first.patientIds.push(owner);
  }
  keep(state, owner, { text, file, line });
}

async function runPass(state: PassState): Promise<void> {
  for (const [file, path] of state.files.entries()) {
    for await (const { buf, starts, ends, numbers } of lineBlocks(path)) {
      const classifier = new LineClassifier(buf);
      for (let i = 0; i < starts.length; i += 1) {
        const start = starts[i] ?? 0;
        const end = ends[i] ?? 0;
        const line = numbers[i] ?? 0;
        const kind = classifier.classify(start, end);
        if (kind.kind === 'owned') {
          if (state.keeps(kind.patientId)) {
            keep(state, kind.patientId, { text: buf.toString('utf8', start, end), file, line });
          }
        } else if (kind.kind === 'parse' || state.first !== undefined || kind.type === 'Patient') {
          placeParsed(state, buf.toString('utf8', start, end), file, line);
        }
      }
    }
  }
}

/** Opens a folder: runs the first pass. Throws CliInputError when it has no NDJSON files. */
export async function openNdjsonFolder(
  dir: string,
  options: PatientLinesOptions = {},
): Promise<NdjsonFolder> {
  const { files, bytes } = await listNdjsonFiles(dir);
  const batchBytes = Math.max(1, options.batchBytes ?? DEFAULT_BATCH_BYTES);
  const onePass = bytes <= batchBytes;
  const first = {
    patientIds: [] as string[],
    seen: new Set<string>(),
    shared: new SharedResources<string>(),
    report: options.onProblem ?? (() => undefined),
  };
  const firstKept = new Map<string, SourceLine[]>();
  await runPass({ files, first, keeps: () => onePass, kept: firstKept });
  const { patientIds } = first;
  const perBatch = onePass
    ? patientIds.length
    : Math.max(1, Math.floor((patientIds.length * batchBytes) / bytes));

  async function* patients(): AsyncGenerator<PatientLines> {
    for (let start = 0; start < patientIds.length; start += perBatch) {
      const batch = patientIds.slice(start, start + perBatch);
      let kept = firstKept;
      if (!onePass) {
        const wanted = new Set(batch);
        kept = new Map();
        await runPass({ files, keeps: (id) => wanted.has(id), kept });
      }
      for (const patientId of batch) {
        const lines = kept.get(patientId) ?? [];
        kept.delete(patientId);
        yield { patientId, lines };
      }
    }
  }

  return { files, patientCount: patientIds.length, shared: first.shared, patients };
}
