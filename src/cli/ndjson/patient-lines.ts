/**
 * Reads a folder of Bulk Data NDJSON files patient by patient, handing each patient's lines, unparsed, to
 * whoever evaluates them (a worker thread parses them there).
 *
 * A first pass indexes the folder: each line is classified from its bytes (`line-class.ts`) and only its
 * owner and byte span are kept (`line-index.ts`), with the patient ids in order, the shared resources and
 * the unreadable lines. Patients are then handed out a window at a time: the window's lines are read back
 * by their spans (`span-read.ts`) into one reused buffer, and packed a few patients at a time into a byte
 * array for a worker (`packed-lines.ts`), so this thread never decodes a patient's lines. Memory holds the
 * index and one window of about `batchBytes`, whatever the folder's size, and each file is read twice at
 * most.
 */
import { isObject, type JsonObject } from '../../review/json-access.ts';
import { type LineProblem, lineBlocks, listNdjsonFiles } from './files.ts';
import { LineClassifier } from './line-class.ts';
import { LineIndex, type LineSpan, OwnerNumbers } from './line-index.ts';
import { type PackedPatients, unpackPatients } from './packed-lines.ts';
import { patientIdOf, SHARED_TYPES, SharedResources } from './references.ts';
import { type ReadLines, SpanReader } from './span-read.ts';

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
  /** The same, packed `size` patients at a time (`packed-lines.ts`), for a worker thread. */
  packs(size: number): AsyncGenerator<PackedPatients>;
}

/** Options for reading a folder. */
export interface PatientLinesOptions {
  /** About how many bytes of lines one window holds (default 8 MB). */
  readonly batchBytes?: number;
  /** Called once per unreadable line. */
  readonly onProblem?: (problem: LineProblem) => void;
}

const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;

/** What the index pass collects. */
interface IndexState {
  readonly files: readonly string[];
  readonly index: LineIndex;
  readonly owners: OwnerNumbers;
  /** Owner numbers of the patients, in the order their Patient resources appear. */
  readonly patients: number[];
  readonly patientIds: string[];
  readonly seen: Set<number>;
  readonly shared: SharedResources<string>;
  readonly report: (problem: LineProblem) => void;
}

/** Parses a line the bytes could not place (or a Patient or shared resource), and files it. */
function placeParsed(state: IndexState, text: string, span: LineSpan): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    state.report({ file: state.files[span.file] ?? '', line: span.line, problem: 'not valid JSON; skipped' });
    return;
  }
  if (!isObject(value) || typeof value.resourceType !== 'string') {
    state.report({
      file: state.files[span.file] ?? '',
      line: span.line,
      problem: 'not a FHIR resource (no resourceType); skipped',
    });
    return;
  }
  const resource: JsonObject = value;
  const type = value.resourceType;
  if (SHARED_TYPES.has(type)) {
    if (typeof resource.id === 'string') {
      state.shared.add(resource, `${type}/${resource.id}`, text);
    }
    return;
  }
  const owner = patientIdOf(resource);
  if (owner === undefined) {
    return;
  }
  const number = state.owners.numberOf(owner);
  if (type === 'Patient' && !state.seen.has(number)) {
    state.seen.add(number);
    state.patients.push(number);
    state.patientIds.push(owner);
  }
  state.index.add(number, span);
}

/** The first pass: every line's owner and span, the patients, the shared resources, the problems. */
async function indexFolder(state: IndexState): Promise<void> {
  for (const [file, path] of state.files.entries()) {
    for await (const { buf, offset, starts, ends, numbers } of lineBlocks(path)) {
      const classifier = new LineClassifier(buf);
      for (let i = 0; i < starts.length; i += 1) {
        const start = starts[i] ?? 0;
        const end = ends[i] ?? 0;
        const span = { file, line: numbers[i] ?? 0, start: offset + start, end: offset + end };
        const kind = classifier.classify(start, end);
        if (kind.kind === 'owned') {
          state.index.add(state.owners.numberOf(kind.patientId), span);
        } else {
          placeParsed(state, buf.toString('utf8', start, end), span);
        }
      }
    }
  }
}

/** Opens a folder: runs the index pass. Throws CliInputError when it has no NDJSON files. */
export async function openNdjsonFolder(
  dir: string,
  options: PatientLinesOptions = {},
): Promise<NdjsonFolder> {
  const { files } = await listNdjsonFiles(dir);
  const batchBytes = Math.max(1, options.batchBytes ?? DEFAULT_BATCH_BYTES);
  const state: IndexState = {
    files,
    index: new LineIndex(),
    owners: new OwnerNumbers(),
    patients: [],
    patientIds: [],
    seen: new Set(),
    shared: new SharedResources<string>(),
    report: options.onProblem ?? (() => undefined),
  };
  await indexFolder(state);
  const { index, patientIds } = state;
  const { first, order } = index.groupByOwner(state.owners.size);
  const patientCount = patientIds.length;
  /** Where patient `n`'s lines are in `order`: positions `from` to `to - 1`. */
  const linesOf = (n: number): { from: number; to: number } => {
    const owner = state.patients[n] ?? 0;
    return { from: first[owner] ?? 0, to: first[owner + 1] ?? 0 };
  };

  /** Packs patients `from` to `to - 1`, whose lines are `lines[k0]` on, as `read` holds them. */
  function pack(from: number, to: number, lines: Int32Array, k0: number, read: ReadLines): PackedPatients {
    const firstLine = new Int32Array(to - from + 1);
    let count = 0;
    let byteCount = 0;
    for (let n = from; n < to; n += 1) {
      firstLine[n - from] = count;
      const { from: a, to: b } = linesOf(n);
      count += b - a;
      for (let k = a; k < b; k += 1) {
        byteCount += index.bytes(order[k] ?? 0);
      }
    }
    firstLine[to - from] = count;
    const files = new Int32Array(count);
    const numbers = new Int32Array(count);
    const ends = new Float64Array(count);
    const bytes = new Uint8Array(byteCount);
    let cursor = 0;
    for (let j = 0; j < count; j += 1) {
      const line = lines[k0 + j] ?? 0;
      const start = read.at[k0 + j] ?? 0;
      const length = index.bytes(line);
      read.buf.copy(bytes, cursor, start, start + length);
      cursor += length;
      files[j] = index.fileOf(line);
      numbers[j] = index.lineOf(line);
      ends[j] = cursor;
    }
    return { patientIds: patientIds.slice(from, to), firstLine, files, lines: numbers, ends, bytes };
  }

  async function* packs(size: number): AsyncGenerator<PackedPatients> {
    const reader = new SpanReader(files, index);
    for (let from = 0; from < patientCount; ) {
      // A window: patients until their lines reach batchBytes (at least one patient).
      let to = from;
      let lineCount = 0;
      for (let bytes = 0; to < patientCount && (to === from || bytes < batchBytes); to += 1) {
        const { from: a, to: b } = linesOf(to);
        lineCount += b - a;
        for (let k = a; k < b; k += 1) {
          bytes += index.bytes(order[k] ?? 0);
        }
      }
      const lines = new Int32Array(lineCount);
      let k = 0;
      for (let n = from; n < to; n += 1) {
        const { from: a, to: b } = linesOf(n);
        lines.set(order.subarray(a, b), k);
        k += b - a;
      }
      const read = await reader.read(lines);
      let k0 = 0;
      for (let p = from; p < to; p += size) {
        const packed = pack(p, Math.min(to, p + size), lines, k0, read);
        k0 += packed.files.length;
        yield packed;
      }
      from = to;
    }
  }

  async function* patients(): AsyncGenerator<PatientLines> {
    for await (const pack of packs(1)) {
      yield* unpackPatients(pack);
    }
  }

  return { files, patientCount, shared: state.shared, patients, packs };
}
