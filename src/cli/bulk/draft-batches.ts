/**
 * Reads a Bulk Data NDJSON folder of drafts (`Claim.ndjson`, `ChargeItem.ndjson`) and evidence (any other
 * types) as a stream of review tasks, so memory grows with one batch of patients, not with the folder.
 *
 * Pass 0 reads every line once: it counts the drafts, lists their patients' ids in first-seen order, keeps
 * the shared resources (Practitioner, PractitionerRole, Organization, Medication, Location), notes which
 * files hold Provenance, and reports each unreadable line once. Then, per batch of patients, one streaming
 * pass keeps the batch's resources (by subject, patient or beneficiary) and, reading the Provenance files
 * last, the Provenance whose target is one of the batch's drafts. Each draft is yielded with its patient's
 * resources, the shared ones they reference, and its Provenance.
 */
import { isObject, type JsonObject, objects, refOf, str } from '../../review/json-access.ts';
import { CliInputError } from '../cli-io.ts';
import { jsonLines, type LineProblem, listNdjsonFiles } from '../ndjson/files.ts';
import { collectReferences, patientIdOf, SHARED_TYPES, SharedResources } from '../ndjson/references.ts';
import type { ReviewTask } from './review-task.ts';

export type { LineProblem } from '../ndjson/files.ts';

/** What pass 0 found. */
export interface FolderScan {
  readonly files: readonly string[];
  readonly draftCount: number;
}

/** Options for reading. */
export interface DraftBatchOptions {
  /** Patients per streaming pass (default 500). */
  readonly batchSize?: number;
  readonly onProblem?: (problem: LineProblem) => void;
  /** Called once after pass 0, before the first task. */
  readonly onScan?: (scan: FolderScan) => void;
}

const DRAFT_TYPES = new Set(['Claim', 'ChargeItem']);
const NO_PATIENT = '';

interface Scan {
  readonly files: readonly string[];
  readonly provenanceFiles: Set<string>;
  readonly patientIds: string[];
  readonly shared: SharedResources<JsonObject>;
  draftCount: number;
}

async function listFiles(dir: string): Promise<readonly string[]> {
  return (await listNdjsonFiles(dir)).files;
}

async function scanFolder(dir: string, report: (p: LineProblem) => void): Promise<Scan> {
  const scan: Scan = {
    files: await listFiles(dir),
    provenanceFiles: new Set(),
    patientIds: [],
    shared: new SharedResources(),
    draftCount: 0,
  };
  const seen = new Set<string>();
  for (const file of scan.files) {
    for await (const { value, line, error } of jsonLines(file)) {
      if (error !== undefined || !isObject(value) || typeof value.resourceType !== 'string') {
        report({ file, line, problem: error ?? 'not a FHIR resource (no resourceType); skipped' });
        continue;
      }
      const type = value.resourceType;
      if (DRAFT_TYPES.has(type)) {
        scan.draftCount += 1;
        const owner = patientIdOf(value) ?? NO_PATIENT;
        if (!seen.has(owner)) {
          seen.add(owner);
          scan.patientIds.push(owner);
        }
      } else if (type === 'Provenance') {
        scan.provenanceFiles.add(file);
      } else if (SHARED_TYPES.has(type)) {
        const ref = refOf(value);
        if (ref !== undefined) {
          scan.shared.add(value, ref, value);
        }
      }
    }
  }
  if (scan.draftCount === 0) {
    throw new CliInputError(`${dir}: no Claim or ChargeItem in the NDJSON files`);
  }
  return scan;
}

interface Batch {
  readonly resources: Map<string, JsonObject[]>;
  readonly drafts: Map<string, JsonObject[]>;
  readonly provenance: Map<string, JsonObject[]>;
}

async function readBatch(scan: Scan, patients: ReadonlySet<string>): Promise<Batch> {
  const batch: Batch = { resources: new Map(), drafts: new Map(), provenance: new Map() };
  const draftRefs = new Set<string>();
  const push = (map: Map<string, JsonObject[]>, key: string, value: JsonObject): void => {
    const list = map.get(key);
    if (list === undefined) {
      map.set(key, [value]);
    } else {
      list.push(value);
    }
  };
  // Provenance files last, so every draft of the batch is known when its Provenance is read.
  const ordered = [
    ...scan.files.filter((f) => !scan.provenanceFiles.has(f)),
    ...scan.files.filter((f) => scan.provenanceFiles.has(f)),
  ];
  for (const file of ordered) {
    for await (const { value } of jsonLines(file)) {
      if (
        !isObject(value) ||
        typeof value.resourceType !== 'string' ||
        SHARED_TYPES.has(value.resourceType)
      ) {
        continue;
      }
      if (value.resourceType === 'Provenance') {
        for (const target of objects(value, 'target')) {
          const ref = str(target, 'reference');
          if (ref !== undefined && draftRefs.has(ref)) {
            push(batch.provenance, ref, value);
          }
        }
        continue;
      }
      const owner = DRAFT_TYPES.has(value.resourceType)
        ? (patientIdOf(value) ?? NO_PATIENT)
        : patientIdOf(value);
      if (owner === undefined || !patients.has(owner)) {
        continue;
      }
      if (DRAFT_TYPES.has(value.resourceType)) {
        push(batch.drafts, owner, value);
        const ref = refOf(value);
        if (ref !== undefined) {
          draftRefs.add(ref);
        }
      } else {
        push(batch.resources, owner, value);
      }
    }
  }
  return batch;
}

function linkedShared(scan: Scan, own: readonly JsonObject[]): JsonObject[] {
  const refs = new Set<string>();
  collectReferences(own, refs);
  return scan.shared.linked(refs);
}

/** Yields one review task per draft in the folder. Throws CliInputError when the folder has no drafts. */
export async function* readDraftBatches(
  dir: string,
  options: DraftBatchOptions = {},
): AsyncGenerator<ReviewTask> {
  const scan = await scanFolder(dir, options.onProblem ?? (() => undefined));
  options.onScan?.({ files: scan.files, draftCount: scan.draftCount });
  const size = Math.max(1, options.batchSize ?? 500);
  for (let start = 0; start < scan.patientIds.length; start += size) {
    const patients = new Set(scan.patientIds.slice(start, start + size));
    const batch = await readBatch(scan, patients);
    for (const patient of patients) {
      const own = batch.resources.get(patient) ?? [];
      const drafts = batch.drafts.get(patient) ?? [];
      batch.resources.delete(patient);
      batch.drafts.delete(patient);
      const shared = linkedShared(scan, [...own, ...drafts]);
      for (const draft of drafts) {
        const ref = refOf(draft);
        const provenance = ref === undefined ? [] : (batch.provenance.get(ref) ?? []);
        yield { draft, resources: [...own, ...shared, ...provenance] };
      }
    }
  }
}
