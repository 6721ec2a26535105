/**
 * Several patients' lines packed into one byte array: what the reader hands a worker thread. One
 * transferred buffer instead of a string per line keeps the lines out of the reading thread's heap (it
 * never decodes them) and costs the message one copy, not a serialisation of every string.
 */
import type { PatientLines, SourceLine } from './patient-lines.ts';

/** Patients `patientIds`; patient `p`'s lines are numbers `firstLine[p]` to `firstLine[p + 1] - 1`. */
export interface PackedPatients {
  readonly patientIds: readonly string[];
  readonly firstLine: Int32Array;
  /** Per line: the file it came from (an index into the folder's files) and its line number there. */
  readonly files: Int32Array;
  readonly lines: Int32Array;
  /** Line `k` is `bytes` from `ends[k - 1]` (0 for the first line) to `ends[k]`. */
  readonly ends: Float64Array;
  readonly bytes: Uint8Array;
}

/** The buffers to transfer with a pack (they are unusable in the sender afterwards). */
export function packTransfers(pack: PackedPatients): ArrayBuffer[] {
  return [pack.firstLine, pack.files, pack.lines, pack.ends, pack.bytes].map((a) => a.buffer as ArrayBuffer);
}

/** Unpacks each patient's lines, decoding them as UTF-8. */
export function unpackPatients(pack: PackedPatients): PatientLines[] {
  const buf = Buffer.from(pack.bytes.buffer, pack.bytes.byteOffset, pack.bytes.byteLength);
  return pack.patientIds.map((patientId, p) => {
    const out: SourceLine[] = [];
    for (let k = pack.firstLine[p] ?? 0; k < (pack.firstLine[p + 1] ?? 0); k += 1) {
      out.push({
        text: buf.toString('utf8', k === 0 ? 0 : pack.ends[k - 1], pack.ends[k]),
        file: pack.files[k] ?? 0,
        line: pack.lines[k] ?? 0,
      });
    }
    return { patientId, lines: out };
  });
}
